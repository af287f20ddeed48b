/// A fast parser for the plain YAML that content files are written in: block mappings and sequences, one-line
/// flow mappings and sequences (`{ year: 2025, value: 2.6 }`), plain and quoted one-line scalars, comments.
///
/// It gives up, returning nil, on anything else — block scalars (`|`), multi-line scalars, escapes, anchors,
/// tags, tabs, empty values, duplicate keys, anything malformed — and Yams parses the file instead, so every
/// error message still comes from Yams. What it accepts it must read exactly as Yams does, marks included:
/// tests compare the two on every content file, the benchmark corpus and a set of tricky snippets.
///
/// Yams builds a tree of events through libyaml; this reads bytes once and makes only the nodes, which is
/// many times faster on the indicator files of large bulletins.
struct QuickYAML {
    struct GiveUp: Error {}

    private struct Line {
        var start: Int
        var end: Int
        var indent: Int
        var number: Int
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var lines: [Line] = []
    private var index = 0

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    static func parse(_ text: String) -> YAMLNode? {
        var text = text
        return text.withUTF8 { buffer -> YAMLNode? in
            var parser = QuickYAML(bytes: buffer)
            return try? parser.document()
        }
    }

    private mutating func document() throws(GiveUp) -> YAMLNode {
        try scanLines()
        guard let first = lines.first, first.indent == 0 else { throw GiveUp() }
        let root = try block(from: first.start)
        guard index == lines.count else { throw GiveUp() }
        return root
    }

    // MARK: - Lines

    private static let space: UInt8 = 0x20, newline: UInt8 = 0x0A, hash: UInt8 = 0x23, dash: UInt8 = 0x2D
    private static let colon: UInt8 = 0x3A, comma: UInt8 = 0x2C, dot: UInt8 = 0x2E, percent: UInt8 = 0x25
    private static let openBrace: UInt8 = 0x7B, closeBrace: UInt8 = 0x7D, openBracket: UInt8 = 0x5B, closeBracket: UInt8 = 0x5D
    private static let doubleQuote: UInt8 = 0x22, singleQuote: UInt8 = 0x27, backslash: UInt8 = 0x5C

    /// Splits the text into its lines that hold something (not blank, not only a comment), giving up on bytes
    /// that YAML treats specially and this parser does not: control characters (tab, CR), the Unicode line
    /// breaks, a byte order mark, document markers and directives.
    private mutating func scanLines() throws(GiveUp) {
        var start = 0, number = 1
        let count = bytes.count
        lines.reserveCapacity(count / 24)
        while start < count {
            var end = start
            while end < count {
                let byte = bytes[end]
                if byte == Self.newline { break }
                if byte < 0x20 || byte == 0x7F { throw GiveUp() }
                if byte == 0xC2, end + 1 < count, bytes[end + 1] == 0x85 { throw GiveUp() }
                if byte == 0xE2, end + 2 < count, bytes[end + 1] == 0x80, bytes[end + 2] == 0xA8 || bytes[end + 2] == 0xA9 { throw GiveUp() }
                if byte == 0xEF, end + 2 < count, bytes[end + 1] == 0xBB, bytes[end + 2] == 0xBF { throw GiveUp() }
                end += 1
            }
            var indent = 0
            while start + indent < end, bytes[start + indent] == Self.space { indent += 1 }
            if start + indent < end, bytes[start + indent] != Self.hash {
                if indent == 0 {
                    let first = bytes[start]
                    if first == Self.percent || ((first == Self.dash || first == Self.dot) && end - start >= 3
                        && bytes[start + 1] == first && bytes[start + 2] == first) { throw GiveUp() }
                }
                lines.append(Line(start: start, end: end, indent: indent, number: number))
            }
            start = end + 1
            number += 1
        }
    }

    /// The column (from 1, in Unicode scalars) of byte `offset` of `line`.
    private func column(_ offset: Int, _ line: Line) -> Int {
        var column = 1
        for i in line.start..<offset where bytes[i] & 0xC0 != 0x80 { column += 1 }
        return column
    }

