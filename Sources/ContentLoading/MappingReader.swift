import Diagnostics
import Model

/// Reads one YAML mapping field by field, recording a located diagnostic for every missing field, wrong
/// type, malformed number or unknown key, instead of stopping at the first one.
struct MappingReader {
    let document: YAMLDocument
    let node: YAMLNode
    let mapping: [YAMLNode.Pair]
    /// What the mapping describes, for messages: "plan", "indicator `rd-intensity`".
    var what: String
    /// The keys asked for (read or looked for), for telling unknown keys; mappings are small, so arrays.
    private var asked: [String] = []

    init?(_ node: YAMLNode?, in document: YAMLDocument, what: String, example: String? = nil, diagnostics: inout [Diagnostic]) {
        guard let node else {
            diagnostics.append(.error(at: document.location(of: nil), "\(what) is empty", hint: "write the fields as `key: value` lines"))
            return nil
        }
        guard let mapping = node.mapping else {
            diagnostics.append(.error(at: document.location(of: node), "\(what) should be a mapping of `key: value` fields, found \(Self.describe(node))",
                                      hint: example.map { "write it as `\($0)`" }))
            return nil
        }
        self.document = document
        self.node = node
        self.mapping = mapping
        self.what = what
    }

    var location: SourceLocation { document.location(of: node) }

    /// The value of `key` (the first, if a parser let a key repeat).
    private func lookUp(_ key: String) -> YAMLNode? {
        for pair in mapping where pair.key.scalar == key { return pair.value }
        return nil
    }

    func location(of key: String) -> SourceLocation {
        document.location(of: lookUp(key) ?? node)
    }

    mutating func value(_ key: String) -> YAMLNode? {
        if !asked.contains(key) { asked.append(key) }
        guard let value = lookUp(key) else { return nil }
        if value.isPlainScalar, let text = value.scalar, ["", "~", "null", "Null", "NULL"].contains(text) { return nil }
        return value
    }

    mutating func string(_ key: String, required: Bool = false, _ diagnostics: inout [Diagnostic]) -> String? {
        guard let value = value(key) else {
            if required { missing(key, &diagnostics) }
            return nil
        }
        guard let scalar = value.scalar else {
            diagnostics.append(.error(at: document.location(of: value), "`\(key)` of \(what) should be text, found \(Self.describe(value))",
                                      hint: "write it on one line after `\(key):`, or as a `|` block"))
            return nil
        }
        let text = scalar.trimmingSpaces()
        if text.isEmpty, required {
            diagnostics.append(.error(at: document.location(of: value), "`\(key)` of \(what) is empty"))
            return nil
        }
        return text.isEmpty ? nil : text
    }

    mutating func int(_ key: String, required: Bool = false, range: ClosedRange<Int>? = nil, _ diagnostics: inout [Diagnostic]) -> Int? {
        guard let value = value(key) else {
            if required { missing(key, &diagnostics) }
            return nil
        }
        guard let scalar = value.scalar, let number = Int(scalar.trimmingSpaces()) else {
            diagnostics.append(.error(at: document.location(of: value), "`\(key)` of \(what) should be a whole number, found \(Self.describe(value))"))
            return nil
        }
        if let range, !range.contains(number) {
            diagnostics.append(.error(at: document.location(of: value), "`\(key)` of \(what) is \(number), outside \(range.lowerBound)…\(range.upperBound)"))
            return nil
        }
        return number
    }

    mutating func figure(_ key: String, required: Bool = false, _ diagnostics: inout [Diagnostic]) -> Figure? {
        guard let value = value(key) else {
            if required { missing(key, &diagnostics) }
            return nil
        }
        guard let scalar = value.scalar, let figure = Self.parseFigure(scalar) else {
            diagnostics.append(.error(
                at: document.location(of: value), "`\(key)` of \(what) is not a number: \(Self.describe(value))",
                hint: "write the number alone, in the indicator's unit, without separators (e.g. `value: 5.6` with `unit: 万家`)"))
            return nil
        }
        return figure
    }

    mutating func bool(_ key: String, _ diagnostics: inout [Diagnostic]) -> Bool? {
        guard let value = value(key) else { return nil }
        switch value.scalar?.trimmingSpaces() {
        case "true": return true
        case "false": return false
        default:
            diagnostics.append(.error(at: document.location(of: value), "`\(key)` of \(what) should be true or false, found \(Self.describe(value))"))
            return nil
        }
    }

