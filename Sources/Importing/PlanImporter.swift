import ContentLoading
import Foundation

/// A plan folder made from a published text: the files to write and what the editor should be told.
public struct ImportedPlan: Sendable {
    public var files: [(name: String, contents: String)]
    public var report: [ImportReportLine]
    public var sections: [(id: String, kind: String, title: String)]
    public var candidates: Int
}

/// `bulletin import`: the source's lines in, a content folder out. Pure: the same lines give the same files.
public enum PlanImporter {
    public static func run(lines: [SourceLine], sourceName: String, order: Int = 1) -> ImportedPlan {
        var reading = Reading(lines, structure: Outline.isStructure)
        let outline = Outline(reading.paragraphs)
        reading.report += outline.report
        let meta = Metadata(outline: outline, properties: reading.properties)
        var writer = PlanWriter(outline: outline, meta: meta)
        let sections = writer.sectionFiles()
        let indicators = writer.indicatorsFile()
        var files: [(String, String)] = [("plan.yaml", meta.planYAML(sourceName: sourceName, order: order, notes: reading.notes + outline.notes + writer.notes))]
        files += sections.map { ($0.id + ".md", $0.text) }
        files.append(("indicators.yaml", indicators))
        var report = reading.report + writer.report
        report.sort { ($0.line ?? Int.max) < ($1.line ?? Int.max) }
        report.append(.init(kind: .found, line: nil, message: "\(sections.count) sections (\(sections.map(\.id).joined(separator: ", "))), \(writer.taskCount) titled tasks and measures, \(writer.boxCount) 专栏, \(writer.candidateCount) figures in indicators.yaml (review: true)"))
        return ImportedPlan(files: files.sorted { $0.0 < $1.0 }, report: report,
                            sections: sections.map { ($0.id, $0.kind, $0.title) }, candidates: writer.candidateCount)
    }
}

/// plan.yaml's fields, taken from the text where it states them.
struct Metadata {
    var title: String
    var shortTitle: String
    var type: String
    var region: String
    var issuer: String?
    var documentNumber: String?
    var issued: String?
    var published: String?
    var start: Int
    var end: Int
    var notice: [String]

    init(outline: Outline, properties: [String: String]) {
        title = outline.title ?? "（规划名称）"
        let regionMatch = Pattern(#"^(.{2,8}?(自治区|省|市|新区|高新区|区|县|州))"#).first(in: title)
        region = regionMatch?[1] ?? "（地区待填）"
        var short = title
        if let r = regionMatch?.range { short.removeSubrange(r) }
        if let r = short.range(of: #"（[^（）]*\d{4}[^（）]*）$"#, options: .regularExpression) { short.removeSubrange(r) }
        shortTitle = short.isEmpty ? title : short
        if title.contains("三年行动计划") { type = "三年行动计划" }
        else if title.contains("五”") || title.contains("五年") { type = "五年规划" }
        else if title.contains("行动计划") { type = "行动计划" }
        else if title.contains("规划") { type = "规划" }
        else if title.contains("方案") { type = "实施方案" }
        else { type = "计划" }
        issuer = outline.issuer
        documentNumber = outline.documentNumber ?? properties["发文字号"].flatMap { $0.isEmpty ? nil : $0 }
        issued = outline.issued ?? properties["成文日期"].flatMap(Self.isoDate)
        published = properties["发布日期"].flatMap(Self.isoDate)
        notice = outline.notice
        if let m = Pattern(#"(20\d{2})年?—(20\d{2})年"#).first(in: title) {
            start = Int(m[1]!)!; end = Int(m[2]!)!
        } else if let m = Pattern(#"“十([一二三四五六七八九])五”"#).first(in: title) {
            let n = ["一", "二", "三", "四", "五", "六", "七", "八", "九"].firstIndex(of: m[1]!)! + 1
            start = 2021 + 5 * (10 + n - 14); end = start + 4
        } else {
            let years = outline.parts.flatMap(\.blocks).compactMap { block -> Int? in
                if case .paragraph(_, let text, _) = block { return Pattern(#"到(20\d{2})年"#).all(in: text).compactMap { Int($0[1]!) }.max() }
                return nil
            }
            end = years.max() ?? 2025
            start = issued.flatMap { Int($0.prefix(4)) } ?? end - 2
        }
    }

    static func isoDate(_ text: String) -> String? {
        Pattern(#"^\d{4}-\d{2}-\d{2}$"#).matches(text) ? text : nil
    }

    func planYAML(sourceName: String, order: Int, notes: [String]) -> String {
        var y = "# Made by `bulletin import` from \(sourceName). Check every field against the document, then the sections and indicators.yaml.\n"
        y += "title: \(YAMLText.quoted(title))\n"
        y += "short_title: \(YAMLText.quoted(shortTitle))\n"
        y += "type: \(YAMLText.quoted(type))\n"
        y += "region: \(YAMLText.quoted(region))\n"
        y += "issuer: \(YAMLText.quoted(issuer ?? region + "（原文未载明发文机关）"))\n"
        if let documentNumber { y += "document_number: \(YAMLText.quoted(documentNumber))\n" }
        if let issued { y += "issued: \(issued)\n" }
        if let published { y += "published: \(published)\n" }
        y += "period: { start: \(start), end: \(end) }\n"
        y += "order: \(order)\n"
        if !notice.isEmpty {
            y += "notice: |\n" + notice.map { "  " + TextCleanup.markdownSafe($0) }.joined(separator: "\n\n") + "\n"
        }
        y += "sources:\n  - title: \(YAMLText.quoted("导入的文本：" + sourceName))\n"
        y += "    note: \(YAMLText.quoted("由 bulletin import 从该文件生成；标点、空格和网页残留已按编辑说明处理。"))\n"
        if !notes.isEmpty {
            y += "editorial_notes:\n" + notes.map { "  - \(YAMLText.quoted($0))\n" }.joined()
        }
        return y
    }
}
