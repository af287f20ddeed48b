/// Makes heading ids that read well in Chinese and Latin text and never repeat within a document.
public struct AnchorMaker: Sendable {
    private var used: [String: Int] = [:]  // ids taken so far

    public init(reserved: [String] = []) {
        for id in reserved { used[id] = 1 }
    }

    /// Letters, digits and Han characters are kept (Latin lower-cased); spaces become hyphens; the rest is dropped.
    public static func slug(_ text: String) -> String {
        var out = ""
        var pendingHyphen = false
        for scalar in text.unicodeScalars {
            let p = scalar.properties
            if p.isAlphabetic || p.numericType != nil {
                if pendingHyphen, !out.isEmpty { out.append("-") }
                pendingHyphen = false
                out.unicodeScalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            } else if scalar == " " || scalar == "-" || scalar == "_" || scalar == "\u{3000}" {
                pendingHyphen = true
            }
        }
        return out.isEmpty ? "section" : out
    }

    public mutating func make(for text: String) -> String {
        let base = Self.slug(text)
        var candidate = base
        var n = 0
        while used[candidate] != nil {
            n += 1
            candidate = "\(base)-\(n)"
        }
        used[candidate] = 1
        return candidate
    }
}
