import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Charts

/// Every chart kind on real and degenerate data. Golden files in Tests/BulletinTests/Golden are standalone
/// SVGs a reviewer can open; run with UPDATE_GOLDEN=1 to rewrite them after a deliberate change.
@Suite struct ChartTests {
    static let golden = Support.testsFolder.appendingPathComponent("Golden")

    static let cases: [(name: String, chart: Chart)] = [
        ("target-rd-intensity", TargetChart.make(.init(
            title: "R&D经费支出占GDP比重", unit: "%", baseline: ChartPoint(year: 2020, value: 4.9),
            targets: [ChartPoint(year: 2025, value: 5.5, words: "5.5%以上")]), id: "g1", standalone: true)),
        ("target-two-years", TargetChart.make(.init(
            title: "高新技术企业", unit: "万家",
            targets: [ChartPoint(year: 2025, value: 1, words: "突破1万家"), ChartPoint(year: 2027, value: 1.28, words: "超过1.28万家")]),
            id: "g2", standalone: true)),
        ("target-with-latest", TargetChart.make(.init(
            title: "市级以上研发机构", unit: "个", baseline: ChartPoint(year: 2020, value: 272),
            latest: ChartPoint(year: 2023, value: 301), targets: [ChartPoint(year: 2025, value: 320)]), id: "g3", standalone: true)),
        ("target-decrease", TargetChart.make(.init(
            title: "单位GDP能耗（以2020年为100）", unit: "", baseline: ChartPoint(year: 2020, value: 100),
            targets: [ChartPoint(year: 2025, value: 86.5)]), id: "g4", standalone: true)),
        ("series", SeriesChart.make(.init(
            title: "R&D经费支出占GDP比重", unit: "%", baseline: ChartPoint(year: 2020, value: 4.9),
            reported: [ChartPoint(year: 2021, value: 5.0), ChartPoint(year: 2022, value: 5.1), ChartPoint(year: 2023, value: 5.15)],
            targets: [ChartPoint(year: 2025, value: 5.5, words: "5.5%以上")]), id: "g5", standalone: true)),
        ("rank", RankChart.make(.init(title: "综合科技创新水平全省位次", points: [
            .init(year: 2022, place: 52, kind: .baseline, words: "第52位"),
            .init(year: 2024, place: 45, kind: .reported, words: "第45位"),
            .init(year: 2027, place: 40, kind: .target, words: "跃居全省前40位"),
        ]), id: "g9", standalone: true)),
        ("breakdown-regions", BarChart.make(.init(title: "2027年高新技术企业分区域目标", items: [
            .init(label: "中心城区", value: 7110, display: "7110家"),
            .init(label: "主城新区", value: 4640, display: "4640家"),
            .init(label: "“两群”地区", value: 1060, display: "1060家"),
        ]), id: "g6", standalone: true)),
        ("breakdown-categories", BarChart.make(.init(title: "2025年科技服务业年营业收入目标（分服务类别）", items: [
            .init(label: "研究开发服务", value: 1600, display: "1600亿元"),
            .init(label: "科技信息与咨询服务", value: 2500, display: "2500亿元"),
            .init(label: "检验检测认证服务", value: 100, display: "100亿元"),
            .init(label: "科技金融服务", value: 800, display: "800亿元"),
        ]), id: "g7", standalone: true)),
        ("overview", DotPlot.make(.init(title: "完成进度与时间进度", rows: [
            .init(label: "R&D经费支出占GDP比重", share: 1, elapsed: 0.8),
            .init(label: "全市技术合同成交额", share: 343.84 / 669.6, elapsed: 0.4),
            .init(label: "战略性新兴产业增加值占比", share: 3.5 / 4.9, elapsed: 0.4),
            .init(label: "高技术制造业增加值占比", share: -0.1, elapsed: 0.2),
            .init(label: "高新技术企业", share: nil),
        ]), id: "g8", standalone: true)),
    ]

