import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import BulletinCore
import ContentLoading
import Model

/// The editor's and CI's workflow: same input, same bytes; a rebuild writes only what changed.
@Suite(.serialized) struct IncrementalBuildTests {
    /// A scratch project holding a copy of the real Content/ and Templates/.
    struct Project {
        let root: URL
        var site: URL { root.appendingPathComponent("Site") }

        init() throws {
            root = try Support.scratch()
            try FileManager.default.copyItem(at: Support.content, to: root.appendingPathComponent("Content"))
            try FileManager.default.copyItem(at: Support.templates, to: root.appendingPathComponent("Templates"))
        }

        func build(full: Bool = false) -> Builder.Report {
            Builder(options: .init(workingDirectory: root, full: full)).build()
        }

        func edit(_ path: String, _ old: String, _ new: String) throws {
            let url = root.appendingPathComponent(path)
            let text = Support.text(url)
            #expect(text.contains(old), "\(path) does not contain \(old)")
            try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
        }

        func modificationDates() -> [String: Date] {
            var dates: [String: Date] = [:]
            for path in Support.snapshot(site).keys {
                dates[path] = (try? FileManager.default.attributesOfItem(atPath: site.appendingPathComponent(path).path))?[.modificationDate] as? Date
            }
            return dates
        }
    }

    @Test func twoCleanBuildsAreByteIdentical() throws {
        let first = try Project(), second = try Project()
        defer { Support.remove(first.root); Support.remove(second.root) }
        #expect(first.build().succeeded)
        #expect(second.build().succeeded)
        let a = Support.snapshot(first.site), b = Support.snapshot(second.site)
        #expect(a.keys.contains("data/bulletin.zip") && a.keys.contains("index.html"))
        #expect(a.mapValues { StableHash.of($0) } == b.mapValues { StableHash.of($0) })
    }

    @Test func aNoOpRebuildRendersAndWritesNothing() throws {
        let project = try Project()
        defer { Support.remove(project.root) }
        let first = project.build()
        #expect(first.succeeded)
        let before = project.modificationDates()
        Thread.sleep(forTimeInterval: 0.05)
        let again = project.build()
        #expect(again.succeeded)
        #expect(again.rendered == 0)
        #expect(again.written.isEmpty)
        #expect(again.removed.isEmpty)
        #expect(again.unchanged == first.written.count)
        #expect(project.modificationDates() == before, "no file was touched")
    }

