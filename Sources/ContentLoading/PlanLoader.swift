import Diagnostics
import Foundation
import Markdown
import Model

/// Reads one plan folder: `plan.yaml`, the section files and `indicators.yaml`, then checks them together.
struct PlanLoader {
    let folder: URL
    let slug: String
    let displayFolder: String

    func load(_ diagnostics: inout [Diagnostic]) -> Plan? {
        let errorsBefore = diagnostics.filter { $0.severity == .error }.count
        if !isURLSafeName(slug) {
            diagnostics.append(.error(at: SourceLocation(file: displayFolder), "plan folder name `\(slug)` cannot be used in URLs",
                                      hint: "rename the folder using lower-case letters, digits and hyphens, e.g. `cq-tech-services-2023`"))
        }
        // Go on after broken metadata, so that one run reports the problems of every file of the plan.
        let metadata = loadMetadata(&diagnostics)
        var plan = metadata ?? Plan(slug: slug, title: slug, shortTitle: slug, type: "", region: "", issuer: "",
                                    period: Period(start: 0, end: 0), order: 0, sources: [])
        plan.sourceFolder = displayFolder
        plan.sections = loadSections(&diagnostics)
        plan.tasks = plan.sections.flatMap { TaskExtractor.tasks(inSectionBody: $0.body, sectionID: $0.id, region: plan.region) }
        let indicatorsURL = folder.appendingPathComponent("indicators.yaml")
        var locations = IndicatorLoader.Locations()
        if FileManager.default.fileExists(atPath: indicatorsURL.path) {
            let loaded = IndicatorLoader(url: indicatorsURL, displayPath: displayFolder + "/indicators.yaml").load(&diagnostics)
            plan.tables = loaded.tables
            plan.indicators = loaded.indicators
            locations = loaded.locations
        }
        let achievementsURL = folder.appendingPathComponent("achievements.csv")
        if FileManager.default.fileExists(atPath: achievementsURL.path) {
            plan.achievements = AchievementsCSV(url: achievementsURL, displayPath: displayFolder + "/achievements.csv")
                .load(sections: plan.sections, &diagnostics)
        }
        let reportedURL = folder.appendingPathComponent("reported.csv")
        if FileManager.default.fileExists(atPath: reportedURL.path) {
            mergeReported(ReportedCSV(url: reportedURL, displayPath: displayFolder + "/reported.csv")
                .load(indicators: Set(plan.indicators.map(\.id)).union(locations.rejected), period: plan.period, &diagnostics),
                into: &plan, &diagnostics)
        }
        PlanChecker(plan: plan, indicatorFile: displayFolder + "/indicators.yaml", locations: locations).check(&diagnostics)
        let errorsAfter = diagnostics.filter { $0.severity == .error }.count
        return errorsAfter == errorsBefore && metadata != nil ? plan : nil
    }

    private func loadMetadata(_ diagnostics: inout [Diagnostic]) -> Plan? {
        let path = displayFolder + "/plan.yaml"
        let url = folder.appendingPathComponent("plan.yaml")
        guard FileManager.default.fileExists(atPath: url.path) else {
            diagnostics.append(.error(at: SourceLocation(file: path), "plan folder `\(slug)` has no plan.yaml",
                                      hint: "every plan needs plan.yaml with title, short_title, type, region, issuer, period and sources"))
            return nil
        }
        guard let file = TextFile.read(url, displayPath: path, diagnostics: &diagnostics),
              let document = YAMLDocument.parse(file.text, file: path, diagnostics: &diagnostics),
              var r = MappingReader(document.root, in: document, what: "plan", diagnostics: &diagnostics) else { return nil }

        let title = r.string("title", required: true, &diagnostics)
        let shortTitle = r.string("short_title", required: true, &diagnostics)
        let type = r.string("type", required: true, &diagnostics)
        let region = r.string("region", required: true, &diagnostics)
        let issuer = r.string("issuer", required: true, &diagnostics)
        let documentNumber = r.string("document_number", &diagnostics)
        let issued = r.date("issued", &diagnostics)
        let published = r.date("published", &diagnostics)
        let order = r.int("order", &diagnostics)
        let notice = r.string("notice", &diagnostics)
        let period = readPeriod(&r, document, &diagnostics)
        let sources = readSources(&r, document, &diagnostics)
        let notes = readStrings("editorial_notes", &r, document, &diagnostics)
        r.reportUnknownKeys(&diagnostics)

        guard let title, let shortTitle, let type, let region, let issuer, let period, let sources else { return nil }
        return Plan(slug: slug, title: title, shortTitle: shortTitle, type: type, region: region, issuer: issuer,
                    documentNumber: documentNumber, issued: issued, published: published, period: period,
                    order: order ?? Int.max, notice: notice, sources: sources, editorialNotes: notes)
    }

