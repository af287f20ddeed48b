import Foundation
import Diagnostics
import Markdown
import Testing
import Yams
@testable import ContentLoading

/// The quick YAML parser must read whatever it accepts exactly as Yams does (values, plain or quoted, lines
/// and columns), and leave everything else to Yams.
@Suite struct QuickYAMLTests {
    /// What Yams makes of `text`, or nil when Yams reports an error.
    static func yams(_ text: String) -> YAMLNode? {
        guard let root = try? Parser(yaml: text, resolver: .basic, encoding: .utf8).singleRoot() else { return nil }
        return YAMLNode(root)
    }

    /// Checks one text; returns whether the quick parser accepted it.
    @discardableResult
    static func agree(_ text: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Bool {
        guard let quick = QuickYAML.parse(text) else { return false }
        let slow = yams(text)
        #expect(slow != nil, "the quick parser accepted \(name), which Yams rejects", sourceLocation: sourceLocation)
        if let slow, quick != slow {
            Issue.record("\(name): the quick parser reads \(quick), Yams reads \(slow)", sourceLocation: sourceLocation)
        }
        return true
    }

    /// Every YAML text under `folder`: the .yaml files and the front matter of the .md files.
    static func texts(under folder: URL) -> [(name: String, text: String)] {
        var texts: [(String, String)] = []
        guard let items = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        for case let path as String in items {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path),
                  let text = String(data: data, encoding: .utf8) else { continue }
            if path.hasSuffix(".yaml") {
                texts.append((path, text))
            } else if path.hasSuffix(".md"), let yaml = FrontMatterSplit.split(text).yaml {
                texts.append((path + " (front matter)", yaml))
            }
        }
        return texts
    }

