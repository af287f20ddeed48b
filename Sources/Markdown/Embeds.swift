/// A paragraph that holds only `[!NAME] argument`: a place where the generator puts something it builds,
/// such as an indicator table (`[!指标表] main`), where the plan prints it.
public struct Embed: Sendable, Equatable {
    public var name: String
    public var argument: String
    /// 1-based line within the Markdown source.
    public var line: Int

    public init(name: String, argument: String, line: Int) {
        self.name = name
        self.argument = argument
        self.line = line
    }

    /// Parses `[!NAME] argument`; nil for any other text.
    public static func parse(_ text: String, line: Int = 1) -> Embed? {
        let trimmed = text.trimming(" \t")
        guard trimmed.hasPrefix("[!"), let close = trimmed.firstIndex(of: "]") else { return nil }
        let name = String(trimmed[trimmed.index(trimmed.startIndex, offsetBy: 2)..<close])
        let argument = String(trimmed[trimmed.index(after: close)...]).trimming(" \t")
        guard !name.isEmpty, !argument.isEmpty, !argument.contains(" ") else { return nil }
        return Embed(name: name, argument: argument, line: line)
    }
}

extension Markdown {
    /// The name that places an indicator table: `[!指标表] table-id`.
    public static let tableMarker = "指标表"

    /// The embeds of a source, found line by line outside fenced code, for checking before rendering.
    public static func embeds(in source: String) -> [Embed] {
        var result: [Embed] = []
        var fence: Substring?
        for (index, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix(3)
                continue
            }
            if let embed = Embed.parse(String(line), line: index + 1), embed.name != boxName {
                result.append(embed)
            }
        }
        return result
    }

    static let boxName = "专栏"
}
