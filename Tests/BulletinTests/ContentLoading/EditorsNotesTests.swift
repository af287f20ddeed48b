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
}
