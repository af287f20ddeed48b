/// The words of a built page as a search finds them: the text of its `<main>`, in passages (a paragraph, a list item, a
/// heading, a table row), each with the anchor a result links to. Read from the page itself, so that search finds what
/// the reader sees, and nothing else: charts (`<svg>`, whose words the tables beside them hold), navigation, scripts
/// and anything marked `data-search="skip"` are left out.
enum SearchText {
    struct Passage: Equatable {
        /// The id of the element the passage is in or follows (a heading, a task, a quote), "" for the page's top.
        var anchor: String
        var text: String
        /// The ids of elements that start inside the passage (a quote's anchor in a paragraph), each with where in
        /// `text` it starts, in UTF-16 units as the script counts: a result links to the last one before its words.
        var marks: [Mark] = []
    }

    struct Mark: Equatable {
        var offset: Int
        var id: String
    }

    struct Page: Equatable {
        var title: String
        var passages: [Passage]
    }

    /// Elements that end a passage where they open and where they close.
    private static let blocks: Set<String> = ["p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "dt", "dd", "caption",
                                               "figcaption", "blockquote", "div", "section", "aside", "table", "ul", "ol",
                                               "dl", "header", "footer", "figure", "article", "details", "summary", "pre",
                                               "thead", "tbody", "form", "hr"]
    /// Elements whose content is never a passage.
    private static let skipped: Set<String> = ["svg", "script", "style", "nav", "template", "noscript", "button"]
    private static let void: Set<String> = ["br", "hr", "img", "input", "meta", "link", "col", "wbr", "source", "area", "base"]

    /// At most this many passages a page: beyond it, neighbours are joined (a 50 MB section stays searchable).
    static let passageLimit = 1024

    static func page(_ html: [UInt8]) -> Page {
        html.withUnsafeBufferPointer { page($0) }
    }

