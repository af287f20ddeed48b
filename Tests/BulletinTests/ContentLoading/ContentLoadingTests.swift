import Foundation
import Testing
import BulletinCore
import Model
@testable import ContentLoading

@Suite struct ContentLoadingTests {
    @Test func loadsTheValidFixtureIntoTypedValues() throws {
        let result = ContentLoader(root: Support.fixtures.appendingPathComponent("valid"), displayRoot: "Content").load()
        #expect(result.diagnostics.isEmpty)
        let site = try #require(result.site)
        #expect(site.config.title == "测试公报")
        let plan = try #require(site.plans.first)
        #expect(plan.slug == "demo")
        #expect(plan.documentNumber == "示府办发〔2023〕1号")
        #expect(plan.issued == CalendarDate(year: 2023, month: 3, day: 17))
        #expect(plan.period == Period(start: 2023, end: 2025))
        #expect(plan.sections.map(\.id) == ["goals", "tasks"])
        #expect(plan.sections.map(\.kind) == [.goals, .tasks])
        #expect(plan.sections[0].numberedTitle == "二、发展目标")
        #expect(plan.indicators.map(\.id) == ["market-entities", "employees", "central"])
        let first = plan.indicators[0]
        #expect(first.unit == "万家")
        #expect(first.targets == [Target(year: 2025, value: Figure(5.6, text: "5.6"), comparator: .reach, quote: "科技服务业市场主体达5.6万家")])
        #expect(plan.parts(of: first).map(\.id) == ["central"])
    }

    /// Each folder under Fixtures/invalid holds the files that differ from Fixtures/valid, and expected.txt,
    /// the exact messages `bulletin check` prints for it.
    static let invalidCases: [String] = {
        let folder = Support.fixtures.appendingPathComponent("invalid")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }()

    @Test(arguments: invalidCases)
    func reportsInvalidContentWithFileLineAndColumn(_ name: String) throws {
        let scratch = try Support.scratch()
        defer { Support.remove(scratch) }
        let content = scratch.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: Support.fixtures.appendingPathComponent("valid"), to: content)
        let caseFolder = Support.fixtures.appendingPathComponent("invalid").appendingPathComponent(name)
        try Support.overlay(caseFolder.appendingPathComponent("plans"), onto: content.appendingPathComponent("plans"))
        try Support.overlay(caseFolder.appendingPathComponent("releases"), onto: content.appendingPathComponent("releases"))

        let report = Builder(options: .init(templates: Support.templates.path, workingDirectory: scratch)).check()
        let expected = Support.text(caseFolder.appendingPathComponent("expected.txt")).trimmingCharacters(in: .newlines)
        #expect(!report.succeeded)
        #expect(report.diagnostics.map(\.description).joined(separator: "\n") == expected)
    }

    @Test func invalidCasesCoverEveryKindTheIssueNames() {
        let required = ["yaml-syntax", "missing-field", "wrong-type", "unknown-kind", "duplicate-id", "not-a-number", "bad-utf8"]
        for name in required { #expect(Self.invalidCases.contains(name), "missing fixture \(name)") }
    }

    @Test func readsNumbersOnlyAsPlainDecimals() {
        #expect(MappingReader.parseFigure("5.6") == Figure(5.6, text: "5.6"))
        #expect(MappingReader.parseFigure("1.10")?.text == "1.10")
        #expect(MappingReader.parseFigure("-3")?.value == -3)
        #expect(MappingReader.parseFigure("80000")?.value == 80000)
        for bad in ["5.6万", "1,000", ".nan", ".inf", "1e3", "", "-", "1.2.3", "５"] {
            #expect(MappingReader.parseFigure(bad) == nil, "accepted \(bad)")
        }
    }

    @Test func findsNumbersOnlyAsWholeNumbers() {
        #expect(PlanChecker.contains("从业人员达60万人", number: "60"))
        #expect(!PlanChecker.contains("从业人员达600万人", number: "60"))
        #expect(!PlanChecker.contains("达1.28万家", number: "1.2"))
        #expect(!PlanChecker.contains("达15.5%", number: "5.5"))
        #expect(PlanChecker.contains("比重达5.5%以上", number: "5.5"))
        #expect(PlanChecker.contains("突破1万家。", number: "1"))
    }

    @Test func readsDatesStrictly() {
        #expect(CalendarDate(iso: "2023-03-17")?.chinese == "2023年3月17日")
        #expect(CalendarDate(iso: "2024-02-29") != nil)
        #expect(CalendarDate(iso: "2023-02-29") == nil)
        #expect(CalendarDate(iso: "2023-3-17") == nil)
        #expect(CalendarDate(iso: "2023/03/17") == nil)
    }

    @Test func reportsMalformedUTF8AtItsLineAndColumn() {
        let bytes = Data("第一行\n好\u{0}".utf8) + Data([0xFF, 0x41])
        guard case .failure(let position) = TextFile.decodeUTF8(bytes) else {
            Issue.record("accepted invalid UTF-8")
            return
        }
        #expect(position.line == 2)
        #expect(position.column == 3)
        #expect(position.byte == 0xFF)
    }

    /// Values are trimmed of whitespace at both ends, character by character (a space followed by a combining
    /// mark is one character, a whitespace one, trimmed whole).
    @Test(arguments: [
        ("5.6", "5.6"), (" 5.6 ", "5.6"), ("\t达\n", "达"), ("\u{3000}科技服务业\u{3000}", "科技服务业"),
        ("目标。", "目标。"), ("（万家）", "（万家）"), ("\u{A0}5\u{A0}", "5"), ("e\u{301}", "e\u{301}"),
        ("a \u{301}", "a"), ("a\u{2003}", "a"), ("", ""), ("   ", ""), ("\u{1F600} ", "\u{1F600}"),
    ])
    func trimsWhitespaceAtBothEnds(_ raw: String, _ trimmed: String) {
        #expect(raw.trimmingSpaces() == trimmed)
        // The same as trimming character by character.
        var slow = Substring(raw)
        while let c = slow.first, c.isWhitespace { slow = slow.dropFirst() }
        while let c = slow.last, c.isWhitespace { slow = slow.dropLast() }
        #expect(raw.trimmingSpaces() == String(slow))
    }
}
