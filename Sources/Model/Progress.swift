/// How far a target has come, in the words of Chinese plan reviews. The method is `docs/progress-method.md`,
/// published on the site's method page; this file is its only implementation, and CI recomputes every status of
/// the built site from the JSON download with an independent one.
public enum ProgressStatus: String, Sendable, CaseIterable, Comparable {
    case achieved
    case achievedEarly = "achieved-early"
    case ahead
    case onTrack = "on-track"
    case lagging
    case missed
    case noData = "no-data"

    /// The status as plan reviews word it.
    public var label: String {
        switch self {
        case .achieved: return "已实现"
        case .achievedEarly: return "提前实现"
        case .ahead: return "快于预期"
        case .onTrack: return "基本符合预期"
        case .lagging: return "滞后"
        case .missed: return "未实现"
        case .noData: return "暂无数据"
        }
    }

    /// A shape that goes with the word, so that no status is told by colour alone.
    public var mark: String {
        switch self {
        case .achieved: return "✔"
        case .achievedEarly: return "★"
        case .ahead: return "▲"
        case .onTrack: return "●"
        case .lagging: return "▼"
        case .missed: return "✖"
        case .noData: return "○"
        }
    }

    /// The status named by its key (`on-track`) or its word (基本符合预期), as an office writes it by hand.
    public init?(named name: String) {
        if let status = ProgressStatus(rawValue: name) { self = status; return }
        guard let status = ProgressStatus.allCases.first(where: { $0.label == name }) else { return nil }
        self = status
    }

    /// In the order overviews list them: best first, no data last.
    public static func < (a: ProgressStatus, b: ProgressStatus) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// What a target's number measures, as far as the method needs to know.
public enum TargetKind: String, Sendable, CaseIterable {
    /// A level to reach by the target year.
    case level
    /// A figure for every year (家/年): judged year by year, with no path from a base.
    case annualRate = "annual-rate"
    /// A total over the period (累计), counted from 0 in the year before the period.
    case cumulative
}

/// The Open SDG bands of the growth ratio.
public enum GrowthBand: String, Sendable, CaseIterable {
    case substantial, moderate, limited, deterioration

    public var label: String {
        switch self {
        case .substantial: return "进展显著"
        case .moderate: return "需加快"
        case .limited: return "进展有限"
        case .deterioration: return "退步"
        }
    }

    public init(ratio: Double) {
        self = ratio >= 0.95 ? .substantial : ratio >= 0.6 ? .moderate : ratio >= 0 ? .limited : .deterioration
    }
}

/// A year and its figure.
public struct DataPoint: Sendable, Equatable {
    public var year: Int
    public var value: Figure

    public init(year: Int, value: Figure) {
        self.year = year
        self.value = value
    }
}

/// The judgement of one indicator, with every number it was made from.
public struct Assessment: Sendable, Equatable {
    public enum Method: String, Sendable {
        case timeElapsed = "time-elapsed", annualRate = "annual-rate", growthRate = "growth-rate", manual, none
    }

    public var status: ProgressStatus
    public var method: Method
    /// One sentence on why, for the page and the download.
    public var reason: String
    public var base: DataPoint?
    /// Where the base figure comes from when a source reported it (the plan gives the year only).
    public var baseSource: DataSource?
    public var latest: DataPoint?
    /// The target judged.
    public var target: Target?
    /// `E`, as a fraction.
    public var timeElapsed: Double?
    /// `P`, as a fraction: 0 at the base, 1 at the target.
    public var distanceCovered: Double?
    public var growthRatio: Double?

    public var growthBand: GrowthBand? { growthRatio.map(GrowthBand.init(ratio:)) }
}

public enum ProgressMethod {
    /// Distance covered within this many points of the way of time elapsed is 基本符合预期; further ahead is 快于预期.
    public static let band = 0.10
    /// A 左右 (about) target within this share of its value counts as met.
    public static let about = 0.05

    public static func kind(of indicator: Indicator) -> TargetKind {
        if indicator.unit.hasSuffix("/年") { return .annualRate }
        if indicator.targets.contains(where: { $0.measure == .total }) { return .cumulative }
        return .level
    }

    /// Whether `value` meets `target`, read with the plan's qualifier: 超过 and 突破 are strict, 左右 allows 5 %, 以内 is a
    /// ceiling whatever the direction, and a rank is better the smaller it is.
    public static func meets(_ value: Double, _ target: Target, direction: Direction) -> Bool {
        let d: Double = target.measure == .rank || target.bound == .atMost ? -1 : direction == .increase ? 1 : -1
        let gap = d * (value - target.value.value)
        switch target.bound {
        case .range:
            // In the range, or beyond it in the indicator's direction (16家 meets 10—15家; 2个月 meets 缩短至3—6个月).
            let high = target.high?.value ?? target.value.value
            return direction == .increase ? value >= min(target.value.value, high) - 1e-12 : value <= max(target.value.value, high) + 1e-12
        case .moreThan: return gap > 0
        case .about: return gap >= -about * abs(target.value.value) - 1e-12
        case .reach, .atLeast, .atMost: return gap >= -1e-12
        }
    }

