// Tasks (重点任务) and who answers for them, read from a section's Markdown. Pure text work: no files, no Foundation.
//
// The plans write a task as a paragraph that opens with a bold number and title and, usually at its end, a note in
// full-width parentheses: `**1.孵化科技型企业**。…（牵头单位：市科技局；责任单位：市教委、市国资委等）`. Their
// safeguards number the same way with （一）: `**（一）加强统筹协调**。…（牵头单位：…；责任单位：…，各区县政府）`.
// The source PDFs add half-width punctuation and spaces from line wraps (`(牵 头单位:市科技局; 责任单位:市经 济信息委)`),
// so every note is normalised before it is split.

/// The part a department plays in a task, as the note's role word says.
public enum ResponsibilityRole: String, Sendable, CaseIterable {
    case lead, responsible, cooperating

    /// The word shown before the list on pages.
    public var label: String {
        switch self {
        case .lead: return "牵头单位"
        case .responsible: return "责任单位"
        case .cooperating: return "配合单位"
        }
    }

    /// 牵头单位/牵头部门 → lead, 责任单位/责任部门 → responsible, 配合单位/配合部门 → cooperating, anything else nil.
    /// Spaces inside the word are ignored: a PDF's line wrap splits it (`责 任单位`).
    public init?(roleWord: String) {
        let word = String(roleWord.filter { !$0.isWhitespace })
        guard word.count == 4, word.hasSuffix("单位") || word.hasSuffix("部门") else { return nil }
        switch word.prefix(2) {
        case "牵头": self = .lead
        case "责任": self = .responsible
        case "配合": self = .cooperating
        default: return nil
        }
    }
}

/// A department of one region's government. Two plans' 市科技局 are different offices (重庆市's and 常州市's), so
/// a department is identified by region and name together, and its id is derived from both.
public struct Department: Sendable, Hashable {
    public let name: String
    public let region: String
    /// `d-` and 16 hex digits of FNV-1a (StableHash) over region and name: the same on every machine and build, safe in
    /// URLs and HTML ids; 64 bits make a collision among a few thousand departments vanishingly unlikely.
    public let id: String

    /// Name and region are normalised (widths, spaces) so the same office written two ways is one department.
    public init(name: String, region: String) {
        self.name = ResponsibilityNote.normalise(name)
        self.region = ResponsibilityNote.normalise(region)
        var hash = StableHash()
        hash.combine(self.region)  // each piece is closed by a byte no UTF-8 text has: ("a|b", "c") ≠ ("a", "b|c")
        hash.combine(self.name)
        let hex = String(hash.value, radix: 16)
        id = "d-" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    public static func == (a: Department, b: Department) -> Bool { a.region == b.region && a.name == b.name }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(region)
        hasher.combine(name)
    }
}

public struct Assignment: Sendable, Hashable {
    public var role: ResponsibilityRole
    public var department: Department
    public init(role: ResponsibilityRole, department: Department) {
        self.role = role
        self.department = department
    }
}

/// One numbered task paragraph of a section. Not named `Task`: that would shadow Swift's concurrency `Task` in every
/// file that imports Model.
public struct PlanTask: Sendable, Equatable {
    /// The number as written, without its punctuation: `1`, or `一` for （一）; full-width digits are folded to ASCII.
    public var number: String
    public var title: String
    /// `task-1`; when a number comes again in the section (numbering restarts under each heading) its k-th
    /// occurrence is `task-k-1`, so anchors are unique and the first run keeps the short form. （一） counts as 1.
    public var anchor: String
    public var sectionID: String
    /// 1-based line of the paragraph within the section body.
    public var line: Int
    /// In the order of the notes, de-duplicated.
    public var assignments: [Assignment]
}

/// A responsibility note found in a section, and where it went.
public struct FoundNote: Sendable, Equatable {
    /// As written, with its parentheses.
    public var text: String
    public var line: Int
    /// The task it belongs to; nil when it is unattributed.
    public var taskAnchor: String?
    /// The nearest heading above it, so a caller can hang an unattributed note on the heading.
    public var heading: String?
    public var assignments: [Assignment]
}

public struct TaskExtraction: Sendable, Equatable {
    public var tasks: [PlanTask]
    /// Every note in the section, attributed or not: nothing found is silently lost.
    public var notes: [FoundNote]
    public var unattributed: [FoundNote] { notes.filter { $0.taskAnchor == nil } }
}