    @Test(arguments: cases.map(\.name))
    func matchesItsGoldenFile(_ name: String) throws {
        let chart = try #require(Self.cases.first { $0.name == name }?.chart)
        for width in ChartWidth.allCases {
            let url = Self.golden.appendingPathComponent("\(name)-\(width.rawValue).svg")
            let svg = chart.svg(width) + "\n"
            // A missing golden file is a failure, not a file to write: only UPDATE_GOLDEN=1 writes them.
            if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
                try Data(svg.utf8).write(to: url)
            }
            #expect(FileManager.default.fileExists(atPath: url.path), "\(url.lastPathComponent) is missing; run with UPDATE_GOLDEN=1 to write it")
            #expect(Support.text(url) == svg, "\(url.lastPathComponent) differs; rerun with UPDATE_GOLDEN=1 if the change is intended")
        }
    }

    @Test(arguments: cases.map(\.name))
    func isWellFormedAndAccessible(_ name: String) throws {
        let chart = try #require(Self.cases.first { $0.name == name }?.chart)
        for width in ChartWidth.allCases {
            let svg = chart.svg(width)
            #expect(svg.hasPrefix("<svg class=\"chart\""))
            #expect(svg.contains("role=\"img\""))
            #expect(svg.contains("<title id="))
            #expect(svg.contains("<desc id="))
            #expect(!svg.contains("NaN") && !svg.contains("inf"))
            #expect(!svg.contains("<a ") && !svg.contains("tabindex"), "no focusable elements")
            #expect(!svg.contains("http://") || !svg.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http://"))
            let parser = XMLParser(data: Data(svg.utf8))
            #expect(parser.parse(), "\(name) \(width) is not well-formed XML: \(String(describing: parser.parserError))")
            checkLayout(chart.layout(width), name: "\(name) \(width)")
        }
    }

    @Test func describesTheNumbersInWords() {
        let chart = Self.cases[0].chart
        #expect(chart.description == "R&D经费支出占GDP比重：2020年（基期）4.9%；2025年目标5.5%以上。")
        #expect(chart.takeaway == "从2020年的4.9%到2025年目标5.5%以上，需提高0.6个百分点。")
        #expect(Self.cases[1].chart.takeaway == "规划目标：2025年突破1万家，2027年超过1.28万家。")
        #expect(Self.cases[2].chart.takeaway == "2023年为301个，距2025年目标320个还需增加19个（增长6.3%）。")
        #expect(Self.cases[6].chart.takeaway == "3项中，中心城区最多（7110家），“两群”地区最少（1060家）。")
        #expect(Self.cases[5].chart.takeaway == "2024年为第45位，2027年目标跃居全省前40位，还需前移5位。")
    }

    @Test func textIsAtLeastTwelvePixelsOnAPhone() {
        for (_, chart) in Self.cases {
            let sizes = chart.compact.matches(of: /font-size="([0-9.]+)"/).compactMap { Double($0.1) }
            #expect(!sizes.isEmpty)
            #expect(sizes.allSatisfy { $0 >= 12 })
            #expect(chart.compactLayout.width <= 288)
        }
    }

    /// Degenerate data never crashes, never prints NaN, keeps marks in the plot and labels apart.
    static let degenerate: [(String, Chart)] = [
        ("single value", TargetChart.make(.init(title: "t", unit: "家", targets: [ChartPoint(year: 2025, value: 5)]), id: "d1")),
        ("all zeros", TargetChart.make(.init(title: "t", unit: "个", baseline: ChartPoint(year: 2020, value: 0), targets: [ChartPoint(year: 2025, value: 0)]), id: "d2")),
        ("negative", TargetChart.make(.init(title: "t", unit: "%", baseline: ChartPoint(year: 2020, value: -3.5), targets: [ChartPoint(year: 2025, value: 2)]), id: "d3")),
        ("all negative", BarChart.make(.init(title: "t", items: [.init(label: "甲", value: -5, display: "-5"), .init(label: "乙", value: -0.5, display: "-0.5")]), id: "d4")),
        ("tiny", TargetChart.make(.init(title: "t", unit: "", baseline: ChartPoint(year: 2020, value: 0.001), targets: [ChartPoint(year: 2025, value: 0.004)]), id: "d5")),
        ("huge", TargetChart.make(.init(title: "t", unit: "元", baseline: ChartPoint(year: 2020, value: 1e9), targets: [ChartPoint(year: 2025, value: 3.2e9)]), id: "d6")),
        ("wide range", BarChart.make(.init(title: "t", items: [.init(label: "a", value: 0.001, display: "0.001"), .init(label: "b", value: 1e9, display: "1000000000")]), id: "d7")),
        ("decrease", SeriesChart.make(.init(title: "t", unit: "", baseline: ChartPoint(year: 2020, value: 100), reported: [ChartPoint(year: 2022, value: 95)], targets: [ChartPoint(year: 2025, value: 86.5)]), id: "d8")),
        ("no baseline series", SeriesChart.make(.init(title: "t", unit: "家", reported: [ChartPoint(year: 2024, value: 3)], targets: [ChartPoint(year: 2025, value: 5)]), id: "d9")),
        ("single point series", SeriesChart.make(.init(title: "t", unit: "家", reported: [ChartPoint(year: 2024, value: 3)], targets: []), id: "d10")),
        ("twenty categories", BarChart.make(.init(title: "t", items: (1...20).map { .init(label: "类别\($0)", value: Double($0 * 37 % 101), display: "\($0 * 37 % 101)家") }), id: "d11")),
        ("long label", BarChart.make(.init(title: "t", items: [.init(label: String(repeating: "规模以上工业战略性新兴产业增加值", count: 3), value: 36, display: "36%"), .init(label: "短", value: 22, display: "22%")]), id: "d12")),
        ("overview with nothing", DotPlot.make(.init(title: "t", rows: [.init(label: "无", share: 0)]), id: "d13")),
        ("overview above target", DotPlot.make(.init(title: "t", rows: [.init(label: "超", share: 2.4), .init(label: "半", share: 0.5)]), id: "d14")),
        ("rank target alone", RankChart.make(.init(title: "t", points: [.init(year: 2027, place: 3, kind: .target, words: "全市前3")]), id: "d15")),
        ("rank at 1st", RankChart.make(.init(title: "t", points: [.init(year: 2022, place: 1, kind: .baseline, words: "第1位"),
                                                                  .init(year: 2027, place: 1, kind: .target, words: "保持第1位")]), id: "d16")),
    ]

    @Test(arguments: degenerate.map(\.0))
    func degenerateDataRendersSensibly(_ name: String) throws {
        let chart = try #require(Self.degenerate.first { $0.0 == name }?.1)
        for width in ChartWidth.allCases {
            let svg = chart.svg(width)
            #expect(!svg.contains("NaN") && !svg.contains("inf"), "\(name)")
            #expect(XMLParser(data: Data(svg.utf8)).parse(), "\(name) is not well-formed")
            checkLayout(chart.layout(width), name: "\(name) \(width)")
        }
    }

    /// Whether the latest figure meets the target is the model's word, given as a flag: the chart does not guess it
    /// from the numbers (a fall in energy use per unit of GDP is a gain; 超过 is strict).
    @Test func theTakeawayTakesTheModelsWordOnTheTarget() {
        func takeaway(meets: Bool) -> String {
            TargetChart.make(.init(title: "单位GDP能耗", unit: "", baseline: ChartPoint(year: 2020, value: 100),
                                   latest: ChartPoint(year: 2023, value: 84), targets: [ChartPoint(year: 2025, value: 86.5, words: "下降到86.5")],
                                   latestMeetsTarget: meets), id: "t").takeaway
        }
        #expect(takeaway(meets: true) == "2023年为84，已达到2025年目标下降到86.5。")
        #expect(takeaway(meets: false).hasPrefix("2023年为84，距2025年目标下降到86.5还需"))
    }

    /// Random data, many times: marks stay inside the plot area and no two labels overlap.
    @Test func randomDataKeepsMarksInsideAndLabelsApart() {
        var generator = SplitMix(seed: 20251122)
        for round in 0..<300 {
            let magnitude = pow(10, Double(generator.next(in: -3...9)))
            func value() -> Double { (Double(generator.next(in: -200...1000)) / 100) * magnitude }
            let unit = ["%", "家", "亿元", "万人", ""][generator.next(in: 0...4)]
            let target = TargetChart.make(.init(
                title: "随机", unit: unit,
                baseline: generator.next(in: 0...3) == 0 ? nil : ChartPoint(year: 2020, value: value()),
                latest: generator.next(in: 0...1) == 0 ? nil : ChartPoint(year: 2023, value: value()),
                targets: [{ let v = value(); return ChartPoint(year: 2025, value: v, words: ChineseNumbers.compact(v) + unit + "以上") }()]),
                id: "r\(round)")
            let count = generator.next(in: 1...20)
            let bars = BarChart.make(.init(title: "随机", items: (0..<count).map { i in
                let v = value()
                return .init(label: String(repeating: "区", count: generator.next(in: 1...30)), value: v, display: ChineseNumbers.compact(v) + unit)
            }), id: "b\(round)")
            let years = Array(Set((0..<generator.next(in: 1...8)).map { _ in 2020 + generator.next(in: 1...5) })).sorted()
            let series = SeriesChart.make(.init(title: "随机", unit: unit, baseline: ChartPoint(year: 2020, value: value()),
                                                reported: years.map { ChartPoint(year: $0, value: value()) },
                                                targets: [ChartPoint(year: 2026, value: value())]), id: "s\(round)")
            let dots = DotPlot.make(.init(title: "随机", rows: (0..<generator.next(in: 1...20)).map { _ in
                .init(label: String(repeating: "指", count: generator.next(in: 1...40)), share: Double(generator.next(in: 0...300)) / 100)
            }), id: "p\(round)")
            let ranks = RankChart.make(.init(title: "随机", points: (0..<generator.next(in: 1...4)).map { i in
                let place = Double(generator.next(in: 1...300))
                return .init(year: 2020 + i, place: place, kind: i == 0 ? .baseline : .reported, words: "第\(Int(place))位")
            } + [.init(year: 2027, place: Double(generator.next(in: 1...300)), kind: .target, words: "前" + String(generator.next(in: 1...300)) + "位")]),
                id: "k\(round)")
            for chart in [target, bars, series, dots, ranks] {
                for width in ChartWidth.allCases {
                    checkLayout(chart.layout(width), name: "round \(round) \(width)")
                    #expect(!chart.svg(width).contains("NaN"))
                }
            }
        }
    }

    func checkLayout(_ layout: ChartLayout, name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let canvas = Rect(x: 0, y: 0, width: layout.width, height: layout.height)
        for mark in layout.marks {
            #expect(layout.plot.contains(mark, tolerance: 1.5), "\(name): mark \(mark) outside plot \(layout.plot)", sourceLocation: sourceLocation)
        }
        for label in layout.labels {
            #expect(canvas.contains(label, tolerance: 1), "\(name): label \(label) outside the chart \(canvas)", sourceLocation: sourceLocation)
        }
        for (i, a) in layout.labels.enumerated() {
            for b in layout.labels[(i + 1)...] where a.intersects(b) {
                Issue.record("\(name): labels overlap: \(a) and \(b)", sourceLocation: sourceLocation)
            }
        }
    }
}

/// A small deterministic random generator, so that a failing round can be reproduced.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 { nextRaw() }
    mutating func nextRaw() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
    mutating func next(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(nextRaw() % UInt64(range.upperBound - range.lowerBound + 1))
    }
}