    /// The base the status is measured from: the plan's base value; else the figure reported for the plan's base
    /// year; else, when the plan gives no base, the figure for the year before its period. 0 for 累计 targets.
    public static func base(of indicator: Indicator, period: Period) -> (point: DataPoint, source: DataSource?)? {
        if kind(of: indicator) == .cumulative {
            return (DataPoint(year: indicator.baseline?.year ?? period.start - 1, value: Figure(0)), nil)
        }
        if let baseline = indicator.baseline {
            if let value = baseline.value { return (DataPoint(year: baseline.year, value: value), nil) }
            if let report = indicator.reported.first(where: { $0.year == baseline.year }) {
                return (DataPoint(year: report.year, value: report.value), report.source)
            }
            return nil
        }
        if let report = indicator.reported.first(where: { $0.year == period.start - 1 }) {
            return (DataPoint(year: report.year, value: report.value), report.source)
        }
        return nil
    }

    /// Judges `indicator` of a plan over `period` as of the bulletin year `asOf` (nil: no year has passed).
    public static func assess(_ indicator: Indicator, period: Period, asOf: Int?) -> Assessment {
        let found = base(of: indicator, period: period)
        let base = found?.point
        let horizon = asOf ?? Int.max
        let baseYear = base?.year ?? indicator.baseline?.year ?? period.start - 1
        let latest = indicator.reported.last { $0.year > baseYear && $0.year <= horizon }.map { DataPoint(year: $0.year, value: $0.value) }
        let chosen: Target? = {
            // The figures are in the indicator's measure: a rank set beside a level (全市前3 beside 209人年) is not judged on them.
            let targets = indicator.isRank ? indicator.targets : indicator.targets.filter { $0.measure != .rank }
            if let latest { return targets.first { $0.year >= latest.year } ?? targets.last }
            if let asOf { return targets.first { $0.year >= asOf } ?? targets.last }
            return targets.first
        }()
        // A multiple of the base (双倍增) or a change from it is judged as the level it sets, once the base is known; a
        // range's path runs to its near end (the low end of 10—15家, the high end of 缩短至3—6个月).
        let target = chosen.flatMap { $0.resolved(base: base?.value) }
        var result = Assessment(status: .noData, method: .none, reason: "", base: base, baseSource: found?.source, latest: latest, target: target ?? chosen)
        if let manual = indicator.manualProgress {
            result.status = manual.status
            result.method = .manual
            result.reason = manual.reason
            return result
        }
        guard let target else {
            result.reason = chosen == nil ? "未设定目标值。"
                : chosen?.measure == .multiple ? "倍数目标：尚无基期数值，无法换算为目标值。" : "相对基期的变化目标：尚无基期数值，无法换算为目标值。"
            return result
        }
        if target.measure == .qualitative {
            result.reason = "定性目标：由编辑依据报告判断（在指标中写明 progress 的状态和理由）。"
            return result
        }
        let direction = indicator.direction
        if target.measure == .growth { return judgeGrowth(result, base: base, latest: latest, target: target) }
        guard let latest else {
            if let base, meets(base.value.value, target, direction: direction) {
                result.status = .achieved
                result.reason = "基期已达到目标，尚无此后的报告数值。"
            } else if let asOf, target.year <= asOf {
                result.reason = "目标年份已过，尚无终期数据。"
            } else {
                result.reason = base == nil ? "尚无基期和报告数值。" : "基期之后尚无报告数值。"
            }
            return result
        }
        let met = meets(latest.value.value, target, direction: direction)
        if kind(of: indicator) == .annualRate {
            result.method = .annualRate
            if met {
                result.status = latest.year >= target.year ? .achieved : .onTrack
                result.reason = "\(latest.year)年数值达到每年目标。"
            } else {
                result.status = latest.year >= target.year ? .missed : .lagging
                result.reason = "\(latest.year)年数值未达到每年目标。"
            }
            return result
        }
        result.method = .timeElapsed
        if let base { result.growthRatio = growthRatio(base: base, latest: latest, target: target) }
        if met {
            result.status = latest.year >= target.year ? .achieved : .achievedEarly
            result.reason = latest.year >= target.year ? "\(latest.year)年数值达到\(target.year)年目标。"
                : "\(latest.year)年数值已达到\(target.year)年目标，早于目标年份。"
            if let base { fill(&result, base: base, latest: latest, target: target, direction: direction) }
            return result
        }
        if latest.year >= target.year {
            result.status = .missed
            result.reason = "\(latest.year)年数值未达到\(target.year)年目标。"
            if let base { fill(&result, base: base, latest: latest, target: target, direction: direction) }
            return result
        }
        guard let base else {
            result.method = .none
            result.reason = "缺少基期数值，无法计算进度。"
            return result
        }
        // The base was at the target already (or beyond it): there is no way to cover, and the figure has fallen back.
        if (direction == .increase ? 1.0 : -1.0) * (base.value.value - goal(target, direction)) >= 0 {
            result.status = .lagging
            result.reason = "基期已达到目标，\(latest.year)年数值回落到目标以下。"
            return result
        }
        fill(&result, base: base, latest: latest, target: target, direction: direction)
        guard let covered = result.distanceCovered, let elapsed = result.timeElapsed else { return result }
        let lead = covered - elapsed
        result.status = lead >= band - 1e-12 ? .ahead : lead >= -band - 1e-12 ? .onTrack : .lagging
        result.reason = "完成进度\(Int((covered * 100).rounded()))%，时间进度\(Int((elapsed * 100).rounded()))%。"
        return result
    }

