import Diagnostics
import Foundation
import Model
import Publishing

/// What a rebuild needs to know of a plan whose files have not changed, kept from the build that read them:
/// enough to list the plan's pages (for the manifest) and to show it on the home and 404 pages, which list
/// every plan. A rebuild after one plan changed reads that plan's files only and takes the others from here.
///
/// A plan taken from here is an outline, not the plan: its sections have no text and its indicators no
/// figures. The build never renders a page of such a plan; when one of its pages has to be rendered (the file
/// was deleted, a template changed), the plan is read in full first.
struct PlanOutlines {
    struct Outline {
        struct SectionOutline {
            var id: String
            var title: String
            var number: String?
            var chapter: String?
            var order: Int
            var sourcePath: String
        }

        struct IndicatorOutline {
            var id: String
            var sectionID: String
        }

        /// Fingerprint of the plan folder's files (names and contents) the outline was made from.
        var fingerprint: UInt64
        var slug: String
        var sourceFolder: String
        var title: String
        var shortTitle: String
        var type: String
        var region: String
        var issuer: String
        var documentNumber: String?
        var issued: [Int]?
        var published: [Int]?
        var period: [Int]
        var order: Int
        var sections: [SectionOutline]
        var indicators: [IndicatorOutline]
        /// The warnings reading the plan gave, so that a rebuild still shows them.
        var warnings: [Diagnostic]

        init(fingerprint: UInt64, slug: String, sourceFolder: String, title: String, shortTitle: String, type: String,
             region: String, issuer: String, documentNumber: String?, issued: [Int]?, published: [Int]?, period: [Int],
             order: Int, sections: [SectionOutline] = [], indicators: [IndicatorOutline] = [], warnings: [Diagnostic] = []) {
            self.fingerprint = fingerprint
            self.slug = slug
            self.sourceFolder = sourceFolder
            self.title = title
            self.shortTitle = shortTitle
            self.type = type
            self.region = region
            self.issuer = issuer
            self.documentNumber = documentNumber
            self.issued = issued
            self.published = published
            self.period = period
            self.order = order
            self.sections = sections
            self.indicators = indicators
            self.warnings = warnings
        }

        init(_ plan: Plan, fingerprint: UInt64, warnings: [Diagnostic]) {
            self.fingerprint = fingerprint
            slug = plan.slug
            sourceFolder = plan.sourceFolder
            title = plan.title
            shortTitle = plan.shortTitle
            type = plan.type
            region = plan.region
            issuer = plan.issuer
            documentNumber = plan.documentNumber
            issued = plan.issued.map { [$0.year, $0.month, $0.day] }
            published = plan.published.map { [$0.year, $0.month, $0.day] }
            period = [plan.period.start, plan.period.end]
            order = plan.order
            sections = plan.sections.map {
                SectionOutline(id: $0.id, title: $0.title, number: $0.number, chapter: $0.chapter, order: $0.order, sourcePath: $0.sourcePath)
            }
            indicators = plan.indicators.map { IndicatorOutline(id: $0.id, sectionID: $0.sectionID) }
            self.warnings = warnings
        }

        /// The plan as far as the outline knows it.
        var plan: Plan {
            func date(_ parts: [Int]?) -> CalendarDate? {
                guard let parts, parts.count == 3 else { return nil }
                return CalendarDate(year: parts[0], month: parts[1], day: parts[2])
            }
            var plan = Plan(slug: slug, title: title, shortTitle: shortTitle, type: type, region: region, issuer: issuer,
                            documentNumber: documentNumber, issued: date(issued), published: date(published),
                            period: Period(start: period.first ?? 0, end: period.last ?? 0), order: order, sources: [])
            plan.sourceFolder = sourceFolder
            plan.sections = sections.map {
                Section(id: $0.id, kind: .other, title: $0.title, number: $0.number, chapter: $0.chapter, order: $0.order,
                        body: "", sourcePath: $0.sourcePath)
            }
            plan.indicators = indicators.map { Indicator(id: $0.id, name: "", unit: "", sectionID: $0.sectionID, targets: []) }
            return plan
        }
    }

    /// The generator that wrote the outlines: another one reads every plan again.
    var generator: String
    /// By plan folder name.
    var plans: [String: Outline]

    /// Where the outlines of `output` are kept, beside its manifest.
    static func location(for output: URL) -> URL {
        Manifest.location(for: output).deletingPathExtension().appendingPathExtension("plans.tsv")
    }

    static func load(for output: URL, generator: String) -> PlanOutlines? {
        guard let data = FileManager.default.contents(atPath: location(for: output).path),
              let outlines = decode(data), outlines.generator == generator else { return nil }
        return outlines
    }

    func save(for output: URL) throws {
        let url = Self.location(for: output)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try encoded().write(to: url, options: .atomic)
    }

    // A line per record, tab-separated, as the manifest is: `P` starts a plan, its `S` (section), `I`
    // (indicator) and `W` (warning) lines follow. Text has `%`, tab and line feed percent-escaped; an optional
    // text is empty when absent and starts with `=` when present.

    static let header = "bulletin-outlines\t1"

