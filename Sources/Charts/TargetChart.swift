/// Baseline → target, as bars from zero with the final target marked across them (a bullet chart): the base
/// year in grey, the latest reported year in blue, each target year hatched; every bar labelled with its
/// year and figure. Used for an indicator without a yearly series.
public enum TargetChart {
    public struct Input: Sendable, Equatable {
        public var title: String
        public var unit: String
        public var baseline: ChartPoint?
        public var latest: ChartPoint?
        public var targets: [ChartPoint]

        /// Whether the latest figure meets the final target, as the model decides it (with the indicator's direction
        /// and the plan's qualifier: 超过 is strict, 左右 allows a little). The chart does not judge.
        public var latestMeetsTarget: Bool

        public init(title: String, unit: String, baseline: ChartPoint? = nil, latest: ChartPoint? = nil, targets: [ChartPoint],
                    latestMeetsTarget: Bool = false) {
            self.latestMeetsTarget = latestMeetsTarget
            self.title = title
            self.unit = unit
            self.baseline = baseline
            self.latest = latest
            self.targets = targets
        }
    }

    enum Kind { case baseline, latest, target }

    struct Lane {
        var point: ChartPoint
        var kind: Kind
        var label: String
    }

    public static func make(_ input: Input, id: String, standalone: Bool = false) -> Chart {
        let (compact, compactLayout) = draw(input, id: id + "-c", width: .compact, standalone: standalone)
        let (wide, wideLayout) = draw(input, id: id + "-w", width: .wide, standalone: standalone)
        return Chart(takeaway: takeaway(input), description: describe(input), compact: compact, wide: wide,
                     compactLayout: compactLayout, wideLayout: wideLayout)
    }

    static func lanes(_ input: Input) -> [Lane] {
        var lanes: [Lane] = []
        if let b = input.baseline { lanes.append(Lane(point: b, kind: .baseline, label: "\(b.year)年（基期）：" + b.phrase(unit: input.unit))) }
        if let l = input.latest { lanes.append(Lane(point: l, kind: .latest, label: "\(l.year)年（最新）：" + l.phrase(unit: input.unit))) }
        for t in input.targets { lanes.append(Lane(point: t, kind: .target, label: "\(t.year)年目标：" + t.phrase(unit: input.unit))) }
        return lanes
    }

    static func draw(_ input: Input, id: String, width: ChartWidth, standalone: Bool) -> ([UInt8], ChartLayout) {
        let W = width.width, font = width.font, labelFont = width.labelFont
        let lanes = lanes(input)
        let barHeight: Double = width == .compact ? 14 : 16
        let pad = 2.0
        let svg = SVGWriter()
        var layout = ChartLayout(width: W, height: 0, plot: Rect(x: 0, y: 0, width: W, height: 0))

        var tickCount = width == .compact ? 4 : 8
        var axis = ValueAxis(values: lanes.map(\.point.value), unit: input.unit, range: (pad + 6, W - pad - 6), tickCount: tickCount)
        // Fewer ticks until their labels stand apart.
        while tickCount > 1, overlaps(tickLabels(axis, width: W, font: font)) {
            tickCount -= 1
            axis = ValueAxis(values: lanes.map(\.point.value), unit: input.unit, range: (pad + 6, W - pad - 6), tickCount: tickCount)
        }
        let x = axis.scale
        let zero = x(0)

        var y = 0.0
        // The final target's label sits on its own line at the top, over the marker.
        let final = lanes.last { $0.kind == .target }
        if let final {
            let text = "目标线：\(final.point.year)年"
            let w = TextMeasure.width(text, fontSize: font)
            let cx = min(max(x(final.point.value), w / 2), W - w / 2)
            y += font + 2
            layout.labels.append(svg.text(text, x: cx, y: y, size: font, anchor: .middle, className: "c-muted"))
            y += 4
        }
        let plotTop = y
        var markerTop = y
        for (index, lane) in lanes.enumerated() {
            let lines = TextMeasure.lines(lane.label, fontSize: labelFont, maxWidth: W - 2 * pad, bold: lane.kind == .target)
            for line in lines {
                y += labelFont + 3
                layout.labels.append(svg.text(line, x: pad, y: y, size: labelFont, className: lane.kind == .target ? "c-strong" : ""))
            }
            y += 5
            if index == 0 { markerTop = plotTop }
            let x1 = x(lane.point.value)
            let bar = Rect(x: min(zero, x1), y: y, width: max(abs(x1 - zero), 1), height: barHeight)
            switch lane.kind {
            case .baseline: svg.rect(bar, className: "c-bar-base")
            case .latest: svg.rect(bar, className: "c-bar-main")
            case .target: svg.rect(bar, className: "c-bar-target", extra: " fill=\"url(#\(id)-hatch)\"")
            }
            layout.marks.append(bar)
            y += barHeight + 8
        }
        let axisY = y
        svg.raw("<g aria-hidden=\"true\">")
        // A zero line only where bars go both ways; otherwise the bars' left ends show zero, and the line
        // would cross the labels above them.
        if axis.scale.domain.0 < 0 { svg.line(zero, plotTop, zero, axisY, className: "c-axis") }
        svg.line(pad, axisY, W - pad, axisY, className: "c-axis")
        for tick in tickLabels(axis, width: W, font: font) {
            svg.line(tick.x, axisY, tick.x, axisY + 4, className: "c-axis")
            layout.labels.append(svg.text(tick.text, x: tick.anchorX, y: axisY + 4 + font + 2, size: font, anchor: tick.anchor, className: "c-muted"))
        }
        svg.raw("</g>")
        if let final {
            let mx = x(final.point.value)
            svg.line(mx, markerTop, mx, axisY, className: "c-target-line")
            svg.diamond(mx, markerTop, 5, className: "c-target-mark")
            layout.marks.append(Rect(x: mx - 5, y: markerTop - 5, width: 10, height: axisY - markerTop + 5))
        }
        y = axisY + 4 + font + 2
        if !axis.title.isEmpty {
            y += font + 6
            layout.labels.append(svg.text(axis.title, x: W, y: y, size: font, anchor: .end, className: "c-muted"))
        }
        layout.height = y + 4
        layout.plot = Rect(x: 0, y: plotTop - 6, width: W, height: axisY - plotTop + 6)
        let hatch = lanes.contains { $0.kind == .target }
        return (SVGDocument.wrap(id: id, title: input.title, description: describe(input), layout: layout, body: svg,
                                 hatch: hatch, standalone: standalone), layout)
    }