    @Test func aDeletedOutputFileIsWrittenAgainAndATouchedSourceRendersNothingNew() throws {
        let project = try Project()
        defer { Support.remove(project.root) }
        #expect(project.build().succeeded)
        let page = project.site.appendingPathComponent("plans/cq-tech-enterprises-2023/goals.html")
        let bytes = try Data(contentsOf: page)
        try FileManager.default.removeItem(at: page)
        let repaired = project.build()
        #expect(repaired.written == ["plans/cq-tech-enterprises-2023/goals.html"])
        #expect(try Data(contentsOf: page) == bytes)
        // A chart file goes with its page: deleted alone, it is written again too.
        let chart = project.site.appendingPathComponent("plans/cq-hitech-zone-sti-2021/indicators/rd-intensity.svg")
        let chartBytes = try Data(contentsOf: chart)
        try FileManager.default.removeItem(at: chart)
        #expect(project.build().written.contains("plans/cq-hitech-zone-sti-2021/indicators/rd-intensity.svg"))
        #expect(try Data(contentsOf: chart) == chartBytes)
        // A new modification time with the same bytes: read again, nothing rendered differs, nothing written.
        let goals = project.root.appendingPathComponent("Content/plans/cq-tech-enterprises-2023/goals.md")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: goals.path)
        let touched = project.build()
        #expect(touched.succeeded)
        #expect(touched.rendered == 0)
        #expect(touched.written.isEmpty)
    }

    @Test func editingOneIndicatorRewritesOnlyThePagesThatShowIt() throws {
        let project = try Project()
        defer { Support.remove(project.root) }
        let first = project.build()
        #expect(first.succeeded)
        let before = Support.snapshot(project.site)
        // The 2020 base of R&D intensity, 4.9 → 4.8 (a correction an editor might make).
        try project.edit("Content/plans/cq-hitech-zone-sti-2021/indicators.yaml", "baseline: { year: 2020, value: 4.9 }", "baseline: { year: 2020, value: 4.8 }")
        let report = project.build()
        #expect(report.succeeded)
        let plan = "plans/cq-hitech-zone-sti-2021/"
        // The search index holds the pages' words: only its files that hold the changed page's words are written.
        let search = report.written.filter { $0.hasPrefix("search/") }
        #expect(!search.isEmpty && search.count < 40, "\(search.count) of the search index's files")
        #expect(report.kept > 1000, "the index is mended, not made whole: its other files are kept (\(report.kept))")
        #expect(report.written.filter { !$0.hasPrefix("search/") }.sorted() == [
            "data/bulletin.json",                         // the site's downloads hold the base
            "data/bulletin.zip",
            "data/indicators.csv",
            plan + "data/indicators.csv",                 // and the plan's
            plan + "data/plan.json",
            plan + "goals.html",                          // the 指标体系表 placed in the text, and the overview chart
            plan + "index.html",                          // the plan's tables and overview
            plan + "indicators/rd-intensity.csv",         // the indicator's own downloads
            plan + "indicators/rd-intensity.html",        // the indicator's own page
            plan + "indicators/rd-intensity.json",
            plan + "indicators/rd-intensity.svg",         // and its chart file
        ])
        #expect(report.removed.isEmpty)
        let after = Support.snapshot(project.site)
        for (path, data) in after where !report.written.contains(path) {
            #expect(before[path] == data, "\(path) changed but was not reported")
        }
        #expect(report.rendered * 2 < first.rendered, "only the plan whose file changed is rendered again (and the pages of all content)")
    }

    /// What a rebuild writes must be what a clean build of the same content writes.
    @Test func aRebuildMatchesACleanBuild() throws {
        let project = try Project(), clean = try Project()
        defer { Support.remove(project.root); Support.remove(clean.root) }
        #expect(project.build().succeeded)
        for copy in [project, clean] {
            try copy.edit("Content/plans/cq-hitech-zone-sti-2021/indicators.yaml", "baseline: { year: 2020, value: 4.9 }", "baseline: { year: 2020, value: 4.8 }")
            try copy.edit("Content/plans/cq-tech-enterprises-2023/plan.yaml", "short_title: 高新技术企业和科技型企业“双倍增”行动计划",
                          "short_title: 科技型企业“双倍增”行动计划")
        }
        let report = project.build()
        #expect(report.succeeded)
        #expect(report.written.contains("index.html"), "the home page shows the new short title")
        let fresh = clean.build()
        #expect(fresh.succeeded)
        let a = Support.snapshot(project.site), b = Support.snapshot(clean.site)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, data) in b where a[path] != data { Issue.record("\(path) differs from a clean build's") }
        // With nothing changed since, a later build writes nothing.
        try project.edit("Content/site.yaml", "title:", "title:")  // same bytes, new modification time
        #expect(project.build().written.isEmpty)
    }

    /// A page of an unchanged plan whose file was deleted is rendered again, with the same bytes.
    @Test func aMissingPageOfAnUnchangedPlanIsRenderedFromThePlanItself() throws {
        let project = try Project()
        defer { Support.remove(project.root) }
        #expect(project.build().succeeded)
        let page = project.site.appendingPathComponent("plans/cq-tech-enterprises-2023/tasks.html")
        let bytes = try Data(contentsOf: page)
        try FileManager.default.removeItem(at: page)
        try project.edit("Content/plans/cq-hitech-zone-sti-2021/indicators.yaml", "baseline: { year: 2020, value: 4.9 }", "baseline: { year: 2020, value: 4.8 }")
        let report = project.build()
        #expect(report.succeeded)
        #expect(report.written.contains("plans/cq-tech-enterprises-2023/tasks.html"))
        #expect(try Data(contentsOf: page) == bytes)
    }

    /// Warnings belong to the plan's files: a rebuild after another plan changed still shows them.
    @Test func warningsOfAnUnchangedPlanAreShownAgain() throws {
        let project = try Project()
        defer { Support.remove(project.root) }
        let empty = "Content/plans/cq-tech-enterprises-2023/empty.md"
        try Data("---\ntitle: 空白\nkind: other\norder: 99\n---\n".utf8).write(to: project.root.appendingPathComponent(empty))
        let first = project.build()
        #expect(first.succeeded)
        let warnings = first.diagnostics.filter { $0.severity == .warning }.map(\.headline)
        #expect(warnings == ["\(empty):6:1: warning: the section has no text"])
        try project.edit("Content/plans/cq-hitech-zone-sti-2021/indicators.yaml", "baseline: { year: 2020, value: 4.9 }", "baseline: { year: 2020, value: 4.8 }")
        let again = project.build()
        #expect(again.diagnostics.filter { $0.severity == .warning }.map(\.headline) == warnings)
    }

    @Test func editingATemplateRebuildsEveryPageThatUsesIt() throws {
        let project = try Project()
        defer { Support.remove(project.root) }
        #expect(project.build().succeeded)
        try project.edit("Templates/partials/chart.mustache", "资料来源：", "数据来源：")
        let report = project.build()
        #expect(report.succeeded)
        let site = Support.snapshot(project.site)
        let usingCharts = site.filter { String(decoding: $0.value, as: UTF8.self).contains("class=\"chart-figure\"") }.keys
        // The pages with a chart, and those files of the search index that hold a chart's source line.
        #expect(Set(report.written.filter { !$0.hasPrefix("search/") }) == Set(usingCharts))
        #expect(report.written.contains { $0.hasPrefix("search/s/") } && !report.written.contains("search/index.js"))
        // Every indicator page has a chart, and so do the plan and section pages with an overview or a breakdown.
        let content = try #require(ContentLoader(root: Support.content).load().site)
        #expect(usingCharts.count > content.plans.reduce(0) { $0 + $1.indicators.count })
        for path in usingCharts {
            let html = String(decoding: site[path]!, as: UTF8.self)
            #expect(!html.contains("资料来源："), "\(path) is stale")
            #expect(html.contains("数据来源："))
        }
        #expect(!report.written.contains("index.html"))
    }

    @Test func aTemplateMistakeAfterAGoodBuildIsStillFound() throws {
        let project = try Project()
        defer { Support.remove(project.root) }
        #expect(project.build().succeeded)
        // A content edit: the templates are as the last build checked them.
        try project.edit("Content/site.yaml", "title:", "title: ")
        #expect(project.build().succeeded)
        // A template edit after good builds is checked again, and the site is left as it was.
        let before = Support.snapshot(project.site)
        try project.edit("Templates/partials/chart.mustache", "资料来源：", "资料来源：{{sourse}}")
        let report = project.build()
        #expect(!report.succeeded)
        #expect(report.diagnostics.map(\.message).contains("the template uses an unknown value `sourse`"))
        #expect(Support.snapshot(project.site) == before)
        // A template file that comes or goes is a change too.
        try project.edit("Templates/partials/chart.mustache", "{{sourse}}", "")
        #expect(project.build().succeeded)
        try Data("{{> partials/missing}}".utf8).write(to: project.root.appendingPathComponent("Templates/partials/extra.mustache"))
        let added = project.build()
        #expect(!added.succeeded)
        #expect(added.diagnostics.contains { $0.message.contains("`partials/missing` that does not exist") })
    }

    @Test func aRemovedSectionLosesItsPage() throws {
        let project = try Project()
        defer { Support.remove(project.root) }
        #expect(project.build().succeeded)
        try FileManager.default.removeItem(at: project.root.appendingPathComponent("Content/plans/cq-hitech-zone-sti-2021/layout.md"))
        let report = project.build()
        #expect(report.succeeded)
        #expect(report.removed == ["plans/cq-hitech-zone-sti-2021/layout.html"])
        #expect(!Support.text(project.site.appendingPathComponent("plans/cq-hitech-zone-sti-2021/index.html")).contains("layout.html"))
    }

    @Test func aNewPlanBuildsAtOnceAndAppearsOnTheHomePage() throws {
        let project = try Project()
        defer { Support.remove(project.root) }
        let created = try Scaffold.newPlan(slug: "demo", title: "示例行动计划", content: project.root.appendingPathComponent("Content"), year: 2026)
        #expect(created.files == ["plan.yaml", "overview.md", "goals.md", "tasks.md", "safeguards.md", "indicators.yaml", "reported.csv"])
        let report = project.build()
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(report.diagnostics.isEmpty)
        #expect(Support.text(project.site.appendingPathComponent("index.html")).contains("href=\"plans/demo/index.html\""))
        #expect(FileManager.default.fileExists(atPath: project.site.appendingPathComponent("plans/demo/goals.html").path))
        #expect(throws: Scaffold.Failure.self) {
            try Scaffold.newPlan(slug: "demo", title: "again", content: project.root.appendingPathComponent("Content"))
        }
        #expect(throws: Scaffold.Failure.self) {
            try Scaffold.newPlan(slug: "Bad Name", title: "x", content: project.root.appendingPathComponent("Content"))
        }
    }
}

