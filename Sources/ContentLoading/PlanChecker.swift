import Bytes
import Diagnostics
import Markdown
import Model

/// Checks that a plan's indicators agree with its sections: every reference resolves, and every quote is
/// the plan's own words and holds the figure it backs, so a table can never drift from the text.
struct PlanChecker {
    let plan: Plan
    let indicatorFile: String
    let locations: IndicatorLoader.Locations

    func check(_ diagnostics: inout [Diagnostic]) {
        let sectionIDs = plan.sections.map(\.id)
        let tableIDs = Set(plan.tables.map(\.id))
        let printedTables = Set(plan.tables.filter(\.printed).map(\.id))
        checkEmbeddedTables(tableIDs, &diagnostics)
        let indicatorIDs = Set(plan.indicators.map(\.id))
        let sectionsByID = Dictionary(plan.sections.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let quoted = quotesFound(sectionsByID)

        for (position, indicator) in plan.indicators.enumerated() {
            let fields = locations.fields[indicator.id] ?? [:]
            let at = { (field: String) in fields[field] ?? locations.indicators[indicator.id] ?? SourceLocation(file: indicatorFile) }

            guard sectionsByID[indicator.sectionID] != nil else {
                var hint = "sections of this plan: " + sectionIDs.joined(separator: ", ")
                if let near = nearest(indicator.sectionID, in: sectionIDs) { hint = "did you mean `\(near)`? " + hint }
                diagnostics.append(.error(at: at("section"), "indicator `\(indicator.id)` names section `\(indicator.sectionID)`, but plan `\(plan.slug)` has no \(indicator.sectionID).md", hint: hint))
                continue
            }
            if !tableIDs.contains(indicator.tableID) {
                diagnostics.append(.error(at: at("table"), "indicator `\(indicator.id)` names table `\(indicator.tableID)`, which is not declared under `tables:`",
                                          hint: "declared tables: " + plan.tables.map(\.id).joined(separator: ", ")))
            }
            if let part = indicator.partOf {
                if part.indicatorID == indicator.id {
                    diagnostics.append(.error(at: at("part_of"), "indicator `\(indicator.id)` is declared part of itself"))
                } else if !indicatorIDs.contains(part.indicatorID), !locations.rejected.contains(part.indicatorID) {
                    var hint = "part_of must name another indicator of this plan"
                    if let near = nearest(part.indicatorID, in: Array(indicatorIDs)) { hint = "did you mean `\(near)`?" }
                    diagnostics.append(.error(at: at("part_of"), "indicator `\(indicator.id)` is part of `\(part.indicatorID)`, which does not exist", hint: hint))
                }
            }
            for (index, target) in indicator.targets.enumerated() {
                let quoteAt = locations.quotes[indicator.id]?[index] ?? at("section")
                guard let quote = target.quote else {
                    if !printedTables.contains(indicator.tableID) {
                        diagnostics.append(.error(at: locations.targets[indicator.id]?[index] ?? at("section"),
                                                  "the \(target.year) target of \(indicator.id) has no quote",
                                                  hint: "add `quote:` with the plan's own words for the figure, copied from \(indicator.sectionID).md"))
                    }
                    continue
                }
                if quoted[QuoteKey(indicator: position, target: index)] != true {
                    diagnostics.append(.error(at: quoteAt, "the quote for \(indicator.id) (\(target.year)) does not occur in \(indicator.sectionID).md",
                                              hint: "copy the plan's words exactly from the section text, with the same punctuation"))
                } else if target.measure != .multiple, target.measure != .qualitative, !Self.contains(quote, number: target.value.text) {
                    diagnostics.append(.error(at: quoteAt, "the quote for \(indicator.id) (\(target.year)) does not contain its value \(target.value.text)",
                                              hint: "the value must be the figure the quote states, in the indicator's unit"))
                }
            }
        }
    }

    private struct QuoteKey: Hashable {
        /// The indicator's position in the plan (ids may clash in a file with errors) and the target's.
        var indicator: Int
        var target: Int
    }

    /// Whether each quote occurs in its section's text as a reader sees it: all the quotes of a section are found
    /// in one pass over it (`PatternSet`), where searching once per quote made a plan of 10 000 figures quadratic.
    private func quotesFound(_ sectionsByID: [String: Section]) -> [QuoteKey: Bool] {
        var bySection: [String: [(QuoteKey, [UInt8])]] = [:]
        for (position, indicator) in plan.indicators.enumerated() where sectionsByID[indicator.sectionID] != nil {
            for (index, target) in indicator.targets.enumerated() {
                guard let quote = target.quote else { continue }
                bySection[indicator.sectionID, default: []].append((QuoteKey(indicator: position, target: index), Self.searchableBytes(quote)))
            }
        }
        var found: [QuoteKey: Bool] = [:]
        for (sectionID, quotes) in bySection {
            guard let section = sectionsByID[sectionID] else { continue }
            let seen = PatternSet(quotes.map(\.1)).occurring(in: Self.searchableBytes(section.body))
            for (index, quote) in quotes.enumerated() { found[quote.0] = seen[index] }
        }
        return found
    }

    /// A table placed in a section's text (`[!指标表] id`) must be one the plan declares.
    private func checkEmbeddedTables(_ tableIDs: Set<String>, _ diagnostics: inout [Diagnostic]) {
        for section in plan.sections {
            for embed in Markdown.embeds(in: section.body) where embed.name == Markdown.tableMarker {
                guard !tableIDs.contains(embed.argument) else { continue }
                let at = SourceLocation(file: section.sourcePath, line: section.bodyFirstLine + embed.line - 1, column: 1)
                var hint = "tables declared in indicators.yaml: " + plan.tables.map(\.id).joined(separator: ", ")
                if let near = nearest(embed.argument, in: Array(tableIDs)) { hint = "did you mean `\(near)`? " + hint }
                diagnostics.append(.error(at: at, "the text places table `\(embed.argument)`, which indicators.yaml does not declare", hint: hint))
            }
        }
    }

    /// Text as a reader sees it, as UTF-8: no emphasis markers (`**`), every run of spaces, tabs, line
    /// breaks and ideographic spaces (U+3000) made one space.
    static func searchableBytes(_ markdown: String) -> [UInt8] {
        let input = Array(markdown.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var lastWasSpace = false
        var i = 0
        while i < input.count {
            let byte = input[i]
            if byte == 0x2A, i + 1 < input.count, input[i + 1] == 0x2A { i += 2; continue }
            let ideographicSpace = byte == 0xE3 && i + 2 < input.count && input[i + 1] == 0x80 && input[i + 2] == 0x80
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || ideographicSpace {
                if !lastWasSpace { out.append(0x20) }
                lastWasSpace = true
                i += ideographicSpace ? 3 : 1
                continue
            }
            out.append(byte)
            lastWasSpace = false
            i += 1
        }
        return out
    }

    /// True when `number` occurs in `text` as a whole number, not inside a longer one (`60` is not in `600`).
    static func contains(_ text: String, number: String) -> Bool {
        let chars = Array(text), target = Array(number)
        guard target.count <= chars.count else { return false }
        func isDigitLike(_ c: Character) -> Bool { c.isASCII && (c.isNumber || c == ".") }
        for start in 0...(chars.count - target.count) where Array(chars[start..<start + target.count]) == target {
            let before = start > 0 ? chars[start - 1] : " "
            let after = start + target.count < chars.count ? chars[start + target.count] : " "
            // A trailing full stop is punctuation, not a decimal point, when no digit follows it.
            let afterIsDecimal = after == "." && start + target.count + 1 < chars.count && chars[start + target.count + 1].isNumber
            if !isDigitLike(before), !(after.isASCII && after.isNumber), !afterIsDecimal { return true }
        }
        return false
    }
}