    mutating func date(_ key: String, _ diagnostics: inout [Diagnostic]) -> CalendarDate? {
        guard let value = value(key) else { return nil }
        guard let scalar = value.scalar, let date = CalendarDate(iso: scalar.trimmingSpaces()) else {
            diagnostics.append(.error(at: document.location(of: value), "`\(key)` of \(what) is not a date: \(Self.describe(value))",
                                      hint: "write dates as YYYY-MM-DD, e.g. `\(key): 2023-03-17`"))
            return nil
        }
        return date
    }

    mutating func choice<E: RawRepresentable & CaseIterable>(_ key: String, as type: E.Type, required: Bool = false, _ diagnostics: inout [Diagnostic]) -> E? where E.RawValue == String {
        guard let text = string(key, required: required, &diagnostics) else { return nil }
        if let choice = E(rawValue: text) { return choice }
        let options = E.allCases.map(\.rawValue)
        var hint = "use one of: " + options.joined(separator: ", ")
        if let near = nearest(text, in: options) { hint = "did you mean `\(near)`? " + hint }
        diagnostics.append(.error(at: location(of: key), "unknown \(key) `\(text)` in \(what)", hint: hint))
        return nil
    }

    mutating func sequence(_ key: String, required: Bool = false, _ diagnostics: inout [Diagnostic]) -> [YAMLNode]? {
        guard let value = value(key) else {
            if required { missing(key, &diagnostics) }
            return nil
        }
        guard let sequence = value.sequence else {
            diagnostics.append(.error(at: document.location(of: value), "`\(key)` of \(what) should be a list (lines starting with `- `), found \(Self.describe(value))"))
            return nil
        }
        return sequence
    }

    mutating func missing(_ key: String, _ diagnostics: inout [Diagnostic]) {
        diagnostics.append(.error(at: location, "\(what) is missing the required field `\(key)`", hint: "add a line `\(key): …`"))
    }

    /// Reports keys that nothing read: usually a misspelt field name that would otherwise be ignored.
    func reportUnknownKeys(_ diagnostics: inout [Diagnostic]) {
        for pair in mapping {
            guard let name = pair.key.scalar, !asked.contains(name) else { continue }
            var hint = "known fields: " + asked.sorted().joined(separator: ", ")
            if let near = nearest(name, in: asked) { hint = "did you mean `\(near)`?" }
            diagnostics.append(.error(at: document.location(of: pair.key), "unknown field `\(name)` in \(what)", hint: hint))
        }
    }

    /// A number as plain decimal digits: `5.6`, `-3`, `80000`. Not `5.6万`, `1,000`, `.nan` or `1e3`.
    static func parseFigure(_ raw: String) -> Figure? {
        let text = raw.trimmingSpaces()
        var digits = 0, dots = 0
        for (i, c) in text.enumerated() {
            if c.isASCII, c.isNumber { digits += 1 }
            else if c == "." { dots += 1 }
            else if (c == "-" || c == "+"), i == 0 {}
            else { return nil }
        }
        guard digits > 0, dots <= 1, let value = Double(text), value.isFinite else { return nil }
        return Figure(value, text: text.hasPrefix("+") ? String(text.dropFirst()) : text)
    }

    static func describe(_ node: YAMLNode) -> String {
        switch node.value {
        case .scalar(let text, _): return "`\(text)`"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}

func nearest(_ word: String, in candidates: [String]) -> String? {
    Suggestions.nearest(word, in: candidates)
}

extension String {
    func trimmingSpaces() -> String {
        // Most values have no space at either end, which the first and last scalars tell without breaking the
        // text into characters: a character is whitespace when its first scalar is, and a text that ends in a
        // scalar that cannot extend the character before it (ASCII, CJK ideographs and punctuation, full-width
        // forms) ends in a character that is that scalar.
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        if Self.standsAlone(first.value) || !first.properties.isWhitespace, Self.standsAlone(last.value) { return self }
        guard let firstCharacter = self.first, let lastCharacter = self.last else { return self }
        if !firstCharacter.isWhitespace, !lastCharacter.isWhitespace { return self }
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return String(s)
    }

    /// Not whitespace, and always a character of its own at the end of a text.
    private static func standsAlone(_ scalar: UInt32) -> Bool {
        (scalar > 0x20 && scalar < 0x7F) || (scalar >= 0x4E00 && scalar <= 0x9FFF) || (scalar >= 0x3001 && scalar <= 0x3029)
            || (scalar >= 0xFF01 && scalar <= 0xFF5E)
    }
}
