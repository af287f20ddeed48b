import Model
import Testing

/// The progress method of docs/progress-method.md, one test per edge case, each stating the status it expects.
@Suite struct ProgressTests {
    let period = Period(start: 2023, end: 2027)

    func source(_ title: String = "来源") -> DataSource { DataSource(title: title) }

    func indicator(unit: String = "家", direction: Direction = .increase, base: (Int, Double?)? = (2022, 100),
                   targets: [(Int, Double, Comparator?)] = [(2027, 200, nil)], reported: [(Int, Double)] = [],
                   manual: ManualProgress? = nil) -> Indicator {
        Indicator(id: "x", name: "x", unit: unit, sectionID: "goals", direction: direction,
                  baseline: base.map { Observation(year: $0.0, value: $0.1.map { Figure($0) }) },
                  targets: targets.map { Target(year: $0.0, value: Figure($0.1), comparator: $0.2, quote: "q") },
                  reported: reported.map { ReportedValue(year: $0.0, value: Figure($0.1), source: source()) },
                  manualProgress: manual)
    }

    func assess(_ indicator: Indicator, asOf: Int? = 2025) -> Assessment {
        ProgressMethod.assess(indicator, period: period, asOf: asOf)
    }

    @Test func theWorkedExampleOfTheMethodPage() throws {
        // 全市技术合同成交额: no base in the plan, 2022 reported as the year before the period.
        let a = assess(indicator(unit: "亿元", base: nil, targets: [(2027, 1300, .exceed)], reported: [(2022, 630.4), (2024, 974.24)]))
        #expect(a.status == .ahead)
        #expect(a.base?.year == 2022)
        #expect(abs(try #require(a.timeElapsed) - 0.4) < 1e-12)
        #expect(abs(try #require(a.distanceCovered) - 343.84 / 669.6) < 1e-12)
        #expect(abs(try #require(a.growthRatio) - 1.5611) < 1e-3)
        #expect(a.growthBand == .substantial)
    }

    @Test func onTrackWithinTenPointsOfTimeAndLaggingBeyond() {
        // E = 2/5 = 0.4; P = 0.35 → on track; P = 0.25 → lagging; P = 0.5 → ahead.
        #expect(assess(indicator(reported: [(2024, 135)])).status == .onTrack)
        #expect(assess(indicator(reported: [(2024, 125)])).status == .lagging)
        #expect(assess(indicator(reported: [(2024, 150)])).status == .ahead)
    }

    @Test func aDecreaseTargetCountsAFallAsProgress() {
        // 单位GDP能耗: 100 → 86.5 by 2027; 2024 at 93 covers 7/13.5 = 0.52 of the way in 0.4 of the time.
        let falling = indicator(direction: .decrease, targets: [(2027, 86.5, nil)], reported: [(2024, 93)])
        #expect(assess(falling).status == .ahead)
        let rising = indicator(direction: .decrease, targets: [(2027, 86.5, nil)], reported: [(2024, 101)])
        let a = assess(rising)
        #expect(a.status == .lagging)
        #expect((a.distanceCovered ?? 0) < 0)
        #expect(assess(indicator(direction: .decrease, targets: [(2027, 86.5, nil)], reported: [(2024, 86)])).status == .achievedEarly)
    }

    @Test func aTargetAlreadyMetAtTheBase() {
        #expect(assess(indicator(base: (2022, 250))).status == .achieved, "met at the base, nothing reported since")
        #expect(assess(indicator(base: (2022, 250), reported: [(2024, 260)])).status == .achievedEarly)
        let fallen = assess(indicator(base: (2022, 250), reported: [(2024, 190)]))
        #expect(fallen.status == .lagging)
        #expect(fallen.reason.contains("回落"))
    }

    @Test func onlyOnePoint() {
        // The base alone: nothing to judge yet.
        #expect(assess(indicator(), asOf: 2024).status == .noData)
        // A report alone, with no base: only whether it meets the target can be told.
        #expect(assess(indicator(base: nil, reported: [(2024, 150)])).status == .noData)
        #expect(assess(indicator(base: nil, reported: [(2024, 210)])).status == .achievedEarly)
        // A report from before the period is context, not progress.
        #expect(assess(indicator(base: nil, reported: [(2021, 150)])).status == .noData)
    }

    @Test func zerosAndNegativeValuesLeaveTheGrowthRatioUndefined() {
        let fromZero = assess(indicator(base: (2022, 0), targets: [(2027, 10, nil)], reported: [(2024, 5)]))
        #expect(fromZero.growthRatio == nil, "CAGR from 0 is undefined")
        #expect(fromZero.status == .ahead, "the status still comes from distance and time: P = 0.5, E = 0.4")
        let negative = assess(indicator(base: (2022, -4), targets: [(2027, 2, nil)], reported: [(2024, -1)]))
        #expect(negative.growthRatio == nil)
        #expect(negative.status == .ahead, "P = 3/6 = 0.5 against E = 0.4")
        let toZero = assess(indicator(direction: .decrease, base: (2022, 10), targets: [(2027, 0, nil)], reported: [(2024, 6)]))
        #expect(toZero.growthRatio == nil)
        #expect(toZero.status == .onTrack)
    }

