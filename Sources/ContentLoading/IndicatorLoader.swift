import Diagnostics
import Foundation
import Model

/// Reads `indicators.yaml`: the named tables and every indicator with its baseline, targets and parts.
struct IndicatorLoader {
    let url: URL
    let displayPath: String

    /// Where each thing was written, so that cross-file checks can point at the right line.
    struct Locations {
        var indicators: [String: SourceLocation] = [:]
        var fields: [String: [String: SourceLocation]] = [:]
        /// Indicator id → target index → location of the target and of its quote.
        var targets: [String: [Int: SourceLocation]] = [:]
        var quotes: [String: [Int: SourceLocation]] = [:]
        var tables: [String: SourceLocation] = [:]
        /// Ids of indicators that had errors of their own: references to them are not reported again.
        var rejected: Set<String> = []
        /// Indicators still marked `review: true` by `bulletin import`.
        var drafts: [SourceLocation] = []
    }

    struct Loaded {
        var tables: [IndicatorTable] = []
        var indicators: [Indicator] = []
        var locations = Locations()
    }

    func load(_ diagnostics: inout [Diagnostic]) -> Loaded {
        var loaded = Loaded()
        guard let file = TextFile.read(url, displayPath: displayPath, diagnostics: &diagnostics),
              let document = YAMLDocument.parse(file.text, file: displayPath, diagnostics: &diagnostics),
              var r = MappingReader(document.root, in: document, what: "indicators.yaml", diagnostics: &diagnostics) else { return loaded }

        for node in r.sequence("tables", &diagnostics) ?? [] {
            guard var t = MappingReader(node, in: document, what: "table", diagnostics: &diagnostics) else { continue }
            let id = t.string("id", required: true, &diagnostics)
            let title = t.string("title", required: true, &diagnostics)
            let note = t.string("note", &diagnostics)
            let printed = t.bool("printed", &diagnostics)
            t.reportUnknownKeys(&diagnostics)
            guard let id, let title else { continue }
            if let first = loaded.locations.tables[id] {
                diagnostics.append(.error(at: t.location(of: "id"), "duplicate table id `\(id)`",
                                          hint: "first used at \(first.line):\(first.column); give each table its own id"))
                continue
            }
            loaded.locations.tables[id] = t.location(of: "id")
            loaded.tables.append(IndicatorTable(id: id, title: title, note: note, printed: printed ?? false))
        }

        for node in r.sequence("indicators", required: true, &diagnostics) ?? [] {
            guard let (indicator, idLocation) = readIndicator(node, document, &loaded.locations, &diagnostics) else { continue }
            if let first = loaded.locations.indicators[indicator.id] {
                diagnostics.append(.error(at: idLocation, "duplicate indicator id `\(indicator.id)`",
                                          hint: "first used at line \(first.line); ids must be unique within a plan"))
                continue
            }
            loaded.locations.indicators[indicator.id] = idLocation
            loaded.indicators.append(indicator)
        }
        r.reportUnknownKeys(&diagnostics)
        if let first = loaded.locations.drafts.first {
            let n = loaded.locations.drafts.count
            diagnostics.append(.warning(at: first, "\(n) indicator\(n == 1 ? " is" : "s are") still an import draft (`review: true`)",
                                        hint: "check each figure's value, unit, year and quote against the plan, then delete its `review: true` line"))
        }

        // Indicators that name no table go to a default one, created only if something uses it.
        if loaded.indicators.contains(where: { $0.tableID == IndicatorTable.defaultID }),
           !loaded.tables.contains(where: { $0.id == IndicatorTable.defaultID }) {
            loaded.tables.insert(IndicatorTable(id: IndicatorTable.defaultID, title: IndicatorTable.defaultTitle), at: 0)
        }
        return loaded
    }

