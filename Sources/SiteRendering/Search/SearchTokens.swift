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

    /// The units of a text, as strings (the build reads texts with `Reader`; this is its view for tests and queries).
    static func units(_ text: String) -> [String] {
        var reader = Reader()
        reader.read(text)
        return (0..<reader.unitCount).map(reader.term)
    }

    /// The term a pair of neighbouring units makes: two Han characters side by side, anything else with a space
    /// between (so `a b` and `ab` stay apart). (`Reader` makes the same from the units' bytes.)
    static func pair(_ first: String, _ second: String) -> String {
        let han = { (unit: String) in unit.unicodeScalars.count == 1 && isHan(unit.unicodeScalars.first!.value) }
        return han(first) && han(second) ? first + second : first + " " + second
    }

    /// Every term of a text: its units and its pairs.
    static func terms(_ text: String) -> [String] {
        var reader = Reader()
        reader.read(text)
        return reader.hashes.indices.map(reader.term)
    }

    /// The terms a query needs: its one unit, or all its pairs.
    static func queryTerms(_ query: String) -> [String] {
        var reader = Reader()
        reader.read(query)
        return (reader.unitCount > 1 ? reader.unitCount..<reader.hashes.count : 0..<reader.unitCount).map(reader.term)
    }

    /// Reads texts into units, and into the hashes of their terms (`SearchIndex.hash` of each term's string) without
    /// making a string per term: the index makes a term's string only the first time it meets its hash. At
    /// 1000 plans this was half of the index's time (10.3 s of 15.4 s on two cores), a string per unit and per pair.
    struct Reader {
        /// The units of the last text read, their bytes as `units` makes them, one after another.
        private var bytes: [UInt8] = []
        private var ends: [Int] = []
        private var han: [Bool] = []
        /// The terms of the last text read: its units, then its pairs.
        private(set) var hashes: [UInt64] = []
        /// How many of them are units.
        var unitCount: Int { ends.count }

        init() {}

        mutating func read(_ text: String) {
            bytes.removeAll(keepingCapacity: true)
            ends.removeAll(keepingCapacity: true)
            han.removeAll(keepingCapacity: true)
            hashes.removeAll(keepingCapacity: true)
            var inRun = false
            func endRun() {
                if inRun { ends.append(bytes.count); han.append(false); inRun = false }
            }
            var scalars = text.unicodeScalars.makeIterator()
            var next = scalars.next()
            while let original = next {
                next = scalars.next()
                var value = original.value
                if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 }
                if (0x41...0x5A).contains(value) { value += 0x20 }
                if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) {
                    bytes.append(UInt8(value))
                    inRun = true
                } else if value == 0x2E, inRun, let last = bytes.last, (0x30...0x39).contains(last), let following = next?.value,
                          (0x30...0x39).contains(following) || (0xFF10...0xFF19).contains(following) {
                    bytes.append(0x2E)
                } else {
                    endRun()
                    if isHan(value) {
                        bytes.append(contentsOf: Unicode.Scalar(value)!.utf8)
                        ends.append(bytes.count)
                        han.append(true)
                    }
                }
            }
            endRun()
            for index in ends.indices { hashes.append(Self.hash(bytes[start(index)..<ends[index]], from: Self.offsetBasis)) }
            if ends.count > 1 {
                for index in 1..<ends.count {
                    var hash = hashes[index - 1]
                    if !(han[index - 1] && han[index]) { hash = (hash ^ 0x20) &* Self.prime }
                    hashes.append(Self.hash(bytes[start(index)..<ends[index]], from: hash))
                }
            }
        }

        /// The term whose hash is `hashes[index]`.
        func term(_ index: Int) -> String {
            if index < ends.count { return String(decoding: bytes[start(index)..<ends[index]], as: UTF8.self) }
            let second = index - ends.count + 1
            var term = Array(bytes[start(second - 1)..<ends[second - 1]])
            if !(han[second - 1] && han[second]) { term.append(0x20) }
            term += bytes[start(second)..<ends[second]]
            return String(decoding: term, as: UTF8.self)
        }

        private func start(_ index: Int) -> Int { index == 0 ? 0 : ends[index - 1] }

        static let offsetBasis: UInt64 = 0xCBF29CE484222325
        static let prime: UInt64 = 0x100000001B3

        static func hash(_ bytes: ArraySlice<UInt8>, from start: UInt64) -> UInt64 {
            var hash = start
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* prime }
            return hash
        }
    }

    /// FNV-1a over the term's UTF-8: which of `count` files holds it (the script computes the same).
    static func bucket(_ term: String, count: Int) -> Int {
        var hash: UInt32 = 0x811C9DC5
        for byte in term.utf8 { hash = (hash ^ UInt32(byte)) &* 0x01000193 }
        return Int(hash % UInt32(count))
    }
}
