import Foundation

/// Numbers as Chinese statistical publications print them (NBS bulletins, GB/T 15835-2011): no thousands
/// separators, 万 and 亿 chosen once for a whole axis and named with the unit, changes of a rate in 个百分点.
public enum ChineseNumbers {
    /// `value` with exactly `decimals` digits after the point, no grouping, never "-0".
    public static func plain(_ value: Double, decimals: Int = 0) -> String {
        guard value.isFinite else { return "—" }
        let d = max(0, min(decimals, 12))
        let factor = pow(10, Double(d))
        let scaled = (abs(value) * factor).rounded()
        guard scaled < 9e15 else { return String(format: "%.\(d)f", value) }
        let whole = Int64(scaled)
        let integer = whole / Int64(factor)
        let fraction = whole % Int64(factor)
        var text = String(integer)
        if d > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: d - digits.count) + digits
        }
        return (value < 0 && whole != 0 ? "-" : "") + text
    }

    /// The shortest plain form of `value` with at most `maxDecimals` decimals: 5.5, 272, 0.125.
    public static func compact(_ value: Double, maxDecimals: Int = 4) -> String {
        var text = plain(value, decimals: maxDecimals)
        if text.utf8.contains(0x2E) {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// A scale for all the numbers of one axis: divide by `divisor` and name the unit `unit`.
    public struct Scale: Sendable, Equatable {
        public var divisor: Double
        public var unit: String

        public init(divisor: Double, unit: String) {
            self.divisor = divisor
            self.unit = unit
        }
    }

    /// Chooses 万 or 亿 from the largest magnitude on an axis, so that its labels stay short. Rates (%) and
    /// units that already say 亿 are left as they are; 万 of a 万-unit becomes 亿 (1.2万万家 is 1.2亿家).
    public static func axisScale(largest: Double, unit: String) -> Scale {
        let magnitude = abs(largest)
        // Byte checks: `String.contains(String)` goes through Foundation, and this runs for every chart.
        if unit.utf8.contains(0x25) || unit.hasPrefix("亿") || unit.utf8.contains(0x2F) || !magnitude.isFinite { return Scale(divisor: 1, unit: unit) }
        if unit.hasPrefix("万") {
            return magnitude >= 1e4 ? Scale(divisor: 1e4, unit: "亿" + unit.dropFirst()) : Scale(divisor: 1, unit: unit)
        }
        if magnitude >= 1e8 { return Scale(divisor: 1e8, unit: "亿" + unit) }
        if magnitude >= 1e4 { return Scale(divisor: 1e4, unit: "万" + unit) }
        return Scale(divisor: 1, unit: unit)
    }

    /// The multiplier a unit's prefix stands for: 万家 → 10⁴, 亿元 → 10⁸, 家 → 1.
    public static func multiplier(of unit: String) -> (factor: Double, base: String) {
        if unit.hasPrefix("万亿") { return (1e12, String(unit.dropFirst(2))) }
        if unit.hasPrefix("亿") { return (1e8, String(unit.dropFirst())) }
        if unit.hasPrefix("万") { return (1e4, String(unit.dropFirst())) }
        return (1, unit)
    }

    /// A figure with its unit as a reader says it: 4.9%, 272个, 5.6万家.
    public static func withUnit(_ text: String, _ unit: String) -> String {
        text + unit
    }

    public static func isRate(_ unit: String) -> Bool { unit == "%" || unit == "％" }

    /// How a value moves from `from` to `to`, in words: 提高0.6个百分点 for rates, 增加48个 (增长17.6%)
    /// otherwise; a fall is 下降/减少, never 增长-0.4%.
    public static func change(from: Double, to: Double, unit: String, decimals: Int) -> String {
        let difference = to - from
        if difference == 0 { return "持平" }
        let amount = plain(abs(difference), decimals: decimals)
        if isRate(unit) {
            return (difference > 0 ? "提高" : "下降") + amount + "个百分点"
        }
        var words = (difference > 0 ? "增加" : "减少") + amount + unit
        if from > 0, to >= 0 {
            let percent = abs(difference) / from * 100
            words += "（" + (difference > 0 ? "增长" : "下降") + plain(percent, decimals: 1) + "%）"
        }
        return words
    }

    /// Decimals a figure was written with: "5.5" → 1, "272" → 0.
    public static func decimals(of text: String) -> Int {
        guard let dot = text.firstIndex(of: ".") else { return 0 }
        return text.distance(from: text.index(after: dot), to: text.endIndex)
    }
}
