import ContentLoading
import Foundation
import Model
import Testing

/// `reported.csv` as offices save it from Excel: what must just work. The errors each have a fixture under
/// Fixtures/invalid (reported-csv, reported-csv-unclosed) with the exact messages.
@Suite struct ReportedCSVTests {
    func load(_ csv: [UInt8]) throws -> (site: Site?, diagnostics: [String]) {
        let scratch = try Support.scratch()
        defer { Support.remove(scratch) }
        let content = scratch.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: Support.fixtures.appendingPathComponent("valid"), to: content)
        try Data(csv).write(to: content.appendingPathComponent("plans/demo/reported.csv"))
        let result = ContentLoader(root: content, displayRoot: "Content").load()
        return (result.site, result.diagnostics.map(\.description))
    }

    @Test func excelsBOMCRLFQuotedCellsChineseHeadersAndEmptyRowsAreRead() throws {
        let text = "指标,年份,数值,来源,发布者,网址,发布日期,转载,备注\r\n"
            + "employees,2024,56.5,\"《2024年统计公报》, 第3页\",市统计局,https://example.org/a?x=1&y=2,2025-03-20,否,\"初步数，\"\"待核实\"\"\r\n第二行\"\r\n"
            + ",,,,,,,,\r\n"
        let (site, diagnostics) = try load([0xEF, 0xBB, 0xBF] + Array(text.utf8))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let indicator = try #require(site?.plans.first?.indicators.first { $0.id == "employees" })
        let report = try #require(indicator.reported.first)
        #expect(report.year == 2024 && report.value.text == "56.5")
        #expect(report.source.title == "《2024年统计公报》, 第3页")
        #expect(report.source.publisher == "市统计局")
        #expect(report.source.url == "https://example.org/a?x=1&y=2")
        #expect(report.source.published == CalendarDate(year: 2025, month: 3, day: 20))
        #expect(report.source.repost == false)
        #expect(report.note == "初步数，\"待核实\"\r\n第二行")
    }

    @Test func plainLineEndsWithoutBOMWork() throws {
        let (site, diagnostics) = try load(Array("indicator,year,value,source\nemployees,2023,50,来源\nemployees,2024,55,来源\n".utf8))
        #expect(diagnostics.isEmpty)
        #expect(site?.plans.first?.indicators.first { $0.id == "employees" }?.reported.map(\.year) == [2023, 2024])
    }

    @Test func aHeaderWithoutTheRequiredColumnsIsLocated() throws {
        let (_, diagnostics) = try load(Array("indicator,yeer,value\nemployees,2024,1\n".utf8))
        #expect(diagnostics.contains { $0.hasPrefix("Content/plans/demo/reported.csv:1:2: error: unknown column `yeer` in the header\n  hint: did you mean `year`?") }, "\(diagnostics)")
        #expect(diagnostics.contains { $0.hasPrefix("Content/plans/demo/reported.csv:1:1: error: the header has no column `year`, `source`") })
    }

    @Test func rowsAreNumberedAsASpreadsheetNumbersThemEvenAfterALineBreakInACell() throws {
        let (_, diagnostics) = try load(Array("indicator,year,value,source\nemployees,2024,1,\"多行\n来源\"\nemployees,2024,x,来源\n".utf8))
        #expect(diagnostics.first?.hasPrefix("Content/plans/demo/reported.csv:4:3: error: the value `x` is not a number") == true, "\(diagnostics)")
    }

    @Test func hostileCellsStayText() throws {
        let (site, diagnostics) = try load(Array("indicator,year,value,source,note\nemployees,2024,1,<script>alert(1)</script>,=HYPERLINK(\"http://x\")\n".utf8))
        #expect(diagnostics.isEmpty)
        let report = try #require(site?.plans.first?.indicators.first { $0.id == "employees" }?.reported.first)
        #expect(report.source.title == "<script>alert(1)</script>", "kept as text; pages escape it and CSV downloads neutralise formulas")
        #expect(report.note == "=HYPERLINK(\"http://x\")")
    }
}
