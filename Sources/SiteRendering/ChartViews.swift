import TemplateEngine
import Charts
import Markdown
import Model

/// Template values for a chart figure: a visible title and takeaway, the SVG at two widths, its source and
/// the same numbers as a table.
enum ChartViews {
    static func figure(_ chart: Chart, id: String, title: String, source: String, table: TemplateObject) -> TemplateObject {
        [
            "id": id,
            "title": title,
            "takeaway": chart.takeaway,
            "compact": chart.compactSVG,
            "wide": chart.wideSVG,
            "source": source,
            "table": table,
        ]
    }

    /// A table: a caption, column headers, rows whose first cell heads the row.
    static func table(caption: String, headers: [String], numeric: Set<Int>, rows: [[(text: String, url: String?)]]) -> TemplateObject {
        [
            "caption": caption,
            "headers": headers.enumerated().map { ["text": $0.element, "numeric": numeric.contains($0.offset)] as TemplateObject },
            "rows": rows.map { row -> TemplateObject in
                var cells: [TemplateObject] = []
                for (index, cell) in row.enumerated().dropFirst() {
                    var values: TemplateObject = ["text": cell.text, "numeric": numeric.contains(index)]
                    if let url = cell.url { values["url"] = url }
                    cells.append(values)
                }
                var head: TemplateObject = ["text": row.first?.text ?? ""]
                if let url = row.first?.url { head["url"] = url }
                return ["head": head, "cells": cells]
            },
        ]
    }

    /// The figures of one indicator by year: base, reports, targets.
    /// 华龙网《…》（2023-03-31；转载页）
    static func sourceText(_ source: DataSource) -> String {
        // Titles often name their publisher, date or repost already (“…（华龙网，2023-03-31）”): not said twice.
        var text = source.publisher.flatMap { source.title.contains($0) ? nil : $0 + "：" } ?? ""
        text += source.title
        var notes: [String] = []
        if let date = source.published, !source.title.contains(date.iso) { notes.append(date.iso) }
        if source.repost, !source.title.contains("转载") { notes.append("转载页") }
        if !notes.isEmpty { text += "（" + notes.joined(separator: "；") + "）" }
        return text
    }

    static func indicatorTable(_ indicator: Indicator, period: Period) -> TemplateObject {
        var rows: [[(text: String, url: String?)]] = []
        // The base progress is measured from, when a source reported it rather than the plan.
        let reportedBase = ProgressMethod.base(of: indicator, period: period).flatMap { $0.source == nil ? nil : $0.point }
        if let base = indicator.baseline, reportedBase == nil {
            rows.append([("\(base.year)年", nil), ("基期", nil), (base.value?.text ?? "原文未列", nil), (base.value == nil ? "" : "规划原文", nil)])
        }
        for report in indicator.reported {
            let kind = report.year == reportedBase?.year ? "基期（报告值）" : "报告值"
            rows.append([("\(report.year)年", nil), (kind, nil), (report.value.text, nil), (sourceText(report.source), report.source.url)])
        }
        for target in indicator.targets {
            let kind = switch target.measure {
            case .rank: "目标（位次）"
            case .multiple: "目标（基期的倍数）"
            case .growth: "目标（年均增速）"
            case .change: "目标（相对基期的变化）"
            case .qualitative: "目标（定性）"
            default: "目标"
            }
            // Only a level is a number of the column's unit; any other target is given in its own words.
            // A range is in the column's unit too: its two ends (10—15).
            let figure = target.fitsUnitColumn || target.measure == .rank ? target.value.text
                : target.isLevel && target.unit == nil ? target.columnFigure(unit: indicator.unit) : "—"
            rows.append([("\(target.year)年", nil), (kind, nil), (figure, nil),
                         (target.fitsUnitColumn || target.measure == .rank ? target.cell(unit: indicator.unit) ?? "" : target.phrase(target.value.text + target.unit(or: indicator.unit)), nil)])
        }
        let unit = indicator.unit
        return table(caption: unit.isEmpty ? indicator.name : "\(indicator.name)（单位：\(unit)）", headers: ["年份", "类型", unit.isEmpty ? "数值" : "数值（\(unit)）", "表述或来源"],
                     numeric: [2], rows: rows)
    }
}
