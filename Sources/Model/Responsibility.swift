// Tasks (重点任务) and who answers for them, read from a section's Markdown. Pure text work, standard library only.
//
// The plans write a task as a paragraph that opens with a bold number and title and, usually at its end, a note in
// full-width parentheses: `**1.孵化科技型企业**。…（牵头单位：市科技局；责任单位：市教委、市国资委等）`. Safeguards
// number theirs （一）: `**（一）加强统筹协调**。…（牵头单位：…；责任单位：…，各区县政府）`. The source PDFs add
// half-width punctuation and spaces from line wraps (`(牵 头单位:市科技局; 责任单位:市经 济信息委等,各区县 政府)`),
// so every note is normalised before it is split.

/// The part a department plays in a task, as the note's role word says.
public enum ResponsibilityRole: String, Sendable, CaseIterable {
    case lead, responsible, cooperating

    /// The word shown before the list on pages.
    public var label: String { switch self { case .lead: "牵头单位"; case .responsible: "责任单位"; case .cooperating: "配合单位" } }

    /// 牵头单位/牵头部门 → lead, 责任单位/责任部门 → responsible, 配合单位/配合部门 → cooperating, anything else nil.
    /// Spaces inside the word are ignored: a PDF's line wrap splits it (`责 任单位`).
    public init?(roleWord: String) {
        let word = roleWord.filter { !$0.isWhitespace }
        let roles: [Substring: ResponsibilityRole] = ["牵头": .lead, "责任": .responsible, "配合": .cooperating]
        guard word.count == 4, word.hasSuffix("单位") || word.hasSuffix("部门"), let role = roles[word.prefix(2)] else { return nil }
        self = role
    }
}

/// A department of one region's government. Two plans' 市科技局 are different offices (重庆市's and 常州市's), so a
/// department is identified by region and name together, and its id is derived from both.
public struct Department: Sendable, Hashable {
    public let name: String
    public let region: String
    /// `d-` and 16 hex digits of FNV-1a (StableHash) over region and name: the same on every machine and run, safe in
    /// URLs and HTML ids; 64 bits make a collision among a few thousand departments vanishingly unlikely.
    public let id: String

    /// Name and region are normalised (widths, spaces), not renamed, so one office written two ways is one department.
    public init(name: String, region: String) {
        self.init(normalisedName: ResponsibilityNote.normalise(name), normalisedRegion: ResponsibilityNote.normalise(region))
    }

