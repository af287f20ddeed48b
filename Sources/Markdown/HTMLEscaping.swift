/// The one escaper of text for HTML in strings. (Pages and charts written as bytes escape with
/// `ByteBuffer.appendEscaped`, by the same rules.)
public enum HTML {
    /// Escapes text for HTML element content and double-quoted attribute values: & < > " and, unless `apostrophe` is
    /// false (as cmark leaves it in text), '.
    public static func escape(_ text: String, apostrophe: Bool = true) -> String {
        // Most text has nothing to escape: return it as it is.
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || ($0 == 0x27 && apostrophe) }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'" where apostrophe: out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
