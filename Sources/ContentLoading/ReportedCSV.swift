import Diagnostics
import Foundation
import Model

/// Reads a plan's `reported.csv`: the yearly figures an office keeps in a spreadsheet, one row per indicator and
/// year, each with its source. The cells are split by CSV.swift; this file checks what they say.
///
/// Excel's ways are taken as they come: a byte order mark, CRLF line ends, quoted cells (with commas, quotes and
/// line breaks inside), rows left empty at the end, and headers in Chinese (指标, 年份, 数值, 来源 …).
/// A problem is located as `reported.csv:ROW:COLUMN`, the row as a spreadsheet numbers it (the header is row 1)
/// and the column by its position.
struct ReportedCSV {
    let url: URL
    let displayPath: String

    /// The columns, by their English name, with the Chinese headers an office may use instead.
    static let columns: [(name: String, aliases: [String], required: Bool)] = [
        ("indicator", ["指标", "指标id", "指标ID"], true),
        ("year", ["年份", "年度"], true),
        ("value", ["数值", "数值（按指标单位）"], true),
        ("source", ["来源", "来源标题", "source_title"], true),
        ("publisher", ["发布者", "发布单位"], false),
        ("url", ["网址", "链接", "source_url"], false),
        ("published", ["发布日期"], false),
        ("repost", ["转载"], false),
        ("note", ["备注", "说明"], false),
    ]

    struct Row {
        var indicator: String
        var value: ReportedValue
        var location: SourceLocation
    }

