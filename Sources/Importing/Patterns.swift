import Foundation

/// A compiled ICU pattern (NSRegularExpression: it has the look-behind the figure pattern needs) and its matches
/// as Swift strings.
/// Patterns are made by the value that uses them, not kept in globals, so nothing here needs to be Sendable.
struct Pattern {
    let regex: NSRegularExpression

    init(_ pattern: String) {
        regex = try! NSRegularExpression(pattern: pattern)
    }

    struct Match {
        /// Each group's text, nil when the group took no part.
        var groups: [String?]
        /// The whole match, as a range of the searched string.
        var range: Range<String.Index>
        subscript(_ i: Int) -> String? { i < groups.count ? groups[i] : nil }
    }

    func first(in text: String) -> Match? { all(in: text).first }

    func all(in text: String) -> [Match] {
        let ns = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: ns).compactMap { result in
            guard let whole = Range(result.range, in: text) else { return nil }
            let groups = (0..<result.numberOfRanges).map { i -> String? in
                Range(result.range(at: i), in: text).map { String(text[$0]) }
            }
            return Match(groups: groups, range: whole)
        }
    }

    func matches(_ text: String) -> Bool { first(in: text) != nil }
}
