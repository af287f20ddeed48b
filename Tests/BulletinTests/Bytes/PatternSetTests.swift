import Testing
@testable import Bytes

@Suite struct PatternSetTests {
    static func occurrences(_ patterns: [String], in text: String) -> [[Int]] {
        var found = [[Int]](repeating: [], count: patterns.count)
        PatternSet(patterns.map { Array($0.utf8) }).forEach(in: Array(text.utf8)) { found[$0].append($1) }
        return found
    }

    /// What a search for each pattern on its own finds: every start, overlapping ones too.
    static func naive(_ patterns: [String], in text: String) -> [[Int]] {
        let bytes = Array(text.utf8)
        return patterns.map { pattern in
            let needle = Array(pattern.utf8)
            guard !needle.isEmpty, needle.count <= bytes.count else { return [] }
            return (0...(bytes.count - needle.count)).filter { Array(bytes[$0..<$0 + needle.count]) == needle }
        }
    }

    @Test func findsOverlappingNestedAndRepeatedPatterns() {
        // "he" inside "she", "hers" across "he", a pattern twice, one that never occurs, an empty one.
        let patterns = ["he", "she", "his", "hers", "he", "xyz", ""]
        #expect(Self.occurrences(patterns, in: "ushers") == [[2], [1], [], [2], [2], [], []])
        #expect(Self.occurrences(["aa"], in: "aaaa") == [[0, 1, 2]])
        #expect(PatternSet(patterns.map { Array($0.utf8) }).occurring(in: Array("ushers".utf8)) == [true, true, false, true, true, false, true])
    }

    @Test func findsChineseQuotesAsWholeCharacters() {
        let text = "到2025年，科技服务业市场主体达5.6万家、从业人员达60万人。"
        let found = Self.occurrences(["市场主体达5.6万家", "从业人员达60万人", "达6"], in: text)
        #expect(found[0] == [Array(text.utf8).count - Array("市场主体达5.6万家、从业人员达60万人。".utf8).count])
        #expect(found[1].count == 1 && found[2].count == 1)
    }

    /// Random texts over a small alphabet, where patterns share prefixes and suffixes often: the same starts as
    /// searching for each pattern alone.
    @Test func agreesWithSearchingForEachPatternAlone() {
        var random = SplitMix(seed: 15)
        let alphabet = ["a", "b", "c", "达", "万"]
        func word(_ length: Int) -> String { (0..<length).map { _ in alphabet[random.next(in: 0...alphabet.count - 1)] }.joined() }
        for _ in 0..<300 {
            let text = word(random.next(in: 0...60))
            let patterns = (0..<random.next(in: 1...12)).map { _ in word(random.next(in: 0...5)) }
            #expect(Self.occurrences(patterns, in: text) == Self.naive(patterns, in: text), "\(patterns) in \(text)")
        }
    }
}