    /// The rows that read cleanly; every problem is added to `diagnostics`. `period` bounds the years.
    func load(indicators: Set<String>, period: Period, _ diagnostics: inout [Diagnostic]) -> [Row] {
        guard let file = CSVRecords.read(url, displayPath: displayPath, &diagnostics) else { return [] }
        let records = file.records
        guard let header = records.first else {
            diagnostics.append(.error(at: SourceLocation(file: displayPath), "the file is empty",
                                      hint: "start with the header row: indicator,year,value,source,url,published,note"))
            return []
        }
        // Which column holds which field.
        var position: [String: Int] = [:]
        for (index, raw) in header.enumerated() {
            let name = raw.trimmingSpaces()
            let location = SourceLocation(file: displayPath, line: 1, column: index + 1)
            guard let column = Self.columns.first(where: { $0.name == name || $0.aliases.contains(name) }) else {
                if name.isEmpty, records.dropFirst().allSatisfy({ index >= $0.count || $0[index].trimmingSpaces().isEmpty }) { continue }
                let names = Self.columns.map(\.name)
                let hint = nearest(name, in: names).map { "did you mean `\($0)`? " } ?? ""
                diagnostics.append(.error(at: location, "unknown column `\(name)` in the header",
                                          hint: hint + "the columns are " + names.joined(separator: ", ")))
                continue
            }
            if position[column.name] != nil {
                diagnostics.append(.error(at: location, "the column `\(column.name)` appears twice in the header"))
                continue
            }
            position[column.name] = index
        }
        let missing = Self.columns.filter { $0.required && position[$0.name] == nil }.map(\.name)
        if !missing.isEmpty {
            diagnostics.append(.error(at: SourceLocation(file: displayPath, line: 1, column: 1),
                                      "the header has no column " + missing.map { "`\($0)`" }.joined(separator: ", "),
                                      hint: "the first row names the columns: indicator,year,value,source,url,published,note"))
            return []
        }

        var rows: [Row] = []
        var seen: [String: Int] = [:]
        for (number, record) in records.enumerated().dropFirst() {
            if record.allSatisfy({ $0.trimmingSpaces().isEmpty }) { continue }
            let line = file.line(of: number)
            func at(_ column: String) -> SourceLocation {
                SourceLocation(file: displayPath, line: line, column: (position[column] ?? 0) + 1)
            }
            func cell(_ column: String) -> String? {
                guard let index = position[column], index < record.count else { return nil }
                let value = record[index].trimmingSpaces()
                return value.isEmpty ? nil : value
            }
            if record.count > header.count, record[header.count...].contains(where: { !$0.trimmingSpaces().isEmpty }) {
                diagnostics.append(.error(at: SourceLocation(file: displayPath, line: line, column: header.count + 1),
                                          "row \(line) has more cells than the header names",
                                          hint: "a cell with a comma in it must be quoted: \"…, …\""))
                continue
            }
            var ok = true
            func problem(_ column: String, _ message: String, hint: String? = nil) {
                diagnostics.append(.error(at: at(column), message, hint: hint))
                ok = false
            }
            let indicator = cell("indicator")
            if let indicator, !indicators.contains(indicator) {
                let hint = nearest(indicator, in: Array(indicators)).map { "did you mean `\($0)`? " } ?? ""
                problem("indicator", "unknown indicator `\(indicator)`", hint: hint + "use an `id` from the plan's indicators.yaml")
            } else if indicator == nil {
                problem("indicator", "the indicator is empty")
            }
            let year = cell("year").flatMap { text -> Int? in
                guard text.count == 4, text.allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(text) else {
                    problem("year", "the year `\(text)` is not a plain year", hint: "write four digits, e.g. 2024 (not 2024年 or 2024.0)")
                    return nil
                }
                let earliest = period.start - 10, latest = period.end + 5
                guard (earliest...latest).contains(year) else {
                    problem("year", "the year \(year) lies far outside the plan's period \(period.label)",
                            hint: "figures from \(earliest) to \(latest) are accepted; check the year")
                    return nil
                }
                return year
            }
            if cell("year") == nil { problem("year", "the year is empty") }
            let value = cell("value").flatMap { text -> Figure? in
                guard let figure = MappingReader.parseFigure(text) else {
                    problem("value", "the value `\(text)` is not a number",
                            hint: "write the number alone in the indicator's unit, e.g. 0.6348 for 6348家 when the unit is 万家; no commas or units")
                    return nil
                }
                return figure
            }
            if cell("value") == nil { problem("value", "the value is empty") }
            let title = cell("source")
            if title == nil { problem("source", "the source is empty", hint: "name the page or document that states the figure") }
            let link = cell("url")
            if let link, !SourceURL.isAcceptable(link) {
                problem("url", "the address `\(link)` is not an http or https address")
            }
            var published: CalendarDate?
            if let text = cell("published") {
                published = CalendarDate(iso: text)
                if published == nil { problem("published", "the date `\(text)` is not a date", hint: "write dates as YYYY-MM-DD, e.g. 2024-03-31") }
            }
            var repost = false
            if let text = cell("repost") {
                switch text.lowercased() {
                case "true", "yes", "是": repost = true
                case "false", "no", "否": repost = false
                default: problem("repost", "`\(text)` should be true or false")
                }
            }
            guard ok, let indicator, let year, let value, let title else { continue }
            let key = indicator + "\u{0}" + String(year)
            if let first = seen[key] {
                diagnostics.append(.error(at: at("year"), "a second figure for `\(indicator)` in \(year)",
                                          hint: "row \(first) has one already; keep one figure per year and say in `note` when it was revised"))
                continue
            }
            seen[key] = line
            let source = DataSource(publisher: cell("publisher"), title: title, url: link, published: published, repost: repost)
            rows.append(Row(indicator: indicator, value: ReportedValue(year: year, value: value, source: source, note: cell("note")),
                            location: at("year")))
        }
        return rows
    }
}

/// Addresses a source may have: the web's, nothing that a browser would run.
enum SourceURL {
    static func isAcceptable(_ url: String) -> Bool {
        (url.hasPrefix("https://") || url.hasPrefix("http://")) && !url.unicodeScalars.contains { $0.value < 0x21 || $0 == "\"" || $0 == "<" || $0 == ">" }
    }
}
