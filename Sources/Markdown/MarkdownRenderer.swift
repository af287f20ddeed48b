import CMarkGFM
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The extensions' registry is global and not thread-safe in Debian's build: register once, before any parse.
private let extensionsRegistered: Bool = {
    cmark_gfm_core_extensions_ensure_registered()
    return true
}()

/// Markdown to HTML through cmark-gfm, with the GitHub extensions and safe mode (authors' raw HTML dropped).
///
/// On top of cmark-gfm it gives every heading an `id` and returns the outline, and it turns block quotes that
/// start with `[!专栏] title` into boxed columns (`<aside class="box">`), as printed plans set them.
public enum Markdown {
    public static let boxMarker = "[!专栏]"

    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// No `CMARK_OPT_VALIDATE_UTF8`: the source is a Swift string, valid UTF-8 by construction (files that are
    /// not are reported when they are read), and checking it again costs as much as parsing the inlines.
    private static let options: Int32 = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES
        | CMARK_OPT_GITHUB_PRE_LANG | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE

    /// Renders `source`. `reservedAnchors` are ids the page already uses, so headings never collide with them.
    ///
    /// A paragraph holding only `[!NAME] argument` is replaced by what `embed` returns for it (raw HTML the
    /// generator built, such as an indicator table); when `embed` returns nil the paragraph stays as text.
    public static func render(_ source: String, reservedAnchors: [String] = [], embed: (Embed) -> String? = { _ in nil }) -> MarkdownDocument {
        precondition(extensionsRegistered)
        guard let parser = cmark_parser_new(options) else { return MarkdownDocument(html: "", outline: []) }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        // Gaps (`[!缺失]`) go through cmark as placeholders and come out as marked spans.
        let prepared = placeholdingGaps(source)
        var source = prepared.0
        let gaps = prepared.1
        // Every byte, a NUL too (cmark-gfm turns it into U+FFFD, as CommonMark asks).
        source.withUTF8 { bytes in
            guard !bytes.isEmpty else { return }
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        guard let document = cmark_parser_finish(parser) else { return MarkdownDocument(html: "", outline: []) }
        defer { cmark_node_free(document) }

        var anchors = AnchorMaker(reserved: reservedAnchors)
        let outline = annotate(document, anchors: &anchors, embed: embed)

        guard let cHTML = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            return MarkdownDocument(html: "", outline: outline.map { $0.heading })
        }
        defer { free(cHTML) }
        var html = addHeadingIDs(UnsafeBufferPointer(start: UnsafeRawPointer(cHTML).assumingMemoryBound(to: UInt8.self), count: strlen(cHTML)),
                                 outline: outline.filter { !$0.isBox }.map { $0.heading })
        if !gaps.isEmpty { html = fillGaps(html, gaps) }
        return MarkdownDocument(html: html, outline: outline.map { $0.heading }, gaps: gaps)
    }

    private struct OutlineEntry {
        var heading: Heading
        var isBox: Bool
    }

    /// Walks the tree in document order: records headings and rewrites 专栏 block quotes into custom blocks.
    private static func annotate(_ document: OpaquePointer, anchors: inout AnchorMaker, embed: (Embed) -> String?) -> [OutlineEntry] {
        var entries: [OutlineEntry] = []
        var lastLevel = 1
        var quotes: [OpaquePointer] = []
        var embeds: [(OpaquePointer, String)] = []
        var unsafe: [OpaquePointer] = []

        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, isUnsafe(cmark_node_get_url(node).map { String(cString: $0) } ?? "") {
                unsafe.append(node)
            } else if type == CMARK_NODE_HEADING {
                let level = Int(cmark_node_get_heading_level(node))
                let text = plainText(of: node)
                entries.append(OutlineEntry(heading: Heading(level: level, text: text, anchor: anchors.make(for: text)), isBox: false))
                lastLevel = level
            } else if type == CMARK_NODE_BLOCK_QUOTE, let title = boxTitle(of: node) {
                let level = min(lastLevel + 1, 6)
                let heading = Heading(level: level, text: title, anchor: anchors.make(for: title))
                entries.append(OutlineEntry(heading: heading, isBox: true))
                quotes.append(node)
            } else if type == CMARK_NODE_PARAGRAPH, cmark_node_parent(node) == document, mayBeEmbed(node),
                      let found = Embed.parse(plainText(of: node)), found.name != boxName, let html = embed(found) {
                embeds.append((node, html))
            }
        }
        // A link or image to a script, a file or inline data keeps its words and loses its address: cmark's safe
        // mode would leave `<a href="">` (a link to the page itself) and `<img src="">` (invalid, and a request).
        for node in unsafe {
            if cmark_node_get_type(node) == CMARK_NODE_IMAGE {
                if let text = cmark_node_new(CMARK_NODE_TEXT) {
                    cmark_node_set_literal(text, plainText(of: node))
                    cmark_node_insert_before(node, text)
                }
            } else {
                while let child = cmark_node_first_child(node) {
                    cmark_node_insert_before(node, child)
                }
            }
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
        for (paragraph, html) in embeds {
            guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            cmark_node_set_on_enter(block, html)
            cmark_node_set_on_exit(block, "")
            cmark_node_replace(paragraph, block)
            cmark_node_free(paragraph)
        }
        // Rewrite after the walk: changing the tree while iterating would confuse the iterator.
        var boxHeadings = entries.filter { $0.isBox }.map { $0.heading }.makeIterator()
        for quote in quotes {
            guard let heading = boxHeadings.next() else { break }
            convertToBox(quote, heading: heading)
        }
        return entries
    }

