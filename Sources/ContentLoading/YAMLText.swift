import Foundation

/// YAML written by the generator (scaffolds, imports): every string double-quoted, so that no text can end it or
/// change its type.
public enum YAMLText {
    /// A double-quoted YAML scalar: any text, safely.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for s in text.unicodeScalars {
            switch s {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if s.value < 0x20 || s.value == 0x7F || (0x80...0x9F).contains(s.value) || s.value == 0x2028 || s.value == 0x2029 || s.value == 0xFEFF {
                    out += String(format: "\\u%04X", s.value)
                } else {
                    out.unicodeScalars.append(s)
                }
            }
        }
        return out + "\""
    }
}
