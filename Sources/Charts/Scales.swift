/// A continuous scale from a domain of values to a range of positions, as d3-scale's `scaleLinear`.
public struct LinearScale: Sendable, Equatable {
    public var domain: (Double, Double)
    public var range: (Double, Double)

    public init(domain: (Double, Double), range: (Double, Double)) {
        self.domain = domain
        self.range = range
    }

    public static func == (a: LinearScale, b: LinearScale) -> Bool {
        a.domain == b.domain && a.range == b.range
    }

    /// The position of `value`; a degenerate domain maps everything to the middle of the range.
    public func callAsFunction(_ value: Double) -> Double {
        let (d0, d1) = domain, (r0, r1) = range
        guard d1 != d0, value.isFinite else { return (r0 + r1) / 2 }
        return r0 + (value - d0) / (d1 - d0) * (r1 - r0)
    }

    /// The domain extended to round values (d3's `scale.nice(count)`), keeping its direction.
    public func niced(count: Int = 10) -> LinearScale {
        let (d0, d1) = domain
        let reversed = d1 < d0
        let (lo, hi) = Ticks.nice(reversed ? d1 : d0, reversed ? d0 : d1, count: Double(count))
        return LinearScale(domain: reversed ? (hi, lo) : (lo, hi), range: range)
    }

    public func ticks(count: Int = 10) -> [Double] {
        Ticks.ticks(domain.0, domain.1, count: Double(count))
    }

    /// Ticks for whole things (years, counts of enterprises): steps of at least 1, never 2017.5.
    public func wholeTicks(count: Int = 10) -> [Double] {
        let ticks = self.ticks(count: count)
        if ticks.allSatisfy({ $0 == $0.rounded() }) { return ticks }
        let lo = min(domain.0, domain.1).rounded(.up), hi = max(domain.0, domain.1).rounded(.down)
        guard lo <= hi else { return [] }
        let step = max(1, Ticks.tickStep(lo, hi, count: Double(count)).rounded(.up))
        var result: [Double] = []
        var k = (lo / step).rounded(.up)
        while k * step <= hi {
            result.append(k * step)
            k += 1
        }
        return result
    }
}

/// Evenly spaced bands for categories, as d3-scale's `scaleBand`, with inner and outer padding.
public struct BandScale: Sendable, Equatable {
    public var count: Int
    public var range: (Double, Double)
    public var paddingInner: Double
    public var paddingOuter: Double

    public init(count: Int, range: (Double, Double), paddingInner: Double = 0.2, paddingOuter: Double = 0.1) {
        self.count = count
        self.range = range
        self.paddingInner = paddingInner
        self.paddingOuter = paddingOuter
    }

    public static func == (a: BandScale, b: BandScale) -> Bool {
        a.count == b.count && a.range == b.range && a.paddingInner == b.paddingInner && a.paddingOuter == b.paddingOuter
    }

    public var step: Double {
        let n = Double(max(count, 1))
        return (range.1 - range.0) / max(1, n - paddingInner + 2 * paddingOuter)
    }

    public var bandwidth: Double { step * (1 - paddingInner) }

    /// The start of band `index`.
    public func callAsFunction(_ index: Int) -> Double {
        range.0 + step * paddingOuter + step * Double(index)
    }
}
