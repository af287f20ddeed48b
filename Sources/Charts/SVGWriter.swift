/// A rectangle in chart coordinates, used for layout and for checking it (marks inside, labels apart).
public struct Rect: Sendable, Equatable {
    public var x: Double, y: Double, width: Double, height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        // Normalise negative sizes so that every rectangle reads left to right, top to bottom.
        self.x = width < 0 ? x + width : x
        self.y = height < 0 ? y + height : y
        self.width = abs(width)
        self.height = abs(height)
    }

    public var maxX: Double { x + width }
    public var maxY: Double { y + height }

    public func intersects(_ other: Rect) -> Bool {
        x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
    }

    public func contains(_ other: Rect, tolerance: Double = 0.5) -> Bool {
        other.x >= x - tolerance && other.maxX <= maxX + tolerance && other.y >= y - tolerance && other.maxY <= maxY + tolerance
    }
}

/// What a chart drew, for tests: the plot area, the marks in it and the boxes of its text labels.
public struct ChartLayout: Sendable, Equatable {
    public var width: Double
    public var height: Double
    public var plot: Rect
    public var marks: [Rect] = []
    public var labels: [Rect] = []
}

/// Writes SVG markup. Coordinates are printed with at most one decimal, so output is stable and small.
struct SVGWriter {
    private(set) var body = ""

    /// At most one decimal, no "-0", no exponent: 12, 12.5, -3.2.
    static func number(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e12 else { return "0" }
        let tenths = Int((value * 10).rounded())
        if tenths == 0 { return "0" }
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? sign + String(magnitude / 10) : sign + String(magnitude / 10) + "." + String(magnitude % 10)
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    mutating func raw(_ markup: String) { body += markup }

    mutating func rect(_ r: Rect, className: String, extra: String = "") {
        body += "<rect class=\"\(className)\" x=\"\(Self.number(r.x))\" y=\"\(Self.number(r.y))\" width=\"\(Self.number(r.width))\" height=\"\(Self.number(r.height))\"\(extra)/>"
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, className: String) {
        body += "<line class=\"\(className)\" x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" y2=\"\(Self.number(y2))\"/>"
    }

    mutating func circle(_ cx: Double, _ cy: Double, _ r: Double, className: String) {
        body += "<circle class=\"\(className)\" cx=\"\(Self.number(cx))\" cy=\"\(Self.number(cy))\" r=\"\(Self.number(r))\"/>"
    }

    mutating func diamond(_ cx: Double, _ cy: Double, _ r: Double, className: String) {
        let p = [(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)].map { "\(Self.number($0.0)),\(Self.number($0.1))" }
        body += "<polygon class=\"\(className)\" points=\"\(p.joined(separator: " "))\"/>"
    }

    mutating func path(_ points: [(Double, Double)], className: String) {
        guard let first = points.first else { return }
        var d = "M\(Self.number(first.0)),\(Self.number(first.1))"
        for p in points.dropFirst() { d += "L\(Self.number(p.0)),\(Self.number(p.1))" }
        body += "<path class=\"\(className)\" d=\"\(d)\"/>"
    }

    enum Anchor: String { case start, middle, end }

    /// One line of text with its baseline at `y`; returns its box for layout checks.
    @discardableResult
    mutating func text(_ string: String, x: Double, y: Double, size: Double, anchor: Anchor = .start, className: String = "") -> Rect {
        let width = TextMeasure.width(string, fontSize: size)
        let left = anchor == .start ? x : anchor == .middle ? x - width / 2 : x - width
        let anchorAttribute = anchor == .start ? "" : " text-anchor=\"\(anchor.rawValue)\""
        let classAttribute = className.isEmpty ? "" : " class=\"\(className)\""
        body += "<text\(classAttribute) font-size=\"\(Self.number(size))\" x=\"\(Self.number(x))\" y=\"\(Self.number(y))\"\(anchorAttribute)>\(Self.escape(string))</text>"
        return Rect(x: left, y: y - size * 0.88, width: width, height: size * 1.12)
    }
}
