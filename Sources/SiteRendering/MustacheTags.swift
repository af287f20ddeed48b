/// A light scanner for Mustache tags with their positions, used to check templates before rendering.
enum MustacheTags {
    enum Kind: Equatable {
        case variable, section, partial, parent, delimiterChange, other
    }

    struct Tag: Equatable {
        var kind: Kind
        var name: String
        var line: Int
        var column: Int
    }

    static func scan(_ text: String) -> [Tag] {
        var tags: [Tag] = []
        let scalars = Array(text.unicodeScalars)
        var i = 0, line = 1, column = 1
        func advance(_ n: Int) {
            for _ in 0..<n where i < scalars.count {
                if scalars[i] == "\n" { line += 1; column = 1 } else { column += 1 }
                i += 1
            }
        }
        while i < scalars.count {
            guard scalars[i] == "{", i + 1 < scalars.count, scalars[i + 1] == "{" else { advance(1); continue }
            let tagLine = line, tagColumn = column
            let triple = i + 2 < scalars.count && scalars[i + 2] == "{"
            let open = triple ? 3 : 2
            let close = triple ? "}}}" : "}}"
            var j = i + open
            var body = ""
            while j < scalars.count {
                if String(String.UnicodeScalarView(scalars[j..<min(j + close.unicodeScalars.count, scalars.count)])) == close { break }
                body.unicodeScalars.append(scalars[j])
                j += 1
            }
            let trimmed = body.trimmingCharacters(in: " \t\n")
            var kind = Kind.variable
            var name = trimmed
            if triple {
                kind = .variable
            } else if let sigil = trimmed.first {
                switch sigil {
                case "#", "^": kind = .section; name = String(trimmed.dropFirst())
                case "/": kind = .other
                case "!": kind = .other
                case ">": kind = .partial; name = String(trimmed.dropFirst())
                case "<": kind = .parent; name = String(trimmed.dropFirst())
                case "$": kind = .other
                case "&": kind = .variable; name = String(trimmed.dropFirst())
                case "=": kind = .delimiterChange
                case "%": kind = .other
                default: break
                }
            }
            name = name.trimmingCharacters(in: " \t\n")
            // Transforms are written `name(variable)`: the value is the part in parentheses.
            if let open = name.firstIndex(of: "("), let closeParen = name.lastIndex(of: ")"), open < closeParen {
                name = String(name[name.index(after: open)..<closeParen])
            }
            tags.append(Tag(kind: kind, name: name, line: tagLine, column: tagColumn))
            advance(j + close.unicodeScalars.count - i)
        }
        return tags
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let c = s.first, set.contains(c) { s = s.dropFirst() }
        while let c = s.last, set.contains(c) { s = s.dropLast() }
        return String(s)
    }
}