@Suite struct ReleaseTests {
    @Test func aNewReleaseBuildsAtOnceAndIsListedAndInTheFeed() throws {
        let project = try IncrementalBuildTests.Project()
        defer { Support.remove(project.root) }
        let content = project.root.appendingPathComponent("Content")
        _ = try Scaffold.newRelease(slug: "2026-update", title: "2026年更新", date: "2026-03-01", content: content)
        _ = try Scaffold.newRelease(slug: "2025-first", title: "首次发布", date: "2025-12-01", content: content)
        let report = project.build()
        #expect(report.succeeded, "\(report.diagnostics)")
        let home = Support.text(project.site.appendingPathComponent("index.html"))
        let newer = try #require(home.range(of: "2026年更新")), older = try #require(home.range(of: "首次发布"))
        #expect(newer.lowerBound < older.lowerBound, "newest first")
        #expect(FileManager.default.fileExists(atPath: project.site.appendingPathComponent("releases/2026-update.html").path))
        let feed = try #require(FileManager.default.contents(atPath: project.site.appendingPathComponent("feed.xml").path))
        #expect(XMLParser(data: feed).parse())
        #expect(String(decoding: feed, as: UTF8.self).contains("<updated>2026-03-01T00:00:00Z</updated>"))
        #expect(throws: Scaffold.Failure.self) { try Scaffold.newRelease(slug: "x", title: "x", date: "2026-3-1", content: content) }
    }

    @Test func aReleaseWithoutADateIsAnError() throws {
        let project = try IncrementalBuildTests.Project()
        defer { Support.remove(project.root) }
        let folder = project.root.appendingPathComponent("Content/releases")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("---\ntitle: 无日期\n---\n\n正文\n".utf8).write(to: folder.appendingPathComponent("undated.md"))
        let report = project.build()
        #expect(report.diagnostics.map(\.headline) == ["Content/releases/undated.md:2:1: error: release front matter is missing the required field `date`"])
    }
}
