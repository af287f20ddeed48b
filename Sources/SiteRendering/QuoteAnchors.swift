import Foundation
import Markdown

/// Gives the sentence each figure comes from an anchor in the section's HTML, so that an indicator page can
/// link to the plan's own words and the browser highlights them (`:target`).
enum QuoteAnchors {
    /// Wraps the first occurrence of each quote that lies within text (not inside a tag, not across markup) in
    /// `<span class="quote-anchor" id="…">`. Returns the new HTML and the id given to each quote found.
    /// `after` holds HTML to put after a quote's span (the links to the indicators that quote it), by quote.
    static func mark(_ html: String, quotes: [(quote: String, id: String)], after: [String: String] = [:]) -> (html: String, ids: [String: String]) {
        guard !quotes.isEmpty else { return (html, [:]) }
        let bytes = Array(html.utf8)
        // Where text ends and tags begin: a position is inside a tag when the last `<` before it is after the last `>`.
        var insideTag = [Bool](repeating: false, count: bytes.count)
        var inTag = false
        for (index, byte) in bytes.enumerated() {
            if byte == 0x3C { inTag = true }
            insideTag[index] = inTag
            if byte == 0x3E { inTag = false }
        }
        var insertions: [(start: Int, end: Int, id: String, after: String)] = []
        var ids: [String: String] = [:]
        for (quote, id) in quotes where ids[quote] == nil {
            let needle = Array(escapeLikeCMark(quote).utf8)
            guard !needle.isEmpty, needle.count <= bytes.count else { continue }
            var i = 0
            // A quote found only inside (or across) one already marked — one sentence quoted for two figures —
            // shares that anchor, and its links go after the same span.
            var overlapping: Int?
            search: while i + needle.count <= bytes.count {
                if bytes[i] == needle[0], !insideTag[i] {
                    var j = 1
                    while j < needle.count, bytes[i + j] == needle[j] { j += 1 }
                    if j == needle.count {
                        if let other = insertions.firstIndex(where: { $0.start < i + needle.count && i < $0.end }) {
                            if overlapping == nil { overlapping = other }
                        } else {
                            insertions.append((i, i + needle.count, id, after[quote] ?? ""))
                            ids[quote] = id
                            break search
                        }
                    }
                }
                i += 1
            }
            if ids[quote] == nil, let other = overlapping {
                if let links = after[quote], !insertions[other].after.contains(links) { insertions[other].after += links }
                ids[quote] = insertions[other].id
            }
        }
        guard !insertions.isEmpty else { return (html, ids) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + insertions.count * 48)
        var cursor = 0
        for insertion in insertions.sorted(by: { $0.start < $1.start }) {
            out += bytes[cursor..<insertion.start]
            out += "<span class=\"quote-anchor\" id=\"\(insertion.id)\">".utf8
            out += bytes[insertion.start..<insertion.end]
            out += "</span>".utf8
            out += insertion.after.utf8
            cursor = insertion.end
        }
        out += bytes[cursor...]
        return (String(decoding: out, as: UTF8.self), ids)
    }

    /// The text as cmark writes it in HTML: & < > and " escaped, the apostrophe left.
    static func escapeLikeCMark(_ text: String) -> String { HTML.escape(text, apostrophe: false) }

    static func id(for indicator: String, year: Int) -> String { "q-\(indicator)-\(year)" }
}
