import Foundation
import Testing
@testable import BulletinCore
@testable import ContentLoading
import Model

/// A district plan's targets, as a new user transcribes them (Fixtures/district-plan): an index with no unit, two
/// qualifiers on one figure, 争取, a rank, and two targets in one year. Each is read faithfully, shown in the plan's
/// exact words, judged by what it measures, and charted without misreading it.
@Suite struct TargetWordsTests {
    static let fixture = Support.fixtures.appendingPathComponent("district-plan")

    static func load() throws -> Plan {
        let loaded = ContentLoader(root: fixture, displayRoot: "Content").load()
        #expect(!loaded.diagnostics.hasErrors, "\(loaded.diagnostics.map(\.headline))")
        return try #require(loaded.site?.plans.first)
    }

    static func build() throws -> (site: URL, root: URL) { try Support.build(fixture) }

    @Test func eachTargetIsReadWithItsQualifiers() throws {
        let plan = try Self.load()
        func target(_ id: String, _ index: Int = 0) throws -> Target {
            try #require(plan.indicators.first { $0.id == id }?.targets[index])
        }
        let index = try #require(plan.indicators.first { $0.id == "innovation-index" })
        #expect(index.unit == "")
        #expect(try target("innovation-index").phrase("160") == "达到160以上")
        #expect(try target("innovation-index").bound == .atLeast)

        let rd = try target("rd-intensity")
        #expect((rd.modality, rd.bound, rd.measure) == (.strive, .atLeast, .level))
        #expect(rd.phrase("3.4%") == "力争达到3.4%以上")

        let rank = try #require(plan.indicators.first { $0.id == "innovation-rank" })
        #expect(rank.isRank)
        #expect(rank.direction == .decrease, "a rank is better the smaller it is")
        #expect((rank.targets[0].measure, rank.targets[0].bound) == (.rank, .atMost))
        #expect(rank.targets[0].phrase("40位") == "跃居全省前40位")

        let researchers = try #require(plan.indicators.first { $0.id == "researchers" })
        #expect(researchers.targets.map(\.year) == [2027, 2027])
        #expect(researchers.targets.map(\.measure) == [.level, .rank])
        #expect(researchers.targets[1].unit == "")
        #expect(!researchers.isRank)

        let seek = try target("high-tech-enterprises")
        #expect((seek.modality, seek.bound) == (.seek, .moreThan))
    }

    /// 前40位 is met by place 40 or better, missed by 41; 超过 is strict; a rank beside a level is not judged on levels.
    @Test func theProgressMethodReadsTheBoundAndTheMeasure() throws {
        let plan = try Self.load()
        let rank = try #require(plan.indicators.first { $0.id == "innovation-rank" })
        #expect(ProgressMethod.meets(40, rank.targets[0], direction: rank.direction))
        #expect(ProgressMethod.meets(12, rank.targets[0], direction: rank.direction))
        #expect(!ProgressMethod.meets(41, rank.targets[0], direction: rank.direction))
        let seek = try #require(plan.indicators.first { $0.id == "high-tech-enterprises" }?.targets[0])
        #expect(!ProgressMethod.meets(500, seek, direction: .increase))
        #expect(ProgressMethod.meets(501, seek, direction: .increase))

        let researchers = try #require(plan.indicators.first { $0.id == "researchers" })
        let each = ProgressMethod.assessEachTarget(researchers, period: plan.period, asOf: 2024)
        #expect(each.count == 2)
        #expect(each[1].status == .noData && each[1].reason.contains("位次"))
        let overall = ProgressMethod.assess(researchers, period: plan.period, asOf: 2024)
        #expect(overall.target?.measure == .level, "the indicator is judged on its level target, not the rank beside it")
    }

    @Test func pagesShowThePlansExactWordsAndARankIsNotABar() throws {
        let (site, root) = try Self.build()
        defer { Support.remove(root) }
        func page(_ id: String) throws -> String {
            Support.text(site.appendingPathComponent("plans/district/indicators/\(id).html"))
        }
        #expect(try page("rd-intensity").contains("力争达到3.4%以上"))
        #expect(try page("innovation-index").contains("达到160以上"))
        #expect(try page("innovation-rank").contains("跃居全省前40位"))
        #expect(try page("researchers").contains("达到全市前3水平"))
        #expect(try page("researchers").contains("209人年以上"))
        #expect(try page("high-tech-enterprises").contains("争取突破500家"))
        // The rank's chart is places on a scale, with no bar from 0 and no amount axis.
        let rankChart = Support.text(site.appendingPathComponent("plans/district/indicators/innovation-rank.svg"))
        #expect(!rankChart.contains("<rect class=\"c-bar"), "a rank drawn as a bar")
        #expect(rankChart.contains("第1位") && rankChart.contains("跃居全省前40位") && rankChart.contains("位次（越靠右越靠前）"))
        // The rank beside the researchers' level is not drawn on the level's scale.
        let researchersChart = Support.text(site.appendingPathComponent("plans/district/indicators/researchers.svg"))
        #expect(!researchersChart.contains("全市前3"))
        #expect(researchersChart.contains("209人年以上"))
        // Each of the two 2027 quotes has an anchor of its own, and the indicator page links to each.
        let goals = Support.text(site.appendingPathComponent("plans/district/goals.html"))
        #expect(goals.components(separatedBy: "id=\"q-researchers-2027\"").count == 2)
        #expect(goals.contains("id=\"q-researchers-2027-2\""))
        // The table's 2027 cell holds both targets: the level, and the rank under it.
        #expect(goals.contains("209<span class=\"comparator\">以上</span><span class=\"also\">前3</span>"))
        #expect(try page("researchers").contains("goals.html#q-researchers-2027-2"))
    }

