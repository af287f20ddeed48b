import Diagnostics
import Foundation
import Model

/// Reads a plan's `achievements.csv`: the figures its 基础现状 chapter states about the base period (name, value,
/// unit, as_written, year, quote). Each quote must stand in one of the plan's sections, and the figure as written in
/// the quote, so that no number is carried that the plan does not say.
struct AchievementsCSV {
    let url: URL
    let displayPath: String

    static let header = ["name", "value", "unit", "as_written", "year", "quote"]

    func load(sections: [Section], _ diagnostics: inout [Diagnostic]) -> [Achievement] {
        guard let file = CSVRecords.read(url, displayPath: displayPath, &diagnostics) else { return [] }
        let records = file.records
        guard let header = records.first?.map({ $0.trimmingSpaces() }), header == Self.header else {
            diagnostics.append(.error(at: SourceLocation(file: displayPath, line: 1, column: 1), "the header should be `\(Self.header.joined(separator: ","))`"))
            return []
        }
        var result: [Achievement] = []
        for (number, record) in records.enumerated().dropFirst() {
            if record.allSatisfy({ $0.trimmingSpaces().isEmpty }) { continue }
            let line = file.line(of: number)
            func at(_ column: Int) -> SourceLocation { SourceLocation(file: displayPath, line: line, column: column + 1) }
            guard record.count == Self.header.count else {
                diagnostics.append(.error(at: at(0), "row \(line) has \(record.count) cells, the header \(Self.header.count)",
                                          hint: "a cell with a comma in it must be quoted: \"…, …\""))
                continue
            }
            let cells = record.map { $0.trimmingSpaces() }
            let (name, unit, asWritten, quote) = (cells[0], cells[2], cells[3], cells[5])
            var ok = true
            for (index, cell) in cells.enumerated() where cell.isEmpty && index != 4 && index != 2 {
                diagnostics.append(.error(at: at(index), "the `\(Self.header[index])` cell is empty"))
                ok = false
            }
            let value = MappingReader.parseFigure(cells[1])
            if value == nil, !cells[1].isEmpty {
                diagnostics.append(.error(at: at(1), "the value `\(cells[1])` is not a number", hint: "write the number alone; its words go in `as_written`"))
                ok = false
            }
            var year: Int?
            if !cells[4].isEmpty {
                year = cells[4].count == 4 ? Int(cells[4]) : nil
                if year == nil { diagnostics.append(.error(at: at(4), "the year `\(cells[4])` is not a plain year")); ok = false }
            }
            guard ok, let value else { continue }
            guard let section = sections.first(where: { $0.body.contains(quote) }) else {
                diagnostics.append(.error(at: at(5), "the quote is not in the plan's text: “\(quote)”",
                                          hint: "copy the words exactly as they stand in a section file"))
                continue
            }
            guard quote.contains(asWritten), asWritten.contains(value.text) else {
                diagnostics.append(.error(at: at(3), "`\(asWritten)` is not in the quote, or does not hold the value \(value.text)",
                                          hint: "as_written is the figure as the quote writes it, e.g. 超330亿元"))
                continue
            }
            result.append(Achievement(name: name, value: value, unit: unit, asWritten: asWritten, year: year, quote: quote, sectionID: section.id))
        }
        return result
    }
}