    /// A yearly growth target (年均增长8%以上) judged on the growth from the base to the latest figure:
    /// `(x_t / x_0)^(1 / (t − t_0)) − 1`, in per cent, against the target with its qualifier.
    private static func judgeGrowth(_ start: Assessment, base: DataPoint?, latest: DataPoint?, target: Target) -> Assessment {
        var result = start
        guard let latest else {
            result.reason = "基期之后尚无报告数值，无法计算年均增速。"
            return result
        }
        guard let base, base.value.value > 0, latest.value.value > 0, latest.year > base.year else {
            result.reason = "缺少基期数值，无法计算年均增速。"
            return result
        }
        result.method = .growthRate
        let rate = (pow(latest.value.value / base.value.value, 1 / Double(latest.year - base.year)) - 1) * 100
        let met = meets(rate, target, direction: .increase)
        let final = latest.year >= target.year
        result.status = met ? (final ? .achieved : .onTrack) : (final ? .missed : .lagging)
        let shown = Figure.plainText((rate * 10).rounded() / 10)
        result.reason = "\(base.year)—\(latest.year)年年均增长\(shown)%，目标为" + target.phrase(target.value.text + (target.unit ?? "%")) + "。"
        return result
    }

    /// Every target of the indicator judged on its own: the target alone, with the figures up to its year (or up to
    /// the bulletin year, if that is earlier). A 2025 target is judged on the 2025 figure even when 2026 is reported;
    /// the indicator's own status (`assess`) is the one of the target in force.
    public static func assessEachTarget(_ indicator: Indicator, period: Period, asOf: Int?) -> [Assessment] {
        indicator.targets.map { target in
            if target.measure == .rank, !indicator.isRank {
                return Assessment(status: .noData, method: .none, reason: "位次目标：报告的数值不是位次，尚无位次数据。", target: target)
            }
            var alone = indicator
            alone.targets = [target]
            return assess(alone, period: period, asOf: min(asOf ?? target.year, target.year))
        }
    }

    /// `E` and `P` of the method.
    /// The figure a path runs to: the target's value, or for a range the end nearer the base.
    static func goal(_ target: Target, _ direction: Direction) -> Double {
        target.bound == .range && direction == .decrease ? (target.high?.value ?? target.value.value) : target.value.value
    }

    private static func fill(_ result: inout Assessment, base: DataPoint, latest: DataPoint, target: Target, direction: Direction) {
        let span = goal(target, direction) - base.value.value
        guard span != 0 else { return }
        let d: Double = direction == .increase ? 1 : -1
        result.timeElapsed = target.year > base.year ? Double(latest.year - base.year) / Double(target.year - base.year) : 1
        result.distanceCovered = d * (latest.value.value - base.value.value) / abs(span)
    }

    /// `R = CAGR_a / CAGR_r`; nil where it is undefined: a zero or negative figure, no time, no change asked.
    public static func growthRatio(base: DataPoint, latest: DataPoint, target: Target) -> Double? {
        let x0 = base.value.value, xt = latest.value.value, goal = target.value.value
        guard x0 > 0, xt > 0, goal > 0, goal != x0, latest.year > base.year, target.year > base.year else { return nil }
        let actual = pow(xt / x0, 1 / Double(latest.year - base.year)) - 1
        let required = pow(goal / x0, 1 / Double(target.year - base.year)) - 1
        guard required != 0 else { return nil }
        return actual / required
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
