import Diagnostics

/// What a content file's YAML may not do, found before Yams reads it, with the line and column: an alias (`*name`:
/// content files have no use for one, and nine nested aliases of nine items expand to 3.4 billion values, which
/// would hang the build), or nesting deeper than people write (a list nested 100 000 levels deep overflows the
/// stack of any recursive reader). Quoted text, comments and block scalars (`|`, `>`) are skipped.
enum YAMLLimits {
    static let maximumFlowDepth = 64
    static let maximumIndent = 400

    static func problem(in text: String, file: String, lineOffset: Int) -> Diagnostic? {
        var flowDepth = 0
        var blockIndent: Int?   // inside a block scalar whose key line has this indentation
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let bytes = Array(line.utf8)
            var indent = 0
            while indent < bytes.count, bytes[indent] == 0x20 { indent += 1 }
            if let block = blockIndent {
                if indent >= bytes.count || indent > block { continue }
                blockIndent = nil
            }
            func at(_ column: Int) -> SourceLocation { SourceLocation(file: file, line: lineNumber + lineOffset, column: column + 1) }
            // "- - - x" nests without indenting.
            var depth = indent, i = indent
            while i + 1 < bytes.count, bytes[i] == 0x2D, bytes[i + 1] == 0x20 { depth += 2; i += 2 }
            if depth > maximumIndent {
                return .error(at: at(0), "the YAML is nested more than \(maximumIndent / 2) levels deep",
                              hint: "content files need a few levels; check the file for a runaway list or indentation")
            }
            var quote: UInt8?
            var previous: UInt8 = 0x20
            var last: UInt8 = 0   // the last byte outside quotes and comments, for a block scalar's `|` or `>`
            var j = indent
            while j < bytes.count {
                let b = bytes[j]
                if let q = quote {
                    if b == q { if q == 0x27, j + 1 < bytes.count, bytes[j + 1] == 0x27 { j += 2; continue }; quote = nil }
                    else if b == 0x5C, q == 0x22 { j += 1 }
                    j += 1
                    continue
                }
                if b == 0x23, previous == 0x20 || j == indent { break }  // a comment
                let startsToken = j == indent || previous == 0x20 || previous == 0x5B || previous == 0x7B || previous == 0x2C
                if (b == 0x22 || b == 0x27), startsToken { quote = b }
                else if b == 0x5B || b == 0x7B, startsToken || flowDepth > 0 {
                    flowDepth += 1
                    if flowDepth > maximumFlowDepth {
                        return .error(at: at(j), "the YAML is nested more than \(maximumFlowDepth) levels deep",
                                      hint: "content files need a few levels; check the file for runaway brackets")
                    }
                } else if b == 0x5D || b == 0x7D, flowDepth > 0 { flowDepth -= 1 }
                else if b == 0x2A, startsToken, j + 1 < bytes.count, bytes[j + 1] != 0x20 {
                    return .error(at: at(j), "YAML aliases (`*name`) are not allowed in content files",
                                  hint: "write the value out where it is used; if the text starts with `*`, put it in quotes")
                }
                if b != 0x20 { last = b }
                previous = b
                j += 1
            }
            if quote == nil, last == 0x7C || last == 0x3E || (last == 0x2D || (0x30...0x39).contains(last) || last == 0x2B) && hasBlockIndicator(bytes) {
                blockIndent = indent
            }
        }
        return nil
    }

    /// `key: |-`, `key: >+2`: the line ends in a block scalar's header.
    private static func hasBlockIndicator(_ bytes: [UInt8]) -> Bool {
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
        var k = end
        while k > 0, bytes[k - 1] == 0x2D || bytes[k - 1] == 0x2B || (0x30...0x39).contains(bytes[k - 1]) { k -= 1 }
        return k > 0 && (bytes[k - 1] == 0x7C || bytes[k - 1] == 0x3E) && (k == 1 || bytes[k - 2] == 0x20)
    }
}
