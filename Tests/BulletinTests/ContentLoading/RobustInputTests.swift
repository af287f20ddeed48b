import Foundation
import Testing
@testable import ContentLoading
import Diagnostics

/// Input built to hang or crash a reader gets a located error, fast; odd but valid input reads as written.
@Suite struct RobustInputTests {
    static func parse(_ text: String) -> (YAMLDocument?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let document = YAMLDocument.parse(text, file: "x.yaml", diagnostics: &diagnostics)
        return (document, diagnostics)
    }

    /// Nine anchors of nine aliases each would expand to 9¹⁰ values: refused at the first alias.
    @Test func anAliasBombIsRefusedAtItsFirstAlias() {
        var text = "a: &a [\"x\", \"x\", \"x\", \"x\", \"x\", \"x\", \"x\", \"x\", \"x\"]\n"
        for i in 1..<10 {
            let name = String(UnicodeScalar(UInt8(97 + i))), previous = String(UnicodeScalar(UInt8(96 + i)))
            text += "\(name): &\(name) [" + Array(repeating: "*" + previous, count: 9).joined(separator: ", ") + "]\n"
        }
        let (document, diagnostics) = Self.parse(text)
        #expect(document == nil)
        #expect(diagnostics.map(\.description).first?.hasPrefix("x.yaml:2:8: error: YAML aliases (`*name`) are not allowed") == true)
    }

    @Test(arguments: [
        ("indicators:\n  - " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n", "x.yaml:2:69: error: the YAML is nested more than 64 levels deep"),
        ("indicators:\n  - " + String(repeating: "{a: ", count: 100_000) + "1" + String(repeating: "}", count: 100_000) + "\n", "x.yaml:2:261: error: the YAML is nested more than 64 levels deep"),
        ("indicators:\n" + String(repeating: "- ", count: 100_000) + "x\n", "x.yaml:2:1: error: the YAML is nested more than 200 levels deep"),
        ("indicators:\n" + (0..<3000).map { String(repeating: " ", count: 2 * $0) + "- \n" }.joined() + "x\n", "x.yaml:202:1: error: the YAML is nested more than 200 levels deep"),
    ])
    func nestingThatWouldOverflowTheStackIsRefused(_ text: String, _ message: String) {
        let (document, diagnostics) = Self.parse(text)
        #expect(document == nil)
        #expect(diagnostics.first?.description.hasPrefix(message) == true, "\(diagnostics.map(\.description))")
    }

    /// What looks like an alias or deep nesting inside quotes, comments and block scalars is text.
    @Test func quotedTextCommentsAndBlockScalarsAreNotSearched() throws {
        let text = """
        title: "*不是别名*"
        note: '[[[[ ''*'' ]]]]'
        # *a comment [[[[
        notice: |
          **（一）**加粗的 *文字* 和 - - - 列表
          [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[
        list: [a, "b*", c]
        star: 2*3
        """
        let (document, diagnostics) = Self.parse(text)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        let root = try #require(document?.root?.mapping)
        #expect(root.first { $0.key.scalar == "title" }?.value.scalar == "*不是别名*")
        #expect(root.first { $0.key.scalar == "star" }?.value.scalar == "2*3")
        #expect(root.first { $0.key.scalar == "notice" }?.value.scalar?.contains("[[[[") == true)
    }

    /// A megabyte on one line, and a hundred thousand rows, read in bounded time.
    @Test func longLinesAndLongFilesRead() throws {
        let line = "title: \"" + String(repeating: "很长的标题", count: 200_000) + "\"\n"
        let (long, d1) = Self.parse(line)
        #expect(d1.isEmpty && long?.root?.mapping?.first?.value.scalar?.count == 1_000_000)
        let rows = "indicators:\n" + (0..<10_000).map { "  - { id: i\($0), name: 指标\($0) }\n" }.joined()
        let (many, d2) = Self.parse(rows)
        #expect(d2.isEmpty && many?.root?.mapping?.first?.value.sequence?.count == 10_000)
    }

    /// Tables the Markdown library would take minutes over are refused at their delimiter row; large ones of a
    /// plan's shape pass.
    @Test func tablesBeyondWhatTheMarkdownLibraryCanTakeAreRefused() {
        func table(_ columns: Int, _ rows: Int) -> String {
            "前文。\n\n|" + String(repeating: "a|", count: columns) + "\n|" + String(repeating: "-|", count: columns) + "\n"
                + String(repeating: "|" + String(repeating: "x|", count: columns) + "\n", count: rows)
        }
        #expect(TableLimits.problem(in: table(101, 2), file: "s.md", firstLine: 6)?.description
            .hasPrefix("s.md:9:1: error: the table here has 101 columns, more than 100") == true)
        #expect(TableLimits.problem(in: table(100, 10_001), file: "s.md", firstLine: 6)?.description
            .hasPrefix("s.md:9:1: error: the table here has more than 1000000 cells") == true)
        #expect(TableLimits.problem(in: table(20, 2000), file: "s.md", firstLine: 6) == nil)
        #expect(TableLimits.problem(in: "```\n" + table(200, 2) + "```\n", file: "s.md", firstLine: 1) == nil, "code is not a table")
    }

    /// A character that reorders the text after it (U+202E) is warned of where it first is, column in characters.
    @Test func bidirectionalControlsAreWarnedOfWhereTheyAre() throws {
        let root = try Support.scratch()
        defer { Support.remove(root) }
        let content = root.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: Support.fixtures.appendingPathComponent("valid"), to: content)
        let goals = content.appendingPathComponent("plans/demo/goals.md")
        try Data((Support.text(goals) + "\n中心城区\u{202E}超过\u{2066}7110家\u{2069}。\n").utf8).write(to: goals)
        let result = ContentLoader(root: content, displayRoot: "Content").load()
        let line = Support.text(goals).split(separator: "\n", omittingEmptySubsequences: false).count - 1
        #expect(result.diagnostics.map(\.headline) == [
            "Content/plans/demo/goals.md:\(line):5: warning: a bidirectional control character (U+202E) here reorders the text after it on screen (3 in the file)",
        ])
        #expect(result.site != nil, "a warning, not an error: the text stays, escaped")
        #expect(TextFile.bidiControls(in: Data("标题\u{200F}".utf8), displayPath: "a") == nil, "a right-to-left mark reorders nothing after it")
    }
}
