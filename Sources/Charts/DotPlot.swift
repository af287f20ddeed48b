/// A plan at a glance: every indicator on one chart as the share of the way from its base to its target that it
/// has covered (a dot per indicator, a line at 100 %), with a tick at the share of the time that has passed.
/// An indicator with no figure after its base says so in words instead of a dot at 0. Rows follow the plan's
/// order; the table beside it links to each indicator.
public enum DotPlot {
    public struct Row: Sendable, Equatable {
        public var label: String
        /// The share of the way covered: 0 at the base, 1 at the target; nil when there is no figure to tell.
        public var share: Double?
        /// The share of the time from the base year to the target year that has passed.
        public var elapsed: Double?
        /// What to write instead of a dot when `share` is nil.
        public var missing: String
        public init(label: String, share: Double?, elapsed: Double? = nil, missing: String = "暂无报告数值") {
            self.label = label
            self.share = share
            self.elapsed = elapsed
            self.missing = missing
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
        let description = input.title + "：" + input.rows.map { row in
            guard let share = row.share else { return row.label + row.missing }
            return "\(row.label)完成进度\(percent(share))" + (row.elapsed.map { "，时间进度\(percent($0))" } ?? "")
        }.joined(separator: "；") + "。"
        let (compact, compactLayout) = draw(input, description: description, id: id + "-c", width: .compact, standalone: standalone)
        let (wide, wideLayout) = draw(input, description: description, id: id + "-w", width: .wide, standalone: standalone)
        let known = input.rows.filter { $0.share != nil }
        let reached = known.count { $0.share! >= 1 }
        let ahead = known.count { row in row.share! < 1 && row.elapsed.map { row.share! >= $0 } ?? false }
        var takeaway = "\(input.rows.count)项指标中，"
        if known.isEmpty {
            takeaway += "尚无一项有基期之后的报告数值"
        } else {
            var parts: [String] = []
            if reached > 0 { parts.append("\(reached)项已达到目标") }
            if ahead > 0 { parts.append("\(ahead)项完成进度不低于时间进度") }
            if known.count - reached - ahead > 0 { parts.append("\(known.count - reached - ahead)项完成进度落后于时间进度") }
            takeaway += "\(known.count)项有进度数据，其中" + parts.joined(separator: "，")
        }
        let missing = input.rows.count - known.count
        if missing > 0, !known.isEmpty { takeaway += "；\(missing)项暂无报告数值" }
        takeaway += "。"
        return Chart(takeaway: takeaway, description: description, compact: compact, wide: wide,
                     compactLayout: compactLayout, wideLayout: wideLayout)
    }

    static func draw(_ input: Input, description: String, id: String, width: ChartWidth, standalone: Bool) -> ([UInt8], ChartLayout) {
        let W = width.width, font = width.font, labelFont = width.labelFont
        let svg = SVGWriter()
        var layout = ChartLayout(width: W, height: 0, plot: Rect(x: 0, y: 0, width: W, height: 0))
        let labelColumn = width == .compact ? 0 : min(W * 0.4, (input.rows.map { TextMeasure.width($0.label, fontSize: labelFont) }.max() ?? 0) + 10)
        let valueRoom = TextMeasure.width("100%", fontSize: font, bold: true) + 10
        let shares = input.rows.compactMap(\.share).filter(\.isFinite)
        let largest = max(1, shares.max() ?? 1), smallest = min(0, shares.min() ?? 0)
        let axis = ValueAxis(values: [smallest * 100, largest * 100], unit: "%", range: (labelColumn + 6, W - valueRoom), tickCount: width == .compact ? 4 : 5)
        let x = axis.scale
        var y = font + 6.0
        let top = y
        layout.labels.append(svg.text("目标 100%", x: min(x(100), W - TextMeasure.width("目标 100%", fontSize: font) / 2), y: font + 2, size: font, anchor: .middle, className: "c-muted"))
        if input.rows.contains(where: { $0.elapsed != nil }) {
            layout.labels.append(svg.text("短竖线：时间进度", x: x(0), y: font + 2, size: font, className: "c-muted"))
        }
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
            if let elapsed = row.elapsed, elapsed.isFinite {
                let ex = x(min(max(elapsed, smallest), largest) * 100)
                rowsBody.line(ex, dotY - 8, ex, dotY + 8, className: "c-elapsed")
            }
            guard let value = row.share, value.isFinite else {
                layout.labels.append(rowsBody.text(row.missing, x: x(0) + 6, y: dotY + font * 0.36, size: font, className: "c-muted"))
                continue
            }
            let cx = x(value * 100)
            rowsBody.line(x(0), dotY, cx, dotY, className: "c-grid")
            if value >= 1 {
                rowsBody.diamond(cx, dotY, 6, className: "c-target-mark")
            } else {
                rowsBody.circle(cx, dotY, 5, className: "c-dot")
            }
            layout.marks.append(Rect(x: cx - 6, y: dotY - 6, width: 12, height: 12))
            layout.labels.append(rowsBody.text(percent(value), x: min(cx + 9, W - valueRoom + 4), y: dotY + font * 0.36, size: font, className: "c-strong"))
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
