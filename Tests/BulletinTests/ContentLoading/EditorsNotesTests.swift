import ContentLoading
import Foundation
import Testing

/// A plan folder may hold notes for its editors beside the sections (README.md, SOURCE.md): they are not sections.
@Suite struct EditorsNotesTests {
    @Test func aNoteInCapitalsBesideTheSectionsIsNotASection() throws {
        let scratch = try Support.scratch()
        defer { Support.remove(scratch) }
        let content = scratch.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: Support.fixtures.appendingPathComponent("valid"), to: content)
        let before = try #require(ContentLoader(root: content).load().site).plans.first?.sections.map(\.id)
        for name in ["README.md", "SOURCE.md"] {
            try Data("# 整理说明\n\n原文缺第三页，据转载页补回。\n".utf8).write(to: content.appendingPathComponent("plans/demo/" + name))
        }
        let loaded = ContentLoader(root: content).load()
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        #expect(loaded.site?.plans.first?.sections.map(\.id) == before)
        // A lower-case file without front matter is still a section with a mistake, and says so.
        try Data("no front matter\n".utf8).write(to: content.appendingPathComponent("plans/demo/notes.md"))
        #expect(ContentLoader(root: content).load().diagnostics.contains { $0.location.file.hasSuffix("plans/demo/notes.md") })
    }

    /// A file the build does not read is warned about, with the nearest name it does read; a draft after `_` is the
    /// editors' own. Warnings do not stop the build.
    @Test func aMisnamedFileIsWarnedAboutAndADraftIsNot() throws {
        let scratch = try Support.scratch()
        defer { Support.remove(scratch) }
        let content = scratch.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: Support.fixtures.appendingPathComponent("valid"), to: content)
        let demo = content.appendingPathComponent("plans/demo")
        try FileManager.default.moveItem(at: demo.appendingPathComponent("indicators.yaml"), to: demo.appendingPathComponent("indicators.yml"))
        try Data("---\nkind: tasks\n---\n草稿\n".utf8).write(to: demo.appendingPathComponent("_draft.md"))
        let loaded = ContentLoader(root: content, displayRoot: "Content").load()
        #expect(loaded.diagnostics.map(\.headline) == ["Content/plans/demo/indicators.yml:1:1: warning: `indicators.yml` is not a file the build reads: it is left out"])
        #expect(loaded.diagnostics.first?.hint?.hasPrefix("did you mean `indicators.yaml`?") == true)
        #expect(loaded.site?.plans.first?.sections.map(\.id).contains("_draft") == false)
    }
}
