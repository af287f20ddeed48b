import Diagnostics
import Model
import Yams

/// Reads one YAML mapping field by field, recording a located diagnostic for every missing field, wrong
/// type, malformed number or unknown key, instead of stopping at the first one.
struct MappingReader {
    let document: YAMLDocument
    let node: Node
    let mapping: Node.Mapping
    /// The mapping's values by key, read once: Yams looks keys up by comparing nodes one by one.
    let values: [String: Node]
    /// What the mapping describes, for messages: "plan", "indicator `rd-intensity`".
    var what: String
    private var seen: Set<String> = []

    init?(_ node: Node?, in document: YAMLDocument, what: String, example: String? = nil, diagnostics: inout [Diagnostic]) {
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
        var values: [String: Node] = [:]
        for (key, value) in mapping {
            if let name = key.scalar?.string, values[name] == nil { values[name] = value }
        }
        self.values = values
        self.what = what
    }

    var location: SourceLocation { document.location(of: node) }

    func location(of key: String) -> SourceLocation {
        document.location(of: values[key] ?? node)
    }

    mutating func value(_ key: String) -> Node? {
        seen.insert(key)
        guard let value = values[key] else { return nil }
        if let scalar = value.scalar, scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return nil }
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
        let text = scalar.string.trimmingSpaces()
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
        guard let scalar = value.scalar, let number = Int(scalar.string.trimmingSpaces()) else {
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
        guard let scalar = value.scalar, let figure = Self.parseFigure(scalar.string) else {
            diagnostics.append(.error(
                at: document.location(of: value), "`\(key)` of \(what) is not a number: \(Self.describe(value))",
                hint: "write the number alone, in the indicator's unit, without separators (e.g. `value: 5.6` with `unit: 万家`)"))
            return nil
        }
        return figure
    }

    mutating func bool(_ key: String, _ diagnostics: inout [Diagnostic]) -> Bool? {
        guard let value = value(key) else { return nil }
        switch value.scalar?.string.trimmingSpaces() {
        case "true": return true
        case "false": return false
        default:
            diagnostics.append(.error(at: document.location(of: value), "`\(key)` of \(what) should be true or false, found \(Self.describe(value))"))
            return nil
        }
    }

    mutating func date(_ key: String, _ diagnostics: inout [Diagnostic]) -> CalendarDate? {
        guard let value = value(key) else { return nil }
        guard let scalar = value.scalar, let date = CalendarDate(iso: scalar.string.trimmingSpaces()) else {
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

    mutating func sequence(_ key: String, required: Bool = false, _ diagnostics: inout [Diagnostic]) -> [Node]? {
        guard let value = value(key) else {
            if required { missing(key, &diagnostics) }
            return nil
        }
        guard let sequence = value.sequence else {
            diagnostics.append(.error(at: document.location(of: value), "`\(key)` of \(what) should be a list (lines starting with `- `), found \(Self.describe(value))"))
            return nil
        }
        return Array(sequence)
    }

    mutating func missing(_ key: String, _ diagnostics: inout [Diagnostic]) {
        diagnostics.append(.error(at: location, "\(what) is missing the required field `\(key)`", hint: "add a line `\(key): …`"))
    }

    /// Reports keys that nothing read: usually a misspelt field name that would otherwise be ignored.
    func reportUnknownKeys(_ diagnostics: inout [Diagnostic]) {
        for (key, _) in mapping {
            guard let name = key.string, !seen.contains(name) else { continue }
            var hint = "known fields: " + seen.sorted().joined(separator: ", ")
            if let near = nearest(name, in: Array(seen)) { hint = "did you mean `\(near)`?" }
            diagnostics.append(.error(at: document.location(of: key), "unknown field `\(name)` in \(what)", hint: hint))
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

    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return "`\(scalar.string)`"
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
        // Most values have no space at either end: check the first and last bytes before anything else.
        guard let first, let last else { return self }
        if !first.isWhitespace, !last.isWhitespace { return self }
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
