import Foundation
import Model

/// A JSON value with its keys in the order they are written, and numbers as the text the plan or source wrote
/// (`1.28`, never `1.2800000000000002`): the downloads are byte-for-byte the same on every build.
indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number's text, already valid JSON.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    static func == (a: JSONValue, b: JSONValue) -> Bool { a.text == b.text }

    static func figure(_ figure: Figure?) -> JSONValue { figure.map { .number(JSONValue.numberText($0.text, $0.value)) } ?? .null }
    static func int(_ value: Int?) -> JSONValue { value.map { .number(String($0)) } ?? .null }
    static func double(_ value: Double?) -> JSONValue { value.map { .number(JSONValue.numberText(nil, $0)) } ?? .null }
    static func text(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

    /// `text` when it is a plain JSON number (`0.6348`, `-3`), else the value with up to 12 significant digits.
    static func numberText(_ text: String?, _ value: Double) -> String {
        if let text, isJSONNumber(text) { return text }
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var digits = String(format: "%.12g", value)
        if digits.contains("e") { digits = String(value) }
        return digits
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?`
    static func isJSONNumber(_ text: String) -> Bool {
        var s = Array(text.utf8)[...]
        if s.first == 0x2D { s = s.dropFirst() }
        let isDigit = { (b: UInt8) in b >= 0x30 && b <= 0x39 }
        let whole = s.prefix(while: isDigit)
        guard !whole.isEmpty, whole.count == 1 || whole.first != 0x30 else { return false }
        s = s.dropFirst(whole.count)
        if s.isEmpty { return true }
        guard s.first == 0x2E else { return false }
        s = s.dropFirst()
        return !s.isEmpty && s.allSatisfy(isDigit)
    }

    var text: String {
        var out = ""
        write(into: &out, indent: nil, level: 0)
        return out
    }

    /// Two-space indented, for files people open.
    var pretty: String {
        var out = ""
        write(into: &out, indent: "  ", level: 0)
        return out + "\n"
    }

    private func write(into out: inout String, indent: String?, level: Int) {
        func newline(_ level: Int) {
            guard let indent else { return }
            out += "\n" + String(repeating: indent, count: level)
        }
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .number(let text): out += text
        case .string(let text): JSONValue.escape(text, into: &out)
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                newline(level + 1)
                item.write(into: &out, indent: indent, level: level + 1)
            }
            newline(level)
            out += "]"
        case .object(let pairs):
            guard !pairs.isEmpty else { out += "{}"; return }
            out += "{"
            for (index, (key, value)) in pairs.enumerated() {
                if index > 0 { out += "," }
                newline(level + 1)
                JSONValue.escape(key, into: &out)
                out += indent == nil ? ":" : ": "
                value.write(into: &out, indent: indent, level: level + 1)
            }
            newline(level)
            out += "}"
        }
    }

    /// Quotes, backslashes and control characters escaped; `<`, `>`, `&` and the line separators too, so that the
    /// text stays inert wherever a reader's tool pastes it (a `<script>` block, a JavaScript string).
    static func escape(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                out += "\\u" + hex4(scalar.value)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { out += "\\u" + hex4(scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        out += "\""
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: false)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
