import ContentLoading
import Foundation
import Importing
import Model
import Testing

/// `bulletin import` measured on the four seed documents (Fixtures/seeds, copies of the source texts the plans in
/// Content/ were transcribed from) against those hand-made plans. The numbers here are floors: a change to the
/// importer that finds fewer figures or splits the sections differently fails.
@Suite struct SeedImportTests {
    static let seeds = Support.fixtures.appendingPathComponent("seeds")

    struct Seed: CustomStringConvertible, Sendable {
        var file: String
        /// How many of the hand-made quotes the draft gives word for word, at least.
        var quotes: Int
        var plan: String
        /// Found candidates that match no hand-made target and repeat none of them, by quote, with whether each
        /// is a figure at all (a number with a unit the plan states) — read by a person.
        var others: [String: Bool]
        var description: String { file }
    }

    static let all: [Seed] = [
        Seed(file: "000_c4fac9d32106b99c.txt", quotes: 31, plan: "cq-sci-tech-services-2023", others: [:]),
        Seed(file: "001_e27f8c3d1979aae7.txt", quotes: 31, plan: "cq-sci-tech-services-2023", others: [:]),
        Seed(file: "002_156afe44fd8357ab.txt", quotes: 13, plan: "cz-sci-tech-services-2023", others: [:]),
        Seed(file: "003_3b6f2a48eb26d9e1.txt", quotes: 18, plan: "cq-tech-enterprises-2023", others: [
            "加快建设面积50万平方米以上的大型创新创业孵化社区和10万平方米以上的大型科技企业孵化园": true,
        ]),
        Seed(file: "004_937c6c7ecafe199b.txt", quotes: 31, plan: "cq-hitech-zone-sti-2021", others: [
            "“3”即重庆大学3个国家重点实验室": true,
            "“6”即国家镁合金材料工程技术研究中心、重庆自主品牌汽车国家级协同创新中心、微纳系统及新材料技术国际联合研究中心、无线电能传输技术国际联合研究中心、复杂煤层瓦斯抽采国家地方联合工程实验室、化工过程强化与反应国家地方联合工程实验室6个国家级科研平台": true,
            "“3”即电子显微镜中心、分析测试中心、前沿交叉科学研究中心3个研究中心": true,
            "补贴金额为企业支付银行贷款利息总额的50%": true,
        ]),
    ]

    /// Imports a seed into a scratch content folder beside the site.yaml of Content/, and loads it.
    static func imported(_ seed: Seed, lines: [SourceLine]? = nil) throws -> (plan: Plan?, result: ContentLoader.Result, files: ImportedPlan, root: URL) {
        let root = try Support.scratch()
        try FileManager.default.copyItem(at: Support.content.appendingPathComponent("site.yaml"), to: root.appendingPathComponent("site.yaml"))
        let source = try lines ?? ImportInput.lines(of: seeds.appendingPathComponent(seed.file))
        let imported = PlanImporter.run(lines: source, sourceName: seed.file)
        try ImportWriter.write(imported, slug: "imported", content: root, force: false)
        let result = ContentLoader(root: root).load()
        return (result.site?.plans.first, result, imported, root)
    }

    static func handMade(_ slug: String) throws -> Plan {
        let site = try #require(ContentLoader(root: Support.content).load().site)
        return try #require(site.plans.first { $0.slug == slug })
    }

    struct Key: Hashable { var value: Double; var unit: String; var year: Int }

