/// The two widths a chart is drawn at. Each is shown at its own size, so text stays at least 12 px from a
/// 320 px phone (288 px of content) to a desktop column.
public enum ChartWidth: String, Sendable, CaseIterable {
    case compact, wide

    public var width: Double { self == .compact ? 288 : 640 }
    var font: Double { self == .compact ? 12 : 13 }
    var labelFont: Double { self == .compact ? 13 : 14 }
}

/// A figure as the plan writes it: its year, its value and the text to print (`5.5`, with `以上` where the
/// plan says so).
public struct ChartPoint: Sendable, Equatable {
    public var year: Int
    public var value: Double
    /// How to print the value, e.g. "5.5"; the unit is added by the chart.
    public var text: String
    /// The figure as the plan words it, unit included (突破1万家, 5.5%以上), worded by the model; nil for a figure
    /// without qualifier, printed as its text and unit.
    public var words: String?

    public init(year: Int, value: Double, text: String? = nil, words: String? = nil) {
        self.year = year
        self.value = value
        self.text = text ?? ChineseNumbers.compact(value)
        self.words = words
    }

    /// The figure with its unit, in the plan's words when it has them.
    public func phrase(unit: String) -> String {
        words ?? text + unit
    }
}

/// A rendered chart: the SVG at both widths, and the words that go with it.
public struct Chart: Sendable, Equatable {
    /// One sentence a reader takes away, shown above the chart.
    public var takeaway: String
    /// The chart's numbers in words, for `<desc>` (screen readers).
    public var description: String
    /// The SVG markup at each width, as UTF-8 bytes (pages and files take them as they are).
    public var compactSVG: [UInt8]
    public var wideSVG: [UInt8]
    public var compactLayout: ChartLayout
    public var wideLayout: ChartLayout

    public init(takeaway: String, description: String, compact: [UInt8], wide: [UInt8], compactLayout: ChartLayout, wideLayout: ChartLayout) {
        self.takeaway = takeaway
        self.description = description
        self.compactSVG = compact
        self.wideSVG = wide
        self.compactLayout = compactLayout
        self.wideLayout = wideLayout
    }

    /// The markup as text.
    public var compact: String { String(decoding: compactSVG, as: UTF8.self) }
    public var wide: String { String(decoding: wideSVG, as: UTF8.self) }

    public func svg(_ width: ChartWidth) -> String { width == .compact ? compact : wide }
    public func svgBytes(_ width: ChartWidth) -> [UInt8] { width == .compact ? compactSVG : wideSVG }

    /// The chart as a file of its own: its styles inside it, the XML declaration, and its language (without it a
    /// browser may draw the Han characters in their Japanese forms), so that it opens and prints the same anywhere.
    public func standaloneFile(_ width: ChartWidth) -> String {
        String(decoding: standaloneBytes(width), as: UTF8.self)
    }

    /// The same, as the UTF-8 bytes of the file.
    public func standaloneBytes(_ width: ChartWidth) -> [UInt8] {
        let bytes = svgBytes(width)
        let marker = Array("</desc>".utf8), style = Array("<style>".utf8)
        // Styles, when a chart already has them, come right after its description.
        guard let end = firstIndex(of: marker, in: bytes), !bytes[(end + marker.count)...].starts(with: style) else { return bytes }
        var out = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".utf8)
        out.reserveCapacity(bytes.count + ChartStyle.css.utf8.count + 96)
        let root = Array("<svg ".utf8)
        if bytes.starts(with: root) {
            out += "<svg xml:lang=\"zh-CN\" lang=\"zh-CN\" ".utf8
            out += bytes[root.count..<(end + marker.count)]
        } else {
            out += bytes[..<(end + marker.count)]
        }
        out += "<style>".utf8
        out += ChartStyle.css.utf8
        out += "</style>".utf8
        out += bytes[(end + marker.count)...]
        out.append(0x0A)
        return out
    }

    public func layout(_ width: ChartWidth) -> ChartLayout { width == .compact ? compactLayout : wideLayout }
}

