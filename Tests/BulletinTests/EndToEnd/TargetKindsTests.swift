import Foundation
import Testing
@testable import BulletinCore
@testable import ContentLoading
import Model

/// The other ways plans state a target (Fixtures/target-kinds): a yearly growth rate, a change from the base in per
/// cent and in percentage points, a range, and a statement with no figure. Each is read from its words, judged by
/// what it measures, shown as the plan says it, and drawn only where it is a level.
@Suite struct TargetKindsTests {
    static let fixture = Support.fixtures.appendingPathComponent("target-kinds")

    static func load() throws -> Plan {
        let loaded = ContentLoader(root: fixture, displayRoot: "Content").load()
        #expect(!loaded.diagnostics.hasErrors, "\(loaded.diagnostics.map(\.headline))")
        return try #require(loaded.site?.plans.first)
    }

    static func indicator(_ plan: Plan, _ id: String) throws -> Indicator {
        try #require(plan.indicators.first { $0.id == id })
    }

    @Test func eachIsReadFromItsWords() throws {
        let plan = try Self.load()
        let gdp = try Self.indicator(plan, "gdp").targets[0]
        #expect((gdp.measure, gdp.bound, gdp.unit) == (.growth, .atLeast, "%"))
        #expect(gdp.phrase("6%") == "年均增长6%以上")
        let energy = try Self.indicator(plan, "energy-intensity").targets[0]
        #expect(energy.measure == .change && energy.isDecrease)
        let rd = try Self.indicator(plan, "rd-intensity").targets[0]
        #expect(rd.measure == .change && !rd.isDecrease)
        let cycle = try Self.indicator(plan, "transfer-cycle").targets[0]
        #expect((cycle.bound, cycle.high?.value) == (.range, 6))
        #expect(cycle.phrase("3个月") == "缩短至3—6个月")
        #expect(try Self.indicator(plan, "angel-investors").targets[0].phrase("10家") == "10—15家")
        let statement = try Self.indicator(plan, "unemployment").targets[0]
        #expect(statement.measure == .qualitative)
        #expect(statement.phrase("") == "保持在合理区间")
        // 3万余名: 余 inside the unit, after its 万; more than 3万名.
        let more = Target(year: 2025, value: Figure(3), words: "…余", quote: nil)
        #expect(more.bound == .moreThan)
        #expect(more.phrase("3万名") == "3万余名" && Target(year: 2025, value: Figure(40), words: "…余", quote: nil).phrase("40个") == "40余个")
        // 提高到22% is a level, 提高2个百分点 a change; 年均增长 a growth rate, 增长 alone a change.
        #expect(Target(year: 2027, value: Figure(22), comparator: .raiseTo, quote: nil).measure == .level)
        #expect(Target(year: 2027, value: Figure(2), words: "提高…", unit: "个百分点", quote: nil).measure == .change)
        #expect(Target(year: 2027, value: Figure(8), words: "年均增长…", unit: "%", quote: nil).measure == .growth)
    }

    /// A change resolves to the level it sets: 13.5 % below the base, 0.5 points above it.
    @Test func aChangeFromTheBaseIsTheLevelItSets() throws {
        let plan = try Self.load()
        let energy = try Self.indicator(plan, "energy-intensity").targets[0]
        let level = try #require(energy.resolved(base: Figure(0.5)))
        #expect(level.value.text == "0.4325" && level.bound == .atMost && level.measure == .level)
        #expect(level.phrase("0.4325吨标准煤/万元") == "比2020年下降13.5%（即0.4325吨标准煤/万元以下）")
        let rd = try #require(try Self.indicator(plan, "rd-intensity").targets[0].resolved(base: Figure(2.5)))
        #expect(rd.value.text == "3" && rd.bound == .atLeast)
        #expect(energy.resolved(base: nil) == nil)
        let judged = ProgressMethod.assess(try Self.indicator(plan, "energy-intensity"), period: plan.period, asOf: 2023)
        // 0.5 → 0.47 of the way to 0.4325 is 44 % of the distance in 60 % of the time.
        #expect(judged.status == .lagging && judged.method == .timeElapsed)
        #expect(judged.reason == "完成进度44%，时间进度60%。")
    }

    /// 年均增长6%以上 is judged on the growth from the base: 1000 → 1200 in three years is 6.3 % a year.
    @Test func aGrowthTargetIsJudgedOnTheGrowthRate() throws {
        let plan = try Self.load()
        var gdp = try Self.indicator(plan, "gdp")
        let judged = ProgressMethod.assess(gdp, period: plan.period, asOf: 2023)
        #expect(judged.method == .growthRate && judged.status == .onTrack)
        #expect(judged.reason == "2020—2023年年均增长6.3%，目标为年均增长6%以上。")
        gdp.reported[0].value = Figure(1150)
        #expect(ProgressMethod.assess(gdp, period: plan.period, asOf: 2023).status == .lagging, "4.8 % a year")
        gdp.reported.append(ReportedValue(year: 2025, value: Figure(1340), source: gdp.reported[0].source))
        #expect(ProgressMethod.assess(gdp, period: plan.period, asOf: 2025).status == .achieved, "6.0 % a year over five")
        gdp.baseline = Observation(year: 2020, value: nil)
        #expect(ProgressMethod.assess(gdp, period: plan.period, asOf: 2025).status == .noData)
    }

