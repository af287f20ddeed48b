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
        var fence: UInt8?  // ` or ~ while inside a fenced code block
        var lineNumber = 0
        var source = source
        source.withUTF8 { bytes in
            var start = 0
            while start <= bytes.count {
                lineNumber += 1
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                var first = start
                while first < end, bytes[first] == 0x20 { first += 1 }
                let isFence = first + 2 < end && (bytes[first] == 0x60 || bytes[first] == 0x7E)
                    && bytes[first + 1] == bytes[first] && bytes[first + 2] == bytes[first]
                if let open = fence {
                    if isFence, bytes[first] == open { fence = nil }
                } else if isFence {
                    fence = bytes[first]
                } else if first + 1 < end, bytes[first] == 0x5B, bytes[first + 1] == 0x21 {  // "[!"
                    let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                    if let embed = Embed.parse(line, line: lineNumber), embed.name != boxName { result.append(embed) }
                }
                start = end + 1
            }
        }
        return result
    }

    static let boxName = "专栏"
}
