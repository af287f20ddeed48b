import ContentLoading
import Foundation
import Importing
import Testing
import ZIPFoundation

/// The inputs `bulletin import` reads, what bad input gets, and how the folder is written.
@Suite struct ImportInputTests {
    static let fixtures = Support.fixtures.appendingPathComponent("import")

    static func sectionsAndFigures(_ plan: ImportedPlan) -> [String: String] {
        var files: [String: String] = [:]
        for file in plan.files where file.name != "plan.yaml" {
            // Where a figure stood in the source (a line or a paragraph) is a comment; the rest must agree.
            files[file.name] = file.contents.split(separator: "\n").filter { !$0.contains("# source line") }.joined(separator: "\n")
        }
        return files
    }

    /// A .docx made from a seed by LibreOffice gives the same sections and figures as the seed's text.
    @Test func docxImportsLikeTheText() throws {
        let text = try ImportInput.lines(of: SeedImportTests.seeds.appendingPathComponent("003_3b6f2a48eb26d9e1.txt"))
        let docx = try ImportInput.lines(of: Self.fixtures.appendingPathComponent("seed-003.docx"))
        let a = PlanImporter.run(lines: text, sourceName: "seed")
        let b = PlanImporter.run(lines: docx, sourceName: "seed")
        #expect(Self.sectionsAndFigures(a) == Self.sectionsAndFigures(b))
        #expect(b.candidates == a.candidates && a.candidates > 20)
    }

