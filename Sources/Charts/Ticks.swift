import Foundation

/// Nice axis ticks as d3-array 3.x computes them (`ticks`, `tickIncrement`, `tickStep`, `nice`).
///
/// Ticks are computed as integers times (or divided by) a power-of-ten step, never by repeated addition, so
/// `ticks(0.98, 1.14, 10)` gives 1.02, not 1.0200000000000002.
public enum Ticks {
    private static let e10 = 50.0.squareRoot(), e5 = 10.0.squareRoot(), e2 = 2.0.squareRoot()

    /// JavaScript's Math.round: halves go up, towards +∞.
    private static func jsRound(_ x: Double) -> Double { (x + 0.5).rounded(.down) }

    private static func spec(_ start: Double, _ stop: Double, _ count: Double) -> (i1: Double, i2: Double, inc: Double) {
        let step = (stop - start) / max(0, count)
        let power = log10(step).rounded(.down)
        let error = step / pow(10, power)
        let factor: Double = error >= e10 ? 10 : error >= e5 ? 5 : error >= e2 ? 2 : 1
        var i1: Double, i2: Double, inc: Double
        if power < 0 {
            inc = pow(10, -power) / factor
            i1 = jsRound(start * inc)
            i2 = jsRound(stop * inc)
            if i1 / inc < start { i1 += 1 }
            if i2 / inc > stop { i2 -= 1 }
            inc = -inc
        } else {
            inc = pow(10, power) * factor
            i1 = jsRound(start / inc)
            i2 = jsRound(stop / inc)
            if i1 * inc < start { i1 += 1 }
            if i2 * inc > stop { i2 -= 1 }
        }
        if i2 < i1, count >= 0.5, count < 2 { return spec(start, stop, count * 2) }
        return (i1, i2, inc)
    }

    /// About `count + 1` round values between `start` and `stop` inclusive (reversed when stop < start).
    public static func ticks(_ start: Double, _ stop: Double, count: Double) -> [Double] {
        guard count > 0, start.isFinite, stop.isFinite, count.isFinite else { return [] }
        if start == stop { return [start] }
        let reverse = stop < start
        let (i1, i2, inc) = reverse ? spec(stop, start, count) : spec(start, stop, count)
        guard i2 >= i1, inc.isFinite, inc != 0 else { return [] }
        let n = Int(i2 - i1) + 1
        var ticks: [Double] = []
        ticks.reserveCapacity(n)
        for i in 0..<n {
            let k = reverse ? i2 - Double(i) : i1 + Double(i)
            let value = inc < 0 ? k / -inc : k * inc
            ticks.append(value == 0 ? 0 : value)  // never −0
        }
        return ticks
    }

    /// The step between ticks as d3 encodes it: positive is the step, negative is the inverse of the step.
    public static func tickIncrement(_ start: Double, _ stop: Double, count: Double) -> Double {
        spec(start, stop, count).inc
    }

    /// The step between ticks, negative when stop < start.
    public static func tickStep(_ start: Double, _ stop: Double, count: Double) -> Double {
        let reverse = stop < start
        let inc = reverse ? tickIncrement(stop, start, count: count) : tickIncrement(start, stop, count: count)
        return (reverse ? -1 : 1) * (inc < 0 ? 1 / -inc : inc)
    }

    /// Extends [start, stop] outwards to round values that ticks fall on.
    public static func nice(_ start: Double, _ stop: Double, count: Double) -> (Double, Double) {
        var start = start, stop = stop
        var previous: Double?
        for _ in 0..<10 {
            let step = tickIncrement(start, stop, count: count)
            if step == previous || step == 0 || !step.isFinite || step.isNaN { break }
            if step > 0 {
                start = (start / step).rounded(.down) * step
                stop = (stop / step).rounded(.up) * step
            } else {
                start = (start * step).rounded(.up) / step
                stop = (stop * step).rounded(.down) / step
            }
            previous = step
        }
        return (start, stop)
    }

    /// Decimals needed to print ticks `step` apart: 0.25 → 2, 5 → 0.
    public static func decimals(forStep step: Double) -> Int {
        guard step.isFinite, step != 0 else { return 0 }
        var decimals = max(0, -Int(log10(abs(step)).rounded(.down)))
        // Steps such as 0.25 or 2.5 need one digit more than their power of ten.
        while decimals < 12, abs((abs(step) * pow(10, Double(decimals))).rounded() - abs(step) * pow(10, Double(decimals))) > 1e-9 { decimals += 1 }
        return decimals
    }
}
