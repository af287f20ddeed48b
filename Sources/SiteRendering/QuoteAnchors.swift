import Bytes
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
        // One bit a byte: a section page can be tens of megabytes.
        var insideTag = [UInt64](repeating: 0, count: bytes.count / 64 + 1)
        var inTag = false
        for (index, byte) in bytes.enumerated() {
            if byte == 0x3C { inTag = true }
            if inTag { insideTag[index >> 6] |= 1 << UInt64(index & 63) }
            if byte == 0x3E { inTag = false }
        }
        // Every quote's occurrences that start in text, found in one pass (`PatternSet`) and taken in order.
        var first: [String: Int] = [:]
        var unique: [(quote: String, id: String)] = []
        for entry in quotes where first[entry.quote] == nil {
            first[entry.quote] = unique.count
            unique.append(entry)
        }
        let patterns = PatternSet(unique.map { Array(escapeLikeCMark($0.quote).utf8) })
        var occurrences = [[Int]](repeating: [], count: unique.count)
        patterns.forEach(in: bytes) { pattern, start in
            if insideTag[start >> 6] & (1 << UInt64(start & 63)) == 0 { occurrences[pattern].append(start) }
        }
        var insertions: [(start: Int, end: Int, id: String, after: String)] = []
        var ids: [String: String] = [:]
        // Which insertion (its index + 1) covers each byte of a marked quote.
        var claimed: [Int: Int32] = [:]
        for (index, entry) in unique.enumerated() {
            let length = patterns.lengths[index]
            guard length > 0 else { continue }
            // A quote found only inside (or across) one already marked — one sentence quoted for two figures —
            // shares that anchor, and its links go after the same span.
            var overlapping: Int?
            for start in occurrences[index] {
                let covering = (start..<start + length).lazy.compactMap { claimed[$0] }.min()
                if let covering {
                    if overlapping == nil { overlapping = Int(covering) - 1 }
                    continue
                }
                insertions.append((start, start + length, entry.id, after[entry.quote] ?? ""))
                for position in start..<start + length { claimed[position] = Int32(insertions.count) }
                ids[entry.quote] = entry.id
                break
            }
            if ids[entry.quote] == nil, let other = overlapping {
                if let links = after[entry.quote], !insertions[other].after.contains(links) { insertions[other].after += links }
                ids[entry.quote] = insertions[other].id
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
