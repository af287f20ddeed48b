import Model
@testable import SiteRendering
import Testing

/// Charts take their judgements from the model: the words a chart says agree with the status the page shows.
@Suite struct IndicatorChartsTests {
    func takeaway(_ comparator: Comparator?, latest: Double, direction: Direction = .increase) -> String {
        let indicator = Indicator(id: "x", name: "x", unit: "家", sectionID: "goals", direction: direction,
                                  baseline: Observation(year: 2022, value: Figure(100)),
                                  targets: [Target(year: 2027, value: Figure(200), comparator: comparator, quote: "q")],
                                  reported: [ReportedValue(year: 2024, value: Figure(latest), source: DataSource(title: "来源"))])
        let plan = Plan(slug: "p", title: "p", shortTitle: "p", type: "", region: "", issuer: "", period: Period(start: 2023, end: 2027),
                        order: 1, sources: [], indicators: [indicator])
        return IndicatorCharts(plan: plan).chart(for: indicator, id: "c").takeaway
    }

    @Test func exactlyTheFigureOfAStrictTargetIsNotYetReached() {
        #expect(takeaway(.exceed, latest: 200).contains("还需"), "超过200: 200 does not meet it, as the progress method says")
        #expect(takeaway(.atLeast, latest: 200).contains("已达到"), "200以上: 200 meets it")
        #expect(takeaway(.about, latest: 195).contains("已达到"), "200左右: within 5 %")
    }

    @Test func theModelsWordsArePlacedAroundTheFigure() {
        #expect(takeaway(.exceed, latest: 150).contains("目标超过200家"))
        #expect(takeaway(.atLeast, latest: 150).contains("目标200家以上"))
    }
}
