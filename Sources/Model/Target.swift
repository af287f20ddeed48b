/// How a target's figure bounds the result.
public enum Bound: String, Sendable, CaseIterable {
    /// 达, 达到, 提高到: reach it (or go beyond it, in the indicator's direction).
    case reach
    /// 以上, 不低于: at least.
    case atLeast = "at-least"
    /// 超过, 突破: more than, strictly.
    case moreThan = "more-than"
    /// 左右: about (within `ProgressMethod.about` of it).
    case about
    /// 以内, 以下, 不超过, 控制在: at most, a ceiling.
    case atMost = "at-most"
    /// 3—6个月, 10—15家: from the value to `high`, both included.
    case range
}

/// How firmly the plan commits to a target.
public enum Modality: String, Sendable, CaseIterable {
    /// A plain target.
    case firm
    /// 力争: strive for.
    case strive
    /// 争取: seek, a softer word than 力争.
    case seek
    /// 确保: ensure, a pledge.
    case ensure
}

/// What a target's figure measures.
public enum Measure: String, Sendable, CaseIterable {
    /// A level to reach by the target year.
    case level
    /// A figure for every year (家/年).
    case annualRate = "annual-rate"
    /// A total over the plan's period (累计).
    case total
    /// A place in a ranking (全省前40位): smaller is better, never drawn as a bar from 0.
    case rank
    /// A multiple of the base (翻一番, 双倍增: the value is 2): a level once the base is known.
    case multiple
    /// A yearly growth rate of the level (年均增长8%): judged on the growth rate from the base, never drawn on the
    /// level's axis.
    case growth
    /// A change from the base (比2020年下降13.5%, 提高2个百分点): in per cent of the base when the target's unit is
    /// `%`, else in the unit (个百分点 of a share); a level once the base is known.
    case change
    /// A statement with no figure (保持在合理区间): judged by hand (`progress:`), never drawn.
    case qualitative
}

/// A target the plan sets for a year, in the plan's words.
public struct Target: Sendable, Equatable {
    public var year: Int
    public var value: Figure
    /// The single qualifier older files give (`comparator: 以上`); nil when the target gives its words.
    public var comparator: Comparator?
    /// The plan's own words around the figure, `…` standing for the figure with its unit: `力争达到…以上`,
    /// `跃居全省前…`. Nil prints the figure and its unit with the comparator's word, if any.
    public var words: String?
    /// The target's own unit when it differs from the indicator's (a rank, 位, beside a count): nil for the indicator's.
    public var unit: String?
    public var bound: Bound
    public var modality: Modality
    public var measure: Measure
    /// The top of a range (10—15家: 15); nil for any other bound.
    public var high: Figure?
    /// The plan's own words for this figure; nil only for rows of a table the plan prints as such.
    public var quote: String?

    /// Whether the figure is a level in the indicator's unit, which a chart can draw and reported figures meet
    /// as they are (a multiple or a change is one only once resolved against the base).
    public var isLevel: Bool { measure == .level || measure == .total || measure == .annualRate }

    /// A change that lowers the level (下降, 降低, 减少, 缩短, 压减).
    public var isDecrease: Bool {
        let before = wordsAround.before
        return ["下降", "降低", "减少", "缩短", "压减", "压缩"].contains(where: before.contains)
    }

    /// A target from a comparator (or none): its bound, modality and measure follow from the word.
    public init(year: Int, value: Figure, comparator: Comparator? = nil, quote: String?) {
        self.init(year: year, value: value, comparator: comparator, words: nil, unit: nil, quote: quote)
    }

