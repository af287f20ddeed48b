/// Text width without font metrics, by Unicode East Asian Width (UAX #11): wide and fullwidth characters are
/// one em, ambiguous ones too (the pages are zh-CN), Latin letters and digits about 0.55–0.7 em; plus slack.
public enum TextMeasure {
    public static let slack = 1.06
    /// Bold text (the `c-strong` labels) is wider: measured in headless Chromium with Noto Sans CJK SC, a bold
    /// `1200亿元` at 12 px is 57.4 px against 56.0 px estimated for regular text (`.ci/typography.py` found it 0.7 px
    /// outside its chart).
    public static let boldFactor = 1.06

    public static func width(_ text: String, fontSize: Double, bold: Bool = false) -> Double {
        var ems = 0.0
        for scalar in text.unicodeScalars { ems += emWidth(scalar) }
        return ems * fontSize * slack * (bold ? boldFactor : 1)
    }

    static func emWidth(_ scalar: Unicode.Scalar) -> Double {
        let v = scalar.value
        if v < 0x80 {
            switch scalar {
            case "0"..."9": return 0.6
            case "A"..."Z": return scalar == "M" || scalar == "W" ? 0.85 : 0.68
            case "m", "w": return 0.85
            case "i", "j", "l", "f", "t", "r": return 0.35
            case "a"..."z": return 0.56
            case " ": return 0.3
            case "%": return 0.9
            case ".", ",", ":", ";", "'", "|", "!": return 0.3
            case "(", ")", "[", "]", "-": return 0.38
            default: return 0.6
            }
        }
        return isWide(scalar) ? 1.0 : 0.6
    }

    /// Wide, fullwidth or (on a Chinese page) ambiguous.
    public static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        // Han characters first: nearly every wide character on these pages is one.
        if v >= 0x4E00, v <= 0x9FFF { return true }
        return wideRanges.contains { $0.contains(v) } || ambiguousRanges.contains { $0.contains(v) }
    }

    static let wideRanges: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
        ]
    static let ambiguousRanges: [ClosedRange<UInt32>] = [
            0x00A7...0x00A7, 0x00B0...0x00B1, 0x00B7...0x00B7, 0x00D7...0x00D7, 0x00F7...0x00F7,
            0x2010...0x2016, 0x2018...0x2019, 0x201C...0x201D, 0x2020...0x2022, 0x2025...0x2027,
            0x2030...0x2030, 0x2032...0x2033, 0x203B...0x203B, 0x2103...0x2103, 0x2116...0x2116,
            0x2160...0x216B, 0x2190...0x2199, 0x2460...0x24E9, 0x2500...0x257F, 0x25A0...0x25FF, 0x2605...0x2606,
        ]

    // W3C Requirements for Chinese Text Layout: no line starts with closing punctuation, none ends with opening.
    static let noLineStart: Set<Character> = ["，", "。", "、", "；", "：", "？", "！", "）", "》", "”", "’", "」", "』", "】", "〕", "…", "·", ",", ".", ";", ":", "?", "!", ")", "%", "％"]
    static let noLineEnd: Set<Character> = ["（", "《", "“", "‘", "「", "『", "【", "〔", "("]
    /// Characters that stay with the number before them: 2025年, 1.2万, 5.2%.
    static let unitAfterNumber: Set<Character> = ["年", "月", "日", "万", "亿", "个", "家", "人", "元", "件", "项", "名", "%", "％"]

    /// Pieces that must not be split: a run of Latin letters and digits with the unit after it, or one Han
    /// character; closing punctuation joins the piece before it, opening punctuation the piece after it.
    static func pieces(_ text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var pendingOpen = ""
        func flush() {
            if !current.isEmpty { pieces.append(current); current = "" }
        }
        var previousWasLatin = false
        for ch in text {
            let isLatin = ch.isASCII && (ch.isLetter || ch.isNumber || ch == "." || ch == "&" || ch == "-" || ch == "_")
            if noLineStart.contains(ch) {
                if current.isEmpty, let last = pieces.popLast() { current = last }
                current.append(ch)
                previousWasLatin = false
                continue
            }
            if noLineEnd.contains(ch) {
                flush()
                pendingOpen.append(ch)
                previousWasLatin = false
                continue
            }
            if isLatin {
                if !previousWasLatin { flush() }
                current = pendingOpen + current
                pendingOpen = ""
                current.append(ch)
                previousWasLatin = true
                continue
            }
            if previousWasLatin, unitAfterNumber.contains(ch), current.last?.isNumber == true {
                current.append(ch)
                previousWasLatin = false
                continue
            }
            flush()
            previousWasLatin = false
            if ch == " " { pieces.append(" "); continue }
            current = pendingOpen + String(ch)
            pendingOpen = ""
        }
        if !pendingOpen.isEmpty { current += pendingOpen }
        flush()
        return pieces
    }

    /// Breaks `text` into lines no wider than `maxWidth`, at most `maxLines`; a cut-off last line ends in "…".
    public static func lines(_ text: String, fontSize: Double, maxWidth: Double, maxLines: Int = 2, bold: Bool = false) -> [String] {
        // Width is proportional to the size: bold text is measured as regular text a little larger.
        if bold { return lines(text, fontSize: fontSize * boldFactor, maxWidth: maxWidth, maxLines: maxLines) }
        guard maxLines > 0 else { return [] }
        // Most labels fit on one line as they are.
        if !text.isEmpty, text.first != " ", text.last != " ", width(text, fontSize: fontSize) <= maxWidth { return [text] }
        var lines: [String] = []
        var line = ""
        let pieces = pieces(text)
        var index = 0
        while index < pieces.count {
            let piece = pieces[index]
            if line.isEmpty, piece == " " { index += 1; continue }
            if width(line + piece, fontSize: fontSize) <= maxWidth || line.isEmpty {
                line += piece
                index += 1
                if width(line, fontSize: fontSize) > maxWidth {
                    // A single piece wider than the line: cut it by characters.
                    var cut = ""
                    for ch in line where width(cut + String(ch), fontSize: fontSize) <= maxWidth || cut.isEmpty { cut.append(ch) }
                    let rest = String(line.dropFirst(cut.count))
                    lines.append(cut)
                    line = rest
                    if lines.count == maxLines { break }
                }
                continue
            }
            lines.append(line.trimmingTrailingSpace())
            line = ""
            if lines.count == maxLines { break }
        }
        let consumedAll = index >= pieces.count
        if lines.count < maxLines, !line.isEmpty {
            lines.append(line.trimmingTrailingSpace())
            line = ""
        }
        if !consumedAll || !line.isEmpty, var last = lines.popLast() {
            while !last.isEmpty, width(last + "…", fontSize: fontSize) > maxWidth { last.removeLast() }
            lines.append(last + "…")
        }
        return lines
    }
}

extension String {
    fileprivate func trimmingTrailingSpace() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