public enum TaskExtractor {
    public static func tasks(inSectionBody body: String, sectionID: String, region: String) -> [PlanTask] {
        extract(sectionBody: body, sectionID: sectionID, region: region).tasks
    }

    /// A note in a task's paragraph belongs to the task. A paragraph that is nothing but a note belongs to the task
    /// right before it (no heading or other paragraph between). Any other note — in a section's lead-in paragraph,
    /// an unnumbered measure, or right under a heading — is returned unattributed (with its heading) rather than
    /// credited to a neighbouring task whose work it does not describe.
    public static func extract(sectionBody body: String, sectionID: String, region: String) -> TaskExtraction {
        var result = TaskExtraction(tasks: [], notes: [])
        var heading: String?
        var seen: [String: Int] = [:]
        var afterTask = false
        for block in blocks(body) {
            if let title = block.heading {
                heading = title
                afterTask = false
                continue
            }
            let chars = Array(block.text), ranges = noteRanges(chars)
            let found = ranges.map { range in
                let text = String(chars[range])
                return FoundNote(text: text, line: block.line + chars[..<range.lowerBound].count { $0 == "\n" },
                                 taskAnchor: nil, heading: heading, assignments: ResponsibilityNote.parse(text, region: region))
            }
            if let head = taskHead(block.text.split(separator: "\n", maxSplits: 1).first ?? "") {
                let key = arabic(head.number) ?? "x\(result.tasks.count + 1)"
                let occurrence = seen[key, default: 0] + 1
                seen[key] = occurrence
                let anchor = occurrence == 1 ? "task-\(key)" : "task-\(occurrence)-\(key)"
                result.tasks.append(PlanTask(number: head.number, title: head.title, anchor: anchor, sectionID: sectionID,
                                         line: block.line, assignments: []))
                afterTask = true
            } else if !(afterTask && isOnlyNotes(chars, found: ranges)) {
                afterTask = false
            }
            for var note in found {
                if afterTask, let last = result.tasks.indices.last {
                    note.taskAnchor = result.tasks[last].anchor
                    var seen = Set(result.tasks[last].assignments)
                    result.tasks[last].assignments += note.assignments.filter { seen.insert($0).inserted }
                }
                result.notes.append(note)
            }
        }
        return result
    }

