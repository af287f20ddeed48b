import Foundation

/// A paragraph of the cleaned text, or a table made of the cells a web page's table leaves one per line.
struct Paragraph {
    var line: Int
    var text: String
    var cells: [String]? = nil
    /// The text stood in a table cell of its own: how a web page sets a box's (专栏) body.
    var boxBody = false
    /// The last source line joined into it, whose width tells whether it was wrapped.
    var last = ""
}

/// What the importer tells the editor: what it recognised, what it dropped, what a person must look at.
public struct ImportReportLine: Sendable, Equatable {
    public enum Kind: String, Sendable { case found, dropped, review }
    public var kind: Kind
    public var line: Int?
    public var message: String
}

/// From the source's lines to clean paragraphs: page furniture and repeats dropped (each listed), spaces and
/// punctuation repaired, the line breaks of a PDF copy joined, the page's property table read.
struct Reading {
    var paragraphs: [Paragraph] = []
    var properties: [String: String] = [:]
    var report: [ImportReportLine] = []
    /// The editorial notes written into plan.yaml: what was removed or changed, in the editor's words.
    var notes: [String] = []

    private let breadcrumb = Pattern(#"(>>|»|＞＞)"#)
    private let imageFile = Pattern(#"^[^\s，。；]{1,80}\.(png|jpe?g|gif|webp|bmp|svg)$"#)
    private let property = Pattern(#"\[\s*([^\]]+?)\s*\]\s*\|\s*([^|\[]*?)\s*\|"#)
    private let cell = Pattern(#"^(.*?)\s*\|\s*$"#)
    private let injected = Pattern(#"(?<=\p{Han})[A-Za-z]{1,4}\d{1,4}(?=\p{Han})"#)
    /// Lines a government or news page puts around the text.
    static let pageFurniture: Set<String> = [
        "详细内容", "政策订阅", "客服中心", "新浪微博", "扫描关注微信公众号", "seo seo", "文字解读：", "文字解读", "打印本页",
        "关闭窗口", "【打印】", "【关闭】", "打印", "关闭", "是否继续？", "返回顶部", "扫一扫在手机打开当前页", "分享到：", "字号：大 中 小",
        "图片解读：", "相关附件：", "附件：",
    ]
    static let furniturePrefixes = ["您访问的链接即将离开", "您当前的位置", "当前位置：", "来源：", "责任编辑：", "浏览次数："]

    init(_ lines: [SourceLine], structure: (String) -> Bool) {
        var kept: [SourceLine] = []
        var seen: [String: Int] = [:]
        var dropped: [String] = []
        var spaced = 0, widened = 0
        var spaceExample: (String, String)?
        for raw in lines {
            let trimmed = raw.text.trimmingCharacters(in: .whitespaces)
            let closed = TextCleanup.closeSpaces(raw.text)
            var text = TextCleanup.widenPunctuation(closed)
            if closed != trimmed {
                spaced += 1
                if spaceExample == nil, let pair = Self.firstClosedSpace(trimmed, closed) { spaceExample = pair }
            }
            if text != closed { widened += 1 }
            if text.isEmpty { kept.append(SourceLine(number: raw.number, text: "")); continue }
            let pairs = property.all(in: text)
            if !pairs.isEmpty, pairs.allSatisfy({ !($0[1] ?? "").isEmpty }) {
                let firstRow = properties.isEmpty
                for pair in pairs where properties[pair[1]!] == nil { properties[pair[1]!] = pair[2] ?? "" }
                if firstRow {
                    report.append(.init(kind: .dropped, line: raw.number, message: "the page's property table (索引号, 发文字号, 成文日期 …): read for plan.yaml"))
                    dropped.append("页面属性表（索引号、发文字号等，已据以填写plan.yaml）")
                }
                continue
            }
            if breadcrumb.matches(text) || imageFile.matches(text) || Self.pageFurniture.contains(text)
                || Self.furniturePrefixes.contains(where: { text.hasPrefix($0) }) {
                report.append(.init(kind: .dropped, line: raw.number, message: "page furniture: \(text)"))
                dropped.append(text)
                continue
            }
            // A repeated long line is a page's repeated block; short ones (an issuer's name, 附件) may repeat in a plan.
            if text.count >= 16, cell.first(in: text) == nil, !structure(text), let first = seen[text] {
                report.append(.init(kind: .dropped, line: raw.number, message: "repeats line \(first): \(Self.short(text))"))
                dropped.append("重复出现的一行：\(Self.short(text))")
                continue
            }
            if text.count >= 16 { seen[text] = raw.number }
            text = text.trimmingCharacters(in: .whitespaces)
            kept.append(SourceLine(number: raw.number, text: text))
        }
        // Short lines after the last full stop are the page's footer (政策订阅, 客服中心 …), not the plan.
        // Longer lines there stay: the text may end in a table or a signature.
        if let last = kept.lastIndex(where: { $0.text.hasSuffix("。") || $0.text.hasSuffix("）") }) {
            var footer = Set<Int>()
            for index in (last + 1)..<kept.count where !kept[index].text.isEmpty {
                let line = kept[index]
                if line.text.count < 20, cell.first(in: line.text) == nil {
                    report.append(.init(kind: .dropped, line: line.number, message: "page footer after the text: \(line.text)"))
                    dropped.append(line.text)
                    footer.insert(index)
                }
            }
            kept = kept.enumerated().filter { !footer.contains($0.offset) }.map(\.element)
        }
        if spaced > 0 {
            let example = spaceExample.map { "，如“\($0.0)”→“\($0.1)”" } ?? ""
            notes.append("删除网页或PDF换行造成的汉字之间、数字与汉字之间的空格（\(spaced)行\(example)）。")
        }
        if widened > 0 { notes.append("半角标点（, ; : ( ) ? !）改为全角（，；：（）？！），共\(widened)行；数字中的逗号和小数点不变。") }
        if !dropped.isEmpty {
            notes.append("删除网页抓取残留：" + dropped.map { "“\($0)”" }.joined(separator: "、") + "。")
        }
        kept = removeInjectedText(kept)
        let (joined, joins) = Self.paragraphs(kept, structure: structure)
        paragraphs = joined
        if joins > 0 { notes.append("合并按页面宽度断开的行（\(joins)处），恢复原文段落。") }
    }

    /// The first place where closing spaces changed the text, a few characters either side: (“构 建”, “构建”).
    static func firstClosedSpace(_ before: String, _ after: String) -> (String, String)? {
        let a = Array(before), b = Array(after)
        var i = 0
        while i < a.count, i < b.count, a[i] == b[i] { i += 1 }
        guard i < a.count, TextCleanup.isSpace(a[i].unicodeScalars.first!) else { return nil }
        var j = i
        while j < a.count, TextCleanup.isSpace(a[j].unicodeScalars.first!) { j += 1 }
        guard i > 0, j < a.count, TextCleanup.isHan(a[i - 1].unicodeScalars.first!) || a[i - 1].isNumber,
              TextCleanup.isHan(a[j].unicodeScalars.first!) else { return nil }
        let from = max(0, i - 1), to = min(a.count, j + 1)
        return (String(a[from..<to]), String(a[from..<i]) + String(a[j..<to]))
    }

    static func short(_ text: String) -> String { text.count > 24 ? String(text.prefix(24)) + "…" : text }

    /// A Latin-and-digit token inside Han text that recurs (凯时k8官网下载) is an advertisement the page injected:
    /// the longest text around it common to every occurrence is removed wherever it stands.
    private mutating func removeInjectedText(_ lines: [SourceLine]) -> [SourceLine] {
        var tokens: [String: Int] = [:]
        for line in lines { for m in injected.all(in: line.text) { tokens[m[0]!, default: 0] += 1 } }
        var out = lines
        for (token, count) in tokens.sorted(by: { $0.key < $1.key }) where count >= 2 {
            var contexts: [(before: [Character], after: [Character])] = []
            for line in lines {
                var rest = line.text[...]
                while let r = rest.range(of: token) {
                    contexts.append((Array(line.text[line.text.startIndex..<r.lowerBound]), Array(line.text[r.upperBound...])))
                    rest = line.text[r.upperBound...]
                }
            }
            var left = 0, right = 0
            while let c = contexts.first?.before.dropLast(left).last, TextCleanup.isHan(c.unicodeScalars.first!),
                  contexts.allSatisfy({ $0.before.count > left && $0.before[$0.before.count - 1 - left] == c }) { left += 1 }
            while let c = contexts.first?.after.dropFirst(right).first, TextCleanup.isHan(c.unicodeScalars.first!),
                  contexts.allSatisfy({ $0.after.count > right && $0.after[right] == c }) { right += 1 }
            let ad = String(contexts[0].before.suffix(left)) + token + String(contexts[0].after.prefix(right))
            var places: [String] = []
            for i in out.indices where out[i].text.contains(ad) {
                out[i].text = out[i].text.replacingOccurrences(of: ad, with: "")
                places.append("第\(out[i].number)行")
                report.append(.init(kind: .dropped, line: out[i].number, message: "text injected by the page: \(ad)"))
            }
            notes.append("删除抓取中插入正文的网站广告语“\(ad)”，共\(places.count)处（原文\(places.joined(separator: "、"))）。")
        }
        return out
    }

    /// A copy made from a PDF breaks every line at the page width, often with blank lines between: when most
    /// lines end in mid-sentence, a line is joined to the next unless it ends a sentence or the next one starts
    /// a heading. A web copy keeps a paragraph a line.
    static func paragraphs(_ lines: [SourceLine], structure: (String) -> Bool) -> (paragraphs: [Paragraph], joins: Int) {
        let textLines = lines.filter { !$0.text.isEmpty }
        let open = textLines.filter { !TextCleanup.endsSentence($0.text) && !structure($0.text) }.count
        let wrapped = textLines.count > 10 && Double(open) > 0.4 * Double(textLines.count)
        var joins = 0
        // A wrapped line that fills the page width continues even when it happens to end in a full stop.
        let lengths = textLines.map(\.text.count).sorted()
        let fullWidth = lengths.isEmpty ? Int.max : lengths[lengths.count * 3 / 4]
        func ends(_ text: String) -> Bool {
            guard wrapped else { return TextCleanup.endsSentence(text) }
            guard let last = text.last, "。！？）”：".contains(last) else { return false }
            return text.count < fullWidth - 1
        }
        var out: [Paragraph] = []
        var current: Paragraph?
        var cells: Paragraph?
        func flush() {
            if let c = current { out.append(c) }
            current = nil
        }
        for line in textLines {
            let text = line.text
            if text.hasSuffix("|") {
                flush()
                let pieces = text.split(separator: "|", omittingEmptySubsequences: false).dropLast().map { $0.trimmingCharacters(in: .whitespaces) }
                if cells == nil { cells = Paragraph(line: line.number, text: "", cells: []) }
                cells!.cells!.append(contentsOf: pieces)
                continue
            }
            if let c = cells { out.append(single(c)); cells = nil }
            let standalone = structure(text) || isFrontLine(text)
            if wrapped, var c = current, !ends(c.last), !standalone, !isFrontLine(c.text), !isHeadingOnly(c.text) {
                c.text += text
                c.last = text
                joins += 1
                current = c
                continue
            }
            flush()
            current = Paragraph(line: line.number, text: text)
            current!.last = text
        }
        flush()
        if let c = cells { out.append(single(c)) }
        return (out, joins)
    }

    /// One cell alone is not a table but a box's body set in a frame.
    private static func single(_ p: Paragraph) -> Paragraph {
        guard let cells = p.cells, cells.count == 1 else { return p }
        return Paragraph(line: p.line, text: cells[0], boxBody: true)
    }

    static let frontLine = Pattern(#"^(\S{1,12}〔\d{4}〕\d+号|\d{4}年\d{1,2}月\d{1,2}日|（此件公开发布）|.{2,20}(办公厅|人民政府|管委会|委员会|办公室))$"#)
    static func isFrontLine(_ text: String) -> Bool { frontLine.matches(text) || text.hasSuffix("的通知") }

    /// Headings that take no text after them on their line.
    static let headingOnly = Pattern(#"^(第[一二三四五六七八九十百零〇]+[章节]|[一二三四五六七八九十]+、|专栏\d+)"#)
    static func isHeadingOnly(_ text: String) -> Bool { headingOnly.matches(text) && !text.contains("。") }
}
