/// How text becomes the search index's terms, the same at build time (here) and in the reader's browser
/// (`assets/search.js`, `units`): no dictionary, so the two can never disagree.
///
/// Text is read as a sequence of units: each Han character is one, and each run of Latin letters and digits
/// (with a decimal point inside a number) is one, lower-cased, full-width forms made half-width. Everything else,
/// spaces and punctuation too, only separates Latin runs and is otherwise dropped, so `5000亿元`, `5000 亿元` and
/// `５０００亿元` are the same units. A page is indexed by every unit and every pair of neighbouring units; a query
/// of one unit looks that unit up, a longer one needs all of its pairs.
enum SearchTokens {
    static func isHan(_ value: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || (0xF900...0xFAFF).contains(value)
            || (0x20000...0x2FA1F).contains(value) || value == 0x3007
    }

    static func units(_ text: String) -> [String] {
        var units: [String] = []
        var run = String.UnicodeScalarView()
        func flush() {
            if !run.isEmpty { units.append(String(run)); run.removeAll() }
        }
        let scalars = Array(text.unicodeScalars)
        for (index, original) in scalars.enumerated() {
            var value = original.value
            if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 }
            if (0x41...0x5A).contains(value) { value += 0x20 }
            if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) {
                run.append(Unicode.Scalar(value)!)
            } else if value == 0x2E, let last = run.last, (0x30...0x39).contains(last.value), index + 1 < scalars.count,
                      (0x30...0x39).contains(scalars[index + 1].value) || (0xFF10...0xFF19).contains(scalars[index + 1].value) {
                run.append(".")
            } else {
                flush()
                if isHan(value) { units.append(String(Unicode.Scalar(value)!)) }
            }
        }
        flush()
        return units
    }

    /// The term a pair of neighbouring units makes: two Han characters side by side, anything else with a space
    /// between (so `a b` and `ab` stay apart).
    static func pair(_ first: String, _ second: String) -> String {
        let han = { (unit: String) in unit.unicodeScalars.count == 1 && isHan(unit.unicodeScalars.first!.value) }
        return han(first) && han(second) ? first + second : first + " " + second
    }

    /// Every term of a text: its units and its pairs.
    static func terms(_ text: String) -> [String] {
        let units = units(text)
        var terms = units
        if units.count > 1 { for index in 1..<units.count { terms.append(pair(units[index - 1], units[index])) } }
        return terms
    }

    /// The terms a query needs: its one unit, or all its pairs.
    static func queryTerms(_ query: String) -> [String] {
        let units = units(query)
        guard units.count > 1 else { return units }
        return (1..<units.count).map { pair(units[$0 - 1], units[$0]) }
    }

    /// FNV-1a over the term's UTF-8: which of `count` files holds it (the script computes the same).
    static func bucket(_ term: String, count: Int) -> Int {
        var hash: UInt32 = 0x811C9DC5
        for byte in term.utf8 { hash = (hash ^ UInt32(byte)) &* 0x01000193 }
        return Int(hash % UInt32(count))
    }
}
