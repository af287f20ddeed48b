import ContentLoading
import Foundation

/// Writes the outline as section files and the figures as an indicators.yaml draft.
struct PlanWriter {
    let outline: Outline
    let meta: Metadata
    var report: [ImportReportLine] = []
    var notes: [String] = []
    var taskCount = 0
    var boxCount = 0
    var candidateCount = 0
    private var ids: [Int: String] = [:]
    private var tableRows: [Candidate] = []
    private var tableTitle: String?

    init(outline: Outline, meta: Metadata) {
        self.outline = outline
        self.meta = meta
        var used: [String: Int] = [:]
        var chapters = 0
        for (i, part) in outline.parts.enumerated() {
            var id = part.kind == .other ? "chapter" : part.kind.rawValue
            if part.kind == .other { chapters += 1; id += "-\(chapters)" }
            used[id, default: 0] += 1
            if used[id]! > 1 { id += "-\(used[id]!)" }
            ids[i] = id
        }
    }

    struct SectionFile { var id: String; var kind: String; var title: String; var text: String }

    mutating func sectionFiles() -> [SectionFile] {
        var files: [SectionFile] = []
        for (i, part) in outline.parts.enumerated() {
            var text = "---\nkind: \(part.kind.rawValue)\ntitle: \(YAMLText.quoted(part.title))\n"
            if let number = part.number { text += "number: \(YAMLText.quoted(number))\n" }
            if let chapter = part.chapter { text += "chapter: \(YAMLText.quoted(chapter))\n" }
            text += "order: \(i + 1)\n---\n"
            for block in part.blocks { text += "\n" + render(block, in: ids[i]!) + "\n" }
            files.append(SectionFile(id: ids[i]!, kind: part.kind.rawValue, title: part.title, text: text))
        }
        return files
    }

    private mutating func render(_ block: Outline.Block, in section: String) -> String {
        switch block {
        case .heading(let level, let text, _):
            return String(repeating: "#", count: level) + " " + TextCleanup.markdownSafe(text)
        case .paragraph(let lead, let text, _):
            guard let lead else { return TextCleanup.markdownSafe(text) }
            taskCount += 1
            return "**\(TextCleanup.markdownSafe(lead))**。\(TextCleanup.markdownSafe(text))"
        case .box(let title, let items, _):
            boxCount += 1
            return "> [!专栏] \(TextCleanup.markdownSafe(title))\n" + items.map { ">\n> " + TextCleanup.markdownSafe($0.text) }.joined(separator: "\n")
        case .table(let title, let cells, let line):
            if let rows = indicatorRows(cells, title: title, section: section, line: line) {
                tableRows += rows
                tableTitle = title ?? "指标表"
                return "[!指标表] main"
            }
            report.append(.init(kind: .review, line: line, message: "a table whose columns were not recognised: kept as its cells, one per line"))
            return cells.map(TextCleanup.markdownSafe).joined(separator: "\n\n")
        }
    }