    static func page(_ bytes: UnsafeBufferPointer<UInt8>) -> Page {
        guard let mainStart = find(Array("<main".utf8), in: bytes, from: 0) else { return Page(title: "", passages: []) }
        let end = find(Array("</main>".utf8), in: bytes, from: mainStart) ?? bytes.count
        var passages: [Passage] = []
        var text: [UInt8] = []
        var title: [UInt8] = []
        var inTitle = false, titleDone = false
        var passageID: String?
        var carried = ""
        var lastID = ""
        var skipping: (name: String, depth: Int)?
        var marks: [(raw: Int, id: String)] = []

        func flush() {
            let (words, offsets) = collapse(text, marking: marks.map(\.raw))
            if !words.isEmpty {
                let found = zip(offsets, marks).map { Mark(offset: $0.0, id: $0.1.id) }
                passages.append(Passage(anchor: passageID ?? carried, text: words, marks: found))
            }
            text.removeAll(keepingCapacity: true)
            marks.removeAll()
            passageID = nil
            carried = lastID
        }
        func appendText(_ start: Int, _ stop: Int) {
            guard start < stop else { return }
            decode(bytes, start, stop, into: &text)
            if inTitle { decode(bytes, start, stop, into: &title) }
        }

        var i = mainStart
        var textStart = i
        while i < end {
            guard bytes[i] == 0x3C else { i += 1; continue }
            if skipping == nil { appendText(textStart, i) }
            // A comment.
            if i + 3 < end, bytes[i + 1] == 0x21, bytes[i + 2] == 0x2D, bytes[i + 3] == 0x2D {
                i = (find(Array("-->".utf8), in: bytes, from: i + 4).map { $0 + 3 }) ?? end
                textStart = i
                continue
            }
            let tag = readTag(bytes, at: i, end: end)
            i = tag.end
            textStart = i
            if var skip = skipping {
                if tag.name == skip.name {
                    if tag.closing { skip.depth -= 1 } else if !tag.selfClosing { skip.depth += 1 }
                }
                skipping = skip.depth > 0 ? skip : nil
                continue
            }
            if !tag.closing, skipped.contains(tag.name) || tag.skip {
                if !tag.selfClosing && !void.contains(tag.name) { skipping = (tag.name, 1) }
                continue
            }
            if blocks.contains(tag.name) { flush() }
            if tag.name == "td" || tag.name == "th" || tag.name == "br" { text.append(0x20) }
            if let id = tag.id, !tag.closing {
                lastID = id
                if text.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) {
                    if passageID == nil { passageID = id }
                } else {
                    marks.append((text.count, id))
                }
            }
            if tag.name == "h1", !titleDone {
                if tag.closing { inTitle = false; titleDone = true } else { inTitle = true }
            }
        }
        if skipping == nil { appendText(textStart, end) }
        flush()
        while passages.count > passageLimit {
            var joined: [Passage] = []
            joined.reserveCapacity(passages.count / 2 + 1)
            var index = 0
            while index < passages.count {
                var passage = passages[index]
                if index + 1 < passages.count { passage.text += " " + passages[index + 1].text }
                joined.append(passage)
                index += 2
            }
            passages = joined
        }
        // The title's passage first: a page whose title holds a query is the best answer to it.
        let words = collapse(title, marking: []).0
        if let at = passages.firstIndex(where: { $0.text == words }), at > 0 { passages.insert(passages.remove(at: at), at: 0) }
        return Page(title: words, passages: passages)
    }

    private struct Tag {
        var name: String
        var closing: Bool
        var selfClosing: Bool
        var id: String?
        var skip: Bool
        var end: Int
    }

    /// The tag at `start` (a `<`): its lower-case name, whether it closes, its `id` and whether it says
    /// `data-search="skip"`. Attribute values in quotes may hold `>`.
    ///
    /// Names and values are compared where they stand, with no array or string made for them (but the tag's name, a
    /// small string, and an `id`): at 1000 plans, 28 000 pages of a few thousand tags each, the arrays made per attribute
    /// were most of the reading's time.
    private static func readTag(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> Tag {
        var i = start + 1
        let closing = i < end && bytes[i] == 0x2F
        if closing { i += 1 }
        let nameStart = i
        var upper = false
        while i < end, isNameByte(bytes[i]) {
            if bytes[i] >= 0x41 && bytes[i] <= 0x5A { upper = true }
            i += 1
        }
        var name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<i]), as: UTF8.self)
        if upper { name = name.lowercased() }
        var id: String?
        var skip = false
        var selfClosing = false
        /// Whether bytes[range] is `word` (lower-case ASCII), whatever the case of the bytes.
        func equals(_ range: Range<Int>, _ word: StaticString) -> Bool {
            guard range.count == word.utf8CodeUnitCount else { return false }
            let w = word.utf8Start
            for (k, index) in range.enumerated() where bytes[index] | (bytes[index] >= 0x41 && bytes[index] <= 0x5A ? 0x20 : 0) != w[k] { return false }
            return true
        }
        while i < end, bytes[i] != 0x3E {
            if bytes[i] == 0x2F { selfClosing = true; i += 1; continue }
            guard isNameByte(bytes[i]) else { i += 1; continue }
            selfClosing = false
            let attributeStart = i
            while i < end, isNameByte(bytes[i]) { i += 1 }
            let attribute = attributeStart..<i
            while i < end, bytes[i] == 0x20 { i += 1 }
            var value = i..<i
            if i < end, bytes[i] == 0x3D {
                i += 1
                while i < end, bytes[i] == 0x20 { i += 1 }
                if i < end, bytes[i] == 0x22 || bytes[i] == 0x27 {
                    let quote = bytes[i]
                    i += 1
                    let valueStart = i
                    while i < end, bytes[i] != quote { i += 1 }
                    value = valueStart..<min(i, end)
                    i += 1
                } else {
                    let valueStart = i
                    while i < end, bytes[i] != 0x20, bytes[i] != 0x3E { i += 1 }
                    value = valueStart..<i
                }
            }
            if equals(attribute, "id") { id = String(decoding: UnsafeBufferPointer(rebasing: bytes[value]), as: UTF8.self) }
            if equals(attribute, "data-search"), value.count == 4, bytes[value.lowerBound] == 0x73, bytes[value.lowerBound + 1] == 0x6B,
               bytes[value.lowerBound + 2] == 0x69, bytes[value.lowerBound + 3] == 0x70 { skip = true }
        }
        return Tag(name: name, closing: closing, selfClosing: selfClosing, id: id, skip: skip, end: min(i + 1, end))
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F || byte == 0x3A
    }

    private static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var i = start
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0] {
                var j = 1
                while j < needle.count, bytes[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// Text bytes with the entities this site's pages use decoded (`&amp;` `&lt;` `&gt;` `&quot;` `&#39;`, numeric ones).
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ stop: Int, into out: inout [UInt8]) {
        var i = start
        while i < stop {
            let byte = bytes[i]
            guard byte == 0x26, let semicolon = (i + 1..<min(stop, i + 10)).first(where: { bytes[$0] == 0x3B }) else {
                out.append(byte)
                i += 1
                continue
            }
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 1)..<semicolon]), as: UTF8.self)
            var scalar: Unicode.Scalar?
            switch name {
            case "amp": scalar = "&"
            case "lt": scalar = "<"
            case "gt": scalar = ">"
            case "quot": scalar = "\""
            case "apos": scalar = "'"
            case "nbsp": scalar = " "
            default:
                if name.hasPrefix("#x") || name.hasPrefix("#X") { scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
                else if name.hasPrefix("#") { scalar = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init) }
            }
            if let scalar {
                out += Array(String(Character(scalar)).utf8)
                i = semicolon + 1
            } else {
                out.append(byte)
                i += 1
            }
        }
    }

    /// Every run of white space one space, none at the ends; with where each of `positions` (byte offsets in `bytes`,
    /// ascending) falls in the result, in UTF-16 units.
    private static func collapse(_ bytes: [UInt8], marking positions: [Int]) -> (String, [Int]) {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var space = false
        var offsets: [Int] = []
        var next = 0
        var utf16 = 0
        for (index, byte) in bytes.enumerated() {
            while next < positions.count, positions[next] <= index {
                offsets.append(utf16 + (space ? 1 : 0))
                next += 1
            }
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                space = !out.isEmpty
                continue
            }
            if space { out.append(0x20); utf16 += 1; space = false }
            out.append(byte)
            // A lead byte starts a character: one UTF-16 unit, two for a four-byte one.
            if byte & 0xC0 != 0x80 { utf16 += byte >= 0xF0 ? 2 : 1 }
        }
        while offsets.count < positions.count { offsets.append(utf16) }
        return (String(decoding: out, as: UTF8.self), offsets)
    }
}
