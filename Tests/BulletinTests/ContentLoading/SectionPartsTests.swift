import Foundation
import Testing
@testable import ContentLoading
import Model

/// A section holding a part of another kind (## （二）主要目标 {kind=goals} inside 总体要求) reads as the same sections as
/// a plan with a file for each: the goals page, the indicators' `section: goals` and the overview all work.
@Suite struct SectionPartsTests {
    /// The 双倍增 plan with its goals written inside overview.md, as the document prints them.
    static func merged() throws -> URL {
        let root = try Support.scratch()
        let content = root.appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("plans"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Support.content.appendingPathComponent("site.yaml"), to: content.appendingPathComponent("site.yaml"))
        let plan = content.appendingPathComponent("plans/cq-tech-enterprises-2023")
        try FileManager.default.copyItem(at: Support.content.appendingPathComponent("plans/cq-tech-enterprises-2023"), to: plan)
        let goals = Support.text(plan.appendingPathComponent("goals.md"))
        let goalsBody = goals.components(separatedBy: "\n---\n").dropFirst().joined(separator: "\n---\n")
        let overview = Support.text(plan.appendingPathComponent("overview.md"))
        try Data((overview + "\n## （二）主要目标 {kind=goals}\n" + goalsBody).utf8).write(to: plan.appendingPathComponent("overview.md"))
        try FileManager.default.removeItem(at: plan.appendingPathComponent("goals.md"))
        return root
    }

    @Test func aPartReadsAsTheSectionItsOwnFileWouldBe() throws {
        let root = try Self.merged()
        defer { Support.remove(root) }
        let loaded = ContentLoader(root: root.appendingPathComponent("Content"), displayRoot: "Content").load()
        #expect(!loaded.diagnostics.contains { $0.severity == .error }, "\(loaded.diagnostics.map(\.description))")
        let plan = try #require(loaded.site?.plans.first)
        let hand = try #require(ContentLoader(root: Support.content).load().site?.plans.first { $0.slug == plan.slug })
        #expect(plan.sections.map(\.id) == hand.sections.map(\.id))
        #expect(plan.sections.map(\.kind) == hand.sections.map(\.kind))
        #expect(plan.sections.map(\.numberedTitle) == hand.sections.map(\.numberedTitle))
        let goals = try #require(plan.sections.first { $0.id == "goals" })
        let handGoals = try #require(hand.sections.first { $0.id == "goals" })
        #expect(goals.chapter == "一、总体要求" && goals.chapter == handGoals.chapter)
        #expect(goals.body.trimmingCharacters(in: .whitespacesAndNewlines) == handGoals.body.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(goals.sourcePath == "Content/plans/cq-tech-enterprises-2023/overview.md")
        let overview = try #require(plan.sections.first { $0.id == "overview" })
        #expect(overview.body.contains("**（二）主要目标**：见“[主要目标](goals.html)”。"))
        #expect(!overview.body.contains("1.28万家"), "the part's text is on its own page only")
        #expect(plan.indicators.count == hand.indicators.count)
    }

    @Test func theSiteBuildsWithTheGoalsPageAndALinkToIt() throws {
        let root = try Self.merged()
        defer { Support.remove(root) }
        let (site, siteRoot) = try Support.build(root.appendingPathComponent("Content"))
        defer { Support.remove(siteRoot) }
        let goals = Support.text(site.appendingPathComponent("plans/cq-tech-enterprises-2023/goals.html"))
        #expect(goals.contains("全市高新技术企业突破1万家"))
        let overview = Support.text(site.appendingPathComponent("plans/cq-tech-enterprises-2023/overview.html"))
        #expect(overview.contains("<a href=\"goals.html\">主要目标</a>"))
    }

    @Test func aMistakeInAPartIsLocated() throws {
        let root = try Self.merged()
        defer { Support.remove(root) }
        let file = root.appendingPathComponent("Content/plans/cq-tech-enterprises-2023/overview.md")
        let text = Support.text(file)
        let line = text.components(separatedBy: "\n").firstIndex { $0.contains("{kind=goals}") }! + 1
        for (mark, message) in [("{kind=goal}", "unknown kind `goal`"), ("{kind=goals id=tasks}", "is named `tasks`, as is")] {
            try Data(text.replacingOccurrences(of: "{kind=goals}", with: mark).utf8).write(to: file)
            let loaded = ContentLoader(root: root.appendingPathComponent("Content"), displayRoot: "Content").load()
            let error = loaded.diagnostics.first { $0.severity == .error && $0.message.contains(message) }
            #expect(error != nil, "\(loaded.diagnostics.map(\.description))")
            #expect(error?.location.line == line && error?.location.file.hasSuffix("overview.md") == true, "\(mark): \(String(describing: error?.location)) against line \(line)")
        }
    }
}
