import Diagnostics

/// Debian's cmark-gfm (0.29.0.gfm.6, from before the table fixes) takes time and memory that grow faster than a
/// table's size. Measured on this machine (release build, a section holding one table of n columns and n rows):
/// 300 × 300, 0.17 s; 500 × 500, 0.57 s; 700 × 700, 1.45 s, 250 MB; 1000 × 1000, 4.2 s, 480 MB; 3000 × 3000, 102 s and
/// 4 GB. Rows cost far less than columns (5 columns × 50 000 rows, 0.31 s; 100 columns × 10 000 rows, 1.1 s and 480 MB).
/// A plan's tables have tens of columns and hundreds of rows, so a section is refused, at the table's delimiter row,
/// beyond 100 columns or a million cells.
enum TableLimits {
    static let maximumColumns = 100
    static let maximumCells = 1_000_000

    static func problem(in body: String, file: String, firstLine: Int) -> Diagnostic? {
        var fence: Character?
        var columns = 0, rows = 0, cells = 0, delimiterLine = 0
        var lineNumber = firstLine - 1
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.drop { $0 == " " }
            if let mark = trimmed.first, mark == "`" || mark == "~", trimmed.hasPrefix(String(repeating: mark, count: 3)) {
                fence = fence == nil ? mark : (fence == mark ? nil : fence)
                continue
            }
            guard fence == nil else { continue }
            if columns > 0 {
                if trimmed.isEmpty || !trimmed.contains("|") { columns = 0; continue }
                rows += 1
                cells += columns
                if cells > maximumCells {
                    return .error(at: SourceLocation(file: file, line: delimiterLine, column: 1),
                                  "the table here has more than \(maximumCells) cells (\(columns) columns, \(rows) rows so far)",
                                  hint: "a table this large takes the Markdown library minutes; split it, or publish it as a CSV file")
                }
            } else if isDelimiterRow(trimmed) {
                columns = max(1, trimmed.split(separator: "|", omittingEmptySubsequences: true).count)
                rows = 0
                cells = 0
                delimiterLine = lineNumber
                if columns > maximumColumns {
                    return .error(at: SourceLocation(file: file, line: lineNumber, column: 1),
                                  "the table here has \(columns) columns, more than \(maximumColumns)",
                                  hint: "a table this wide takes the Markdown library minutes and cannot be read on a page; split it, or publish it as a CSV file")
                }
            }
        }
        return nil
    }

    /// `|---|:--:|` or `--- | ---`: dashes, colons, pipes and spaces, with at least one dash and one pipe.
    private static func isDelimiterRow(_ line: Substring) -> Bool {
        var dash = false, pipe = false
        for c in line {
            switch c {
            case "-": dash = true
            case "|": pipe = true
            case ":", " ", "\t": break
            default: return false
            }
        }
        return dash && pipe
    }
}
