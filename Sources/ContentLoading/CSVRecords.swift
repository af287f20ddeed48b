import CSV
import Diagnostics
import Foundation

/// A CSV file as a spreadsheet saves it, split into records by CSV.swift: a byte order mark dropped, and the line
/// each record starts on kept, so that a problem is located at the row a spreadsheet shows. A quote that is never
/// closed is an error here: CSV.swift would take the rest of the file as one cell.
struct CSVRecords {
    var records: [[String]]
    /// The line each record starts on (record 0 is the header).
    var starts: [Int]

    static func read(_ url: URL, displayPath: String, _ diagnostics: inout [Diagnostic]) -> CSVRecords? {
        guard let file = TextFile.read(url, displayPath: displayPath, diagnostics: &diagnostics) else { return nil }
        var text = file.text
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        let lines = recordLines(text)
        if let open = lines.unclosedQuote {
            diagnostics.append(.error(at: SourceLocation(file: displayPath, line: open.line, column: open.column),
                                      "a quoted cell is never closed", hint: "a cell that starts with `\"` ends with `\"`; write a quote inside a cell as `\"\"`"))
            return nil
        }
        guard let reader = try? CSVReader(string: text, hasHeaderRow: false) else {
            diagnostics.append(.error(at: SourceLocation(file: displayPath), "cannot read the file as CSV"))
            return nil
        }
        var records: [[String]] = []
        while let row = reader.next() { records.append(row) }
        return CSVRecords(records: records, starts: lines.starts)
    }

    /// The line record `number` starts on.
    func line(of number: Int) -> Int { number < starts.count ? starts[number] : number + 1 }

    /// The line each record starts on (record 0 is the header), and where a quote that is never closed opens.
    static func recordLines(_ text: String) -> (starts: [Int], unclosedQuote: (line: Int, column: Int)?) {
        var starts = [1]
        var line = 1, column = 0
        var quoted = false, atCellStart = true, pendingQuote = false
        var opened = (line: 1, column: 1)
        var previousCR = false
        for scalar in text.unicodeScalars {
            column += 1
            if pendingQuote {
                pendingQuote = false
                if scalar == "\"" { continue }  // a doubled quote inside a quoted cell
                quoted = false
            }
            if quoted {
                if scalar == "\"" { pendingQuote = true }
                if scalar == "\n" { line += 1; column = 0 }
                continue
            }
            switch scalar {
            case "\"" where atCellStart:
                quoted = true
                opened = (line, column)
                atCellStart = false
            case ",":
                atCellStart = true
            case "\r":
                starts.append(line + 1)
                atCellStart = true
                previousCR = true
                line += 1
                column = 0
                continue
            case "\n":
                if previousCR { previousCR = false; continue }
                line += 1
                column = 0
                starts.append(line)
                atCellStart = true
            default:
                atCellStart = false
            }
            previousCR = false
        }
        return (starts, quoted && !pendingQuote ? opened : nil)
    }
}