    private func readIndicator(_ node: YAMLNode, _ document: YAMLDocument, _ locations: inout Locations,
                               _ diagnostics: inout [Diagnostic]) -> (Indicator, SourceLocation)? {
        guard var r = MappingReader(node, in: document, what: "indicator", diagnostics: &diagnostics) else { return nil }
        let id = r.string("id", required: true, &diagnostics)
        if let id {
            r.what = "indicator `\(id)`"
            if !isURLSafeName(id) {
                diagnostics.append(.error(at: r.location(of: "id"), "indicator id `\(id)` cannot be used in URLs",
                                          hint: "use lower-case letters, digits and hyphens, e.g. `rd-intensity`"))
            }
        }
        let label = r.what
        let name = r.string("name", required: true, &diagnostics)
        // An index or a rank has no unit: `unit: ""` says so; a missing `unit:` is more likely forgotten.
        var unit: String?
        if r.value("unit") == nil {
            diagnostics.append(.error(at: r.location, "\(r.what) is missing the required field `unit`",
                                      hint: "add a line `unit: …` (万家, %, 亿元); for an index or a rank without a unit, write `unit: \"\"`"))
        } else {
            unit = r.string("unit", &diagnostics) ?? ""
        }
        let section = r.string("section", required: true, &diagnostics)
        let table = r.string("table", &diagnostics)
        let attribute = r.choice("attribute", as: IndicatorAttribute.self, &diagnostics)
        let direction = r.choice("direction", as: Direction.self, &diagnostics)
        let baseline = readBaseline(r.value("baseline"), document, label, &diagnostics)
        let targets = readTargets(&r, document, label, id, &locations, &diagnostics)
        let partOf = readPartOf(r.value("part_of"), document, label, &diagnostics)
        let reported = readReported(&r, document, label, &diagnostics)
        let definition = r.string("definition", &diagnostics)
        let manual = readManualProgress(r.value("progress"), document, label, &diagnostics)
        if r.bool("review", &diagnostics) == true { locations.drafts.append(r.location(of: "review")) }
        r.reportUnknownKeys(&diagnostics)

        guard let id else { return nil }
        guard let name, let unit, let section, let targets else {
            locations.rejected.insert(id)
            return nil
        }
        if locations.fields[id] == nil {
            locations.fields[id] = ["section": r.location(of: "section"), "table": r.location(of: "table"), "part_of": r.location(of: "part_of")]
        }
        // A change of a share given in % could be per cent of the base or points: the file must say which.
        if unit == "%", let t = targets.firstIndex(where: { $0.measure == .change && $0.unit == "%" }) {
            diagnostics.append(.error(at: locations.targets[id]?[t] ?? r.location, "the \(targets[t].year) target of \(label) is a change of a share given in `%`",
                                      hint: "write `unit: 个百分点` for a change in points (提高2个百分点); a change in per cent of the base needs the indicator in another unit"))
            locations.rejected.insert(id)
            return nil
        }
        let indicator = Indicator(id: id, name: name, unit: unit, sectionID: section, tableID: table ?? IndicatorTable.defaultID,
                                  // A rank is better the smaller it is.
                                  attribute: attribute, direction: direction ?? (targets.allSatisfy { $0.measure == .rank } ? .decrease : .increase),
                                  baseline: baseline,
                                  targets: targets, partOf: partOf, reported: reported, definition: definition,
                                  manualProgress: manual)
        return (indicator, r.location(of: "id"))
    }

    private func readBaseline(_ node: YAMLNode?, _ document: YAMLDocument, _ label: String, _ diagnostics: inout [Diagnostic]) -> Observation? {
        guard let node, var b = MappingReader(node, in: document, what: "baseline of \(label)", diagnostics: &diagnostics) else { return nil }
        let year = b.int("year", required: true, range: 1900...2200, &diagnostics)
        let value = b.figure("value", &diagnostics)
        b.reportUnknownKeys(&diagnostics)
        return year.map { Observation(year: $0, value: value) }
    }