    /// Paragraphs (lines joined by `\n`) and ATX headings, with their first line; fenced code is skipped. A task line
    /// starts a paragraph of its own even without a blank line before it.
    static func blocks(_ body: String) -> [(line: Int, text: String, heading: String?)] {
        var out: [(line: Int, text: String, heading: String?)] = [], current: [Substring] = [], start = 0
        var fence: Substring?
        func flush() {
            if !current.isEmpty { out.append((start, current.joined(separator: "\n"), nil)) }
            current = []
        }
        for (index, raw) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                continue
            }
            let hashes = trimmed.prefix { $0 == "#" }.count
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                flush()
                fence = trimmed.prefix(3)
            } else if trimmed.allSatisfy(\.isWhitespace) {
                flush()
            } else if (1...6).contains(hashes), trimmed.dropFirst(hashes).first?.isWhitespace ?? true {
                flush()
                let text = trimmed.dropFirst(hashes).trimmingCharacters { $0.isWhitespace || $0 == "#" }
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

    /// `**1.标题**`, `**1、标题**`, `**１．标题**`, `**（一）标题**`: the number and the title, or nil.
    static func taskHead(_ line: Substring) -> (number: String, title: String)? {
        guard line.hasPrefix("**"), let close = line.dropFirst(2).firstRange(of: "**") else { return nil }
        let inner = Array(line[line.index(line.startIndex, offsetBy: 2)..<close.lowerBound])
        let parenthesised = inner.first == "（" || inner.first == "("
        var i = parenthesised ? 1 : 0, number = ""
        while i < inner.count, let digit = numeral(inner[i]) {
            number.append(digit)
            i += 1
        }
        guard !number.isEmpty, i < inner.count else { return nil }
        if parenthesised {
            guard inner[i] == "）" || inner[i] == ")" else { return nil }
        } else {
            guard ".．、".contains(inner[i]) else { return nil }
            if inner[i] != "、", i + 1 < inner.count, numeral(inner[i + 1])?.isASCII == true { return nil }  // **1.5倍**
        }
        let title = String(inner[(i + 1)...]).trimmingCharacters { $0.isWhitespace }
        return title.isEmpty ? nil : (number, title)
    }

    /// A digit (full-width folded to ASCII) or a Chinese numeral, else nil.
    static func numeral(_ c: Character) -> Character? {
        if let s = c.unicodeScalars.first, c.unicodeScalars.count == 1, (0xFF10...0xFF19).contains(s.value) {
            return Character(Unicode.Scalar(s.value - 0xFEE0)!)
        }
        return c.isASCII && c.isNumber || "零〇一二两三四五六七八九十百".contains(c) ? c : nil
    }

    /// `12` → `12`, `十二` → `12`, `一百零五` → `105`; nil for a mix.
    static func arabic(_ number: String) -> String? {
        if number.allSatisfy(\.isASCII) { return number }
        let digits: [Character: Int] = ["零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
                                        "七": 7, "八": 8, "九": 9]
        var total = 0, current = 0
        for c in number {
            if let d = digits[c] { current = d }
            else if c == "十" || c == "百" { total = total &+ max(current, 1) &* (c == "十" ? 10 : 100); current = 0 }
            else { return nil }
        }
        return String(total &+ current)
    }

    /// Parenthesised groups that open with a role word (`（牵头单位：`, `(责 任单位:`), outermost first; a group left open
    /// (hostile or broken text) runs to the end of the paragraph. Groups without a role word (（重庆）, （M0）) are text.
    static func noteRanges(_ chars: [Character]) -> [ClosedRange<Int>] {
        var open: [Int] = [], groups: [ClosedRange<Int>] = []
        for (i, c) in chars.enumerated() {
            if c == "（" || c == "(" { open.append(i) }
            else if c == "）" || c == ")", let start = open.popLast() { groups.append(start...i) }
        }
        groups += open.map { $0...(chars.count - 1) }
        var notes: [ClosedRange<Int>] = []
        for group in groups.sorted(by: { $0.lowerBound < $1.lowerBound }) where notes.last.map({ !$0.contains(group.lowerBound) }) ?? true {
            let head = ResponsibilityNote.normalise(String(chars[(group.lowerBound + 1)..<min(group.upperBound + 1, group.lowerBound + 16)]))
            if head.count > 4, head.dropFirst(4).first == "：", ResponsibilityRole(roleWord: String(head.prefix(4))) != nil {
                notes.append(group)
            }
        }
        return notes
    }

    /// The paragraph is its notes and at most spaces and a full stop.
    static func isOnlyNotes(_ chars: [Character], found: [ClosedRange<Int>]) -> Bool {
        guard !found.isEmpty else { return false }
        return chars.indices.allSatisfy { i in found.contains { $0.contains(i) } || chars[i].isWhitespace || "。.".contains(chars[i]) }
    }
}

public enum ResponsibilityNote {
    /// Splits a note (with or without its parentheses) into assignments, in the note's order.
    ///
    /// A role word with a colon (牵头单位：) sets the role for the names after it, up to the next role word; names with
    /// no role word before them are `responsible`, the plans' plain （责任单位：…） being the only roleless form in use
    /// (and a bare list of names in a note is most likely that). An unknown `…单位：`/`…部门：` label is dropped and its
    /// names are `responsible` too. Names are split on 、，；, and on 和/及 only right after a word that ends an office's
    /// name (局, 委, 办, 府…): 市科技局和市教委 is two, 市住房和城乡建设委 is one. Nothing inside parentheses is split
    /// (各区县（自治县）政府). A trailing 等/等单位/等部门 is removed; duplicates within a role are dropped; a name both
    /// lead and responsible keeps both.
    public static func parse(_ note: String, region: String) -> [Assignment] {
        var chars = Array(normalise(note))
        if chars.first == "（" {  // only an outer pair: （A）与（B） keeps its parentheses; an unclosed （ goes alone
            let match = matchingClose(chars)
            if match == nil || match == chars.count - 1 {
                if match != nil { chars.removeLast() }
                chars.removeFirst()
            }
        }
        var result: [Assignment] = [], seen: Set<Assignment> = [], role = ResponsibilityRole.responsible
        for var piece in splitTopLevel(chars, on: "、，；") {
            while let colon = topLevelIndex(of: "：", in: piece) {
                let label = String(piece[..<colon])
                guard label.hasSuffix("单位") || label.hasSuffix("部门") else { break }
                let word = String(label.suffix(4))
                add(String(label.dropLast(word.count)), role: role, region: region, to: &result, seen: &seen)
                role = ResponsibilityRole(roleWord: word) ?? .responsible
                piece = Array(piece[(colon + 1)...])
            }
            add(String(piece), role: role, region: region, to: &result, seen: &seen)
        }
        return result
    }