    private func text(_ from: Int, _ to: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
    }

    private func isEntry(_ p: Int, _ line: Line) -> Bool {
        bytes[p] == Self.dash && (p + 1 == line.end || bytes[p + 1] == Self.space)
    }

    private func skipSpaces(_ p: Int, _ line: Line) -> Int {
        var p = p
        while p < line.end, bytes[p] == Self.space { p += 1 }
        return p
    }

    /// After a value: only spaces and a comment may follow on the line.
    private func expectLineEnd(_ p: Int, _ line: Line) throws(GiveUp) {
        let q = skipSpaces(p, line)
        guard q == line.end || (bytes[q] == Self.hash && bytes[q - 1] == Self.space) else { throw GiveUp() }
    }

    // MARK: - Block structure

    /// The block node that starts at byte `p` of the current line.
    private mutating func block(from p: Int) throws(GiveUp) -> YAMLNode {
        let line = lines[index]
        let indent = p - line.start
        return isEntry(p, line) ? try sequence(indent: indent) : try mapping(indent: indent, from: p)
    }

    /// A block sequence whose `-` marks are at `indent` (the current line starts with one).
    private mutating func sequence(indent: Int) throws(GiveUp) -> YAMLNode {
        let first = lines[index]
        var items: [YAMLNode] = []
        while true {
            let line = lines[index]
            let q = skipSpaces(line.start + indent + 1, line)
            guard q < line.end, bytes[q] != Self.hash else { throw GiveUp() }
            items.append(try entry(at: q))
            guard index < lines.count else { break }
            let next = lines[index]
            if next.indent == indent, isEntry(next.start + indent, next) { continue }
            guard next.indent <= indent else { throw GiveUp() }
            break
        }
        return YAMLNode(.sequence(items), line: first.number, column: indent + 1)
    }

    /// A sequence entry's value, starting at byte `q` of the current line: a mapping written on the entry's line
    /// (`- id: main`), or a one-line value.
    private mutating func entry(at q: Int) throws(GiveUp) -> YAMLNode {
        let line = lines[index]
        let byte = bytes[q]
        if isEntry(q, line) { throw GiveUp() }
        if byte != Self.openBrace, byte != Self.openBracket, byte != Self.doubleQuote, byte != Self.singleQuote,
           keyEnd(from: q, line) != nil {
            return try mapping(indent: q - line.start, from: q)
        }
        let (node, end) = try inline(at: q, line)
        try expectLineEnd(end, line)
        index += 1
        return node
    }

    /// Where the `:` of a plain key starting at `p` is, if the line from `p` reads `key: …` or `key:`.
    private func keyEnd(from p: Int, _ line: Line) -> Int? {
        var c = p
        while c < line.end {
            let byte = bytes[c]
            if byte == Self.colon, c + 1 == line.end || bytes[c + 1] == Self.space { return c }
            if byte == Self.hash, c > p, bytes[c - 1] == Self.space { return nil }
            c += 1
        }
        return nil
    }

