import Foundation

/// The shape of a plan's text: its front matter (title, notice, number, issuer, dates), its preface, and its
/// chapters as parts of a kind, each with its blocks.
struct Outline {
    enum Kind: String { case preface, background, overview, goals, layout, tasks, safeguards, other }

    enum Block {
        /// `##`/`###` sub-heading with the plan's numbering.
        case heading(level: Int, text: String, line: Int)
        /// A paragraph; `title` is its first sentence when the plan uses it as a title (1.孵化科技型企业。).
        case paragraph(lead: String?, text: String, line: Int)
        case box(title: String, items: [(text: String, line: Int)], line: Int)
        case table(title: String?, cells: [String], line: Int)
    }

    struct Part {
        var kind: Kind
        var title: String
        var number: String?
        var chapter: String?
        var line: Int
        var blocks: [Block] = []
        /// The title was supplied by the importer, the source had none.
        var titleSupplied = false
    }

    var title: String?
    var notice: [String] = []
    var documentNumber: String?
    var issuer: String?
    var issued: String?
    var parts: [Part] = []
    var report: [ImportReportLine] = []
    var notes: [String] = []

    // The plan's numbering: 第一章, 一、, 第一节, （一）, 1., 专栏1.
    static let chapterHeading = Pattern(#"^(第[一二三四五六七八九十百零〇]+章)\s*(.{1,30})$"#)
    static let listHeading = Pattern(#"^([一二三四五六七八九十]+、)\s*([^，。；]{1,24})。?$"#)
    static let sectionHeading = Pattern(#"^(第[一二三四五六七八九十百零〇]+节)\s*(.{1,30})$"#)
    static let parenHeading = Pattern(#"^(（[一二三四五六七八九十]+）)\s*(.+)$"#)
    static let numbered = Pattern(#"^(\d{1,2})[.．、]\s*(\D.*)$"#)
    static let box = Pattern(#"^专栏\s*(\d+)\s*(.*)$"#)
    static let dateLine = Pattern(#"^(\d{4})年(\d{1,2})月(\d{1,2})日$"#)
    static let numberLine = Pattern(#"^(\S{1,12}〔\d{4}〕\d+号)$"#)
    static let quotedTitle = Pattern(#"《([^《》]{6,80}?)》"#)
    static let noticeTitle = Pattern(#"关于印发(.{6,80}?)的通知"#)
    static let planWords = Pattern(#"(行动计划|规划|实施方案|工作方案|方案|计划|意见)(（[^）]*）)?$"#)
    static let prefaceEnd = Pattern(#"制定(本|如下|此)?.{0,16}(计划|规划|方案)。$"#)
    /// A paragraph whose first sentence is a short title (持续加强基础研究。 面向未来，前瞻布局。).
    static let shortLead = Pattern(#"^([^，。；：、（）]{2,8}，?[^，。；：、（）]{2,8}|[^，。；：、（）]{2,16})。(.+)$"#)

    /// Whether a line starts a heading, a box or a numbered item, so that it is never joined to the line before it.
    static func isStructure(_ text: String) -> Bool {
        chapterHeading.matches(text) || listHeading.matches(text) || sectionHeading.matches(text)
            || parenHeading.matches(text) || box.matches(text) || numbered.matches(text)
    }

    static func kind(of title: String) -> Kind {
        if title.contains("目标") { return .goals }
        if title.contains("布局") { return .layout }
        if title.contains("任务") || title.contains("重点工作") || title.contains("重点行动") || title.contains("主要举措") { return .tasks }
        if title.contains("保障") || title.contains("组织实施") || title.contains("实施机制") { return .safeguards }
        if title.contains("现状") || title.contains("形势") || title.contains("基础") || title.contains("环境") || title.contains("回顾") { return .background }
        if title.contains("总体") || title.contains("指导思想") || title.contains("基本原则") || title.contains("思路") { return .overview }
        return .other
    }

    static func chapter(_ text: String) -> (number: String, title: String)? {
        if let m = chapterHeading.first(in: text), !text.contains("。") { return (m[1]!, m[2]!) }
        if let m = listHeading.first(in: text) { return (m[1]!, m[2]!) }
        return nil
    }

    init(_ paragraphs: [Paragraph], periodEnd: (String?) -> Void = { _ in }) {
        let firstChapter = paragraphs.firstIndex { $0.cells == nil && Self.chapter($0.text) != nil }
        var frontEnd = firstChapter ?? paragraphs.count
        if firstChapter == nil, let preface = paragraphs.firstIndex(where: { Self.prefaceEnd.matches($0.text) }) {
            frontEnd = preface + 1
        }
        readFront(Array(paragraphs[..<frontEnd]))
        if firstChapter != nil {
            readChapters(Array(paragraphs[frontEnd...]))
        } else {
            readUnheaded(Array(paragraphs[frontEnd...]))
        }
    }

    // MARK: Front matter

    private mutating func readFront(_ front: [Paragraph]) {
        var used = Set<Int>()
        if let i = front.firstIndex(where: { Self.numberLine.matches($0.text) }) {
            documentNumber = front[i].text
            used.insert(i)
            report.append(.init(kind: .found, line: front[i].line, message: "document number \(front[i].text)"))
        }
        // The covering notice: from the addressees (…：) through the signature, date and 此件公开发布.
        if let n = front.firstIndex(where: { $0.text.contains("印发给你们") || $0.text.contains("现印发") || $0.text.contains("现将《") }) {
            var start = n
            if n > 0, front[n - 1].text.hasSuffix("：") { start = n - 1 }
            var end = n
            var dated = false
            // The signature and the date, then only 此件公开发布: the plan's title comes next and is not the notice's.
            while end + 1 < front.count, front[end + 1].text.count <= 24, !front[end + 1].text.hasSuffix("。"),
                  !dated || front[end + 1].text == "（此件公开发布）" {
                end += 1
                dated = dated || Self.dateLine.matches(front[end].text)
                if Self.dateLine.matches(front[end].text), end > n, Reading.isFrontLine(front[end - 1].text) || front[end - 1].text.count <= 20 {
                    if issuer == nil, end - 1 > n { issuer = front[end - 1].text }
                }
            }
            for i in start...end { notice.append(front[i].text); used.insert(i) }
            if let date = front[start...end].lazy.compactMap({ Self.dateLine.first(in: $0.text) }).first {
                issued = String(format: "%@-%02d-%02d", date[1]!, Int(date[2]!)!, Int(date[3]!)!)
            }
            if let m = Self.quotedTitle.first(in: front[n].text) { title = m[1] }
            report.append(.init(kind: .found, line: front[start].line, message: "covering notice (\(end - start + 1) paragraphs)"))
            if !front[n].text.hasSuffix("。") {
                report.append(.init(kind: .review, line: front[n].line, message: "the notice breaks off (…\(front[n].text.suffix(8))): complete it from the document"))
            }
        }
        // 关于印发《…》的通知, broken over lines: its pieces are joined to find the title and dropped.
        let header = front.enumerated().filter { !used.contains($0.offset) && $0.element.text.count <= 60 && !$0.element.text.hasSuffix("。") }
        let joined = header.map(\.element.text).joined()
        if let m = Self.noticeTitle.first(in: joined) {
            if title == nil { title = m[1] }
            let before = String(joined[joined.startIndex..<m.range.lowerBound])
            if issuer == nil, !before.isEmpty, before.count <= 20 { issuer = before }
        }
        if title == nil {
            title = front.first(where: { $0.text.count <= 80 && !$0.text.hasSuffix("。") && Self.planWords.matches($0.text) })?.text
        }
        if let t = title {
            title = Self.yearRangeDash(t)
            report.append(.init(kind: .found, line: nil, message: "title \(title!)"))
        } else {
            report.append(.init(kind: .review, line: front.first?.line, message: "no title found: plan.yaml has a placeholder"))
        }
        let flatTitle = (title ?? "").replacingOccurrences(of: "—", with: "")
        let heading = "关于印发" + (title ?? "") + "的通知"
        var preface = Part(kind: .preface, title: "前言", line: front.first?.line ?? 1)
        for (i, p) in front.enumerated() where !used.contains(i) {
            let flat = p.text.replacingOccurrences(of: "—", with: "").replacingOccurrences(of: "-", with: "")
            if p.text == issuer || (!flat.isEmpty && (flatTitle.contains(flat) || heading.contains(p.text) || heading.replacingOccurrences(of: "—", with: "").contains(flat))) { continue }
            if Self.dateLine.matches(p.text) || p.text == "（此件公开发布）" { continue }
            if p.text.hasSuffix("。") || p.text.count > 40 {
                preface.blocks.append(.paragraph(lead: nil, text: p.text, line: p.line))
            } else {
                report.append(.init(kind: .review, line: p.line, message: "front line not recognised, left out: \(p.text)"))
            }
        }
        if !preface.blocks.isEmpty {
            preface.titleSupplied = true
            parts.append(preface)
            notes.append("开篇段落无标题，“前言”为导入时所加的栏目名，非原文标题。")
        }
    }

    static func yearRangeDash(_ text: String) -> String {
        let p = Pattern(#"(\d{4}年?)\s*[-－–~～]\s*(\d{4}年?)"#)
        var out = text
        for m in p.all(in: text).reversed() { out.replaceSubrange(m.range, with: m[1]! + "—" + m[2]!) }
        return out
    }

    // MARK: Chapters

    private mutating func readChapters(_ body: [Paragraph]) {
        var chapterKind = Kind.other
        var chapterLabel: String?
        var inBox = false
        var boxNext = 1
        var pendingTableTitle: String?
        for p in body {
            if let cells = p.cells {
                guard !parts.isEmpty else { continue }
                parts[parts.count - 1].blocks.append(.table(title: pendingTableTitle, cells: cells, line: p.line))
                pendingTableTitle = nil
                continue
            }
            if let tableTitle = Self.tableTitle(p.text) { pendingTableTitle = tableTitle; continue }
            let text = p.text
            if let (number, title) = Self.chapter(text) {
                inBox = false
                chapterKind = Self.kind(of: title)
                chapterLabel = "\(number)\(number.hasSuffix("、") ? "" : " ")\(title)"
                parts.append(Part(kind: chapterKind, title: title, number: number, line: p.line))
                report.append(.init(kind: .found, line: p.line, message: "chapter \(chapterLabel!) (\(chapterKind.rawValue))"))
                continue
            }
            guard !parts.isEmpty else { continue }
            // A sub-part: 第一节 …, or （一）… alone or with its text after the title.
            var sub: (number: String, title: String, rest: String?)?
            if let m = Self.sectionHeading.first(in: text), !text.contains("。") { sub = (m[1]!, m[2]!, nil) }
            else if let m = Self.parenHeading.first(in: text) {
                let rest = m[2]!
                if let dot = rest.firstIndex(of: "。"), rest.distance(from: rest.startIndex, to: dot) <= 30 {
                    let after = String(rest[rest.index(after: dot)...])
                    sub = (m[1]!, String(rest[..<dot]), after.isEmpty ? nil : after)
                } else if rest.count <= 30, !rest.contains("，") {
                    sub = (m[1]!, rest, nil)
                }
            }
            if let sub {
                inBox = false
                let kind = Self.kind(of: sub.title)
                if (kind == .goals || kind == .layout), kind != chapterKind {
                    parts.append(Part(kind: kind, title: sub.title, number: sub.number, chapter: chapterLabel, line: p.line))
                    report.append(.init(kind: .found, line: p.line, message: "part \(sub.number)\(sub.number.hasPrefix("第") ? " " : "")\(sub.title) of \(chapterLabel ?? "") as its own section (\(kind.rawValue))"))
                    if let rest = sub.rest { parts[parts.count - 1].blocks.append(.paragraph(lead: nil, text: rest, line: p.line)) }
                } else if let rest = sub.rest {
                    parts[parts.count - 1].blocks.append(.paragraph(lead: sub.number + sub.title, text: rest, line: p.line))
                } else {
                    let space = sub.number.hasPrefix("第") ? " " : ""
                    parts[parts.count - 1].blocks.append(.heading(level: 2, text: sub.number + space + sub.title, line: p.line))
                }
                continue
            }
            if let m = Self.box.first(in: text), !text.contains("。") {
                parts[parts.count - 1].blocks.append(.box(title: "专栏\(m[1]!) \(m[2]!)", items: [], line: p.line))
                inBox = true
                boxNext = 1
                continue
            }
            if inBox, p.boxBody, case .box(let title, let items, let line)? = parts[parts.count - 1].blocks.last, items.isEmpty {
                parts[parts.count - 1].blocks[parts[parts.count - 1].blocks.count - 1] = .box(title: title, items: Self.boxItems(text).map { ($0, p.line) }, line: line)
                inBox = false
                continue
            }
            if inBox, let m = Self.numbered.first(in: text), Int(m[1]!) == boxNext, case .box(let title, var items, let line)? = parts[parts.count - 1].blocks.last {
                items.append((text, p.line))
                parts[parts.count - 1].blocks[parts[parts.count - 1].blocks.count - 1] = .box(title: title, items: items, line: line)
                boxNext += 1
                continue
            }
            inBox = false
            appendBodyParagraph(p)
        }
    }

    /// A box's body set as one block: split before each item number that follows a full stop, in sequence (。2. … 。3. …).
    static func boxItems(_ text: String) -> [String] {
        var items: [String] = []
        var rest = Substring(text)
        var next = 2
        let marks = Pattern(#"(?<=。)(\d{1,2})\.(?=\D)"#)
        while let m = marks.all(in: String(rest)).first(where: { Int($0[1]!) == next }) {
            let s = String(rest)
            items.append(String(s[..<m.range.lowerBound]))
            rest = Substring(s[m.range.lowerBound...])
            next += 1
        }
        items.append(String(rest))
        return items
    }

    /// 表 重庆高新区…指标体系表 (or 表1 …) just before a table.
    static func tableTitle(_ text: String) -> String? {
        guard text.hasPrefix("表"), text.count <= 60, !text.hasSuffix("。") else { return nil }
        let rest = text.dropFirst().drop { $0.isNumber || $0 == " " || $0 == "：" }
        return rest.count >= 4 && rest.hasSuffix("表") ? String(rest) : nil
    }

    private mutating func appendBodyParagraph(_ p: Paragraph) {
        let text = p.text
        var part = parts[parts.count - 1]
        defer { parts[parts.count - 1] = part }
        if let m = Self.numbered.first(in: text) {
            let rest = m[2]!
            if !text.contains("。"), !TextCleanup.endsSentence(text), rest.count <= 40 {
                // Under a 第一节 or （一） heading a numbered heading is one level down; on its own it is the first level.
                let level = part.blocks.contains { if case .heading(2, let t, _) = $0 { return t.first?.isNumber != true } else { return false } } ? 3 : 2
                part.blocks.append(.heading(level: level, text: text, line: p.line))
                return
            }
            if let dot = rest.firstIndex(of: "。"), rest.distance(from: rest.startIndex, to: dot) <= 40, rest.index(after: dot) < rest.endIndex {
                part.blocks.append(.paragraph(lead: m[1]! + "." + rest[..<dot], text: String(rest[rest.index(after: dot)...]), line: p.line))
                return
            }
        }
        if part.kind != .preface, let m = Self.shortLead.first(in: text), m[2]!.count >= 20 {
            part.blocks.append(.paragraph(lead: m[1]!, text: m[2]!, line: p.line))
            return
        }
        part.blocks.append(.paragraph(lead: nil, text: text, line: p.line))
    }

    /// A text whose headings were all lost: the goals are the paragraph that opens 到20XX年 before the first
    /// numbered task, the tasks the numbered paragraphs, the safeguards what follows them, the overview what
    /// comes before. Each title is supplied and said to be so.
    private mutating func readUnheaded(_ body: [Paragraph]) {
        let firstTask = body.firstIndex { Self.numbered.matches($0.text) } ?? body.count
        let lastTask = body.lastIndex { Self.numbered.matches($0.text) } ?? (body.count - 1)
        let goals = body[..<firstTask].firstIndex { $0.text.hasPrefix("到20") || $0.text.hasPrefix("到 20") }
        var specs: [(Kind, String, Range<Int>)] = []
        let overviewEnd = goals ?? firstTask
        if overviewEnd > 0 { specs.append((.overview, "总体要求", 0..<overviewEnd)) }
        if let goals { specs.append((.goals, "发展目标", goals..<firstTask)) }
        if firstTask < body.count { specs.append((.tasks, "重点任务", firstTask..<(lastTask + 1))) }
        if lastTask + 1 < body.count { specs.append((.safeguards, "保障措施", (lastTask + 1)..<body.count)) }
        let numbers = ["一、", "二、", "三、", "四、", "五、", "六、"]
        for (i, spec) in specs.enumerated() {
            var part = Part(kind: spec.0, title: spec.1, number: numbers[i], line: body[spec.2.lowerBound].line)
            part.titleSupplied = true
            parts.append(part)
            for p in body[spec.2] { appendBodyParagraph(p) }
            report.append(.init(kind: .review, line: part.line, message: "no headings in the source: paragraphs from line \(part.line) taken as \(spec.1) (\(spec.0.rawValue)); check the boundary"))
        }
        if !specs.isEmpty {
            notes.append("原文抓取中丢失全部标题，以下标题由导入时依据文件结构补加：" + specs.enumerated().map { "“\(numbers[$0.offset])\($0.element.1)”" }.joined(separator: "") + "。")
        }
    }
}