    /// 双倍增: a multiple of the base, judged as the level it sets once the base is known; without a base it has no data.
    @Test func aMultipleOfTheBaseIsJudgedAsTheLevelItSets() throws {
        let doubling = Target(year: 2027, value: Figure(2), words: "在2022年的基础上实现“双倍增”", quote: "在2022年的基础上实现“双倍增”")
        #expect(doubling.measure == .multiple)
        #expect(doubling.resolved(base: Figure(0.6348, text: "0.6348"))?.value.text == "1.2696")
        #expect(doubling.resolved(base: nil) == nil)
        let written = Target(year: 2027, value: Figure(2), words: "实现…倍增", quote: "实现2倍增")
        #expect(written.measure == .multiple)
        #expect(written.resolved(base: Figure(3))?.phrase("6家") == "实现2倍增（即6家）", "the multiple in its place, then the level")
        let source = DataSource(title: "测试来源")
        var indicator = Indicator(id: "x", name: "高新技术企业", unit: "万家", sectionID: "goals", baseline: Observation(year: 2022, value: nil),
                                  targets: [doubling],
                                  reported: [ReportedValue(year: 2022, value: Figure(0.6348, text: "0.6348"), source: source),
                                             ReportedValue(year: 2024, value: Figure(1.3, text: "1.3"), source: source)])
        let period = Period(start: 2023, end: 2027)
        let judged = ProgressMethod.assess(indicator, period: period, asOf: 2024)
        #expect(judged.target?.value.text == "1.2696")
        #expect(judged.status == .achievedEarly)
        #expect(judged.target?.phrase("1.2696万家") == "在2022年的基础上实现“双倍增”（即1.2696万家）")
        indicator.reported.removeFirst()
        let unknown = ProgressMethod.assess(indicator, period: period, asOf: 2024)
        #expect(unknown.status == .noData && unknown.reason.contains("倍数目标"))
    }

    /// Mistakes in the new fields are located and explained.
    @Test(arguments: [
        ("      - { year: 2027, value: 3.4, words: 力争达到…以上, quote: 全社会研发投入强度力争达到3.4%以上 }",
         "      - { year: 2027, value: 3.4, words: 力争达到以上, quote: 全社会研发投入强度力争达到3.4%以上 }",
         "should hold one `…` where the figure stands"),
        ("      - { year: 2027, value: 3.4, words: 力争达到…以上, quote: 全社会研发投入强度力争达到3.4%以上 }",
         "      - { year: 2027, value: 3.4, comparator: 以上, words: 力争达到…以上, quote: 全社会研发投入强度力争达到3.4%以上 }",
         "has both `comparator` and `words`"),
        ("      - { year: 2027, value: 3, unit: \"\", words: 达到全市前…水平, quote: 达到全市前3水平 }",
         "      - { year: 2027, value: 3, words: 达到…以上, quote: 达到全市前3水平 }",
         "has two level targets for 2027"),
        ("    unit: \"\"\n", "", "is missing the required field `unit`"),
    ])
    func aMistakeInTheTargetsWordsIsLocated(_ original: String, _ replacement: String, _ message: String) throws {
        let root = try Support.scratch()
        defer { Support.remove(root) }
        let content = root.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: Self.fixture, to: content)
        let file = content.appendingPathComponent("plans/district/indicators.yaml")
        let text = Support.text(file)
        #expect(text.contains(original))
        try Data(text.replacingOccurrences(of: original, with: replacement).utf8).write(to: file)
        let loaded = ContentLoader(root: content, displayRoot: "Content").load()
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        #expect(errors.contains { $0.message.contains(message) && $0.location.file == "Content/plans/district/indicators.yaml" && $0.location.line > 0 },
                "\(errors.map(\.headline))")
    }
}