    /// A PDF is read through pdftotext, when it is installed (CI installs poppler-utils).
    @Test func pdfImportsLikeTheText() throws {
        let pdf = Self.fixtures.appendingPathComponent("seed-002.pdf")
        let hasTool = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].contains { FileManager.default.isExecutableFile(atPath: $0) }
        guard hasTool else {
            #expect(throws: ImportFailure.self) { try ImportInput.lines(of: pdf) }
            return
        }
        let text = try ImportInput.lines(of: SeedImportTests.seeds.appendingPathComponent("002_156afe44fd8357ab.txt"))
        let a = PlanImporter.run(lines: text, sourceName: "seed")
        let b = PlanImporter.run(lines: try ImportInput.lines(of: pdf), sourceName: "seed")
        #expect(a.sections.map(\.id) == b.sections.map(\.id))
        #expect(a.candidates == b.candidates)
    }

    @Test func malformedUTF8IsRefusedAtItsLineAndColumn() throws {
        var bytes = Array("第一行\n第二行有".utf8)
        bytes += [0xE4, 0x28]  // a broken sequence
        #expect(throws: ImportFailure.self) { try ImportInput.textLines(Data(bytes), path: "plan.txt") }
        do { _ = try ImportInput.textLines(Data(bytes), path: "plan.txt") } catch {
            #expect("\(error)".hasPrefix("plan.txt:2:5: the text is not valid UTF-8"), "\(error)")
        }
    }

    @Test func bomCRLFAndLoneCRAreRead() throws {
        let lines = try ImportInput.textLines(Data([0xEF, 0xBB, 0xBF] + Array("一、总体要求\r\n正文。\r第三行".utf8)), path: "x")
        #expect(lines.map(\.text) == ["一、总体要求", "正文。", "第三行"])
    }

    @Test func aFileThatIsNotADocxSaysSo() throws {
        let root = try Support.scratch()
        defer { Support.remove(root) }
        let fake = root.appendingPathComponent("plan.docx")
        try Data("not a zip".utf8).write(to: fake)
        #expect(throws: ImportFailure.self) { try ImportInput.lines(of: fake) }
    }

    /// Word tables: each cell's paragraph reads as `cell |`, so a table in a .docx is the table of a web copy.
    @Test func docxTableCellsAreCells() throws {
        let root = try Support.scratch()
        defer { Support.remove(root) }
        let url = root.appendingPathComponent("t.docx")
        let xml = """
        <?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
        <w:p><w:r><w:t>一、发展目标</w:t></w:r></w:p>
        <w:tbl><w:tr><w:tc><w:p><w:r><w:t>序号</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>指标</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
        <w:p><w:r><w:t xml:space="preserve">到2025年，</w:t></w:r><w:r><w:t>高新技术企业达500家。</w:t></w:r></w:p>
        </w:body></w:document>
        """
        let archive = try Archive(url: url, accessMode: .create)
        let data = Data(xml.utf8)
        try archive.addEntry(with: "word/document.xml", type: .file, uncompressedSize: Int64(data.count)) { position, size in
            data.subdata(in: Int(position)..<(Int(position) + size))
        }
        let lines = try ImportInput.lines(of: url).map(\.text)
        #expect(lines == ["一、发展目标", "序号 |", "指标 |", "到2025年，高新技术企业达500家。"])
    }

    /// Hostile text in the source stays text: no raw HTML, no Markdown structure, no YAML that breaks.
    @Test func hostileTextStaysText() throws {
        let source = """
        关于印发《某市“<script>alert(1)</script>”行动计划（2024—2026年）》的通知
        为做好工作，制定本行动计划。
        一、发展目标
        # 不是标题 **加粗** [链接](javascript:alert(1)) <img src=x onerror=alert(1)>
        到2026年，"引号"与\\反斜杠: 高新技术企业达500家。
        """
        let lines = source.split(separator: "\n").enumerated().map { SourceLine(number: $0.offset + 1, text: String($0.element)) }
        let plan = PlanImporter.run(lines: lines, sourceName: "hostile.txt")
        let root = try Support.scratch()
        defer { Support.remove(root) }
        try FileManager.default.copyItem(at: Support.content.appendingPathComponent("site.yaml"), to: root.appendingPathComponent("site.yaml"))
        try ImportWriter.write(plan, slug: "hostile", content: root, force: false)
        let result = ContentLoader(root: root).load()
        #expect(!result.diagnostics.contains { $0.severity == .error }, "\(result.diagnostics.map(\.description))")
        let loaded = try #require(result.site?.plans.first)
        let goals = try #require(loaded.sections.first { $0.kind == .goals })
        #expect(goals.body.contains("\\#不是标题\\*\\*加粗\\*\\*"))
        #expect(goals.body.contains("\\<img"))
        #expect(loaded.title.contains("<script>"), "the title is kept as text; the templates escape it")
        let (site, siteRoot) = try Support.build(root)
        defer { Support.remove(siteRoot) }
        let page = Support.text(site.appendingPathComponent("plans/hostile/goals.html"))
        #expect(!page.contains("<img src=x") && !page.contains("<script>alert"))
    }

    @Test func anExistingPlanIsReplacedOnlyWithForce() throws {
        let root = try Support.scratch()
        defer { Support.remove(root) }
        let lines = [SourceLine(number: 1, text: "一、发展目标"), SourceLine(number: 2, text: "到2025年，企业达10家。")]
        let plan = PlanImporter.run(lines: lines, sourceName: "a.txt")
        try ImportWriter.write(plan, slug: "p", content: root, force: false)
        let marker = root.appendingPathComponent("plans/p/_notes.md")
        try Data("editor's".utf8).write(to: marker)
        #expect(throws: ImportFailure.self) { try ImportWriter.write(plan, slug: "p", content: root, force: false) }
        #expect(FileManager.default.fileExists(atPath: marker.path), "nothing was touched")
        try ImportWriter.write(plan, slug: "p", content: root, force: true)
        #expect(!FileManager.default.fileExists(atPath: marker.path))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("plans/p/goals.md").path))
        let hidden = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("plans").path)
        #expect(hidden == ["p"], "no staging folder is left")
        for bad in ["../x", "/abs", "Upper", "a b", ""] {
            #expect(throws: ImportFailure.self, "\(bad)") { try ImportWriter.write(plan, slug: bad, content: root, force: false) }
        }
    }
}
