/// Text absent from the only surviving copy of a plan, marked where it was: `[!缺失]`, or `[!缺失：the editors' note]`.
/// Readers see `（原文此处缺失）` (with the note) in place, and the plan page lists every gap with a link to it.
public struct Gap: Sendable, Equatable {
    /// `gap-1`, `gap-2` … in the order of the section's text.
    public var anchor: String
    public var note: String?
    /// Up to 16 characters of the text before the gap, to say where it is.
    public var context: String
    /// 1-based line within the Markdown source.
    public var line: Int

    /// What readers see in place of the missing text.
    public var shown: String { note.map { "（原文此处缺失：\($0)）" } ?? "（原文此处缺失）" }
}

extension Markdown {
    public static let gapMarker = "[!缺失"

    /// Whether `source` may hold a gap: `[!缺` in its bytes. (Looked at on every render: a byte scan, where
    /// Foundation's `range(of:)` would copy the text to UTF-16 first.)
    static func mayHoldGap(_ source: String) -> Bool {
        var source = source
        return source.withUTF8 { bytes in
            guard bytes.count >= 5 else { return false }
            for i in 0..<(bytes.count - 4) where bytes[i] == 0x5B && bytes[i + 1] == 0x21 && bytes[i + 2] == 0xE7
                && bytes[i + 3] == 0xBC && bytes[i + 4] == 0xBA { return true }
            return false
        }
    }

    /// The gaps of a source, in order.
    public static func gaps(in source: String) -> [Gap] {
        scan(source).map(\.gap)
    }

    /// The source with each gap marker replaced by a placeholder that cmark passes through as text.
    static func placeholdingGaps(_ source: String) -> (String, [Gap]) {
        let found = scan(source)
        guard !found.isEmpty else { return (source, []) }
        var out = source
        for (index, marker) in found.enumerated().reversed() { out.replaceSubrange(marker.range, with: "\u{E000}\(index)\u{E001}") }
        return (out, found.map(\.gap))
    }

    /// Each marker, where it stands and what it says: `[!缺失]` exactly, or with a note after a colon, on one line
    /// (`[!缺失值]` is not a gap).
    private static func scan(_ source: String) -> [(range: Range<String.Index>, gap: Gap)] {
        guard mayHoldGap(source) else { return [] }
        var found: [(Range<String.Index>, Gap)] = []
        var line = 1
        var rest = source[...]
        var consumed = source.startIndex
        while let open = rest.range(of: gapMarker) {
            let tail = rest[open.upperBound...]
            guard let close = tail.firstIndex(of: "]"), tail.distance(from: tail.startIndex, to: close) <= 200 else {
                rest = tail
                continue
            }
            let inner = tail[..<close]
            guard !inner.contains("\n"), inner.isEmpty || inner.hasPrefix("：") || inner.hasPrefix(":") else { rest = tail; continue }
            let note = String(inner.dropFirst(inner.isEmpty ? 0 : 1)).trimming(" \t")
            line += source[consumed..<open.lowerBound].reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
            consumed = open.lowerBound
            let before = source[..<open.lowerBound]
            let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
            let context = String(before[lineStart...].filter { $0 != "*" && $0 != ">" }.suffix(16)).trimming(" \t")
            let gap = Gap(anchor: "gap-\(found.count + 1)", note: note.isEmpty ? nil : note, context: context, line: line)
            found.append((open.lowerBound..<tail.index(after: close), gap))
            rest = tail[tail.index(after: close)...]
        }
        return found
    }

    /// The HTML with each placeholder replaced by the marked gap.
    static func fillGaps(_ html: String, _ gaps: [Gap]) -> String {
        var html = html
        for (index, gap) in gaps.enumerated() {
            let mark = "<span class=\"gap\" id=\"\(gap.anchor)\">\(HTML.escape(gap.shown))</span>"
            if let r = html.range(of: "\u{E000}\(index)\u{E001}") { html.replaceSubrange(r, with: mark) }
        }
        return html
    }
}
