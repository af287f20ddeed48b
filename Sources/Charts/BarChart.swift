/// A breakdown: one bar per part (a region, a service category), sorted from largest to smallest, the
/// part's name on the left (above the bar on a phone) and its figure at the bar's end.
public enum BarChart {
    public struct Item: Sendable, Equatable {
        public var label: String
        /// In one unit for all items, for the bar's length.
        public var value: Double
        /// The figure as the plan writes it, with its unit: 7110家, 4.5万家.
        public var display: String

        public init(label: String, value: Double, display: String) {
            self.label = label
            self.value = value
            self.display = display
        }
    }

    public struct Input: Sendable, Equatable {
        public var title: String
        public var items: [Item]

        public init(title: String, items: [Item]) {
            self.title = title
            self.items = items
        }
    }

    public static func make(_ input: Input, id: String, standalone: Bool = false) -> Chart {
        let sorted = input.items.enumerated().sorted { ($1.element.value, $0.offset) < ($0.element.value, $1.offset) }.map(\.element)
        let description = input.title + "：" + sorted.map { $0.label + $0.display }.joined(separator: "；") + "。"
        let (compact, compactLayout) = draw(sorted, title: input.title, description: description, id: id + "-c", width: .compact, standalone: standalone)
        let (wide, wideLayout) = draw(sorted, title: input.title, description: description, id: id + "-w", width: .wide, standalone: standalone)
        var takeaway = description
        if let first = sorted.first, let last = sorted.last, sorted.count > 1 {
            takeaway = "\(sorted.count)项中，\(first.label)最多（\(first.display)），\(last.label)最少（\(last.display)）。"
        }
        return Chart(takeaway: takeaway, description: description, compact: compact, wide: wide,
                     compactLayout: compactLayout, wideLayout: wideLayout)
    }

    static func draw(_ items: [Item], title: String, description: String, id: String, width: ChartWidth, standalone: Bool) -> ([UInt8], ChartLayout) {
        let W = width.width, font = width.font, labelFont = width.labelFont
        let barHeight: Double = width == .compact ? 12 : 16
        let svg = SVGWriter()
        var layout = ChartLayout(width: W, height: 0, plot: Rect(x: 0, y: 0, width: W, height: 0))

        let valueWidths = items.map { TextMeasure.width($0.display, fontSize: font, bold: true) }
        let maxPositive = zip(items, valueWidths).filter { $0.0.value >= 0 }.map(\.1).max() ?? 0
        let maxNegative = zip(items, valueWidths).filter { $0.0.value < 0 }.map(\.1).max() ?? 0
        // Labels sit left of the bars on a wide chart, above them on a phone.
        let labelColumn = width == .compact ? 0 : min(W * 0.34, (items.map { TextMeasure.width($0.label, fontSize: labelFont) }.max() ?? 0) + 8)
        let left = labelColumn + (maxNegative > 0 ? maxNegative + 6 : 0) + 2
        let right = W - maxPositive - 6
        let values = items.map(\.value)
        let lo = min(0, values.min() ?? 0), hi = max(0, values.max() ?? 1)
        let x = LinearScale(domain: (lo, hi == lo ? lo + 1 : hi), range: (left, max(left + 10, right)))
        let zero = x(0)

        var y = 4.0
        let plotTop = y
        for (item, valueWidth) in zip(items, valueWidths) {
            let lines = TextMeasure.lines(item.label, fontSize: labelFont, maxWidth: width == .compact ? W : labelColumn - 8)
            let barY: Double
            if width == .compact {
                for line in lines {
                    y += labelFont + 2
                    layout.labels.append(svg.text(line, x: 0, y: y, size: labelFont))
                }
                y += 4
                barY = y
            } else {
                let block = Double(lines.count) * (labelFont + 2)
                let rowHeight = max(barHeight, block)
                barY = y + (rowHeight - barHeight) / 2
                var ly = y + (rowHeight - block) / 2
                for line in lines {
                    ly += labelFont + 2
                    layout.labels.append(svg.text(line, x: 0, y: ly - 3, size: labelFont))
                }
                y += rowHeight - barHeight
            }
            let x1 = x(item.value)
            let bar = Rect(x: min(zero, x1), y: barY, width: max(abs(x1 - zero), 1), height: barHeight)
            svg.rect(bar, className: "c-bar-main")
            layout.marks.append(bar)
            let textY = barY + barHeight / 2 + font * 0.36
            if item.value >= 0 {
                layout.labels.append(svg.text(item.display, x: bar.maxX + 4, y: textY, size: font, className: "c-strong"))
            } else {
                layout.labels.append(svg.text(item.display, x: bar.x - 4, y: textY, size: font, anchor: .end, className: "c-strong"))
            }
            _ = valueWidth
            y = barY + barHeight + (width == .compact ? 10 : 8)
        }
        svg.raw("<g aria-hidden=\"true\">")
        svg.line(zero, plotTop, zero, y, className: "c-axis")
        svg.raw("</g>")
        layout.plot = Rect(x: 0, y: plotTop, width: W, height: y - plotTop)
        layout.height = y + 4
        return (SVGDocument.wrap(id: id, title: title, description: description, layout: layout, body: svg, hatch: false, standalone: standalone), layout)
    }
}