    private func readTargets(_ r: inout MappingReader, _ document: YAMLDocument, _ label: String, _ id: String?,
                             _ locations: inout Locations, _ diagnostics: inout [Diagnostic]) -> [Target]? {
        guard let nodes = r.sequence("targets", required: true, &diagnostics) else { return nil }
        guard !nodes.isEmpty else {
            diagnostics.append(.error(at: r.location(of: "targets"), "\(label) has no targets", hint: "add at least one `- year: …` entry with value and quote"))
            return nil
        }
        var targets: [Target] = []
        var ok = true
        for node in nodes {
            guard var t = MappingReader(node, in: document, what: "target of \(label)", diagnostics: &diagnostics) else { ok = false; continue }
            let year = t.int("year", required: true, range: 1900...2200, &diagnostics)
            // A statement with no figure (保持在合理区间) has words and no value.
            let qualitative = t.value("measure")?.scalar == Measure.qualitative.rawValue
            let value = qualitative && t.value("value") == nil ? Figure(0, text: "") : t.figure("value", required: true, &diagnostics)
            let high = t.figure("high", &diagnostics)
            let comparator = t.choice("comparator", as: Comparator.self, &diagnostics)
            let words = t.string("words", &diagnostics)
            let unit = t.value("unit") == nil ? nil : (t.string("unit", &diagnostics) ?? "")
            let bound = t.choice("bound", as: Bound.self, &diagnostics)
            let modality = t.choice("modality", as: Modality.self, &diagnostics)
            let measure = t.choice("measure", as: Measure.self, &diagnostics)
            let quote = t.string("quote", &diagnostics)
            t.reportUnknownKeys(&diagnostics)
            guard let year, let value else { ok = false; continue }
            let target = Target(year: year, value: value, comparator: comparator, words: words, unit: unit, bound: bound,
                                modality: modality, measure: measure, high: high, quote: quote)
            if let high, high.value <= value.value {
                diagnostics.append(.error(at: t.location(of: "high"), "the range of the \(year) target of \(label) ends below where it starts (\(value.text)—\(high.text))",
                                          hint: "`value` is the low end and `high` the high end: 10—15家 is `value: 10`, `high: 15`"))
                ok = false
            }
            if target.measure == .qualitative, words == nil {
                diagnostics.append(.error(at: t.location, "the qualitative \(year) target of \(label) has no `words`",
                                          hint: "give the plan's words, e.g. `words: 保持在合理区间`"))
                ok = false
            }
            // A multiple's words may hold its figure as the plan writes it (双倍增, 翻一番), a statement has none.
            if let words, words.components(separatedBy: Qualifiers.figure).count != 2,
               !((target.measure == .multiple || target.measure == .qualitative) && !words.contains(Qualifiers.figure)) {
                diagnostics.append(.error(at: t.location(of: "words"), "`words` of the \(year) target of \(label) should hold one `\(Qualifiers.figure)` where the figure stands",
                                          hint: "write the plan's words with `\(Qualifiers.figure)` for the figure and its unit, e.g. `words: 力争达到\(Qualifiers.figure)以上`"))
                ok = false
            }
            if words != nil, comparator != nil {
                diagnostics.append(.error(at: t.location(of: "comparator"), "the \(year) target of \(label) has both `comparator` and `words`",
                                          hint: "keep `words` (the plan's words, with `\(Qualifiers.figure)` for the figure): it says all a comparator says"))
                ok = false
            }
            if let last = targets.last, last.year > year || (last.year == year && last.measure == target.measure) {
                let message = last.year == year
                    ? "\(label) has two \(target.measure.rawValue) targets for \(year)"
                    : "targets of \(label) are not in year order (\(year) after \(last.year))"
                diagnostics.append(.error(at: t.location(of: "year"), message,
                                          hint: "list targets from the earliest year to the latest; two targets in one year must measure different things (a level and a rank)"))
                ok = false
            }
            if let id, locations.quotes[id]?[targets.count] == nil {
                locations.quotes[id, default: [:]][targets.count] = t.location(of: "quote")
                locations.targets[id, default: [:]][targets.count] = t.location
            }
            targets.append(target)
        }
        return ok ? targets : nil
    }

