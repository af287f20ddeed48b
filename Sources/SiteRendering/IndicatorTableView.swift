import TemplateEngine
import Model

/// An indicator table laid out as Chinese statistical tables are: one row per indicator, the unit with the
/// row (or once above the table when all rows share it), one right-aligned column per year, 属性 where stated.
struct IndicatorTableView {
    let table: IndicatorTable
    let indicators: [Indicator]
    /// Row numbers as the plan counts them (序号), across the whole table, not only the rows shown.
    let numbering: [String: Int]

    /// `link` gives each row's link to its indicator page.
    func context(link: (Indicator) -> String) -> TemplateObject {
        let units = Set(indicators.map(\.unit))
        let sharedUnit = units.count == 1 ? units.first : nil
        // A base year is shown only when some row has a figure for it; the table note explains the rest.
        let baselineYears = Set(indicators.compactMap { $0.baseline?.value == nil ? nil : $0.baseline?.year }).sorted()
        let targetYears = Set(indicators.flatMap { $0.targets.map(\.year) }).sorted()

        var columns: [TemplateObject] = []
        for year in baselineYears { columns.append(["label": "\(year)年", "kind": "baseline"]) }
        for year in targetYears {
            let label = baselineYears.isEmpty ? "\(year)年目标" : "\(year)年"
            columns.append(["label": label, "kind": "target"])
        }
        // A column that says the same on every row is said once, above the table, which keeps it narrow on phones.
        let attributes = Set(indicators.map { $0.attribute?.rawValue ?? "" })
        let sharedAttribute = attributes.count == 1 ? attributes.first.flatMap { $0.isEmpty ? nil : $0 } : nil
        let showAttribute = attributes.count > 1

        let rows: [TemplateObject] = indicators.map { indicator in
            var cells: [TemplateObject] = []
            for year in baselineYears {
                if let baseline = indicator.baseline, baseline.year == year, let value = baseline.value {
                    cells.append(["value": value.text])
                } else {
                    cells.append(["missing": baseline(indicator, year) ? "原文未列" : "不适用"])
                }
            }
            for year in targetYears {
                if let target = indicator.targets.first(where: { $0.year == year }) {
                    // The figure with its qualifiers (力争 3.4 以上, 前 40); the unit is the column's, the full words are on the
                    // indicator's page.
                    var cell: TemplateObject = ["value": target.value.text]
                    if !target.fitsUnitColumn, target.measure != .rank {
                        // Not a number of the column's unit: the range's ends, or the plan's words with their own unit.
                        cell["value"] = target.columnFigure(unit: indicator.unit)
                    } else if target.words == nil {
                        // A comparator is printed after the figure, as the tables have always shown it.
                        if let comparator = target.comparator { cell["comparator"] = comparator.rawValue }
                    } else {
                        let (before, after) = target.qualifiers
                        if !before.isEmpty { cell["before"] = before }
                        if !after.isEmpty { cell["comparator"] = after }
                    }
                    // Other targets of the year (a rank beside a level, 双倍增 beside 超过1.28万家), each on a line of its own.
                    let others = indicator.targets.filter { $0.year == year }.dropFirst().map { other -> String in
                        switch other.measure {
                        case .rank: return other.shortPhrase(other.value.text)
                        case .multiple: return "基期的\(other.value.text)倍"
                        default: return other.columnFigure(unit: indicator.unit)
                        }
                    }
                    if !others.isEmpty { cell["also"] = others }
                    cells.append(cell)
                } else {
                    cells.append(["missing": "不适用"])
                }
            }
            var row: TemplateObject = [
                "number": numbering[indicator.id].map(String.init) ?? "",
                "name": indicator.name,
                "cells": cells,
                "quotes": indicator.targets.compactMap { target in target.quote.map { ["year": "\(target.year)", "quote": $0] as TemplateObject } },
            ]
            // An index or a rank has no unit: nothing is printed for it, not an empty （）.
            if !indicator.unit.isEmpty { row["unit"] = indicator.unit }
            row["hasQuotes"] = indicator.targets.contains { $0.quote != nil }
            if let attribute = indicator.attribute { row["attribute"] = attribute.rawValue }
            if let part = indicator.partOf, !indicator.name.contains(part.name) { row["part"] = "\(part.by)：\(part.name)" }
            row["indicatorURL"] = link(indicator)
            return row
        }

        var context: TemplateObject = [
            "anchor": "table-" + table.id,
            "title": table.title,
            "columns": columns,
            "rows": rows,
            "showUnit": sharedUnit == nil,
            "showAttribute": showAttribute,
            "printed": table.printed,
            "hasQuotes": indicators.contains { $0.targets.contains { $0.quote != nil } },
        ]
        if let sharedUnit, !sharedUnit.isEmpty { context["unitNote"] = sharedUnit }
        if let sharedAttribute { context["attributeNote"] = sharedAttribute }
        if let note = table.note { context["note"] = note }
        return context
    }

    private func baseline(_ indicator: Indicator, _ year: Int) -> Bool {
        indicator.baseline?.year == year
    }
}
