/// A yearly series: reported values as a solid line with points, the base year as a hollow point, each target
/// as a diamond, and the straight dashed path from the base year to the final target that progress is judged
/// against ("时间过半、任务过半").
public enum SeriesChart {
    public struct Input: Sendable, Equatable {
        public var title: String
        public var unit: String
        public var baseline: ChartPoint?
        public var reported: [ChartPoint]
        public var targets: [ChartPoint]

        /// As in `TargetChart.Input`: the model's word on whether the latest figure meets the final target.
        public var latestMeetsTarget: Bool

        public init(title: String, unit: String, baseline: ChartPoint? = nil, reported: [ChartPoint], targets: [ChartPoint],
                    latestMeetsTarget: Bool = false) {
            self.latestMeetsTarget = latestMeetsTarget
            self.title = title
            self.unit = unit
            self.baseline = baseline
            self.reported = reported.sorted { $0.year < $1.year }
            self.targets = targets.sorted { $0.year < $1.year }
        }

        /// The latest figure known: the last report after the base year; the base when every report is older (a
        /// year before the base, given for context).
        public var latest: ChartPoint? {
            guard let baseline else { return reported.last }
            return reported.last { $0.year > baseline.year }
        }
    }

    public static func make(_ input: Input, id: String, standalone: Bool = false) -> Chart {
        let description = describe(input)
        let (compact, compactLayout) = draw(input, description: description, id: id + "-c", width: .compact, standalone: standalone)
        let (wide, wideLayout) = draw(input, description: description, id: id + "-w", width: .wide, standalone: standalone)
        let targetInput = TargetChart.Input(title: input.title, unit: input.unit, baseline: input.baseline,
                                            latest: input.latest, targets: input.targets, latestMeetsTarget: input.latestMeetsTarget)
        return Chart(takeaway: TargetChart.takeaway(targetInput), description: description, compact: compact, wide: wide,
                     compactLayout: compactLayout, wideLayout: wideLayout)
    }

    static func describe(_ input: Input) -> String {
        var parts: [String] = []
        if let b = input.baseline { parts.append("\(b.year)年（基期）\(b.phrase(unit: input.unit))") }
        if !input.reported.isEmpty {
            parts.append("报告值：" + input.reported.map { "\($0.year)年\($0.phrase(unit: input.unit))" }.joined(separator: "，"))
        }
        parts.append(contentsOf: input.targets.map { "\($0.year)年目标\($0.phrase(unit: input.unit))" })
        return input.title + "：" + parts.joined(separator: "；") + "。"
    }