    /// For names and regions already normalised (the note parser normalises the whole note once).
    init(normalisedName name: String, normalisedRegion region: String) {
        self.name = name
        self.region = region
        var hash = StableHash()
        hash.combine(self.region)  // each piece ends in a byte no UTF-8 text has: ("a|b", "c") ≠ ("a", "b|c")
        hash.combine(self.name)
        let hex = String(hash.value, radix: 16)
        id = "d-" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    // The id is a hash of region and name, in ASCII: comparing and hashing it first spares the Unicode
    // normalisation that String equality and hashing do for Chinese text (5 % of a 1000-plan build).
    public static func == (a: Department, b: Department) -> Bool { a.id == b.id && a.region == b.region && a.name == b.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

public struct Assignment: Sendable, Hashable {
    public var role: ResponsibilityRole
    public var department: Department
    public init(role: ResponsibilityRole, department: Department) { self.role = role; self.department = department }
}

/// One numbered task paragraph of a section. Not named `Task`: that would shadow Swift's concurrency `Task` in every
/// file that imports Model.
public struct PlanTask: Sendable, Equatable {
    /// The number exactly as written, without its punctuation (`1`, or `一` for （一）), so the page's bold can be found.
    public var number: String
    public var title: String
    /// `task-1`. When a number comes again in the section (numbering restarts under each heading) its k-th occurrence
    /// is `task-k-1`: unique, deterministic, and the first run keeps the short form. （一） and １ count as 1.
    public var anchor: String
    public var sectionID: String
    /// 1-based line of the paragraph within the section body.
    public var line: Int
    /// In the order of the notes, without repeats.
    public var assignments: [Assignment]
}

/// A responsibility note found in a section, and where it went: nothing found is silently lost.
public struct FoundNote: Sendable, Equatable {
    /// As written, with its parentheses.
    public var text: String
    public var line: Int
    /// The task it belongs to; nil when unattributed.
    public var taskAnchor: String?
    /// The nearest heading above it, so a caller can hang an unattributed note on its heading.
    public var heading: String?
    public var assignments: [Assignment]
}

public struct TaskExtraction: Sendable, Equatable {
    public var tasks: [PlanTask]
    /// Every note of the section, attributed or not, in order.
    public var notes: [FoundNote]
    public var unattributed: [FoundNote] { notes.filter { $0.taskAnchor == nil } }
}

public enum TaskExtractor {
    public static func tasks(inSectionBody body: String, sectionID: String, region: String) -> [PlanTask] {
        extract(sectionBody: body, sectionID: sectionID, region: region).tasks
    }

    /// `**1.标题**` is always a task. `**（一）标题**` is one only when a note assigns it (the safeguards of
    /// cq-tech-enterprises-2023); without one it is a sub-heading in prose (（一）指导思想). A note in a task's paragraph
    /// belongs to it, and so does a paragraph that is nothing but notes right after it. Any other note (in a lead-in
    /// paragraph, an unnumbered measure, under a heading) is returned unattributed, with its heading, rather than
    /// credited to a neighbouring task whose work it does not describe.
    public static func extract(sectionBody body: String, sectionID: String, region: String) -> TaskExtraction {
        var result = TaskExtraction(tasks: [], notes: [])
        var heading: String?, seen: [String: Int] = [:], afterTask = false
        var pending: (head: Head, line: Int)?
        func add(_ head: Head, line: Int) {
            let key = arabic(head.number) ?? "x\(result.tasks.count + 1)"
            seen[key, default: 0] += 1
            let anchor = seen[key] == 1 ? "task-\(key)" : "task-\(seen[key]!)-\(key)"
            result.tasks.append(PlanTask(number: head.number, title: head.title, anchor: anchor, sectionID: sectionID, line: line, assignments: []))
        }
        for block in blocks(body) {
            // Every note has a role word ending in 位 or 门 (单位, 部门): a paragraph with neither holds none, and is not
            // split into characters at all (most paragraphs; the split and search took 14 % of a large site's build).
            let mayHoldNote = Self.holdsRoleWordEnding(block.text)
            let chars = mayHoldNote ? Array(block.text.unicodeScalars) : [], ranges = mayHoldNote ? noteRanges(chars) : []  // a note in a heading is reported, unattributed
            // The first line, found by its byte (splitting by Characters walks the whole paragraph's grapheme clusters).
            let firstLine = Self.firstLine(of: block.text)
            let head = block.heading == nil ? taskHead(firstLine) : nil
            if let title = block.heading {
                (heading, afterTask, pending) = (title, false, nil)
            } else if let head, !head.parenthesised || !ranges.isEmpty {
                add(head, line: block.line)
                (afterTask, pending) = (true, nil)
            } else if let head {
                (afterTask, pending) = (false, (head, block.line))
            } else if afterTask || pending != nil, !ranges.isEmpty,
                      chars.indices.allSatisfy({ i in ranges.contains { $0.contains(i) } || chars[i].properties.isWhitespace || chars[i] == "。" }) {
                if let waiting = pending { add(waiting.head, line: waiting.line) }
                (afterTask, pending) = (true, nil)
            } else {
                (afterTask, pending) = (false, nil)
            }
            for range in ranges {
                let text = String(String.UnicodeScalarView(chars[range]))
                var note = FoundNote(text: text, line: block.line + chars[..<range.lowerBound].count { $0 == "\n" }, taskAnchor: nil,
                                     heading: heading, assignments: ResponsibilityNote.parse(text, region: region))
                if afterTask, let last = result.tasks.indices.last {
                    note.taskAnchor = result.tasks[last].anchor
                    var known = Set(result.tasks[last].assignments)
                    result.tasks[last].assignments += note.assignments.filter { known.insert($0).inserted }
                }
                result.notes.append(note)
            }
        }
        return result
    }

    /// The text's lines (split at line feeds), found in its UTF-8 buffer: the generic `split` and `firstIndex` of a
    /// UTF-8 view step through indices one by one, which took 12 % of loading a large site.
    static func lines(of text: String) -> [Substring] {
        var text = text
        let ends: [Int] = text.withUTF8 { bytes in
            var ends: [Int] = []
            for (offset, byte) in bytes.enumerated() where byte == 0x0A { ends.append(offset) }
            return ends
        }
        var lines: [Substring] = []
        lines.reserveCapacity(ends.count + 1)
        let utf8 = text.utf8
        var start = utf8.startIndex, startOffset = 0
        for end in ends {
            let endIndex = utf8.index(start, offsetBy: end - startOffset)
            lines.append(text[start..<endIndex])
            start = utf8.index(after: endIndex)
            startOffset = end + 1
        }
        lines.append(text[start...])
        return lines
    }

    /// The text up to its first line feed.
    static func firstLine(of text: String) -> Substring {
        var copy = text
        guard let offset = copy.withUTF8({ $0.firstIndex(of: 0x0A) }) else { return text[...] }
        return text[..<text.utf8.index(text.utf8.startIndex, offsetBy: offset)]
    }

    /// Whether the text holds 位 (E4 BD 8D) or 门 (E9 97 A8), by its UTF-8 bytes.
    static func holdsRoleWordEnding(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var i = 0
            while i + 2 < bytes.count {
                let b = bytes[i]
                if b == 0xE4, bytes[i + 1] == 0xBD, bytes[i + 2] == 0x8D { return true }
                if b == 0xE9, bytes[i + 1] == 0x97, bytes[i + 2] == 0xA8 { return true }
                i += 1
            }
            return false
        }
    }

    /// Paragraphs (lines joined by `\n`) and ATX headings, with their first line; fenced code is skipped. A task line
    /// starts a paragraph of its own even without a blank line before it.
    static func blocks(_ body: String) -> [(line: Int, text: String, heading: String?)] {
        var out: [(line: Int, text: String, heading: String?)] = [], current: [Substring] = [], start = 0
        var fence: Substring?
        func flush() { if !current.isEmpty { out.append((start, current.joined(separator: "\n"), nil)) }; current = [] }
        // Lines split on the byte, not by Characters (which walks grapheme clusters through the whole text).
        for (index, raw) in Self.lines(of: body).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            let trimmed = line.drop { $0 == " " || $0 == "\t" }, hashes = trimmed.prefix { $0 == "#" }.count
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
            } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                flush()
                fence = trimmed.prefix(3)
            } else if trimmed.allSatisfy(\.isWhitespace) {
                flush()
            } else if (1...6).contains(hashes), trimmed.dropFirst(hashes).first?.isWhitespace ?? true {
                flush()
                let text = trimmed.dropFirst(hashes).trimmed { $0.isWhitespace || $0 == "#" }
                out.append((index + 1, text, text))
            } else {
                if taskHead(trimmed) != nil { flush() }
                if current.isEmpty { start = index + 1 }
                current.append(line)
            }
        }
        flush()
        return out
    }

    typealias Head = (number: String, title: String, parenthesised: Bool)

    /// `**1.标题**`, `**1、标题**`, `**１．标题**`, `**（一）标题**`: the number and the title, or nil.
    static func taskHead(_ line: Substring) -> Head? {
        // The bytes first: nearly every line does not start with `**`, and a String prefix test compares Characters.
        guard line.utf8.starts(with: [0x2A, 0x2A]), let close = line.dropFirst(2).firstRange(of: "**") else { return nil }
        let inner = Array(line[line.index(line.startIndex, offsetBy: 2)..<close.lowerBound])
        let parenthesised = inner.first == "（" || inner.first == "("
        var i = parenthesised ? 1 : 0
        while i < inner.count, isNumeral(inner[i]) { i += 1 }
        let number = String(inner[(parenthesised ? 1 : 0)..<i])
        guard !number.isEmpty, i < inner.count else { return nil }
        let decimal = ".．".contains(inner[i]) && i + 1 < inner.count && inner[i + 1].isASCII && inner[i + 1].isNumber  // **1.5倍**
        guard (parenthesised ? "）)" : ".．、").contains(inner[i]), !decimal || parenthesised else { return nil }
        let title = inner[(i + 1)...].trimmed(\.isWhitespace)
        return title.isEmpty ? nil : (number, title, parenthesised)
    }

    static func isNumeral(_ c: Character) -> Bool { c.isASCII && c.isNumber || "０１２３４５６７８９零〇一二两三四五六七八九十百".contains(c) }

    /// `12` and `１２` → `12`, `十二` → `12`, `一百零五` → `105`; nil for a mix.
    static func arabic(_ number: String) -> String? {
        let folded = ResponsibilityNote.normalise(number)
        if folded.allSatisfy(\.isASCII) { return folded }
        let digits: [Character: Int] = ["零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
        var total = 0, current = 0
        for c in folded {
            guard let d = digits[c] ?? (c == "十" ? 10 : c == "百" ? 100 : nil) else { return nil }
            if d < 10 { current = d } else { (total, current) = (total &+ max(current, 1) &* d, 0) }
        }
        return String(total &+ current)
    }

    /// Parenthesised groups that open with a role word and a colon (`（牵头单位：`, `(责 任单位:`), outermost only; a group
    /// left open (broken or hostile text) runs to the end of the paragraph. Other groups (（重庆）, （M0）) are text.
    static func noteRanges(_ chars: [Unicode.Scalar]) -> [ClosedRange<Int>] {
        var open: [Int] = [], groups: [ClosedRange<Int>] = []
        for (i, c) in chars.enumerated() {
            if c == "（" || c == "(" { open.append(i) }
            else if c == "）" || c == ")", let start = open.popLast() { groups.append(start...i) }
        }
        groups += open.map { $0...(chars.count - 1) }
        var notes: [ClosedRange<Int>] = []
        for group in groups.sorted(by: { $0.lowerBound < $1.lowerBound }) where !(notes.last?.contains(group.lowerBound) ?? false) {
            // A cheap look at the first letter before normalising: hostile text can hold thousands of groups.
            guard let first = chars[(group.lowerBound + 1)...].first(where: { !$0.properties.isWhitespace }), "牵责配".unicodeScalars.contains(first) else { continue }
            let head = ResponsibilityNote.normalise(String(String.UnicodeScalarView(chars[(group.lowerBound + 1)..<min(group.upperBound + 1, group.lowerBound + 16)])))
            if head.dropFirst(4).first == "：", ResponsibilityRole(roleWord: String(head.prefix(4))) != nil { notes.append(group) }
        }
        return notes
    }
}