    /// The title of a 专栏 block quote: the text of its first paragraph's first line after the marker.
    private static func boxTitle(of quote: OpaquePointer) -> String? {
        guard let paragraph = cmark_node_first_child(quote), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
              let first = cmark_node_first_child(paragraph), cmark_node_get_type(first) == CMARK_NODE_TEXT,
              let literal = cmark_node_get_literal(first) else { return nil }
        let text = String(cString: literal)
        // cmark splits "[" and "!" into separate text nodes; gather the first line of the paragraph.
        var line = text
        var next = cmark_node_next(first)
        while let node = next, cmark_node_get_type(node) != CMARK_NODE_SOFTBREAK, cmark_node_get_type(node) != CMARK_NODE_LINEBREAK {
            line += plainText(of: node, includeSelf: true)
            next = cmark_node_next(node)
        }
        guard line.hasPrefix(boxMarker) else { return nil }
        let title = line.dropFirst(boxMarker.count).trimming(" \t")
        return title.isEmpty ? "专栏" : title
    }

    private static func convertToBox(_ quote: OpaquePointer, heading: Heading) {
        guard let box = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        let level = heading.level
        let open = "<aside class=\"box\" aria-labelledby=\"\(HTML.escape(heading.anchor))\">\n"
            + "<h\(level) class=\"box-title\" id=\"\(HTML.escape(heading.anchor))\">\(HTML.escape(heading.text))</h\(level)>\n"
        cmark_node_set_on_enter(box, open)
        cmark_node_set_on_exit(box, "</aside>\n")
        cmark_node_insert_before(quote, box)
        // The first paragraph held the marker line; whatever followed it on later lines stays as a paragraph.
        if let paragraph = cmark_node_first_child(quote) {
            var node = cmark_node_first_child(paragraph)
            while let current = node {
                let type = cmark_node_get_type(current)
                node = cmark_node_next(current)
                cmark_node_free(current)
                if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK { break }
            }
            if cmark_node_first_child(paragraph) == nil { cmark_node_free(paragraph) }
        }
        while let child = cmark_node_first_child(quote) {
            cmark_node_append_child(box, child)
        }
        cmark_node_free(quote)
    }

    /// False when the paragraph's text cannot start with `[, told from its first piece of text without
    /// gathering the whole paragraph (nearly every paragraph is plain text).
    private static func mayBeEmbed(_ paragraph: OpaquePointer) -> Bool {
        var node = cmark_node_first_child(paragraph)
        while let current = node, cmark_node_first_child(current) != nil { node = cmark_node_first_child(current) }
        guard let leaf = node else { return true }
        let type = cmark_node_get_type(leaf)
        guard type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, var p = cmark_node_get_literal(leaf) else { return true }
        while p.pointee == 0x20 || p.pointee == 0x09 { p += 1 }
        return p.pointee == 0 || p.pointee == 0x5B
    }

    /// The text a reader sees in a node: literals of text and code, spaces for breaks.
    /// The addresses cmark-gfm's safe mode blanks (`javascript:`, `vbscript:`, `file:`, `data:`), read as a browser
    /// reads a scheme: case folded, with control characters and spaces dropped. Every `data:` is refused, images too.
    static func isUnsafe(_ url: String) -> Bool {
        var scheme = ""
        for scalar in url.unicodeScalars {
            if scalar == ":" { break }
            if scalar.value <= 0x20 || scalar.value == 0x7F { continue }
            scheme.unicodeScalars.append(scalar)
            if scheme.count > 10 { return false }
        }
        guard url.contains(":") else { return false }
        return ["javascript", "vbscript", "file", "data"].contains(scheme.lowercased())
    }

    private static func plainText(of node: OpaquePointer, includeSelf: Bool = false) -> String {
        var out = ""
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator) else { continue }
            if current == node && !includeSelf { continue }
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(current) {
                out += String(cString: literal)
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                out += " "
            }
        }
        return out
    }

    /// cmark writes headings as bare `<h2>`; give the n-th one the n-th anchor. Safe mode escapes any `<h2>`
    /// an author types, so every bare heading tag in the output is one of ours.
    /// Works on cmark's bytes, so that the page's HTML is decoded into a string once.
    private static func addHeadingIDs(_ bytes: UnsafeBufferPointer<UInt8>, outline: [Heading]) -> String {
        guard !outline.isEmpty else { return String(decoding: bytes, as: UTF8.self) }
        var headings = outline.makeIterator()
        var out: [UInt8] = []
        do {
            out.reserveCapacity(bytes.count + outline.count * 48)
            var i = 0, copied = 0
            while i + 3 < bytes.count {
                // On to the next "<", by memchr: a section's HTML is mostly text.
                guard let next = memchr(bytes.baseAddress! + i, 0x3C, bytes.count - i) else { break }
                i = bytes.baseAddress!.distance(to: next.assumingMemoryBound(to: UInt8.self))
                guard i + 3 < bytes.count else { break }
                // "<h" digit ">"
                if bytes[i] == 0x3C, bytes[i + 1] == 0x68, bytes[i + 2] >= 0x31, bytes[i + 2] <= 0x36, bytes[i + 3] == 0x3E {
                    out.append(contentsOf: bytes[copied..<i])
                    if let heading = headings.next() {
                        out.append(contentsOf: "<h".utf8)
                        out.append(bytes[i + 2])
                        out.append(contentsOf: " id=\"\(HTML.escape(heading.anchor))\">".utf8)
                    } else {
                        out.append(contentsOf: bytes[i..<i + 4])
                    }
                    i += 4
                    copied = i
                } else {
                    i += 1
                }
            }
            out.append(contentsOf: bytes[copied..<bytes.count])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension StringProtocol {
    func trimming(_ set: String) -> String {
        var s = Substring(self)
        while let c = s.first, set.contains(c) { s = s.dropFirst() }
        while let c = s.last, set.contains(c) { s = s.dropLast() }
        return String(s)
    }
}
