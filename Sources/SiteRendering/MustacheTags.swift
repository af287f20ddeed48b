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

    /// Every tag of `text`, with its line and column (in Unicode scalars, from 1). Works on the UTF-8 bytes: a
    /// tag's body is the only text made.
    static func scan(_ text: String) -> [Tag] {
        var tags: [Tag] = []
        var text = text
        text.withUTF8 { bytes in
            let count = bytes.count
            var i = 0, line = 1, column = 1
            // Moves on to `end`, counting lines and scalars (every byte that does not continue a scalar).
            func advance(to end: Int) {
                let end = min(end, count)
                while i < end {
                    if bytes[i] == 0x0A { line += 1; column = 1 } else if bytes[i] & 0xC0 != 0x80 { column += 1 }
                    i += 1
                }
            }
            while i < count {
                guard bytes[i] == 0x7B, i + 1 < count, bytes[i + 1] == 0x7B else { advance(to: i + 1); continue }
                let tagLine = line, tagColumn = column
                let triple = i + 2 < count && bytes[i + 2] == 0x7B
                let open = triple ? 3 : 2, closeLength = triple ? 3 : 2
                // The body runs to the first closing braces (or the end of the text).
                var j = i + open
                while j < count {
                    if bytes[j] == 0x7D, j + 1 < count, bytes[j + 1] == 0x7D, !triple || (j + 2 < count && bytes[j + 2] == 0x7D) { break }
                    j += 1
                }
                let body = String(decoding: UnsafeBufferPointer(rebasing: bytes[min(i + open, j)..<j]), as: UTF8.self)
                tags.append(tag(body, triple: triple, line: tagLine, column: tagColumn))
                advance(to: j + closeLength)
            }
        }
        return tags
    }

    /// The kind and name of a tag from its body (what is between the braces).
    private static func tag(_ body: String, triple: Bool, line: Int, column: Int) -> Tag {
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
        return Tag(kind: kind, name: name, line: line, column: column)
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
