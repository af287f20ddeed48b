import Foundation

/// A number with a unit in the plan's goals or tasks, proposed as an indicator target for the editor to review.
struct Candidate {
    var name: String
    var value: String
    var unit: String
    var year: Int
    /// `comparator:` when one word says it, else `words:` with `…` for the figure; nil for none.
    var comparator: String?
    var words: String?
    var measure: String?
    var quote: String?
    var sectionID: String
    var line: Int
    var note: String?
    var table: String = "draft"
    var attribute: String?
    var baseline: (year: Int, value: String?)?
    /// The top of a range (10-15家).
    var high: String? = nil

    init(name: String, value: String, unit: String, year: Int, comparator: String?, words: String?, measure: String?, quote: String?,
         sectionID: String, line: Int, note: String?, table: String = "draft", high: String? = nil) {
        self.name = name; self.value = value; self.unit = unit; self.year = year; self.comparator = comparator; self.words = words
        self.measure = measure; self.quote = quote; self.sectionID = sectionID; self.line = line; self.note = note; self.table = table
        self.high = high
    }
}

/// Finds the figures of a text: value, unit, the words around it (力争…以上), the year that governs it (到2025年),
/// and the clause it stands in, which becomes its quote.
struct FigureFinder {
    static let units = ["个百分点", "万平方米", "平方公里", "平方米", "㎡", "亿人次", "万人次", "人次", "人年", "个月", "小时", "公里", "公顷",
                        "元", "人", "名", "位", "家", "个", "件", "项", "所", "座", "条", "台", "套", "种", "只", "次", "批", "支", "户", "篇", "部",
                        "场", "倍", "天", "吨", "亩", "辆", "%", "‰"]
    let figure: Pattern
    let multiple = Pattern(#"(双倍增|翻一番|翻两番|倍增)"#)
    let targetYear = Pattern(#"(?:到|至)(20\d{2})年"#)
    let base = Pattern(#"在(20\d{2})年的?基础上"#)

    init() {
        let unitAlternation = Self.units.map { NSRegularExpression.escapedPattern(for: $0) }.joined(separator: "|")
        figure = Pattern(#"(?<![\d.A-Za-z第])(\d+(?:\.\d+)?)(?:[-—~～至](\d+(?:\.\d+)?))?([万亿千])?(余)?("# + unitAlternation + #")?(/年)?"#)
    }

    static let boundaries: Set<Character> = ["，", "。", "；", "！", "？", "：", "（", "）"]
    static let morePrefix = ["超过", "突破", "高于", "超"]
    static let reachPrefix = ["提高到", "提高至", "提升到", "提升至", "增加到", "增至", "达到", "达"]
    static let otherPrefix = ["不低于", "不超过", "控制在", "约", "前"]
    /// A yearly growth rate or a change from the base (年均增长8%, 比2020年下降13.5%, 提高2个百分点).
    static let changePrefix = ["年均增长", "年均增速", "下降", "降低", "减少", "缩短", "压减", "提高", "增加", "增长", "上升", "提升"]
    static let suffixes = ["及以上", "以上", "左右", "以内", "以下"]
    static let modalities = ["力争", "争取", "确保"]

    /// The candidates of one paragraph. `defaultYear` is the year carried from an earlier paragraph, or the plan's last.
    func candidates(in text: String, section: String, line: Int, defaultYear: Int) -> [Candidate] {
        let chars = Array(text)
        var out: [Candidate] = []
        var offsets: [Int] = []
        let years = targetYear.all(in: text).map { (text.distance(from: text.startIndex, to: $0.range.lowerBound), Int($0[1]!)!) }
        func year(at offset: Int) -> Int { years.last(where: { $0.0 < offset })?.1 ?? defaultYear }
        // A bracket is a clause boundary unless it only holds a name or an abbreviation: （R&D）, （GDP）, （含潜在）.
        func plain(_ from: Int, _ to: Int) -> Bool {
            from < to && !chars[from..<to].contains { Self.boundaries.contains($0) }
        }
        func clause(around start: Int, _ end: Int) -> (Int, Int) {
            var a = start, b = end
            while a > 0 {
                let c = chars[a - 1]
                if c == "）", let open = chars[..<(a - 1)].lastIndex(of: "（"), plain(open + 1, a - 1) { a = open; continue }
                if Self.boundaries.contains(c) { break }
                a -= 1
            }
            while b < chars.count {
                let c = chars[b]
                if c == "（", let close = chars[(b + 1)...].firstIndex(of: "）"), plain(b + 1, close) { b = close + 1; continue }
                if Self.boundaries.contains(c) { break }
                b += 1
            }
            return (a, b)
        }
        for m in figure.all(in: text) {
            let start = text.distance(from: text.startIndex, to: m.range.lowerBound)
            let end = text.distance(from: text.startIndex, to: m.range.upperBound)
            let value = m[1]!
            var unit = (m[5] ?? "").replacingOccurrences(of: "㎡", with: "平方米")
            let magnitude = m[3] ?? ""
            var (a, b) = clause(around: start, end)
            // 高新技术企业突破1万家、科技型企业超过6.7万家: a 、 between items that each name a figure ends the quote
            // (分别超过7110家、46560家 is one item: the second figure has no name of its own).
            let isDigit = { (c: Character) in c.isASCII && c.isNumber }
            let statesFigure = { (from: Int, to: Int) in figure.all(in: String(chars[from..<to])).contains { $0[5] != nil } }
            if let sep = chars[a..<start].lastIndex(of: "、"), statesFigure(a, sep),
               chars[(sep + 1)..<start].filter({ TextCleanup.isHan($0.unicodeScalars.first!) }).count >= 2 { a = sep + 1 }
            if let sep = chars[end..<b].firstIndex(of: "、"), statesFigure(sep + 1, b),
               chars[(sep + 1)..<b].prefix(while: { !isDigit($0) }).filter({ TextCleanup.isHan($0.unicodeScalars.first!) }).count >= 2 { b = sep }
            let before = String(chars[a..<start])
            if unit.isEmpty {
                if !magnitude.isEmpty, end < chars.count, TextCleanup.isHan(chars[end].unicodeScalars.first!) { unit = "" }
                else if before.hasSuffix("前"), magnitude.isEmpty { unit = "" }
                else { continue }
                if magnitude.isEmpty && !before.hasSuffix("前") { continue }
            }
            unit = magnitude + unit
            let sentenceStart = chars[..<start].lastIndex(where: { $0 == "。" || $0 == "；" }).map { $0 + 1 } ?? 0
            if unit == "所", value.count >= 3 { continue }  // 中船集团701所: an institute's name, not a count
            if m[6] != nil || String(chars[sentenceStart..<start]).contains("每年") || before.hasSuffix("年生产") || before.hasSuffix("年产") { unit += "/年" }
            let after = String(chars[end..<b])
            var prefix = Self.morePrefix.first { before.hasSuffix($0) } ?? Self.reachPrefix.first { before.hasSuffix($0) } ?? Self.otherPrefix.first { before.hasSuffix($0) }
            if prefix == nil, let verb = Self.changePrefix.first(where: { before.hasSuffix($0) }) {
                // 比2020年下降…: the base year stays in the words.
                let base = before.dropLast(verb.count)
                prefix = base.range(of: #"比20\d{2}年$"#, options: .regularExpression).map { String(base[$0]) + verb } ?? verb
            }
            let suffix = Self.suffixes.first { after.hasPrefix($0) } ?? (m[4] != nil ? "余" : nil)
            if prefix == nil, let carried = (Self.morePrefix + Self.reachPrefix).first(where: { before.contains($0) }), before.hasSuffix("、") || before.contains("分别") {
                prefix = carried
            }
            let modality = Self.modalities.first { before.contains($0) && !(prefix ?? "").contains($0) }
            let cumulative = before.contains("累计") ? "累计" : nil
            var parts = [modality, cumulative].compactMap { $0 }.joined()
            if let prefix, !(cumulative != nil && prefix == "累计") { parts += prefix }
            var comparator: String?
            var words: String?
            var note: String?
            if let prefix, Self.changePrefix.contains(where: prefix.hasSuffix) {
                note = prefix.hasPrefix("年均") ? "年均增速目标：指标的单位应是水平值的单位，目标写 unit: \"%\""
                    : "相对基期的变化：指标的单位应是水平值的单位，目标写 unit（%为基期的百分比，个百分点为差值）"
            }
            if m[2] != nil {
                // 10-15家 is `value: 10, high: 15`; the words before it stay (力争引进…).
                words = parts.isEmpty ? nil : parts + "…"
            } else if suffix == "余" {
                words = parts + "…余"
            } else {
                let w = parts + "…" + (suffix ?? "")
                let single = ["达…", "…以上", "超过…", "突破…", "…左右", "力争…", "争取…", "提高到…", "不低于…"]
                if w == "…" { comparator = nil } else if single.contains(w) { comparator = w.replacingOccurrences(of: "…", with: "") } else { words = w }
            }
            let quoteText = String(chars[a..<b])
            offsets.append(start)
            out.append(Candidate(name: Self.name(before: before, after: after, unit: unit), value: value, unit: unit, year: year(at: start),
                                 comparator: comparator, words: words, measure: nil, quote: quoteText, sectionID: section, line: line, note: note,
                                 high: m[2]))
        }
        // A multiple of the base: one target per figure that 分别 gives after it in the sentence, else one; its
        // unit is the unit of the first figure after it.
        for m in multiple.all(in: text) {
            let start = text.distance(from: text.startIndex, to: m.range.lowerBound)
            let end = text.distance(from: text.startIndex, to: m.range.upperBound)
            let (a, _) = clause(around: start, end)
            // 实现“双倍增” is a target; 统筹推进“双倍增”工作 names the campaign.
            let lead = String(chars[a..<start])
            guard m[1]!.hasPrefix("翻") || lead.contains("实现") || lead.contains("基础上") else { continue }
            let factor = m[1] == "翻两番" ? "4" : "2"
            let sentenceEnd = chars[end...].firstIndex(where: { $0 == "。" || $0 == "；" }) ?? chars.count
            let later = out.indices.filter { offsets[$0] > end && offsets[$0] < sentenceEnd }
            let clauseText = String(chars[a..<end])
            let wordsFrom = base.first(in: clauseText).map { clauseText.distance(from: clauseText.startIndex, to: $0.range.lowerBound) } ?? (start - a)
            var close = end
            if close < chars.count, chars[close] == "”" { close += 1 }
            let words = String(chars[(a + wordsFrom)..<close])
            // 实现“双倍增”，分别超过1.28万家和8.6万家: as many targets as the figures of the 分别 clause.
            var next = end
            while next < sentenceEnd, !Self.boundaries.contains(chars[next]) { next += 1 }
            var nextEnd = min(next + 1, sentenceEnd)
            while nextEnd < sentenceEnd, !Self.boundaries.contains(chars[nextEnd]) { nextEnd += 1 }
            let respective = next < sentenceEnd && String(chars[next..<nextEnd]).contains("分别")
            let count = respective ? max(1, later.filter { offsets[$0] < nextEnd }.count) : 1
            let unit = later.first.map { out[$0].unit } ?? ""
            for _ in 0..<count {
                offsets.append(start)
                out.append(Candidate(name: Self.name(before: String(chars[a..<start]), after: "", unit: unit), value: factor, unit: unit,
                                     year: year(at: start), comparator: nil, words: words, measure: "multiple",
                                     quote: String(chars[a..<close]), sectionID: section, line: line,
                                     note: "倍数目标：基数（\(base.first(in: clauseText)?[1] ?? "基期")年）的数值待补，核对后按指标分开"))
            }
        }
        return out
    }

    static let leading = ["到20", "全市", "全区", "其中", "力争", "争取", "确保", "累计", "每年", "分别", "年"]
    static let verbs = ["建成", "建设", "培育", "引进", "打造", "新建", "实现", "引培", "集聚", "支持", "遴选", "重组", "培养", "采集", "依托", "形成", "组建"]

    /// A name for the draft indicator: the clause's words before the figure, without the qualifiers, the year and 全市.
    static func name(before: String, after: String, unit: String) -> String {
        var name = before
        if let r = name.range(of: #"^到20\d{2}年(底|末)?"#, options: .regularExpression) { name.removeSubrange(r) }
        if let r = name.range(of: #"在20\d{2}年的?基础上.*$"#, options: .regularExpression) { name.removeSubrange(r) }
        var changed = true
        while changed {
            changed = false
            for p in leading.dropFirst() where name.hasPrefix(p) && name.count > p.count { name.removeFirst(p.count); changed = true }
            for s in morePrefix + reachPrefix + otherPrefix + ["分别", "、", "和"] where name.hasSuffix(s) { name.removeLast(s.count); changed = true }
        }
        for v in verbs where name.hasPrefix(v) && name.count > v.count + 1 { name.removeFirst(v.count); break }
        if name.count < 2 || verbs.contains(name) {
            let tail = after.drop { !TextCleanup.isHan($0.unicodeScalars.first!) }
            name = String(tail.prefix(20))
        }
        while let last = name.last, "“‘《（、".contains(last) { name.removeLast() }
        if name.count > 30 { name = String(name.suffix(30)) }
        return name.isEmpty ? "（待定名称）" : name
    }
}