    @Test func readsEveryContentFileAsYamsDoes() {
        let texts = Self.texts(under: Support.content)
        #expect(texts.count > 20)
        let accepted = texts.filter { Self.agree($0.text, $0.name) }
        // The plain files are the quick parser's to read: each one it leaves to Yams holds something it gives up on
        // (a `|` or `>` block, an anchor, an alias, a tag, a tab), whatever the content holds.
        for (name, text) in texts where !accepted.contains(where: { $0.name == name }) {
            let givesUp = text.split(separator: "\n").contains { line in
                line.wholeMatch(of: /.*[:-]\s*[|>][-+0-9]*\s*/) != nil || line.contains("\t")
                    || line.firstMatch(of: /(^|[\s:\-\[{,])[&*!][^\s]/) != nil
            }
            #expect(givesUp, "the quick parser left \(name) to Yams, though it holds only plain YAML")
        }
        #expect(accepted.contains { $0.name.hasSuffix("indicators.yaml") })
    }

    @Test func readsTheFixturesAsYamsDoesOrLeavesThemToYams() {
        for (name, text) in Self.texts(under: Support.fixtures) { Self.agree(text, name) }
    }

    @Test func readsTheBenchmarkCorpusAsYamsDoes() throws {
        let folder = try Support.scratch()
        defer { Support.remove(folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Support.repository.appendingPathComponent("Benchmarks/corpus.py").path, "12", folder.path, "7"]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let texts = Self.texts(under: folder)
        #expect(texts.count >= 12 * 6)
        let accepted = texts.filter { Self.agree($0.text, $0.name) }
        #expect(accepted.count == texts.count, "every corpus file is plain YAML")
    }

    @Test func agreesWithYamsOnTheShapesItReads() {
        let accepted = [
            "a: 1\nb: two words\n",
            "a: 1 # a comment\n# a line of comment\n\nb: 2\n",
            "list:\n  - one\n  - two\n",
            "list:\n- one\n- two\nnext: 3\n",
            "items:\n  - id: a\n    name: 甲\n  - id: b\n    name: 乙\n",
            "items:\n- id: a\n  targets:\n  - { year: 2025, value: 2.6, quote: 研发经费投入强度达2.6%左右 }\n  name: x\n",
            "period: { start: 2023, end: 2025 }\nlist: [a, b ,  c]\n",
            "nested: { a: { b: 1 }, c: [1, [2, 3]] }\n",
            "quoted: \"a: b # c\"\nsingle: 'it''s'\nempty: \"\"\n",
            "url: https://example.org/a#b\nratio: 3:1\n",
            "text: 中文，带全角：冒号 和 # 注释\n",
            "neg: -3\ndash: -x\nnull: ~\ntilde: null\n",
            "deep:\n    a:\n          b: 1\n    c: 2\n",
            "seq:\n  -   spaced: 1\n      more: 2\n",
            "a: 1   \nb:    2\n",
            "k: v\n",
        ]
        for text in accepted {
            #expect(Self.agree(text, text.debugDescription), "the quick parser gave up on \(text.debugDescription)")
        }
    }

    @Test func leavesWhatItDoesNotKnowToYams() {
        let declined = [
            "notice: |\n  line one\n  line two\n",
            "folded: >\n  a\n  b\n",
            "multi: first\n  second\n",
            "anchor: &a 1\nalias: *a\n",
            "tag: !!str 1\n",
            "tab:\tvalue\n",
            "crlf: 1\r\nb: 2\r\n",
            "escaped: \"a\\nb\"\n",
            "empty:\nnext: 1\n",
            "dup: 1\ndup: 2\n",
            "bad: a: b\n",
            "bad indent:\n    a: 1\n  b: 2\n",
            "---\na: 1\n",
            "%YAML 1.1\n---\na: 1\n",
            "\u{FEFF}a: 1\n",
            "unclosed: { a: 1\n",
            "multiline: { a: 1,\n  b: 2 }\n",
            "\"quoted key\": 1\n",
            "? complex\n: key\n",
            "- a\n- b\n  c\n",
            "just a scalar\n",
            "trailing: { a: 1, }\n",
            "emptyflow: {}\n",
            "nested dash:\n  - - a\n",
            "a: 1\n- b\n",
            "  indented: root\n",
            "sep: a\u{2028}b\n",
        ]
        for text in declined {
            #expect(QuickYAML.parse(text) == nil, "the quick parser read \(text.debugDescription)")
            // Yams still reads (or rejects) it as before, through the document parser.
            var diagnostics: [Diagnostic] = []
            let document = YAMLDocument.parse(text, file: "t.yaml", diagnostics: &diagnostics)
            #expect((document?.root == Self.yams(text)) || (document == nil && !diagnostics.isEmpty))
        }
    }

    /// Content files with one to three small edits each (the typing mistakes authors make: a lost space or
    /// colon, a stray dash, quote, brace or hash, a line joined or split): whatever the quick parser still
    /// accepts, Yams must read the same.
    @Test func agreesWithYamsOnMistypedFiles() {
        var generator = SplitMix(seed: 20261122)
        let samples = Self.texts(under: Support.content).filter { $0.name.hasSuffix(".yaml") && QuickYAML.parse($0.text) != nil }
        let pieces: [[UInt8]] = [[0x3A], [0x20], [0x2D, 0x20], [0x23], [0x22], [0x27], [0x7B], [0x7D], [0x5B], [0x2C], [0x0A], [0x0A, 0x20, 0x20], [0x20, 0x20]]
        var accepted = 0
        for round in 0..<3000 {
            let sample = samples[round % samples.count]
            // The first lines of the file (whole lines: a cut flow mapping is not plain YAML).
            var bytes = Array(sample.text.utf8.prefix(800))
            bytes.removeLast(bytes.count - 1 - (bytes.lastIndex(of: 0x0A) ?? bytes.count - 1))
            for _ in 0...generator.next(in: 0...2) {
                // At an ASCII byte (the structure of the file), not inside a Chinese character.
                var at = generator.next(in: 0...(bytes.count - 1))
                while bytes[at] >= 0x80 { at = generator.next(in: 0...(bytes.count - 1)) }
                switch generator.next(in: 0...2) {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(contentsOf: pieces[generator.next(in: 0...(pieces.count - 1))], at: at)
                default: bytes[at] = pieces[generator.next(in: 0...(pieces.count - 1))][0]
                }
            }
            guard let text = String(bytes: bytes, encoding: .utf8) else { continue }
            if Self.agree(text, "\(sample.name), edit \(round): \(text.debugDescription)") { accepted += 1 }
        }
        // Many edits leave plain YAML that the quick parser reads: the comparison is not vacuous.
        #expect(samples.count >= 5)
        #expect(accepted > 600)
    }

    @Test func marksLinesAndColumnsInCharacters() throws {
        let root = try #require(QuickYAML.parse("# 说明\nitems:\n  - { name: 指标, value: 5 }\n"))
        let item = try #require(root.mapping?.first?.value.sequence?.first)
        #expect((item.line, item.column) == (3, 5))
        let value = try #require(item.mapping?.last?.value)
        #expect(value.scalar == "5")
        // Columns count characters: `指标` is two, not six bytes.
        #expect((value.line, value.column) == (3, 24))
        #expect(Self.agree("# 说明\nitems:\n  - { name: 指标, value: 5 }\n", "columns"))
    }
}
