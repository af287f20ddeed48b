import Foundation

/// The character-level repairs a web or PDF copy of a plan needs: the spaces a page's line breaks left between
/// Han characters and figures, half-width punctuation where the printed document has full-width, full-width
/// digits. Each function is pure, so the same text always gives the same result.
enum TextCleanup {
    static func isHan(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FFFF: return true
        default: return false
        }
    }

    /// Full-width punctuation and symbols that sit in Han text.
    static func isWidePunctuation(_ s: Unicode.Scalar) -> Bool {
        "，。；：！？、（）《》“”‘’【】〔〕—…·％﹪〈〉「」『』".unicodeScalars.contains(s)
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\u{3000}" || s == "\u{A0}" || s == "\u{200B}" || s == "\u{FEFF}"
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }

    /// Trims the line; removes a run of spaces when a Han character or full-width mark is on either side of it
    /// ("构 建" → "构建", "2025 年" → "2025年", "1 万家" → "1万家"); keeps one space between Latin words.
    static func closeSpaces(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            guard isSpace(s) else { out.append(s); i += 1; continue }
            var j = i
            while j < scalars.count, isSpace(scalars[j]) { j += 1 }
            let before = out.last
            let after = j < scalars.count ? scalars[j] : nil
            if let before, let after, !isWide(before), !isWide(after) { out.append(" ") }
            i = j
        }
        return String(out)
    }

    private static func isWide(_ s: Unicode.Scalar) -> Bool {
        isHan(s) || isWidePunctuation(s) || s == "%"
    }

    /// Half-width punctuation made full-width as printed Chinese documents have it. A comma or colon between two
    /// digits (1,000; 10:30) and a full stop are left alone; full-width digits and the full-width point after a
    /// task number (１．) become ASCII.
    static func widenPunctuation(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        for (i, s) in scalars.enumerated() {
            let prev = i > 0 ? scalars[i - 1] : nil
            let next = i + 1 < scalars.count ? scalars[i + 1] : nil
            let betweenDigits = prev.map(isDigit) == true && next.map(isDigit) == true
            switch s {
            case ",": out.append(betweenDigits ? "," : "，")
            case ";": out.append("；")
            case ":": out.append(betweenDigits || next == "/" ? ":" : "：")
            case "(": out.append("（")
            case ")": out.append("）")
            case "?": out.append("？")
            case "!": out.append("！")
            case "\u{FF10}"..."\u{FF19}": out.append(Unicode.Scalar(s.value - 0xFF10 + 0x30)!)
            case "．" where prev.map(isDigit) == true || prev.map { ("\u{FF10}"..."\u{FF19}").contains($0) } == true: out.append(".")
            default: out.append(s)
            }
        }
        return String(out)
    }

    static func clean(_ text: String) -> String {
        widenPunctuation(closeSpaces(text))
    }

    /// Ends a sentence or a paragraph: a wrapped line that ends with none of these continues on the next.
    static func endsSentence(_ text: String) -> Bool {
        guard let last = text.unicodeScalars.last else { return true }
        return "。；！？：”）」』…|".unicodeScalars.contains(last)
    }

    /// Characters in the text that Markdown would read as markup, escaped so that the section shows the plan's words.
    static func markdownSafe(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "*", "_", "`", "\\", "<", "[", "]": out.append("\\"); out.append(c)
            default: out.append(c)
            }
        }
        if let first = out.first, "#>-+=|~".contains(first) { out = "\\" + out }
        return out
    }
}
