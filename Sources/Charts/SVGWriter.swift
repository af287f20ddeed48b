import Bytes

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

/// Writes SVG markup, as UTF-8 bytes (a site has tens of thousands of charts: no intermediate strings).
/// Coordinates are printed with at most one decimal, so output is stable and small. A class over a
/// `ByteBuffer`: a chart is hundreds of small appends.
final class SVGWriter {
    private let buffer = ByteBuffer()

    /// What was written.
    var bytes: [UInt8] { buffer.bytes }

    private func put(_ buffer: UnsafeBufferPointer<UInt8>) { self.buffer.append(buffer) }
    private func byte(_ value: UInt8) { buffer.append(byte: value) }
    private func put(_ text: StaticString) { buffer.append(text) }
    private func put(_ text: String) { buffer.append(text) }

    /// At most one decimal, no "-0", no exponent: 12, 12.5, -3.2.
    func number(_ value: Double) {
        guard value.isFinite, abs(value) < 1e12 else { byte(0x30); return }
        let tenths = Int((value * 10).rounded())
        if tenths == 0 { byte(0x30); return }
        let magnitude = tenths.magnitude, whole = magnitude / 10, tenth = magnitude % 10
        var length = 1, rest = whole / 10
        while rest > 0 { length += 1; rest /= 10 }
        let sign = tenths < 0 ? 1 : 0, total = sign + length + (tenth != 0 ? 2 : 0)
        buffer.appendInPlace(total) { out in
            if sign == 1 { out[0] = 0x2D }
            var v = whole, i = sign + length
            repeat {
                i -= 1
                out[i] = UInt8(48 + v % 10)
                v /= 10
            } while v > 0
            if tenth != 0 {
                out[sign + length] = 0x2E
                out[sign + length + 1] = UInt8(48 + tenth)
            }
        }
    }

    func escaped(_ text: String) {
        var text = text
        text.withUTF8 { buffer.appendEscaped($0, apostrophe: false) }
    }

    func raw(_ markup: String) { put(markup) }

    func append(_ other: SVGWriter) { buffer.append(other.buffer) }

    func rect(_ r: Rect, className: StaticString, extra: String = "") {
        put("<rect class=\""); put(className)
        put("\" x=\""); number(r.x); put("\" y=\""); number(r.y)
        put("\" width=\""); number(r.width); put("\" height=\""); number(r.height)
        put("\""); put(extra); put("/>")
    }

    func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, className: StaticString) {
        put("<line class=\""); put(className)
        put("\" x1=\""); number(x1); put("\" y1=\""); number(y1)
        put("\" x2=\""); number(x2); put("\" y2=\""); number(y2); put("\"/>")
    }

    func circle(_ cx: Double, _ cy: Double, _ r: Double, className: StaticString) {
        put("<circle class=\""); put(className)
        put("\" cx=\""); number(cx); put("\" cy=\""); number(cy); put("\" r=\""); number(r); put("\"/>")
    }

    func diamond(_ cx: Double, _ cy: Double, _ r: Double, className: StaticString) {
        put("<polygon class=\""); put(className); put("\" points=\"")
        for (index, p) in [(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)].enumerated() {
            if index > 0 { byte(0x20) }
            number(p.0); byte(0x2C); number(p.1)
        }
        put("\"/>")
    }

    func path(_ points: [(Double, Double)], className: StaticString) {
        guard let first = points.first else { return }
        put("<path class=\""); put(className); put("\" d=\"M")
        number(first.0); byte(0x2C); number(first.1)
        for p in points.dropFirst() { byte(0x4C); number(p.0); byte(0x2C); number(p.1) }
        put("\"/>")
    }

    enum Anchor: String { case start, middle, end }

    /// One line of text with its baseline at `y`; returns its box for layout checks.
    @discardableResult
    func text(_ string: String, x: Double, y: Double, size: Double, anchor: Anchor = .start, className: StaticString = "") -> Rect {
        let width = TextMeasure.width(string, fontSize: size)
        let left = anchor == .start ? x : anchor == .middle ? x - width / 2 : x - width
        put("<text")
        if className.utf8CodeUnitCount > 0 { put(" class=\""); put(className); put("\"") }
        put(" font-size=\""); number(size); put("\" x=\""); number(x); put("\" y=\""); number(y); put("\"")
        switch anchor {
        case .start: break
        case .middle: put(" text-anchor=\"middle\"")
        case .end: put(" text-anchor=\"end\"")
        }
        put(">"); escaped(string); put("</text>")
        return Rect(x: left, y: y - size * 0.88, width: width, height: size * 1.12)
    }
}