    private static let officeEndings: Set<Character> = ["局", "委", "办", "部", "院", "府", "会", "厅", "室", "处", "署", "行", "所", "站", "心", "队", "团"]

    private static func add(
        _ text: String, role: ResponsibilityRole, region: String, to result: inout [Assignment], seen: inout Set<Assignment>
    ) {
        for part in splitConjunctions(Array(text)) {
            var name = part.trimmingCharacters { $0.isWhitespace || "。.".contains($0) }
            for suffix in ["等单位", "等部门", "等"] where name.hasSuffix(suffix) {
                name.removeLast(suffix.count)
                break
            }
            name = name.trimmingCharacters(\.isWhitespace)
            guard name.contains(where: { $0.isLetter || $0.isNumber }) else { continue }  // empty, or stray punctuation
            let assignment = Assignment(role: role, department: Department(name: name, region: region))
            if seen.insert(assignment).inserted { result.append(assignment) }
        }
    }

    private static func splitConjunctions(_ chars: [Character]) -> [String] {
        var parts: [String] = [], start = 0, depth = 0
        for (i, c) in chars.enumerated() {
            if c == "（" { depth += 1 } else if c == "）" { depth = max(0, depth - 1) }
            if depth == 0, c == "和" || c == "及", i > start, i + 1 < chars.count, officeEndings.contains(chars[i - 1]) {
                parts.append(String(chars[start..<i]))
                start = i + 1
            }
        }
        return parts + [String(chars[start...])]
    }

    private static func splitTopLevel(_ chars: [Character], on separators: String) -> [[Character]] {
        var parts: [[Character]] = [[]], depth = 0
        for c in chars {
            if c == "（" { depth += 1 } else if c == "）" { depth = max(0, depth - 1) }
            if depth == 0, separators.contains(c) { parts.append([]) } else { parts[parts.count - 1].append(c) }
        }
        return parts
    }

    private static func topLevelIndex(of target: Character, in chars: [Character]) -> Int? {
        var depth = 0
        for (i, c) in chars.enumerated() {
            if c == "（" { depth += 1 } else if c == "）" { depth = max(0, depth - 1) }
            if depth == 0, c == target { return i }
        }
        return nil
    }

    private static func matchingClose(_ chars: [Character]) -> Int? {
        var depth = 0
        for (i, c) in chars.enumerated() {
            if c == "（" { depth += 1 } else if c == "）" { depth -= 1; if depth == 0 { return i } }
        }
        return nil
    }

    /// Full-width letters and digits to ASCII, the note's punctuation to its full-width form (（）：；，), controls and
    /// zero-width characters removed, and whitespace dropped next to Chinese text (a PDF's wrap: 市经 济信息委) but kept,
    /// as one space, between Latin words.
    static func normalise(_ text: String) -> String {
        var scalars: [Unicode.Scalar] = []
        var pendingSpace = false
        for var s in text.unicodeScalars {
            if (0xFF01...0xFF5E).contains(s.value) { s = Unicode.Scalar(s.value - 0xFEE0)! }
            if s.properties.isWhitespace { pendingSpace = true; continue }
            if [.control, .format].contains(s.properties.generalCategory) { continue }
            switch s {
            case "(": s = "（"
            case ")": s = "）"
            case ":": s = "："
            case ";": s = "；"
            case ",": s = "，"
            case "﹑": s = "、"
            default: break
            }
            if pendingSpace, let last = scalars.last, last.isASCII, s.isASCII { scalars.append(" ") }
            pendingSpace = false
            scalars.append(s)
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars)
        return String(out)
    }
}

extension StringProtocol {
    fileprivate func trimmingCharacters(_ drop: (Character) -> Bool) -> String {
        guard let first = firstIndex(where: { !drop($0) }), let last = lastIndex(where: { !drop($0) }) else { return "" }
        return String(self[first...last])
    }
}