    /// A block mapping whose keys are at `indent`; the first key starts at byte `p` of the current line.
    private mutating func mapping(indent: Int, from p: Int) throws(GiveUp) -> YAMLNode {
        let first = lines[index]
        var pairs: [YAMLNode.Pair] = []
        var p = p
        while true {
            let line = lines[index]
            guard let c = keyEnd(from: p, line), c > p, c - p < 1000, bytes[c - 1] != Self.space else { throw GiveUp() }
            guard !Self.startsSpecially(bytes[p]) else { throw GiveUp() }
            for i in p..<c {
                let byte = bytes[i]
                if byte == Self.hash || byte == Self.comma || byte == Self.openBrace || byte == Self.closeBrace
                    || byte == Self.openBracket || byte == Self.closeBracket { throw GiveUp() }
            }
            let name = text(p, c)
            if pairs.contains(where: { $0.key.scalar == name }) { throw GiveUp() }
            let key = YAMLNode(.scalar(name, plain: true), line: line.number, column: p - line.start + 1)
            let v = skipSpaces(c + 1, line)
            let value: YAMLNode
            if v == line.end || bytes[v] == Self.hash {
                // The value is on the lines below: more indented, or a sequence at the key's own indent.
                index += 1
                guard index < lines.count else { throw GiveUp() }
                let next = lines[index]
                if next.indent > indent {
                    value = try block(from: next.start + next.indent)
                } else if next.indent == indent, isEntry(next.start + indent, next) {
                    value = try sequence(indent: indent)
                } else {
                    throw GiveUp()
                }
            } else {
                let (node, end) = try inline(at: v, line)
                try expectLineEnd(end, line)
                index += 1
                value = node
            }
            pairs.append(YAMLNode.Pair(key: key, value: value))
            guard index < lines.count else { break }
            let next = lines[index]
            if next.indent == indent, !isEntry(next.start + indent, next) {
                p = next.start + indent
                continue
            }
            guard next.indent < indent else { throw GiveUp() }
            break
        }
        return YAMLNode(.mapping(pairs), line: first.number, column: indent + 1)
    }

    /// Bytes a plain scalar may not start with (YAML indicators), and `<` (merge keys).
    private static func startsSpecially(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x2D, 0x3F, 0x3A, 0x2C, 0x5B, 0x5D, 0x7B, 0x7D, 0x23, 0x26, 0x2A, 0x21, 0x7C, 0x3E, 0x27, 0x22, 0x25, 0x40, 0x60, 0x3C:
            return true
        default:
            return false
        }
    }

    // MARK: - One-line values

    /// A value written on one line from byte `p`: a flow mapping or sequence, a quoted scalar or a plain one.
    /// Returns the node and the byte after it.
    private func inline(at p: Int, _ line: Line) throws(GiveUp) -> (YAMLNode, Int) {
        switch bytes[p] {
        case Self.openBrace, Self.openBracket, Self.doubleQuote, Self.singleQuote: return try flowValue(at: p, line)
        default: break
        }
        try expectPlainStart(p, line)
        var e = p
        while e < line.end {
            let byte = bytes[e]
            if byte == Self.hash, bytes[e - 1] == Self.space { break }
            if byte == Self.colon, e + 1 == line.end || bytes[e + 1] == Self.space { throw GiveUp() }
            e += 1
        }
        return (plain(p, e, line), e)
    }

    /// A plain scalar may not start with an indicator, nor with `-` and a space (`-3` is a scalar, `- 3` an entry).
    private func expectPlainStart(_ p: Int, _ line: Line) throws(GiveUp) {
        if bytes[p] == Self.dash {
            guard p + 1 < line.end, bytes[p + 1] != Self.space else { throw GiveUp() }
        } else if Self.startsSpecially(bytes[p]) {
            throw GiveUp()
        }
    }

    /// The plain scalar written from byte `p` up to `end`, without the spaces before `end`.
    private func plain(_ p: Int, _ end: Int, _ line: Line) -> YAMLNode {
        var last = end
        while last > p, bytes[last - 1] == Self.space { last -= 1 }
        return YAMLNode(.scalar(text(p, last), plain: true), line: line.number, column: column(p, line))
    }

    /// A quoted scalar on one line, without escapes (`\` in double quotes gives up; `''` in single quotes is a quote).
    private func quoted(at p: Int, _ line: Line) throws(GiveUp) -> (YAMLNode, Int) {
        let quote = bytes[p]
        var q = p + 1
        var value: [UInt8] = []
        while true {
            guard q < line.end else { throw GiveUp() }
            let byte = bytes[q]
            if quote == Self.doubleQuote, byte == Self.backslash { throw GiveUp() }
            if byte == quote {
                if quote == Self.singleQuote, q + 1 < line.end, bytes[q + 1] == Self.singleQuote {
                    value.append(byte)
                    q += 2
                    continue
                }
                break
            }
            value.append(byte)
            q += 1
        }
        let node = YAMLNode(.scalar(String(decoding: value, as: UTF8.self), plain: false), line: line.number, column: column(p, line))
        // A quoted key (`"a": 1`) is not handled here.
        let after = skipSpaces(q + 1, line)
        if after < line.end, bytes[after] == Self.colon { throw GiveUp() }
        return (node, q + 1)
    }