/// Wraps chart marks into an accessible SVG: `role="img"`, a `<title>` and a `<desc>` that state the
/// numbers, ids unique on the page, no focusable elements.
enum SVGDocument {
    static func wrap(id: String, title: String, description: String, layout: ChartLayout, body: SVGWriter,
                     hatch: Bool, standalone: Bool) -> [UInt8] {
        let svg = SVGWriter()
        svg.raw("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        svg.number(layout.width); svg.raw(" "); svg.number(layout.height)
        svg.raw("\" width=\""); svg.number(layout.width); svg.raw("\" height=\""); svg.number(layout.height)
        svg.raw("\" role=\"img\" aria-labelledby=\""); svg.raw(id); svg.raw("-title "); svg.raw(id); svg.raw("-desc\">")
        svg.raw("<title id=\""); svg.raw(id); svg.raw("-title\">"); svg.escaped(title); svg.raw("</title>")
        svg.raw("<desc id=\""); svg.raw(id); svg.raw("-desc\">"); svg.escaped(description); svg.raw("</desc>")
        if standalone { svg.raw("<style>"); svg.raw(ChartStyle.css); svg.raw("</style>") }
        if hatch {
            svg.raw("<defs><pattern id=\""); svg.raw(id)
            svg.raw("-hatch\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" patternTransform=\"rotate(45)\">")
            svg.raw("<line class=\"c-hatch-line\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\"/></pattern></defs>")
        }
        svg.append(body)
        svg.raw("</svg>")
        return svg.bytes
    }
}

/// An axis of values: a niced domain, its ticks and one scale (万/亿) for all its labels.
struct ValueAxis {
    var scale: LinearScale
    var ticks: [Double]
    var unitScale: ChineseNumbers.Scale
    var decimals: Int

    /// A domain that holds every value and zero (bars start at zero), niced to round ticks.
    init(values: [Double], unit: String, range: (Double, Double), tickCount: Int, includeZero: Bool = true, whole: Bool = false) {
        let finite = values.filter(\.isFinite)
        var lo = finite.min() ?? 0, hi = finite.max() ?? 1
        if includeZero { lo = min(lo, 0); hi = max(hi, 0) }
        if lo == hi {
            // One value (or all zeros): give it room around itself.
            let pad = lo == 0 ? 1 : abs(lo) * 0.5
            hi = lo >= 0 ? hi + pad : hi
            lo = lo >= 0 ? lo : lo - pad
            if includeZero, lo < 0, hi < 0 { hi = 0 }
        }
        var scale = LinearScale(domain: (lo, hi), range: range).niced(count: tickCount)
        if whole {
            scale.domain = (scale.domain.0.rounded(.down), scale.domain.1.rounded(.up))
        }
        self.scale = scale
        self.ticks = whole ? scale.wholeTicks(count: tickCount) : scale.ticks(count: tickCount)
        let largest = max(abs(scale.domain.0), abs(scale.domain.1))
        self.unitScale = ChineseNumbers.axisScale(largest: largest, unit: unit)
        // The step as d3 computes it (not a difference of ticks, which carries rounding noise).
        let step = ticks.count > 1 ? abs(Ticks.tickStep(scale.domain.0, scale.domain.1, count: Double(tickCount))) : 1
        self.decimals = Ticks.decimals(forStep: step / unitScale.divisor)
    }

    func label(_ tick: Double) -> String {
        ChineseNumbers.plain(tick / unitScale.divisor, decimals: decimals)
    }

    /// The axis title: 单位：万家.
    var title: String { unitScale.unit.isEmpty ? "" : "单位：" + unitScale.unit }
}

/// The first place `needle` occurs in `haystack`, by bytes.
func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
    guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
    var i = 0
    let last = haystack.count - needle.count
    while i <= last {
        if haystack[i] == needle[0] {
            var j = 1
            while j < needle.count, haystack[i + j] == needle[j] { j += 1 }
            if j == needle.count { return i }
        }
        i += 1
    }
    return nil
}