public enum ResponsibilityNote {
    /// Splits a note (with or without its parentheses) into assignments, in the note's order.
    ///
    /// A role word and colon (牵头单位：) sets the role of the names after it, up to the next one. Names before any role
    /// word are `responsible`: the plain （责任单位：…） is the plans' only one-role form, and a bare list in a note most
    /// likely means it. An unknown `…单位：`/`…部门：` label is dropped and its names are `responsible` too. Names are
    /// split on 、，；, and on 和/及 only right after the end of an office's name (局, 委, 办, 府…): 市科技局和市教委
    /// is two, 市住房和城乡建设委 one; nothing in parentheses is split (各区县（自治县）政府). A trailing 等/等单位/
    /// 等部门 is removed, repeats within a role are dropped, and a name both lead and responsible keeps both.
    public static func parse(_ note: String, region: String) -> [Assignment] {
        var chars = Array(normalise(note).unicodeScalars)
        if chars.first == "（" {  // only an outer pair: （A）与（B） keeps its parentheses; an unclosed （ goes alone
            let depth = depths(chars), close = chars.indices.first { chars[$0] == "）" && depth[$0] == 0 }
            if close == nil || close == chars.count - 1 { chars = Array(chars.dropFirst().prefix(close.map { $0 - 1 } ?? chars.count)) }
        }
        var result: [Assignment] = [], seen: Set<Assignment> = [], role = ResponsibilityRole.responsible, start = 0
        let depth = depths(chars)
        let normalisedRegion = normalise(region)
        // By scalars: this runs for every name of every note (tens of thousands on a large site).
        func add(_ text: ArraySlice<Unicode.Scalar>) {
            func isSpace(_ s: Unicode.Scalar) -> Bool { s.properties.isWhitespace }
            var name = text.drop { isSpace($0) || $0 == "。" || $0 == "." }
            while let last = name.last, isSpace(last) || last == "。" || last == "." { name = name.dropLast() }
            for suffix in [["等", "单", "位"], ["等", "部", "门"], ["等"]] as [[Unicode.Scalar]] where name.count >= suffix.count
                && name.suffix(suffix.count).elementsEqual(suffix) {
                name = name.dropLast(suffix.count)
                break
            }
            while let last = name.last, isSpace(last) { name = name.dropLast() }
            // Empty, or stray punctuation: not a name.
            guard name.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) else { return }
            let department = Department(normalisedName: String(String.UnicodeScalarView(name)), normalisedRegion: normalisedRegion)
            let assignment = Assignment(role: role, department: department)
            if seen.insert(assignment).inserted { result.append(assignment) }
        }
        for i in chars.indices where depth[i] == 0 {
            let joins = (chars[i] == "和" || chars[i] == "及") && i > start && i + 1 < chars.count && officeEndings.contains(chars[i - 1])
            if joins || chars[i] == "、" || chars[i] == "，" || chars[i] == "；" {
                add(chars[start..<i])
                start = i + 1
            } else if chars[i] == "：", chars[start..<i].count >= 4, chars[(i - 2)..<i] == ["单", "位"] || chars[(i - 2)..<i] == ["部", "门"] {
                add(chars[start..<(i - 4)])
                role = ResponsibilityRole(roleWord: String(String.UnicodeScalarView(chars[(i - 4)..<i]))) ?? .responsible
                start = i + 1
            }
        }
        add(chars[start...])
        return result
    }

    /// Offices' names end in one of these; a 和 or 及 after one joins two offices, anywhere else it is inside a name.
    private static let officeEndings: Set<Unicode.Scalar> = ["局", "委", "办", "部", "院", "府", "会", "厅", "室", "处", "署", "行", "所", "站", "心", "队", "团", "联"]
    /// The parenthesis depth at each character (a （ counts itself, its ） does not): 0 is the note's own level.
    private static func depths(_ chars: [Unicode.Scalar]) -> [Int] {
        var depth = 0
        return chars.map { c in depth = c == "（" ? depth + 1 : c == "）" ? max(0, depth - 1) : depth; return depth }
    }

    private static let fullWidth: [Unicode.Scalar: Unicode.Scalar] = ["(": "（", ")": "）", ":": "：", ";": "；", ",": "，", "﹑": "、"]
    /// Full-width letters and digits to ASCII, the note's punctuation to its full-width form (（）：；，), controls and
    /// zero-width characters removed, and whitespace dropped next to Chinese text (a PDF's wrap: 市经 济信息委) but kept,
    /// as one space, between Latin words.
    static func normalise(_ text: String) -> String {
        var out = String.UnicodeScalarView(), pendingSpace = false
        for var s in text.unicodeScalars {
            // Han characters need none of the checks below, and they are most of the text.
            if (0x4E00...0x9FFF).contains(s.value) { out.append(s); pendingSpace = false; continue }
            if (0xFF01...0xFF5E).contains(s.value) { s = Unicode.Scalar(s.value - 0xFEE0)! }
            if s.properties.isWhitespace { pendingSpace = true; continue }
            if s.properties.generalCategory == .control || s.properties.generalCategory == .format { continue }
            s = fullWidth[s] ?? s
            if pendingSpace, let last = out.last, last.isASCII, s.isASCII { out.append(" ") }
            pendingSpace = false
            out.append(s)
        }
        return String(out)
    }
}

extension BidirectionalCollection where Element == Character {
    /// The text without the leading and trailing characters `drop` says to remove.
    fileprivate func trimmed(_ drop: (Character) -> Bool) -> String {
        guard let first = firstIndex(where: { !drop($0) }), let last = lastIndex(where: { !drop($0) }) else { return "" }
        return String(self[first...last])
    }
}