    static func draw(_ input: Input, description: String, id: String, width: ChartWidth, standalone: Bool) -> ([UInt8], ChartLayout) {
        let W = width.width, font = width.font
        let H: Double = width == .compact ? 220 : 280
        let svg = SVGWriter()
        var layout = ChartLayout(width: W, height: H, plot: Rect(x: 0, y: 0, width: W, height: 0))

        let points = ([input.baseline].compactMap { $0 }) + input.reported + input.targets
        let top = font + 14, bottom = H - (font * 2 + 14)
        let axis = ValueAxis(values: points.map(\.value), unit: input.unit, range: (bottom, top),
                             tickCount: width == .compact ? 4 : 6, includeZero: points.allSatisfy { $0.value >= 0 } && (points.map(\.value).min() ?? 0) < (points.map(\.value).max() ?? 0) * 0.5)
        let y = axis.scale
        let labelWidth = axis.ticks.map { TextMeasure.width(axis.label($0), fontSize: font) }.max() ?? 0
        let left = labelWidth + 8
        let years = points.map { Double($0.year) }
        let firstYear = years.min() ?? 2020, lastYear = years.max() ?? firstYear + 1
        let edge = width == .compact ? 22.0 : 36.0
        let x = LinearScale(domain: (firstYear, lastYear == firstYear ? firstYear + 1 : lastYear), range: (left + edge, W - edge))
        let plot = Rect(x: left, y: top - 8, width: W - left, height: bottom - top + 16)
        layout.plot = plot

        // Grid and axes are decoration: the table beside the chart carries the numbers.
        svg.raw("<g aria-hidden=\"true\">")
        for tick in axis.ticks {
            svg.line(left, y(tick), W, y(tick), className: "c-grid")
            layout.labels.append(svg.text(axis.label(tick), x: left - 6, y: y(tick) + font * 0.35, size: font, anchor: .end, className: "c-muted"))
        }
        var yearTicks = x.wholeTicks(count: width == .compact ? 4 : 8).filter { $0 >= firstYear && $0 <= lastYear }
        while yearTicks.count > 2, yearOverlap(yearTicks, x: x, font: font) {
            yearTicks = stride(from: 0, to: yearTicks.count, by: 2).map { yearTicks[$0] }
        }
        for tick in yearTicks {
            svg.line(x(tick), bottom + 4, x(tick), bottom + 8, className: "c-axis")
            layout.labels.append(svg.text(ChineseNumbers.plain(tick) + "年", x: x(tick), y: bottom + 8 + font + 2, size: font, anchor: .middle, className: "c-muted"))
        }
        svg.line(left, bottom + 4, W, bottom + 4, className: "c-axis")
        svg.raw("</g>")
        if !axis.title.isEmpty {
            layout.labels.append(svg.text(axis.title, x: 0, y: font, size: font, className: "c-muted"))
        }

        // The path progress is judged against: from the base year (or first report) straight to the final target.
        let start = input.baseline ?? input.reported.first
        if let start, let final = input.targets.last, final.year > start.year {
            svg.path([(x(Double(start.year)), y(start.value)), (x(Double(final.year)), y(final.value))], className: "c-line-path")
        }
        // Figures reported before the base year (context) stand on the line in year order too.
        let line = (([input.baseline].compactMap { $0 }) + input.reported).sorted { $0.year < $1.year }
        if line.count > 1 {
            svg.path(line.map { (x(Double($0.year)), y($0.value)) }, className: "c-line-main")
        }
        var placed: [Rect] = layout.labels
        // A label wider than the chart (a long target at 288 px) is broken into two lines, as Chinese text may break.
        func label(_ text: String, at point: ChartPoint, preferAbove: Bool) {
            let px = x(Double(point.year)), py = y(point.value)
            let lines = TextMeasure.width(text, fontSize: font, bold: true) <= W - left ? [text]
                : TextMeasure.lines(text, fontSize: font, maxWidth: W - left, bold: true)
            let w = lines.map { TextMeasure.width($0, fontSize: font, bold: true) }.max() ?? 0
            let leading = font + 3, extra = Double(lines.count - 1) * leading
            let cx = min(max(px, left + w / 2), W - w / 2)
            // Baselines of the last line (above the point) or of the first (below it).
            var candidates: [Double] = preferAbove ? [py - 9, py + font + 9] : [py + font + 9, py - 9]
            candidates += [py - 9 - (font + 4), py + font + 9 + (font + 4), py - 9 - 2 * (font + 4)]
            for baselineY in candidates {
                let first = baselineY < py ? baselineY - extra : baselineY
                let box = Rect(x: cx - w / 2, y: first - font * 0.88, width: w, height: font * 1.12 + extra)
                if box.y >= plot.y - font, box.maxY <= plot.maxY + font, !placed.contains(where: { $0.intersects(box) }) {
                    for (index, line) in lines.enumerated() {
                        _ = svg.text(line, x: cx, y: first + Double(index) * leading, size: font, anchor: .middle, className: "c-strong")
                    }
                    placed.append(box)
                    layout.labels.append(box)
                    return
                }
            }
        }
        if let b = input.baseline {
            svg.circle(x(Double(b.year)), y(b.value), 4.5, className: "c-point-base")
            layout.marks.append(Rect(x: x(Double(b.year)) - 4.5, y: y(b.value) - 4.5, width: 9, height: 9))
        }
        for p in input.reported {
            svg.circle(x(Double(p.year)), y(p.value), 4.5, className: "c-point-main")
            layout.marks.append(Rect(x: x(Double(p.year)) - 4.5, y: y(p.value) - 4.5, width: 9, height: 9))
        }
        for t in input.targets {
            svg.diamond(x(Double(t.year)), y(t.value), 6, className: "c-target-mark")
            layout.marks.append(Rect(x: x(Double(t.year)) - 6, y: y(t.value) - 6, width: 12, height: 12))
        }
        // Labels for the points a reader looks for: start, latest report, each target.
        if let b = input.baseline { label(b.phrase(unit: input.unit), at: b, preferAbove: false) }
        if let latest = input.latest { label(latest.phrase(unit: input.unit), at: latest, preferAbove: true) }
        for t in input.targets { label("目标" + t.phrase(unit: input.unit), at: t, preferAbove: true) }

        return (SVGDocument.wrap(id: id, title: input.title, description: description, layout: layout, body: svg,
                                 hatch: false, standalone: standalone), layout)
    }

    static func yearOverlap(_ ticks: [Double], x: LinearScale, font: Double) -> Bool {
        let w = TextMeasure.width("2025年", fontSize: font)
        return zip(ticks, ticks.dropFirst()).contains { x($1) - x($0) < w + 6 }
    }
}