    /// A target in the plan's words: the bound, modality and measure are read from them (力争, 以上, 前…), unless given.
    public init(year: Int, value: Figure, comparator: Comparator? = nil, words: String?, unit: String? = nil,
                bound: Bound? = nil, modality: Modality? = nil, measure: Measure? = nil, high: Figure? = nil, quote: String?) {
        self.year = year
        self.value = value
        self.comparator = comparator
        self.words = words
        self.unit = unit
        let read = Qualifiers(words: words ?? comparator.map { $0.phrase(Qualifiers.figure) } ?? Qualifiers.figure, unit: unit)
        self.bound = bound ?? (high != nil ? .range : read.bound)
        self.modality = modality ?? read.modality
        self.measure = measure ?? read.measure
        self.high = high
        self.quote = quote
    }

    /// The figure in the plan's words: `力争达到3.4%以上`, `超过1.28万家`, `跃居全省前40位`; `figure` is the figure with
    /// its unit as the caller writes it.
    public func phrase(_ figure: String) -> String {
        // A multiple's words hold its figure as the plan writes it (双倍增, 翻一番): they are printed as they are.
        if let words, measure == .multiple || measure == .qualitative, !words.contains(Qualifiers.figure) { return words }
        // A range shows both ends with the unit once: 10—15家.
        let figure = high.map { figure.replacingFirst(value.text, with: value.text + "—" + $0.text) } ?? figure
        // 余 stands inside the unit, after its 万 or 亿: `…余` with 3 and 万名 is 3万余名, with 40 and 个 40余个.
        if let words, words.contains(Qualifiers.figure + "余"), figure.hasPrefix(value.text) {
            let unit = figure.dropFirst(value.text.count)
            let magnitude = unit.first.map { "万亿千百".contains($0) } == true ? String(unit.prefix(1)) : ""
            return words.replacingFirst(Qualifiers.figure + "余", with: value.text + magnitude + "余" + unit.dropFirst(magnitude.count))
        }
        if let words { return words.replacingFirst(Qualifiers.figure, with: figure) }
        return comparator?.phrase(figure) ?? figure
    }

    /// The qualifiers alone, for a table cell beside other figures: the plan's words without their verbs and scope
    /// (`力争达到…以上` → `力争`, `以上`; `跃居全省前…` → `前`; `累计建成…左右` → `左右` for a level). A target given by a
    /// comparator keeps its word where it stands.
    public var qualifiers: (before: String, after: String) {
        guard words != nil else {
            guard let comparator else { return ("", "") }
            return comparator.followsFigure ? ("", comparator.rawValue) : (comparator.rawValue, "")
        }
        let (before, after) = wordsAround
        var front = ""
        for word in ["力争", "争取", "确保"] where before.contains(word) { front += word; break }
        if measure == .total, before.contains("累计") { front += "累计" }
        for word in ["不低于", "不超过", "不高于", "控制在", "超过", "突破", "高于", "低于", "超", "约", "前"] where before.hasSuffix(word) {
            front += word
            break
        }
        let back = ["以上", "以下", "以内", "左右", "余"].first(where: after.hasPrefix) ?? ""
        return (front, back)
    }

    /// The figure with its qualifiers alone: `力争3.4以上`, `前40`.
    public func shortPhrase(_ figure: String) -> String {
        let (before, after) = qualifiers
        return before + figure + after
    }

    /// The words before and after the figure (`力争达到`, `以上`).
    private var wordsAround: (before: String, after: String) {
        let pattern = words ?? comparator.map { $0.phrase(Qualifiers.figure) } ?? Qualifiers.figure
        guard let range = pattern.range(of: Qualifiers.figure) else { return (pattern, "") }
        return (String(pattern[..<range.lowerBound]), String(pattern[range.upperBound...]))
    }