    /// A range is met inside it or beyond it in the indicator's direction; a statement is judged by hand.
    @Test func aRangeAndAStatement() throws {
        let plan = try Self.load()
        let cycle = try Self.indicator(plan, "transfer-cycle")
        for (months, met) in [(4.0, true), (6.0, true), (2.0, true), (7.0, false)] {
            #expect(ProgressMethod.meets(months, cycle.targets[0], direction: cycle.direction) == met, "\(months)")
        }
        let angels = try Self.indicator(plan, "angel-investors")
        for (count, met) in [(10.0, true), (16.0, true), (9.0, false)] {
            #expect(ProgressMethod.meets(count, angels.targets[0], direction: angels.direction) == met, "\(count)")
        }
        let statement = ProgressMethod.assess(try Self.indicator(plan, "unemployment"), period: plan.period, asOf: 2023)
        #expect(statement.status == .noData && statement.reason.hasPrefix("定性目标"))
    }

    @Test func pagesShowThePlansWordsAndChartsDrawOnlyLevels() throws {
        let (site, root) = try Support.build(Self.fixture)
        defer { Support.remove(root) }
        func page(_ id: String) -> String { Support.text(site.appendingPathComponent("plans/kinds/indicators/\(id).html")) }
        func chart(_ id: String) -> String { Support.text(site.appendingPathComponent("plans/kinds/indicators/\(id).svg")) }
        #expect(page("gdp").contains("年均增长6%以上"))
        #expect(page("energy-intensity").contains("比2020年下降13.5%"))
        #expect(page("transfer-cycle").contains("缩短至3—6个月"))
        #expect(page("angel-investors").contains("10—15家"))
        #expect(page("angel-investors").contains("<td class=\"num\">10—15</td>"), "the data table gives the range's two ends")
        #expect(page("unemployment").contains("保持在合理区间"))
        // A growth rate is not a level of 亿元: the chart has the base and the report, not a bar at 6.
        #expect(!chart("gdp").contains("年均增长"))
        #expect(chart("gdp").contains("1200"))
        // A change is drawn as the level it sets.
        #expect(chart("energy-intensity").contains("0.4325"))
        #expect(!chart("unemployment").contains("合理区间"))
        // Tables in the indicator's unit show a number only where the target is one of that unit.
        let goals = Support.text(site.appendingPathComponent("plans/kinds/goals.html"))
        for cell in ["2025年：年均增长6%以上", "2025年：0.4325吨标准煤/万元", "2025年：10—15家", "2025年：保持在合理区间", ">3—6<", ">10—15<", ">提高0.5个百分点<"] {
            #expect(goals.contains(cell), "\(cell)")
        }
        #expect(!goals.contains("2025年：6亿元"))
        // The downloads carry the range's top.
        let json = Support.text(site.appendingPathComponent("plans/kinds/indicators/angel-investors.json"))
        #expect(json.contains("\"high\": 15,"))
        let csv = Support.text(site.appendingPathComponent("data/targets.csv"))
        #expect(csv.contains("kinds,angel-investors,2025,10,15,家"))
    }

    @Test(arguments: [
        ("{ year: 2025, value: 3, high: 6, words: 缩短至…,", "{ year: 2025, value: 6, high: 3, words: 缩短至…,", "ends below where it starts"),
        ("{ year: 2025, measure: qualitative, words: 保持在合理区间,", "{ year: 2025, measure: qualitative,", "has no `words`"),
        ("{ year: 2025, measure: qualitative, words: 保持在合理区间,", "{ year: 2025, words: 保持在合理区间,", "is missing the required field `value`"),
    ])
    func mistakesAreLocated(_ original: String, _ replacement: String, _ message: String) throws {
        let root = try Support.scratch()
        defer { Support.remove(root) }
        let content = root.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: Self.fixture, to: content)
        let file = content.appendingPathComponent("plans/kinds/indicators.yaml")
        let text = Support.text(file)
        #expect(text.contains(original))
        try Data(text.replacingOccurrences(of: original, with: replacement).utf8).write(to: file)
        let loaded = ContentLoader(root: content, displayRoot: "Content").load()
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        #expect(errors.contains { $0.message.contains(message) && $0.location.line > 0 }, "\(errors.map(\.description))")
    }
}