    private func readPeriod(_ r: inout MappingReader, _ document: YAMLDocument, _ diagnostics: inout [Diagnostic]) -> Period? {
        guard let node = r.value("period") else {
            r.missing("period", &diagnostics)
            return nil
        }
        guard var p = MappingReader(node, in: document, what: "`period` of plan", example: "period: { start: 2023, end: 2025 }", diagnostics: &diagnostics) else { return nil }
        let start = p.int("start", required: true, range: 1900...2200, &diagnostics)
        let end = p.int("end", required: true, range: 1900...2200, &diagnostics)
        p.reportUnknownKeys(&diagnostics)
        guard let start, let end else { return nil }
        guard start <= end else {
            diagnostics.append(.error(at: p.location, "the period ends (\(end)) before it starts (\(start))"))
            return nil
        }
        return Period(start: start, end: end)
    }

    private func readSources(_ r: inout MappingReader, _ document: YAMLDocument, _ diagnostics: inout [Diagnostic]) -> [SourceReference]? {
        guard let nodes = r.sequence("sources", required: true, &diagnostics) else { return nil }
        guard !nodes.isEmpty else {
            diagnostics.append(.error(at: r.location(of: "sources"), "`sources` is empty", hint: "name where the plan's text was taken from"))
            return nil
        }
        var sources: [SourceReference] = []
        for node in nodes {
            guard var s = MappingReader(node, in: document, what: "source", diagnostics: &diagnostics) else { continue }
            let title = s.string("title", required: true, &diagnostics)
            let url = s.string("url", &diagnostics)
            let note = s.string("note", &diagnostics)
            s.reportUnknownKeys(&diagnostics)
            if let url, !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
                diagnostics.append(.error(at: s.location(of: "url"), "source url `\(url)` is not a web address", hint: "write the full address, starting with https://"))
            }
            if let title { sources.append(SourceReference(title: title, url: url, note: note)) }
        }
        return sources
    }

    private func readStrings(_ key: String, _ r: inout MappingReader, _ document: YAMLDocument, _ diagnostics: inout [Diagnostic]) -> [String] {
        guard let nodes = r.sequence(key, &diagnostics) else { return [] }
        return nodes.compactMap { node in
            guard let scalar = node.scalar else {
                diagnostics.append(.error(at: document.location(of: node), "each entry of `\(key)` should be text, found \(MappingReader.describe(node))",
                                          hint: "text that holds `: ` reads as a mapping in YAML; put the entry in double quotes"))
                return nil
            }
            return scalar.trimmingSpaces()
        }
    }

    /// Adds the spreadsheet's figures to the indicators; a year that `indicators.yaml` reports too is an error.
    private func mergeReported(_ rows: [ReportedCSV.Row], into plan: inout Plan, _ diagnostics: inout [Diagnostic]) {
        var index: [String: Int] = [:]
        for (i, indicator) in plan.indicators.enumerated() { index[indicator.id] = i }
        for row in rows {
            guard let i = index[row.indicator] else { continue }
            if plan.indicators[i].reported.contains(where: { $0.year == row.value.year }) {
                diagnostics.append(.error(at: row.location, "`\(row.indicator)` already has a reported figure for \(row.value.year) in indicators.yaml",
                                          hint: "keep each figure in one place: the `reported:` list or reported.csv"))
                continue
            }
            plan.indicators[i].reported.append(row.value)
        }
        for i in plan.indicators.indices { plan.indicators[i].reported.sort { $0.year < $1.year } }
    }

    /// `README.md`, `SOURCE.md`, `_draft.md`: a file name that starts with a capital letter or an underscore.
    static func isEditorsNote(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first else { return false }
        return ("A"..."Z").contains(first) || first == "_"
    }

    /// The files of a plan folder the build reads, besides the sections (`*.md`).
    static let planFiles = ["plan.yaml", "indicators.yaml", "reported.csv", "achievements.csv"]

    /// Anything else in the folder is most likely misnamed (`indicators.yml` would leave every indicator out without a
    /// word): a warning names it, with the nearest file the build reads. Editors' notes and hidden files are left alone.
    private func warnAboutOtherFiles(_ names: [String], _ diagnostics: inout [Diagnostic]) {
        for name in names.sorted() where !name.hasSuffix(".md") && !Self.planFiles.contains(name) && !Self.isEditorsNote(name)
            && !name.hasPrefix(".") {
            var hint = "a plan folder holds plan.yaml, indicators.yaml, reported.csv, achievements.csv and its sections (*.md); "
                + "notes for the editors take a name that starts with a capital letter or `_` (README.md, _sources.txt)"
            if let near = Suggestions.nearest(name, in: Self.planFiles) { hint = "did you mean `\(near)`? " + hint }
            diagnostics.append(.warning(at: SourceLocation(file: displayFolder + "/" + name),
                                        "`\(name)` is not a file the build reads: it is left out", hint: hint))
        }
    }

    /// Section ids whose page would take the place of one the site makes for the plan.
    static let reservedSectionIDs: Set<String> = ["index"]

    private func loadSections(_ diagnostics: inout [Diagnostic]) -> [Section] {
        // Notes for the editors (README.md, SOURCE.md, _draft.md: a name in capitals or after `_`) sit beside the
        // sections and are not sections; section files are named in lower case, as their URLs are.
        let all = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        warnAboutOtherFiles(all, &diagnostics)
        let names = all.filter { $0.hasSuffix(".md") && !Self.isEditorsNote($0) }.sorted()
        var sections: [Section] = []
        for name in names {
            let id = String(name.dropLast(3))
            let path = displayFolder + "/" + name
            if !isURLSafeName(id) {
                diagnostics.append(.error(at: SourceLocation(file: path), "section file name `\(name)` cannot be used in URLs",
                                          hint: "rename it using lower-case letters, digits and hyphens, e.g. `goals.md`"))
                continue
            }
            if Self.reservedSectionIDs.contains(id) {
                diagnostics.append(.error(at: SourceLocation(file: path), "a section cannot be named `\(id)`: plans/\(slug)/\(id).html is the plan's own page",
                                          hint: "name the file by its kind, e.g. `overview.md` or `preface.md`"))
                continue
            }
            if let section = SectionLoader(url: folder.appendingPathComponent(name), id: id, displayPath: path).load(&diagnostics) {
                sections.append(section)
            }
        }
        if sections.isEmpty, names.isEmpty {
            diagnostics.append(.error(at: SourceLocation(file: displayFolder), "plan `\(slug)` has no section files",
                                      hint: "add Markdown files such as goals.md, tasks.md and safeguards.md with front matter"))
        }
        // Parts of other kinds marked inside a section (## （二）主要目标 {kind=goals}) follow the section they stand in.
        var expanded: [Section] = []
        // Whose each id is: a file's, or a part's of a file.
        var owners = Dictionary(sections.map { ($0.id, $0.sourcePath) }, uniquingKeysWith: { first, _ in first })
        for section in sections.sorted(by: { ($0.order, $0.id) < ($1.order, $1.id) }) {
            for (index, part) in SectionParts.split(section, &diagnostics).enumerated() {
                if index > 0 {
                    if let other = owners[part.id] {
                        diagnostics.append(.error(at: SourceLocation(file: part.sourcePath, line: max(1, part.bodyFirstLine - 1), column: 1),
                                                  "the part `\(part.numberedTitle)` is named `\(part.id)`, as is \(other)",
                                                  hint: "give the part an id of its own: `{kind=\(part.kind.rawValue) id=…}`"))
                        continue
                    }
                    owners[part.id] = "a part of \(section.sourcePath)"
                }
                expanded.append(part)
            }
        }
        return expanded
    }
}
