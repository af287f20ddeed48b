import Model

/// Targets in words for readers.
extension Target {
    /// The qualifier for a table cell beside the figure: the comparator's word (以上), or the plan's words in full.
    func cell(unit: String) -> String? {
        words != nil ? phrase(value.text + self.unit(or: unit)) : comparator?.rawValue
    }

    /// Whether the figure is a plain number in the indicator's unit, fit for a column of that unit.
    var fitsUnitColumn: Bool { isLevel && bound != .range && unit == nil }

    /// The figure for a column in the indicator's unit: the number for a plain level; the ends of a range (3—6);
    /// the plan's words with their own unit for a growth rate, a change, a multiple or a statement (年均增长6%以上).
    func columnFigure(unit indicatorUnit: String) -> String {
        if fitsUnitColumn || measure == .rank { return value.text }
        if isLevel, bound == .range, unit == nil, let high { return value.text + "—" + high.text }
        return phrase(value.text + (unit ?? (isLevel ? "" : indicatorUnit)))
    }

    /// The target in a line of text: `2025年：6亿元` for a plain level, else the plan's words (`2025年：年均增长6%以上`).
    func mention(unit indicatorUnit: String) -> String {
        "\(year)年：" + (fitsUnitColumn ? value.text + indicatorUnit : phrase(value.text + self.unit(or: indicatorUnit)))
    }

    /// What the target's qualifier means, for the facts of an indicator page (`unit`: the indicator's).
    func meaning(unit: String) -> String {
        let target = self
        if target.high != nil, target.words == nil { return phrase(value.text + self.unit(or: unit)) + "（区间，含两端）" }
        if let comparator = target.comparator, target.words == nil { return Self.meaning(of: comparator) }
        guard target.words != nil else { return "原文未用限定词" }
        var meaning: [String] = []
        switch target.modality {
        case .strive: meaning.append("力争")
        case .seek: meaning.append("争取，语气弱于力争")
        case .ensure: meaning.append("确保")
        case .firm: break
        }
        switch target.bound {
        case .atLeast: meaning.append("不低于目标值")
        case .moreThan: meaning.append("高于目标值")
        case .about: meaning.append("约为目标值")
        case .atMost: meaning.append(target.measure == .rank ? "位次达到目标位次或更靠前" : "不高于目标值")
        case .reach: meaning.append("达到目标值")
        case .range: meaning.append("在区间之内，含两端")
        }
        if target.measure == .total { meaning.append("期内累计") }
        if target.measure == .multiple { meaning = ["基期数值的\(target.value.text)倍，基期已知时换算为目标值"] }
        if target.measure == .growth { meaning.append("按基期以来的年均增速判断") }
        if target.measure == .change { meaning.append("相对基期的变化，基期已知时换算为目标值") }
        if target.measure == .qualitative { return phrase("") + "（定性目标，由编辑依据报告判断）" }
        return phrase(value.text + self.unit(or: unit)) + "（" + meaning.joined(separator: "，") + "）"
    }

    private static func meaning(of comparator: Model.Comparator) -> String {
        switch comparator {
        case .reach: return "达（达到目标值）"
        case .atLeast: return "以上（不低于目标值）"
        case .exceed: return "超过（高于目标值）"
        case .breakThrough: return "突破（高于目标值）"
        case .about: return "左右（约为目标值）"
        case .strive: return "力争（争取达到目标值）"
        case .seek: return "争取（争取达到目标值，语气弱于力争）"
        case .raiseTo: return "提高到（达到目标值）"
        case .notBelow: return "不低于（至少为目标值）"
        case .cumulative: return "累计（期内累计达到目标值）"
        }
    }
}