    private func readPartOf(_ node: YAMLNode?, _ document: YAMLDocument, _ label: String, _ diagnostics: inout [Diagnostic]) -> PartOf? {
        guard let node, var p = MappingReader(node, in: document, what: "part_of of \(label)", diagnostics: &diagnostics) else { return nil }
        let indicator = p.string("indicator", required: true, &diagnostics)
        let by = p.string("by", required: true, &diagnostics)
        let name = p.string("name", required: true, &diagnostics)
        p.reportUnknownKeys(&diagnostics)
        guard let indicator, let by, let name else { return nil }
        return PartOf(indicatorID: indicator, by: by, name: name)
    }

    private func readReported(_ r: inout MappingReader, _ document: YAMLDocument, _ label: String, _ diagnostics: inout [Diagnostic]) -> [ReportedValue] {
        var values: [ReportedValue] = []
        var years = Set<Int>()  // every year written, read cleanly or not: a repeat is reported either way
        for node in r.sequence("reported", &diagnostics) ?? [] {
            guard var v = MappingReader(node, in: document, what: "reported value of \(label)", diagnostics: &diagnostics) else { continue }
            let year = v.int("year", required: true, range: 1900...2200, &diagnostics)
            let value = v.figure("value", required: true, &diagnostics)
            let source = readSource(&v, document, label, &diagnostics)
            let note = v.string("note", &diagnostics)
            v.reportUnknownKeys(&diagnostics)
            if let year, !years.insert(year).inserted {
                diagnostics.append(.error(at: v.location(of: "year"), "\(label) has two reported values for \(year)",
                                          hint: "keep one figure per year; a revised figure replaces the old one, with a note"))
                continue
            }
            if let year, let value, let source {
                values.append(ReportedValue(year: year, value: value, source: source, note: note))
            }
        }
        return values.sorted { $0.year < $1.year }
    }

    /// `source:` as one line of text (the title), or as a mapping with publisher, title, url, published and repost.
    private func readSource(_ v: inout MappingReader, _ document: YAMLDocument, _ label: String, _ diagnostics: inout [Diagnostic]) -> DataSource? {
        guard let node = v.value("source") else {
            v.missing("source", &diagnostics)
            return nil
        }
        if node.mapping == nil {
            return v.string("source", required: true, &diagnostics).map { DataSource(title: $0) }
        }
        guard var s = MappingReader(node, in: document, what: "source of a reported value of \(label)", diagnostics: &diagnostics) else { return nil }
        let title = s.string("title", required: true, &diagnostics)
        let publisher = s.string("publisher", &diagnostics)
        let url = s.string("url", &diagnostics)
        let published = s.date("published", &diagnostics)
        let repost = s.bool("repost", &diagnostics)
        s.reportUnknownKeys(&diagnostics)
        if let url, !SourceURL.isAcceptable(url) {
            diagnostics.append(.error(at: s.location(of: "url"), "the source address `\(url)` is not an http or https address",
                                      hint: "write the page's full address, starting with https:// or http://"))
            return nil
        }
        return title.map { DataSource(publisher: publisher, title: $0, url: url, published: published, repost: repost ?? false) }
    }

    /// `progress: { status: 基本符合预期, reason: … }`: a status set by hand.
    private func readManualProgress(_ node: YAMLNode?, _ document: YAMLDocument, _ label: String, _ diagnostics: inout [Diagnostic]) -> ManualProgress? {
        guard let node, var p = MappingReader(node, in: document, what: "progress of \(label)", diagnostics: &diagnostics) else { return nil }
        let status = p.string("status", required: true, &diagnostics)
        let reason = p.string("reason", required: true, &diagnostics)
        p.reportUnknownKeys(&diagnostics)
        guard let status, let reason else { return nil }
        guard let known = ProgressStatus(named: status) else {
            let words = ProgressStatus.allCases.map(\.label).joined(separator: "、")
            diagnostics.append(.error(at: p.location(of: "status"), "`\(status)` is not a progress status", hint: "use one of \(words)"))
            return nil
        }
        return ManualProgress(status: known, reason: reason)
    }
}