    @Test func theComparatorDecidesWhatMeets() {
        // 以上: reaching the figure is enough; 超过/突破: it must be passed; 左右: 5 % short still counts; 力争: as written.
        #expect(assess(indicator(targets: [(2027, 200, .atLeast)], reported: [(2024, 200)])).status == .achievedEarly)
        #expect(assess(indicator(targets: [(2027, 200, .exceed)], reported: [(2024, 200)])).status != .achievedEarly)
        #expect(assess(indicator(targets: [(2027, 200, .breakThrough)], reported: [(2024, 201)])).status == .achievedEarly)
        #expect(assess(indicator(targets: [(2027, 200, .about)], reported: [(2024, 191)])).status == .achievedEarly)
        #expect(assess(indicator(targets: [(2027, 200, .about)], reported: [(2024, 189)])).status != .achievedEarly)
        #expect(assess(indicator(targets: [(2027, 200, .strive)], reported: [(2024, 199)])).status != .achievedEarly)
        #expect(assess(indicator(targets: [(2027, 200, .strive)], reported: [(2024, 200)])).status == .achievedEarly)
        // 争取 (seek) is its own word, not 力争, and is judged the same way.
        #expect(assess(indicator(targets: [(2027, 200, .seek)], reported: [(2024, 200)])).status == .achievedEarly)
        #expect(Comparator.seek.phrase("1个") == "争取1个")
    }

    @Test func aTargetYearPastWithNoFinalFigure() {
        let a = assess(indicator(targets: [(2025, 150, nil), (2027, 200, nil)]), asOf: 2025)
        #expect(a.status == .noData)
        #expect(a.reason.contains("目标年份已过"))
        #expect(a.target?.year == 2025)
        // The target year's figure came and falls short: missed, not lagging.
        #expect(assess(indicator(targets: [(2025, 150, nil), (2027, 200, nil)], reported: [(2025, 140)])).status == .missed)
        // It meets the target of its year: achieved; the next target is judged once a later year is reported.
        #expect(assess(indicator(targets: [(2025, 150, nil), (2027, 200, nil)], reported: [(2025, 150)])).status == .achieved)
        let later = assess(indicator(targets: [(2025, 150, nil), (2027, 200, nil)], reported: [(2025, 150), (2026, 160)]), asOf: 2026)
        #expect(later.target?.year == 2027)
    }

    @Test func aTargetPerYearIsJudgedYearByYear() {
        let listed = indicator(unit: "家/年", base: nil, targets: [(2027, 10, .strive)], reported: [(2024, 11)])
        let a = assess(listed)
        #expect(ProgressMethod.kind(of: listed) == .annualRate)
        #expect(a.status == .onTrack)
        #expect(a.method == .annualRate)
        #expect(a.growthRatio == nil)
        #expect(assess(indicator(unit: "家/年", base: nil, targets: [(2027, 10, nil)], reported: [(2024, 8)])).status == .lagging)
        #expect(assess(indicator(unit: "家/年", base: nil, targets: [(2027, 10, nil)], reported: [(2027, 8)]), asOf: 2027).status == .missed)
    }

    @Test func aCumulativeTargetCountsFromZero() {
        let total = indicator(base: nil, targets: [(2027, 500, .cumulative)], reported: [(2024, 250)])
        let a = assess(total)
        #expect(ProgressMethod.kind(of: total) == .cumulative)
        #expect(a.base?.value.value == 0)
        #expect(a.base?.year == 2022)
        #expect(a.status == .ahead, "P = 0.5 against E = 0.4")
        #expect(a.growthRatio == nil, "a start from 0 has no growth rate")
    }

    @Test func aStatusSetByHandWinsWithItsReason() {
        let a = assess(indicator(reported: [(2024, 101)], manual: ManualProgress(status: .onTrack, reason: "保持在合理区间")))
        #expect(a.status == .onTrack)
        #expect(a.method == .manual)
        #expect(a.reason == "保持在合理区间")
    }

    @Test func theBaseComesFromTheBaseYearsReportWhenThePlanGivesOnlyTheYear() {
        // 双倍增: “在2022年的基础上”, the 2022 count from a named source.
        let a = assess(indicator(base: (2022, nil), targets: [(2025, 1, .breakThrough), (2027, 1.28, .exceed)], reported: [(2021, 0.5108), (2022, 0.6348)]))
        #expect(a.base?.value.value == 0.6348)
        #expect(a.baseSource?.title == "来源")
        #expect(a.latest == nil, "the 2021 figure is before the base")
        #expect(a.status == .noData)
    }

    @Test func statusesHaveAWordAndAShape() {
        #expect(Set(ProgressStatus.allCases.map(\.mark)).count == ProgressStatus.allCases.count)
        #expect(ProgressStatus(named: "基本符合预期") == .onTrack)
        #expect(ProgressStatus(named: "on-track") == .onTrack)
        #expect(ProgressStatus(named: "良好") == nil)
    }
}

extension ProgressTests {
    @Test func aBaseAtExactlyAStrictTargetThatHasNotMovedIsLagging() {
        // 超过200 with a base of 200: the base does not meet it, and there is no way to cover; no crash.
        let a = assess(indicator(base: (2022, 200), targets: [(2027, 200, .exceed)], reported: [(2024, 199)]))
        #expect(a.status == .lagging)
    }
}

extension ProgressTests {
    @Test func everyTargetHasAStatusOfItsOwn() {
        // 2025 target 150 missed by the 2025 figure; the 2027 target of 200 is judged on the latest figure.
        let two = indicator(targets: [(2025, 150, nil), (2027, 200, nil)], reported: [(2025, 140), (2026, 170)])
        let each = ProgressMethod.assessEachTarget(two, period: period, asOf: 2026)
        #expect(each.map(\.status) == [.missed, .onTrack])
        #expect(each[0].latest?.year == 2025, "a target is judged on the figures up to its year")
        #expect(each[1].latest?.year == 2026)
        #expect(assess(two, asOf: 2026).status == each[1].status, "the indicator's status is its target in force")
        // A target still ahead is judged up to the bulletin year only.
        let ahead = ProgressMethod.assessEachTarget(indicator(targets: [(2027, 200, nil)], reported: [(2024, 150)]), period: period, asOf: 2024)
        #expect(ahead.map(\.status) == [.ahead])
    }
}
