import Charts
import Model

/// Chooses and builds the chart for each kind of figure, and the data table that goes beside it.
///
/// - an indicator with reported values: its yearly series (`SeriesChart`);
/// - any other indicator: base year, latest report and targets as bars with the target marked (`TargetChart`);
/// - an indicator whose target is split into parts: the parts as sorted bars (`BarChart`);
/// - a plan or section with two or more indicators that have a base or reported figure: each one's share of
///   its target (`DotPlot`).
struct IndicatorCharts {
    let plan: Plan
    /// The parts of each breakdown by the parent's id, in the plan's order, gathered once: asking the plan
    /// (`Plan.parts(of:)`, a pass over every indicator) for each indicator's page made a plan of 10 000 quadratic.
    private let partsByParent: [String: [Indicator]]

    init(plan: Plan) {
        self.plan = plan
        var parts: [String: [Indicator]] = [:]
        for indicator in plan.indicators {
            if let parent = indicator.partOf?.indicatorID { parts[parent, default: []].append(indicator) }
        }
        partsByParent = parts
    }

    /// The figures that declare `part_of` this indicator, in the plan's order (`Plan.parts(of:)`).
    func parts(of indicator: Indicator) -> [Indicator] { partsByParent[indicator.id] ?? [] }

    /// A figure for a chart.
    static func point(_ figure: Figure, year: Int) -> ChartPoint {
        ChartPoint(year: year, value: figure.value, text: figure.text)
    }

    /// A target for a chart, in the plan's words.
    static func point(_ target: Target, unit: String) -> ChartPoint {
        ChartPoint(year: target.year, value: target.value.value, text: target.value.text,
                   words: target.phrase(target.value.text + target.unit(or: unit)))
    }

    func chart(for indicator: Indicator, id: String) -> Chart {
        if indicator.isRank { return rankChart(for: indicator, id: id) }
        // The base the progress is measured from, also when a source reported it (the plan gave its year only).
        let base = ProgressMethod.base(of: indicator, period: plan.period)
        let baseline = base.map { Self.point($0.point.value, year: $0.point.year) }
        // A rank is a place, not an amount: it is never drawn as a bar or a point on the indicator's scale, nor is a
        // growth rate or a statement. A multiple of the base or a change from it is drawn as the level it sets, once
        // the base is known, unless the plan states a level for that year.
        let levelYears = Set(indicator.targets.filter(\.isLevel).map(\.year))
        let levels = indicator.targets.filter { $0.isLevel || (($0.measure == .multiple || $0.measure == .change) && !levelYears.contains($0.year)) }
            .compactMap { $0.resolved(base: base?.point.value) }
        let targets = levels.map { Self.point($0, unit: indicator.unit) }
        let reported = indicator.reported.filter { $0.year != baseline?.year }.map { Self.point($0.value, year: $0.year) }
        if !reported.isEmpty {
            var input = SeriesChart.Input(title: indicator.name, unit: indicator.unit, baseline: baseline, reported: reported, targets: targets)
            // Whether the latest figure meets the final target is the model's rule (with the plan's qualifier), not
            // the chart's guess from the numbers.
            if let latest = input.latest, let final = levels.last {
                input.latestMeetsTarget = ProgressMethod.meets(latest.value, final, direction: indicator.direction)
            }
            return SeriesChart.make(input, id: id)
        }
        return TargetChart.make(.init(title: indicator.name, unit: indicator.unit, baseline: baseline, latest: nil, targets: targets), id: id)
    }

    /// An indicator that is a place in a ranking: its places on a scale of places, not bars.
    func rankChart(for indicator: Indicator, id: String) -> Chart {
        var points: [RankChart.Input.Point] = []
        if let base = ProgressMethod.base(of: indicator, period: plan.period)?.point {
            points.append(.init(year: base.year, place: base.value.value, kind: .baseline, words: "第\(base.value.text)位"))
        }
        for report in indicator.reported where report.year != points.first?.year {
            points.append(.init(year: report.year, place: report.value.value, kind: .reported, words: "第\(report.value.text)位"))
        }
        for target in indicator.targets {
            points.append(.init(year: target.year, place: target.value.value, kind: .target,
                                words: target.phrase(target.value.text + target.unit(or: indicator.unit))))
        }
        return RankChart.make(.init(title: indicator.name, points: points), id: id)
    }

    /// The parts of an indicator's final target as bars, when there are two or more in units that convert.
    func breakdown(of parent: Indicator, id: String) -> (chart: Chart, by: String, year: Int)? {
        let parts = parts(of: parent)
        guard parts.count >= 2, let year = parts.first?.finalTarget?.year else { return nil }
        let base = ChineseNumbers.multiplier(of: parts[0].unit).base
        var items: [BarChart.Item] = []
        for part in parts {
            guard let target = part.targets.last(where: { $0.year == year }) else { return nil }
            let (factor, unitBase) = ChineseNumbers.multiplier(of: part.unit)
            guard unitBase == base else { return nil }
            let point = Self.point(target, unit: part.unit)
            items.append(.init(label: part.partOf?.name ?? part.name, value: target.value.value * factor, display: point.phrase(unit: part.unit)))
        }
        let by = parts[0].partOf?.by ?? "部分"
        let title = "\(year)年\(parent.name)目标（按\(by)）"
        return (BarChart.make(.init(title: title, items: items), id: id), by, year)
    }

    /// Every indicator's distance covered against time elapsed; those with no figure after the base say so.
    func overview(of rows: [(Indicator, Assessment)], title: String, id: String) -> Chart? {
        guard rows.count >= 2 else { return nil }
        let dots = rows.map { indicator, p -> DotPlot.Row in
            let missing = p.method == .manual ? p.status.label + "（人工评定）"
                : p.latest == nil ? "暂无报告数值" : p.status.label
            return DotPlot.Row(label: indicator.name, share: p.distanceCovered, elapsed: p.timeElapsed, missing: missing)
        }
        return DotPlot.make(.init(title: title, rows: dots), id: id)
    }
}