    /// A plain scalar inside `{ }` or `[ ]`, ending before `,`, `}` or `]`.
    private func flowPlain(at p: Int, _ line: Line) throws(GiveUp) -> (YAMLNode, Int) {
        guard p < line.end else { throw GiveUp() }
        try expectPlainStart(p, line)
        var e = p
        while e < line.end {
            let byte = bytes[e]
            if byte == Self.comma || byte == Self.closeBrace || byte == Self.closeBracket { break }
            if byte == Self.colon || byte == Self.hash || byte == Self.openBrace || byte == Self.openBracket { throw GiveUp() }
            e += 1
        }
        guard e > p else { throw GiveUp() }
        return (plain(p, e, line), e)
    }

    private func flowValue(at p: Int, _ line: Line) throws(GiveUp) -> (YAMLNode, Int) {
        guard p < line.end else { throw GiveUp() }
        switch bytes[p] {
        case Self.openBrace: return try flowMapping(at: p, line)
        case Self.openBracket: return try flowSequence(at: p, line)
        case Self.doubleQuote, Self.singleQuote: return try quoted(at: p, line)
        default: return try flowPlain(at: p, line)
        }
    }

    /// `{ key: value, … }` on one line; plain keys, at least one pair, no trailing comma.
    private func flowMapping(at p: Int, _ line: Line) throws(GiveUp) -> (YAMLNode, Int) {
        var pairs: [YAMLNode.Pair] = []
        var q = skipSpaces(p + 1, line)
        while true {
            guard q < line.end, !Self.startsSpecially(bytes[q]) else { throw GiveUp() }
            var c = q
            while c < line.end, bytes[c] != Self.colon {
                let byte = bytes[c]
                if byte == Self.comma || byte == Self.hash || byte == Self.openBrace || byte == Self.closeBrace
                    || byte == Self.openBracket || byte == Self.closeBracket || byte == Self.space { throw GiveUp() }
                c += 1
            }
            guard c < line.end, c + 1 < line.end, bytes[c + 1] == Self.space else { throw GiveUp() }
            let name = text(q, c)
            if pairs.contains(where: { $0.key.scalar == name }) { throw GiveUp() }
            let key = YAMLNode(.scalar(name, plain: true), line: line.number, column: column(q, line))
            let (value, end) = try flowValue(at: skipSpaces(c + 1, line), line)
            pairs.append(YAMLNode.Pair(key: key, value: value))
            q = skipSpaces(end, line)
            guard q < line.end else { throw GiveUp() }
            if bytes[q] == Self.closeBrace { break }
            guard bytes[q] == Self.comma else { throw GiveUp() }
            q = skipSpaces(q + 1, line)
        }
        return (YAMLNode(.mapping(pairs), line: line.number, column: column(p, line)), q + 1)
    }

    /// `[ value, … ]` on one line; at least one value, no trailing comma.
    private func flowSequence(at p: Int, _ line: Line) throws(GiveUp) -> (YAMLNode, Int) {
        var items: [YAMLNode] = []
        var q = skipSpaces(p + 1, line)
        while true {
            let (item, end) = try flowValue(at: q, line)
            items.append(item)
            q = skipSpaces(end, line)
            guard q < line.end else { throw GiveUp() }
            if bytes[q] == Self.closeBracket { break }
            guard bytes[q] == Self.comma else { throw GiveUp() }
            q = skipSpaces(q + 1, line)
        }
        return (YAMLNode(.sequence(items), line: line.number, column: column(p, line)), q + 1)
    }
}