    struct TickLabel {
        var text: String
        var x: Double
        var anchorX: Double
        var anchor: SVGWriter.Anchor
        var start: Double
        var end: Double
    }

    /// Tick labels centred under their ticks, but kept inside the chart at its edges.
    static func tickLabels(_ axis: ValueAxis, width W: Double, font: Double) -> [TickLabel] {
        axis.ticks.map { tick in
            let text = axis.label(tick)
            let x = axis.scale(tick)
            let w = TextMeasure.width(text, fontSize: font)
            if x - w / 2 < 0 { return TickLabel(text: text, x: x, anchorX: 0, anchor: .start, start: 0, end: w) }
            if x + w / 2 > W { return TickLabel(text: text, x: x, anchorX: W, anchor: .end, start: W - w, end: W) }
            return TickLabel(text: text, x: x, anchorX: x, anchor: .middle, start: x - w / 2, end: x + w / 2)
        }
    }

    static func overlaps(_ labels: [TickLabel]) -> Bool {
        zip(labels, labels.dropFirst()).contains { $1.start < $0.end + 4 }
    }

    static func describe(_ input: Input) -> String {
        let parts = lanes(input).map { String($0.label.filter { $0 != "：" }) }
        return input.title + "：" + parts.joined(separator: "；") + "。"
    }

    static func takeaway(_ input: Input) -> String {
        let unit = input.unit
        guard let target = input.targets.last else { return describe(input) }
        let targetWords = "\(target.year)年目标" + target.phrase(unit: unit)
        let decimals = max(ChineseNumbers.decimals(of: target.text), [input.baseline?.text, input.latest?.text].compactMap { $0 }.map(ChineseNumbers.decimals).max() ?? 0)
        if let latest = input.latest {
            if input.latestMeetsTarget { return "\(latest.year)年为\(latest.phrase(unit: unit))，已达到\(targetWords)。" }
            let gap = ChineseNumbers.change(from: latest.value, to: target.value, unit: unit, decimals: decimals)
            return "\(latest.year)年为\(latest.phrase(unit: unit))，距\(targetWords)还需\(gap)。"
        }
        if let baseline = input.baseline {
            let change = ChineseNumbers.change(from: baseline.value, to: target.value, unit: unit, decimals: decimals)
            return "从\(baseline.year)年的\(baseline.phrase(unit: unit))到\(targetWords)，需\(change)。"
        }
        if input.targets.count > 1 {
            return "规划目标：" + input.targets.map { "\($0.year)年\($0.phrase(unit: unit))" }.joined(separator: "，") + "。"
        }
        return "规划目标：\(target.year)年\(target.phrase(unit: unit))。原文未列基期数值。"
    }
}