    /// 序号 | 指标 | 2020年 | 2025年 | 指标属性, then a row of cells per indicator: the name's unit in （）, the first
    /// year the base, the last the target.
    private mutating func indicatorRows(_ cells: [String], title: String?, section: String, line: Int) -> [Candidate]? {
        guard cells.first == "序号", let width = cells.firstIndex(of: "1"), width >= 3 else { return nil }
        let header = Array(cells[..<width])
        guard let nameColumn = header.firstIndex(where: { $0.contains("指标") && !$0.contains("属性") }) else { return nil }
        let yearColumns = header.indices.compactMap { i -> (Int, Int)? in
            Pattern(#"^(\d{4})年?$"#).first(in: header[i]).map { (i, Int($0[1]!)!) }
        }
        guard let targetColumn = yearColumns.last else { return nil }
        let attributeColumn = header.firstIndex { $0.contains("属性") }
        var rows: [Candidate] = []
        let body = Array(cells[width...])
        if body.count % width != 0 {
            report.append(.init(kind: .review, line: line, message: "the table's \(body.count) cells do not fill rows of \(width); the last row is left out"))
        }
        for r in 0..<(body.count / width) {
            let row = Array(body[(r * width)..<((r + 1) * width)])
            var name = row[nameColumn]
            var unit = ""
            if let m = Pattern(#"^(.+)（([^（）]{1,8})）$"#).first(in: name) { name = m[1]!; unit = m[2]! }
            guard let value = Self.number(row[targetColumn.0]) else {
                report.append(.init(kind: .review, line: line, message: "table row \(row[0]) (\(name)): target \(row[targetColumn.0]) is not a number"))
                continue
            }
            var candidate = Candidate(name: name, value: value, unit: unit, year: targetColumn.1, comparator: nil, words: nil, measure: nil,
                                      quote: nil, sectionID: section, line: line, note: nil, table: "main")
            if let a = attributeColumn, ["预期性", "约束性"].contains(row[a]) { candidate.attribute = row[a] }
            if yearColumns.count >= 2 { candidate.baseline = (yearColumns[0].1, Self.number(row[yearColumns[0].0])) }
            rows.append(candidate)
        }
        report.append(.init(kind: .found, line: line, message: "indicator table \(title ?? ""): \(rows.count) rows"))
        return rows
    }

    static func number(_ text: String) -> String? {
        Pattern(#"^\d+(\.\d+)?$"#).matches(text) ? text : nil
    }

    mutating func indicatorsFile() -> String {
        let finder = FigureFinder()
        var found: [Candidate] = []
        for (i, part) in outline.parts.enumerated() where [.goals, .tasks, .layout, .safeguards, .other].contains(part.kind) {
            var year = meta.end
            for block in part.blocks {
                var texts: [(String, Int)] = []
                switch block {
                case .paragraph(let lead, let text, let line):
                    texts.append(((lead.map { $0 + "。" } ?? "") + text, line))
                case .box(_, let items, _): texts += items.map { ($0.text, $0.line) }
                default: break
                }
                for (text, line) in texts {
                    found += finder.candidates(in: text, section: ids[i]!, line: line, defaultYear: year)
                    if part.kind == .goals, let last = finder.targetYear.all(in: text).last { year = Int(last[1]!)! }
                }
            }
        }
        // A figure the text states that is also a row of the printed table gives the row its quote and words.
        var rows = tableRows
        found.removeAll { c in
            guard c.measure == nil, let r = rows.firstIndex(where: { $0.quote == nil && $0.year == c.year && $0.unit == c.unit && Double($0.value) == Double(c.value) }) else { return false }
            rows[r].quote = c.quote; rows[r].comparator = c.comparator; rows[r].words = c.words
            return true
        }
        let all = rows + found
        candidateCount = all.count
        var y = "# A draft made by `bulletin import`: every figure it found in the goals and tasks, marked `review: true`.\n"
        y += "# Check each against the plan (value, unit, year, words, quote), name it and give it a lasting id, merge the\n"
        y += "# figures that are one indicator, delete what is not a target, then remove `review: true`.\n"
        y += "tables:\n"
        if !rows.isEmpty {
            y += "  - id: main\n    title: \(YAMLText.quoted(tableTitle ?? "指标表"))\n    note: \(YAMLText.quoted("规划原文所列指标表。"))\n    printed: true\n"
        }
        y += "  - id: draft\n    title: \(YAMLText.quoted("导入草稿：正文中的数量目标"))\n"
        y += "    note: \(YAMLText.quoted("由 bulletin import 从正文找出，逐条核对后归入正式的表。"))\n"
        if all.isEmpty { return y + "indicators: []\n" }
        y += "indicators:\n"
        let width = String(all.count).count
        for (n, c) in all.enumerated() {
            let number = String(repeating: "0", count: max(0, width - String(n + 1).count)) + String(n + 1)
            y += "  - id: \(c.table == "main" ? "row" : "figure")-\(number)\n"
            y += "    name: \(YAMLText.quoted(c.name))\n"
            y += "    unit: \(YAMLText.quoted(c.unit))\n"
            y += "    section: \(c.sectionID)\n"
            y += "    table: \(c.table)\n"
            if let a = c.attribute { y += "    attribute: \(a)\n" }
            y += "    review: true\n"
            if let note = c.note { y += "    # \(note)\n" }
            y += "    # source line \(c.line)\n"
            if let b = c.baseline {
                y += "    baseline: { year: \(b.year)\(b.value.map { ", value: \($0)" } ?? "") }\n"
            }
            y += "    targets:\n      - year: \(c.year)\n        value: \(c.value)\n"
            if let high = c.high { y += "        high: \(high)\n" }
            if let comparator = c.comparator { y += "        comparator: \(YAMLText.quoted(comparator))\n" }
            if let words = c.words { y += "        words: \(YAMLText.quoted(words))\n" }
            if let measure = c.measure { y += "        measure: \(measure)\n" }
            if let quote = c.quote { y += "        quote: \(YAMLText.quoted(quote))\n" }
        }
        let multiples = all.filter { $0.measure == "multiple" }.count
        let ranges = all.filter { $0.high != nil }.count
        report.append(.init(kind: .review, line: nil, message: "indicators.yaml: \(all.count) draft figures (\(rows.count) from the printed table) to review\(multiples > 0 ? ", \(multiples) multiples of a base" : "")\(ranges > 0 ? ", \(ranges) ranges" : "")"))
        return y
    }
}
