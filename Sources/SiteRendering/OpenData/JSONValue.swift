import Bytes
import Foundation
import Model

/// A JSON value with its keys in the order they are written, and numbers as the text the plan or source wrote
/// (`1.28`, never `1.2800000000000002`): the downloads are byte-for-byte the same on every build.
indirect enum JSONValue: Sendable {
    case null
    case bool(Bool)
    /// A number's text, already valid JSON.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    static func figure(_ figure: Figure?) -> JSONValue { figure.map { .number(JSONValue.numberText($0.text, $0.value)) } ?? .null }
    static func int(_ value: Int?) -> JSONValue { value.map { .number(String($0)) } ?? .null }
    static func double(_ value: Double?) -> JSONValue { value.map { .number(JSONValue.numberText(nil, $0)) } ?? .null }
    static func text(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

    /// `text` when it is a plain JSON number (`0.6348`, `-3`), else the value with up to 12 significant digits.
    static func numberText(_ text: String?, _ value: Double) -> String {
        if let text, isJSONNumber(text) { return text }
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var digits = cFormat("%.12g", value)
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
        var out: [UInt8] = []
        write(into: &out, indent: false, level: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// Two-space indented, for files people open, as UTF-8 bytes. Written as bytes, not by appending to a String: the
    /// site's JSON is tens of megabytes at 1000 plans, and String appends took a fifth of the build.
    var prettyBytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(into: &out, indent: true, level: 0)
        out.append(0x0A)
        return out
    }

    /// Appends the value, without indentation, to `out`.
    func append(to out: inout [UInt8]) { write(into: &out, indent: false, level: 0) }

    private func write(into out: inout [UInt8], indent: Bool, level: Int) {
        func newline(_ level: Int) {
            guard indent else { return }
            out.append(0x0A)
            out.append(contentsOf: repeatElement(0x20, count: level * 2))
        }
        switch self {
        case .null: out += "null".utf8
        case .bool(let value): out += (value ? "true" : "false").utf8
        case .number(let text): out += text.utf8
        case .string(let text): JSONValue.escape(text, into: &out)
        case .array(let items):
            guard !items.isEmpty else { out += "[]".utf8; return }
            out.append(0x5B)
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(0x2C) }
                newline(level + 1)
                item.write(into: &out, indent: indent, level: level + 1)
            }
            newline(level)
            out.append(0x5D)
        case .object(let pairs):
            guard !pairs.isEmpty else { out += "{}".utf8; return }
            out.append(0x7B)
            for (index, (key, value)) in pairs.enumerated() {
                if index > 0 { out.append(0x2C) }
                newline(level + 1)
                JSONValue.escape(key, into: &out)
                out.append(0x3A)
                if indent { out.append(0x20) }
                value.write(into: &out, indent: indent, level: level + 1)
            }
            newline(level)
            out.append(0x7D)
        }
    }

    /// Quotes, backslashes and control characters escaped; `<`, `>`, `&` and the line separators U+2028 and U+2029
    /// too, so that the text stays inert wherever a reader's tool pastes it (a `<script>` block, a JavaScript string).
    static func escape(_ text: String, into out: inout [UInt8]) {
        out.append(0x22)
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0x3C, 0x3E, 0x26, 0x7F, 0x00..<0x20: out += ("\\u" + hex4(UInt32(b))).utf8
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                out += (bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8
                i += 2
            default: out.append(b)
            }
            i += 1
        }
        out.append(0x22)
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: false)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
