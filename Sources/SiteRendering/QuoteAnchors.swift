import Foundation

/// Gives the sentence each figure comes from an anchor in the section's HTML, so that an indicator page can
/// link to the plan's own words and the browser highlights them (`:target`).
enum QuoteAnchors {
    /// Wraps the first occurrence of each quote that lies within text (not inside a tag, not across markup) in
    /// `<span class="quote-anchor" id="…">`. Returns the new HTML and the id given to each quote found.
    static func mark(_ html: String, quotes: [(quote: String, id: String)]) -> (html: String, ids: [String: String]) {
        var insertions: [(range: Range<String.Index>, id: String)] = []
        var ids: [String: String] = [:]
        for (quote, id) in quotes where ids[quote] == nil {
            let needle = escapeLikeCMark(quote)
            guard !needle.isEmpty else { continue }
            var searchStart = html.startIndex
            while let found = html.range(of: needle, range: searchStart..<html.endIndex) {
                let before = html[html.startIndex..<found.lowerBound]
                let insideTag = (before.lastIndex(of: "<") ?? html.startIndex) > (before.lastIndex(of: ">") ?? html.startIndex)
                let overlapsEarlier = insertions.contains { $0.range.overlaps(found) }
                if !insideTag && !overlapsEarlier {
                    insertions.append((found, id))
                    ids[quote] = id
                    break
                }
                searchStart = found.upperBound
            }
        }
        var result = ""
        result.reserveCapacity(html.utf8.count + insertions.count * 48)
        var cursor = html.startIndex
        for insertion in insertions.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            result += html[cursor..<insertion.range.lowerBound]
            result += "<span class=\"quote-anchor\" id=\"\(insertion.id)\">"
            result += html[insertion.range]
            result += "</span>"
            cursor = insertion.range.upperBound
        }
        result += html[cursor...]
        return (result, ids)
    }

    /// cmark escapes these four in text.
    static func escapeLikeCMark(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(ch)
            }
        }
        return out
    }

    static func id(for indicator: String, year: Int) -> String { "q-\(indicator)-\(year)" }
}
