import Foundation
import Diagnostics
import Model

/// A section file may hold parts of other kinds, each marked by its heading: `## （二）主要目标 {kind=goals}` (with an
/// optional `id=…`, else the kind is the id). Each part becomes a section of its own, as if it had a file: its page,
/// the indicators' `section:` and the plan's outline work as for any section, with `chapter:` naming the section it
/// stands in. The part runs to the next heading of its level or above. In the section's own text a line naming the
/// part and linking to it stands where the part was.
enum SectionParts {
    static func split(_ section: Section, _ diagnostics: inout [Diagnostic]) -> [Section] {
        guard mayHoldParts(section.body) else { return [section] }
        let marked = #/^(#{2,3})[ \t]+(.+?)[ \t]*\{[ \t]*kind=([A-Za-z-]+)(?:[ \t]+id=([^ \t}]+))?[ \t]*\}[ \t]*$/#
        var lines = section.body.components(separatedBy: "\n")
        var parts: [Section] = []
        var fence: Character?
        var i = 0
        while i < lines.count {
            let line = lines[i]
            let trimmed = line.drop { $0 == " " }
            if let mark = trimmed.first, (mark == "`" || mark == "~"), trimmed.hasPrefix(String(repeating: mark, count: 3)) {
                fence = fence == nil ? mark : (fence == mark ? nil : fence)
                i += 1
                continue
            }
            guard fence == nil, let m = line.wholeMatch(of: marked) else { i += 1; continue }
            let level = m.1.count
            let heading = String(m.2)
            let at = SourceLocation(file: section.sourcePath, line: section.bodyFirstLine + i, column: 1)
            guard let kind = SectionKind(rawValue: String(m.3)) else {
                diagnostics.append(.error(at: at, "unknown kind `\(m.3)` for the part `\(heading)`",
                                          hint: "use one of: " + SectionKind.allCases.map(\.rawValue).joined(separator: ", ")))
                i += 1
                continue
            }
            let id = m.4.map(String.init) ?? kind.rawValue
            guard isURLSafeName(id), !PlanLoader.reservedSectionIDs.contains(id) else {
                diagnostics.append(.error(at: at, "the part `\(heading)` has an id `\(id)` that cannot be a section's page",
                                          hint: "use lower-case letters, digits and hyphens, e.g. `id=goals`"))
                i += 1
                continue
            }
            // The part: to the next heading of its level or above.
            var end = i + 1
            var innerFence: Character?
            while end < lines.count {
                let t = lines[end].drop { $0 == " " }
                if let mark = t.first, (mark == "`" || mark == "~"), t.hasPrefix(String(repeating: mark, count: 3)) {
                    innerFence = innerFence == nil ? mark : (innerFence == mark ? nil : innerFence)
                } else if innerFence == nil, let hashes = headingLevel(t), hashes <= level {
                    break
                }
                end += 1
            }
            let (number, title) = numbered(heading)
            let body = lines[(i + 1)..<end].joined(separator: "\n")
            parts.append(Section(id: id, kind: kind, title: title, number: number, chapter: section.chapter ?? section.numberedTitle,
                                 order: section.order, body: body, sourcePath: section.sourcePath, bodyFirstLine: section.bodyFirstLine + i + 1))
            // Where the part stood, a line naming it; its lines blank, so that line numbers in the rest still hold.
            lines[i] = "**\(heading)**：见“[\(title)](\(id).html)”。"
            for j in (i + 1)..<end { lines[j] = "" }
            i = end
        }
        var own = section
        own.body = lines.joined(separator: "\n")
        return [own] + parts
    }

    /// `kind=` after a `{` in the bytes: a byte scan, run for every section of every plan.
    static func mayHoldParts(_ body: String) -> Bool {
        var body = body
        return body.withUTF8 { bytes in
            let kind = Array("kind=".utf8)
            var open = false
            var i = 0
            while i < bytes.count {
                if bytes[i] == 0x7B { open = true } else if bytes[i] == 0x0A { open = false }
                else if open, bytes[i] == 0x6B, i + kind.count <= bytes.count, bytes[i..<(i + kind.count)].elementsEqual(kind) { return true }
                i += 1
            }
            return false
        }
    }

    static func headingLevel(_ line: Substring) -> Int? {
        let hashes = line.prefix { $0 == "#" }.count
        guard hashes >= 1, hashes <= 6, line.count == hashes || line.dropFirst(hashes).first == " " else { return nil }
        return hashes
    }

    /// （二）主要目标 → （二）, 主要目标; 第三节 发展目标 → 第三节, 发展目标; 二、发展目标 → 二、, 发展目标.
    static func numbered(_ heading: String) -> (String?, String) {
        if let m = heading.wholeMatch(of: #/(（[一二三四五六七八九十]+）|第[一二三四五六七八九十百]+[章节][ \t]*|[一二三四五六七八九十]+、)(.+)/#) {
            return (String(m.1).trimmingCharacters(in: .whitespaces), String(m.2))
        }
        return (nil, heading)
    }
}
