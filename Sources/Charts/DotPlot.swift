/// A plan at a glance: every indicator on one chart as its latest figure's share of the target (a dot per
/// indicator, a line at 100%). Rows follow the plan's order; the table beside it links to each indicator.
public enum DotPlot {
    public struct Row: Sendable, Equatable {
        public var label: String
        /// The latest figure as a share of the target: 1 is the target reached.
        public var share: Double
        public init(label: String, share: Double) {
            self.label = label
            self.share = share
        }
    }

    public struct Input: Sendable, Equatable {
        public var title: String
        public var rows: [Row]
        public init(title: String, rows: [Row]) {
            self.title = title
            self.rows = rows
        }
    }

    static func percent(_ share: Double) -> String { ChineseNumbers.plain(share * 100) + "%" }

    public static func make(_ input: Input, id: String, standalone: Bool = false) -> Chart {
        let description = input.title + "：" + input.rows.map { "\($0.label)\(percent($0.share))" }.joined(separator: "；") + "。"
        let (compact, compactLayout) = draw(input, description: description, id: id + "-c", width: .compact, standalone: standalone)
        let (wide, wideLayout) = draw(input, description: description, id: id + "-w", width: .wide, standalone: standalone)
        let reached = input.rows.filter { $0.share >= 1 }.count
        var takeaway = "\(input.rows.count)项指标中，" + (reached == 0 ? "尚无一项达到目标值" : "\(reached)项已达到目标值")
        if let closest = input.rows.filter({ $0.share < 1 }).max(by: { $0.share < $1.share }), closest.share > 0 {
            takeaway += "；\(closest.label)最接近目标（\(percent(closest.share))）"
        }
        let zeros = input.rows.filter { $0.share == 0 }.count
        if zeros > 0 { takeaway += "；\(zeros)项起点为0" }
        takeaway += "。"
        return Chart(takeaway: takeaway, description: description, compact: compact, wide: wide,
                     compactLayout: compactLayout, wideLayout: wideLayout)
    }

    static func draw(_ input: Input, description: String, id: String, width: ChartWidth, standalone: Bool) -> ([UInt8], ChartLayout) {
        let W = width.width, font = width.font, labelFont = width.labelFont
        let svg = SVGWriter()
        var layout = ChartLayout(width: W, height: 0, plot: Rect(x: 0, y: 0, width: W, height: 0))
        let labelColumn = width == .compact ? 0 : min(W * 0.4, (input.rows.map { TextMeasure.width($0.label, fontSize: labelFont) }.max() ?? 0) + 10)
        let valueRoom = TextMeasure.width("100%", fontSize: font) + 10
        let largest = max(1, input.rows.map(\.share).filter(\.isFinite).max() ?? 1)
        let axis = ValueAxis(values: [0, largest * 100], unit: "%", range: (labelColumn + 6, W - valueRoom), tickCount: width == .compact ? 4 : 5)
        let x = axis.scale
        var y = font + 6.0
        let top = y
        layout.labels.append(svg.text("目标值 100%", x: min(x(100), W - TextMeasure.width("目标值 100%", fontSize: font) / 2), y: font + 2, size: font, anchor: .middle, className: "c-muted"))
        y += 4
        let rowsBody = SVGWriter()
        for row in input.rows {
            let lines = TextMeasure.lines(row.label, fontSize: labelFont, maxWidth: width == .compact ? W : labelColumn - 8)
            let dotY: Double
            if width == .compact {
                for line in lines {
                    y += labelFont + 2
                    layout.labels.append(rowsBody.text(line, x: 0, y: y, size: labelFont))
                }
                dotY = y + 12
                y = dotY + 8
            } else {
                let block = Double(lines.count) * (labelFont + 2)
                let rowHeight = max(22, block + 6)
                var ly = y + (rowHeight - block) / 2
                for line in lines {
                    ly += labelFont + 2
                    layout.labels.append(rowsBody.text(line, x: 0, y: ly - 3, size: labelFont))
                }
                dotY = y + rowHeight / 2
                y += rowHeight
            }
            let share = row.share.isFinite ? row.share : 0
            let cx = x(share * 100)
            rowsBody.line(x(0), dotY, cx, dotY, className: "c-grid")
            if share >= 1 {
                rowsBody.diamond(cx, dotY, 6, className: "c-target-mark")
            } else {
                rowsBody.circle(cx, dotY, 5, className: "c-dot")
            }
            layout.marks.append(Rect(x: cx - 6, y: dotY - 6, width: 12, height: 12))
            layout.labels.append(rowsBody.text(percent(share), x: cx + 9, y: dotY + font * 0.36, size: font, className: "c-strong"))
        }
        svg.raw("<g aria-hidden=\"true\">")
        svg.line(x(100), top, x(100), y, className: "c-target-line")
        svg.line(x(0), top, x(0), y, className: "c-axis")
        svg.raw("</g>")
        svg.append(rowsBody)
        layout.plot = Rect(x: 0, y: top, width: W, height: y - top)
        layout.height = y + 6
        return (SVGDocument.wrap(id: id, title: input.title, description: description, layout: layout, body: svg,
                                 hatch: false, standalone: standalone), layout)
    }
}
