/// A Markdown file split into its YAML front matter and its body.
public struct FrontMatterSplit: Sendable, Equatable {
    /// The YAML between the `---` fences, or nil when the file has none.
    public var yaml: String?
    /// The 1-based line on which the YAML starts (the line after the opening fence).
    public var yamlFirstLine: Int
    /// The Markdown after the closing fence.
    public var body: String
    /// The 1-based line on which the body starts.
    public var bodyFirstLine: Int
    /// Set when an opening fence has no closing fence.
    public var unterminated: Bool

    /// Splits `---` fenced front matter from the start of `text`. A file without an opening fence is all body.
    public static func split(_ text: String) -> FrontMatterSplit {
        // "\r\n" is one Character in Swift, so split on both kinds of line end.
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        if let first = lines.first, first.hasPrefix("\u{FEFF}") {
            lines[0] = first.dropFirst()
        }
        guard lines.first.map({ $0.trimmingTrailingSpaces() == "---" }) == true else {
            return FrontMatterSplit(yaml: nil, yamlFirstLine: 1, body: text, bodyFirstLine: 1, unterminated: false)
        }
        for index in 1..<lines.count where lines[index].trimmingTrailingSpaces() == "---" || lines[index].trimmingTrailingSpaces() == "..." {
            let yaml = lines[1..<index].joined(separator: "\n")
            let body = lines[(index + 1)...].joined(separator: "\n")
            return FrontMatterSplit(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: index + 2, unterminated: false)
        }
        return FrontMatterSplit(yaml: nil, yamlFirstLine: 2, body: "", bodyFirstLine: lines.count + 1, unterminated: true)
    }
}

extension Substring {
    fileprivate func trimmingTrailingSpaces() -> Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
    }
}