    @Test(arguments: all)
    func passesCheckAndMatchesTheHandMadePlan(_ seed: Seed) throws {
        let (plan, result, _, root) = try Self.imported(seed)
        defer { Support.remove(root) }
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.description))")
        let imported = try #require(plan)
        let hand = try Self.handMade(seed.plan)

        // Sections: the same files, kinds, titles and numbering, in the same order (002 lost its headings: the
        // importer supplies titles by kind, which the editors also did).
        #expect(imported.sections.map(\.id) == hand.sections.map(\.id))
        #expect(imported.sections.map(\.kind) == hand.sections.map(\.kind))
        #expect(imported.sections.map(\.title) == hand.sections.map(\.title))
        #expect(imported.sections.map(\.number) == hand.sections.map(\.number))
        #expect(imported.tasks.count == hand.tasks.count, "tasks")
        #expect(imported.tasks.map(\.assignments.count) == hand.tasks.map(\.assignments.count), "responsibility notes")
        let boxes = { (p: Plan) in p.sections.map { $0.body.components(separatedBy: "[!专栏]").count - 1 }.reduce(0, +) }
        #expect(boxes(imported) == boxes(hand), "专栏")
        #expect(imported.title == hand.title || seed.plan == "cz-sci-tech-services-2023")
        #expect(imported.period == hand.period)

        // Figures: every hand-made target found with the same value, unit and year (a multiset: two equal targets
        // need two candidates).
        var wanted: [Key: Int] = [:]
        for i in hand.indicators { for t in i.targets { wanted[Key(value: t.value.value, unit: i.unit, year: t.year), default: 0] += 1 } }
        let total = wanted.values.reduce(0, +)
        var found = 0
        var others: [String] = []
        let handKeys = Set(wanted.keys)
        for i in imported.indicators {
            for t in i.targets {
                let key = Key(value: t.value.value, unit: i.unit, year: t.year)
                if let n = wanted[key], n > 0 { wanted[key] = n - 1; found += 1 }
                else if !handKeys.contains(key) { others.append(t.quote ?? i.name) }
            }
        }
        // The quote too: the share of hand-made targets whose quote the draft gives word for word.
        let quotes = Set(imported.indicators.flatMap { $0.targets.compactMap(\.quote) })
        let handQuotes = hand.indicators.flatMap { $0.targets.compactMap(\.quote) }
        let sameQuote = handQuotes.filter(quotes.contains).count
        #expect(sameQuote >= seed.quotes, "\(sameQuote) of \(handQuotes.count) quotes word for word")
        let missing = wanted.filter { $0.value > 0 }.map { "\($0.key)" }
        #expect(Double(found) >= 0.95 * Double(total), "found \(found) of \(total); missing \(missing)")
        #expect(found == total, "missing \(missing)")
        // Every other candidate has been read by a person, and at most 10 % of all candidates are not figures.
        let unread = others.filter { seed.others[$0] == nil }
        #expect(unread.isEmpty, "candidates nobody has judged: \(unread)")
        let notFigures = others.filter { seed.others[$0] == false }.count
        let candidates = imported.indicators.map(\.targets.count).reduce(0, +)
        #expect(Double(notFigures) <= 0.10 * Double(candidates))
    }

    /// The same input gives the same folder, byte for byte.
    @Test func isDeterministic() throws {
        let lines = try ImportInput.lines(of: Self.seeds.appendingPathComponent(Self.all[4].file))
        let a = PlanImporter.run(lines: lines, sourceName: "x.txt")
        let b = PlanImporter.run(lines: lines, sourceName: "x.txt")
        #expect(a.files.map(\.name) == b.files.map(\.name))
        #expect(a.files.map(\.contents) == b.files.map(\.contents))
    }

    /// What the importer removed is named in editorial_notes, and what it needs a person for is in the report.
    @Test func listsWhatItRemoved() throws {
        let (plan, _, files, root) = try Self.imported(Self.all[2])
        defer { Support.remove(root) }
        let notes = try #require(plan).editorialNotes.joined(separator: "\n")
        #expect(notes.contains("凯时k8官网下载"), "the injected advertisement is named")
        #expect(notes.contains("共3处"))
        #expect(try #require(plan).sections.allSatisfy { !$0.body.contains("凯时") })
        #expect(files.report.contains { $0.kind == .review && $0.message.contains("no headings") })
        let (plan3, _, _, root3) = try Self.imported(Self.all[3])
        defer { Support.remove(root3) }
        let notes3 = try #require(plan3).editorialNotes.joined()
        for debris in ["详细内容", "重庆企业网微信公众号.png", "政策订阅", "seo seo"] { #expect(notes3.contains(debris), "\(debris)") }
        #expect(try #require(plan3).sections.allSatisfy { !$0.body.contains("政策订阅") && !$0.body.contains(".png") })
    }

    /// The covering notice, number, issuer and dates come from the text where it states them.
    @Test func readsTheDocumentsOwnFacts() throws {
        let (plan0, _, _, root0) = try Self.imported(Self.all[0])
        defer { Support.remove(root0) }
        let p0 = try #require(plan0)
        #expect(p0.documentNumber == "渝府办发〔2023〕24号")
        #expect(p0.issuer == "重庆市人民政府办公厅")
        #expect(p0.issued?.iso == "2023-03-17")
        #expect(p0.notice == (try Self.handMade("cq-sci-tech-services-2023")).notice, "the notice as the editors transcribed it")
        let (plan1, _, _, root1) = try Self.imported(Self.all[1])
        defer { Support.remove(root1) }
        #expect(try #require(plan1).notice == p0.notice, "the PDF copy's notice, its line breaks joined")
        let (plan4, _, _, root4) = try Self.imported(Self.all[4])
        defer { Support.remove(root4) }
        let p4 = try #require(plan4)
        #expect(p4.documentNumber == "渝高新发〔2021〕28号")
        #expect(p4.issuer == "重庆高新区管委会")
        #expect(p4.issued?.iso == "2021-07-26")
        #expect(p4.published?.iso == "2021-08-06")
        #expect(p4.period == Period(start: 2021, end: 2025))
        let table = try #require(p4.indicators.first { $0.tableID == "main" })
        #expect(table.name == "R&D经费支出占GDP比重" && table.unit == "%" && table.baseline?.value?.value == 4.9)
        #expect(table.targets.first?.quote == "研究与试验发展（R&D）经费支出占地区生产总值（GDP）比重达5.5%以上")
    }
}