    /// A multiple of the base, or a change from it, as the level it sets: `base` times the multiple, or the base
    /// moved by the change (in per cent of it when the target's unit is `%`), with a level's bound (at least, or at
    /// most for a fall). Any other target is itself.
    public func resolved(base: Figure?) -> Target? {
        guard measure == .multiple || measure == .change else { return self }
        guard let base else { return nil }
        var level = self
        let sign: Double = isDecrease ? -1 : 1
        let x = measure == .multiple ? base.value * value.value
            : unit == "%" ? base.value * (1 + sign * value.value / 100) : base.value + sign * value.value
        level.value = Figure(x, text: Figure.plainText((x * 1e8).rounded() / 1e8))
        level.unit = nil
        level.measure = .level
        if measure == .change {
            // 比2020年下降13.5%（即…以下）: the plan's words, then the level they set.
            level.words = (words?.replacingFirst(Qualifiers.figure, with: value.text + (unit ?? "")) ?? "") + "（即\(Qualifiers.figure)\(isDecrease ? "以下" : "以上")）"
            level.comparator = nil
            level.bound = isDecrease ? .atMost : .atLeast
            return level
        }
        // The plan's words, then the level they set: 在2022年的基础上实现“双倍增”（即…）.
        // (Words with a `…` for the multiple, 实现…倍增, get the multiple there first.)
        level.words = (words?.replacingFirst(Qualifiers.figure, with: value.text) ?? "") + "（即\(Qualifiers.figure)）"
        level.comparator = nil
        if level.bound == .reach { level.bound = .atLeast }
        return level
    }

    /// The unit the figure is in: the target's own, or `indicatorUnit`.
    public func unit(or indicatorUnit: String) -> String { unit ?? indicatorUnit }
}

/// What a target's words say about it: the qualifiers a plan puts around a figure, found in the words before and
/// after it.
public struct Qualifiers: Sendable, Equatable {
    /// Where the figure stands in a target's words.
    public static let figure = "…"

    public var bound: Bound = .reach
    public var modality: Modality = .firm
    public var measure: Measure = .level

    public init(words: String, unit: String? = nil) {
        // Most targets are the figure alone or one comparator word: nothing to look for (the checks below are many
        // substring searches, and there is a target for every indicator-year).
        if words == Self.figure {
            if unit?.hasSuffix("/年") == true { measure = .annualRate }
            return
        }
        let parts = words.components(separatedBy: Self.figure)
        let before = parts.first ?? "", after = parts.count > 1 ? parts[1] : ""
        if before.contains("力争") { modality = .strive } else if before.contains("争取") { modality = .seek }
        else if before.contains("确保") { modality = .ensure }
        if ["以上", "不低于"].contains(where: after.hasPrefix) || before.hasSuffix("不低于") { bound = .atLeast }
        else if ["超过", "突破", "高于", "超"].contains(where: before.hasSuffix) || after.hasPrefix("余") { bound = .moreThan }
        else if after.hasPrefix("左右") || before.hasSuffix("约") { bound = .about }
        else if ["以内", "以下"].contains(where: after.hasPrefix) || ["不超过", "不高于", "控制在", "低于"].contains(where: before.hasSuffix) {
            bound = .atMost
        }
        // 前40位, 第3位: a place. A unit alone does not make one (100位专家, 100名技术经纪人 are counts).
        if before.hasSuffix("前") || before.hasSuffix("第") { measure = .rank }
        else if ["年均增长", "年均增速", "年均增幅", "年均增加", "年平均增长"].contains(where: before.contains) { measure = .growth }
        // 比2020年下降…, 提高…个百分点: a change from the base (提高到… is a level).
        else if ["下降", "降低", "减少", "缩短", "压减", "压缩", "提高", "增加", "增长", "上升", "提升"].contains(where: before.hasSuffix) { measure = .change }
        // A statement with no figure says so (`measure: qualitative`): words without a `…` are otherwise a slip.
        else if before.contains("累计") { measure = .total }
        else if ["倍增", "翻一番", "翻两番", "翻番"].contains(where: words.contains) { measure = .multiple }
        else if unit?.hasSuffix("/年") == true { measure = .annualRate }
        // A rank is better the smaller it is: 前40位 is a ceiling on the place.
        if measure == .rank, bound == .reach { bound = .atMost }
    }
}

extension String {
    fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
