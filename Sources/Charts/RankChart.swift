/// Places in a ranking (全省前40位): each figure a point on a scale of places that runs from the last place shown on
/// the left to 1st on the right, so that moving right is moving up; the target a diamond with a line marking the
/// places that meet it. A place is not an amount: nothing is drawn as a bar from 0.
public enum RankChart {
    public struct Input: Sendable, Equatable {
        public var title: String
        public var points: [Point]

        public struct Point: Sendable, Equatable {
            public enum Kind: Sendable, Equatable { case baseline, reported, target }
            public var year: Int
            public var place: Double
            public var kind: Kind
            /// The figure in the plan's words (全省前40位, 第52位).
            public var words: String

            public init(year: Int, place: Double, kind: Kind, words: String) {
                self.year = year
                self.place = place
                self.kind = kind
                self.words = words
            }
        }

        public init(title: String, points: [Point]) {
            self.title = title
            self.points = points
        }
    }

    public static func make(_ input: Input, id: String, standalone: Bool = false) -> Chart {
        let (compact, compactLayout) = draw(input, id: id + "-c", width: .compact, standalone: standalone)
        let (wide, wideLayout) = draw(input, id: id + "-w", width: .wide, standalone: standalone)
        return Chart(takeaway: takeaway(input), description: describe(input), compact: compact, wide: wide,
                     compactLayout: compactLayout, wideLayout: wideLayout)
    }

    static func label(_ point: Input.Point) -> String {
        switch point.kind {
        case .baseline: return "\(point.year)年（基期）：\(point.words)"
        case .reported: return "\(point.year)年：\(point.words)"
        case .target: return "\(point.year)年目标：\(point.words)"
        }
    }

    static func describe(_ input: Input) -> String {
        input.title + "：" + input.points.map { label($0).filter { $0 != "：" } }.joined(separator: "；") + "。位次越小越靠前。"
    }

    static func takeaway(_ input: Input) -> String {
        guard let target = input.points.last(where: { $0.kind == .target }) else { return describe(input) }
        let known = input.points.last { $0.kind != .target }
        guard let known else { return "规划目标：\(target.year)年\(target.words)。原文未列基期位次。" }
        if known.place <= target.place { return "\(known.year)年为\(known.words)，已达到\(target.year)年目标\(target.words)。" }
        return "\(known.year)年为\(known.words)，\(target.year)年目标\(target.words)，还需前移\(ChineseNumbers.compact(known.place - target.place))位。"
    }

    static func draw(_ input: Input, id: String, width: ChartWidth, standalone: Bool) -> ([UInt8], ChartLayout) {
        let W = width.width, font = width.font, labelFont = width.labelFont, pad = 8.0
        let svg = SVGWriter()
        var layout = ChartLayout(width: W, height: 0, plot: Rect(x: 0, y: 0, width: W, height: 0))
        // Places from 1 to a round number past the largest one shown, last on the left.
        let largest = input.points.map(\.place).max() ?? 1
        let step = max(1, Ticks.tickStep(0, max(largest, 1), count: width == .compact ? 3 : 6).rounded())
        // One step past the largest place, so that no figure sits on the scale's edge.
        let last = ((max(largest, 1) / step).rounded(.down) + 1) * step
        let x = { (place: Double) -> Double in pad + (last - place) / max(last - 1, 1) * (W - 2 * pad) }
        var y = 0.0
        for point in input.points {
            for line in TextMeasure.lines(label(point), fontSize: labelFont, maxWidth: W - 2 * pad, bold: point.kind == .target) {
                y += labelFont + 3
                layout.labels.append(svg.text(line, x: pad, y: y, size: labelFont, className: point.kind == .target ? "c-strong" : ""))
            }
            y += 12
            let cx = x(point.place)
            switch point.kind {
            case .target:
                svg.diamond(cx, y, 6, className: "c-target-mark")
                // The places that meet the target: from it to 1st.
                svg.line(cx, y, x(1), y, className: "c-target-line")
                layout.marks.append(Rect(x: cx - 6, y: y - 6, width: x(1) - cx + 12, height: 12))
            case .baseline:
                svg.circle(cx, y, 5, className: "c-point-base")
                layout.marks.append(Rect(x: cx - 5, y: y - 5, width: 10, height: 10))
            case .reported:
                svg.circle(cx, y, 5, className: "c-point-main")
                layout.marks.append(Rect(x: cx - 5, y: y - 5, width: 10, height: 10))
            }
            y += 12
        }
        let plotTop = 0.0, axisY = y + 4
        svg.raw("<g aria-hidden=\"true\">")
        svg.line(pad, axisY, W - pad, axisY, className: "c-axis")
        // Round places at a step whose labels stand apart, and 1st, which takes the place of a round label it would touch.
        func tickLabel(_ tick: Double) -> TargetChart.TickLabel {
            let text = "第\(ChineseNumbers.compact(tick))位", w = TextMeasure.width(text, fontSize: font)
            let anchorX = min(max(x(tick), pad + w / 2), W - pad - w / 2)
            return .init(text: text, x: x(tick), anchorX: anchorX, anchor: .middle, start: anchorX - w / 2, end: anchorX + w / 2)
        }
        var labels: [(tick: Double, label: TargetChart.TickLabel)] = []
        for multiple in [1.0, 2, 5, 10] {
            // Round places: multiples of the step, from the largest one on the scale.
            let every = step * multiple, top = (last / every).rounded(.down) * every
            let ticks = stride(from: top, through: every, by: -every).filter { $0 != 1 }
            labels = ticks.map { ($0, tickLabel($0)) }
            if zip(labels, labels.dropFirst()).allSatisfy({ $0.1.label.start >= $0.0.label.end + 6 }) { break }
        }
        let first = tickLabel(1)
        labels.removeAll { $0.label.end + 6 > first.start }
        labels.append((1, first))
        for (_, label) in labels {
            svg.line(label.x, axisY, label.x, axisY + 4, className: "c-axis")
            layout.labels.append(svg.text(label.text, x: label.anchorX, y: axisY + 4 + font + 2, size: font, anchor: label.anchor, className: "c-muted"))
        }
        svg.raw("</g>")
        y = axisY + 4 + font + 2 + font + 6
        layout.labels.append(svg.text("位次（越靠右越靠前）", x: W, y: y, size: font, anchor: .end, className: "c-muted"))
        layout.height = y + 4
        layout.plot = Rect(x: 0, y: plotTop, width: W, height: axisY - plotTop)
        return (SVGDocument.wrap(id: id, title: input.title, description: describe(input), layout: layout, body: svg,
                                 hatch: false, standalone: standalone), layout)
    }
}