    func encoded() -> Data {
        var text = Self.header + "\n" + "generator\t" + Self.escape(generator) + "\n"
        func optional(_ value: String?) -> String { value.map { "=" + Self.escape($0) } ?? "" }
        func date(_ parts: [Int]?) -> String { parts.map { $0.map(String.init).joined(separator: "-") } ?? "" }
        for (folder, o) in plans.sorted(by: { $0.key < $1.key }) {
            let fields = ["P", Self.escape(folder), "\(o.fingerprint)", Self.escape(o.slug), Self.escape(o.sourceFolder),
                          Self.escape(o.title), Self.escape(o.shortTitle), Self.escape(o.type), Self.escape(o.region),
                          Self.escape(o.issuer), optional(o.documentNumber), date(o.issued), date(o.published),
                          "\(o.period.first ?? 0)", "\(o.period.last ?? 0)", "\(o.order)"]
            text += fields.joined(separator: "\t") + "\n"
            for s in o.sections {
                text += ["S", Self.escape(s.id), Self.escape(s.title), optional(s.number), optional(s.chapter), "\(s.order)",
                         Self.escape(s.sourcePath)].joined(separator: "\t") + "\n"
            }
            for i in o.indicators { text += "I\t" + Self.escape(i.id) + "\t" + Self.escape(i.sectionID) + "\n" }
            for w in o.warnings {
                text += ["W", w.severity.rawValue, Self.escape(w.location.file), "\(w.location.line)", "\(w.location.column)",
                         Self.escape(w.message), optional(w.hint)].joined(separator: "\t") + "\n"
            }
        }
        return Data(text.utf8)
    }

    /// Nil for anything not written by `encoded()` (an older format, a damaged file): the plans are read again.
    static func decode(_ data: Data) -> PlanOutlines? {
        let bytes = [UInt8](data)
        var lines: [[String]] = []
        var fields: [String] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x09 || byte == 0x0A {
            fields.append(String(decoding: bytes[start..<index], as: UTF8.self))
            start = index + 1
            if byte == 0x0A { lines.append(fields); fields = [] }
        }
        guard lines.count >= 2, lines[0].joined(separator: "\t") == header, lines[1].count == 2, lines[1][0] == "generator" else { return nil }
        func optional(_ field: String) -> String?? {
            if field.isEmpty { return .some(nil) }
            guard field.hasPrefix("=") else { return nil }
            return .some(unescape(String(field.dropFirst())))
        }
        func date(_ field: String) -> [Int]?? {
            if field.isEmpty { return .some(nil) }
            let parts = field.split(separator: "-").compactMap { Int($0) }
            return parts.count == 3 ? .some(parts) : nil
        }
        var result = PlanOutlines(generator: unescape(lines[1][1]), plans: [:])
        var current: (folder: String, outline: Outline)?
        func finish() { if let current { result.plans[current.folder] = current.outline } }
        for f in lines.dropFirst(2) {
            switch f.first {
            case "P" where f.count == 16:
                finish()
                guard let fingerprint = UInt64(f[2]), let number = optional(f[10]), let issued = date(f[11]), let published = date(f[12]),
                      let start = Int(f[13]), let end = Int(f[14]), let order = Int(f[15]) else { return nil }
                current = (unescape(f[1]), Outline(
                    fingerprint: fingerprint, slug: unescape(f[3]), sourceFolder: unescape(f[4]), title: unescape(f[5]),
                    shortTitle: unescape(f[6]), type: unescape(f[7]), region: unescape(f[8]), issuer: unescape(f[9]),
                    documentNumber: number, issued: issued, published: published, period: [start, end], order: order))
            case "S" where f.count == 7 && current != nil:
                guard let number = optional(f[3]), let chapter = optional(f[4]), let order = Int(f[5]) else { return nil }
                current!.outline.sections.append(.init(id: unescape(f[1]), title: unescape(f[2]), number: number, chapter: chapter,
                                                       order: order, sourcePath: unescape(f[6])))
            case "I" where f.count == 3 && current != nil:
                current!.outline.indicators.append(.init(id: unescape(f[1]), sectionID: unescape(f[2])))
            case "W" where f.count == 7 && current != nil:
                guard let severity = Diagnostic.Severity(rawValue: f[1]), let line = Int(f[3]), let column = Int(f[4]),
                      let hint = optional(f[6]) else { return nil }
                current!.outline.warnings.append(Diagnostic(severity, at: SourceLocation(file: unescape(f[2]), line: line, column: column),
                                                            unescape(f[5]), hint: hint))
            default:
                return nil
            }
        }
        finish()
        return result
    }

    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x25 || $0 == 0x09 || $0 == 0x0A }) else { return text }
        return text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\t", with: "%09").replacingOccurrences(of: "\n", with: "%0A")
    }

    static func unescape(_ text: String) -> String {
        guard text.utf8.contains(0x25) else { return text }
        return text.replacingOccurrences(of: "%09", with: "\t").replacingOccurrences(of: "%0A", with: "\n").replacingOccurrences(of: "%25", with: "%")
    }

    /// A fingerprint of each plan folder's files (their keys and fingerprints), by folder name: the folders
    /// directly under `plansFolder` (a key prefix, as messages name files).
    static func folderFingerprints(under plansFolder: String, in fingerprints: [String: UInt64]) -> [String: UInt64] {
        let prefix = plansFolder + "/"
        var byFolder: [String: [(String, UInt64)]] = [:]
        for (key, value) in fingerprints where key.hasPrefix(prefix) {
            let rest = key.dropFirst(prefix.count)
            guard let slash = rest.firstIndex(of: "/") else { continue }
            byFolder[String(rest[..<slash]), default: []].append((key, value))
        }
        return byFolder.mapValues { files in
            var hash = StableHash()
            for (key, value) in files.sorted(by: { $0.0 < $1.0 }) {
                hash.combine(key)
                hash.combine(value)
            }
            return hash.value
        }
    }
}
