import Foundation
import Testing
@testable import BulletinCore

/// Inputs far beyond any plan's size build to the right pages. Each ran quadratic or unbounded once: one plan of
/// 10 000 figures took 12.4 s (release) when every quote was searched for through the whole section, and 20 000 took
/// 38.8 s; they take 3.8 s and 8.9 s now. These tests state the outcome; the timings are the benchmark's business.
@Suite struct LargeInputTests {
    /// The valid demo site, with its demo plan's files replaced by `files` (name → text).
    static func site(_ files: [String: String]) throws -> URL {
        let root = try Support.scratch()
        let content = root.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: Support.fixtures.appendingPathComponent("valid"), to: content)
        for (name, text) in files {
            try Data(text.utf8).write(to: content.appendingPathComponent("plans/demo/\(name)"))
        }
        return root
    }

    /// What a build said and the bytes of the pages asked for, read on a thread of its own (`Support.offPool`), so
    /// that the expectations, which need the test's context, are checked back in it.
    struct Built: Sendable {
        var succeeded: Bool
        var diagnostics: [String]
        var pages: [String: Data]
        var indicatorPages: Int
        func text(_ page: String) -> String { String(decoding: pages[page] ?? Data(), as: UTF8.self) }
    }

    static func build(_ root: URL, pages: [String]) throws -> Built {
        let site = root.appendingPathComponent("Site")
        let report = Builder(options: .init(content: root.appendingPathComponent("Content").path, templates: Support.templates.path,
                                            output: site.path, workingDirectory: root)).build()
        var read: [String: Data] = [:]
        for page in pages { read[page] = FileManager.default.contents(atPath: site.appendingPathComponent(page).path) }
        let indicators = (try? FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("plans/demo/indicators").path)) ?? []
        return Built(succeeded: report.succeeded, diagnostics: report.diagnostics.map(\.headline), pages: read,
                     indicatorPages: indicators.filter { $0.hasSuffix(".html") }.count)
    }

    /// 50 MB of Markdown in one section, 22 000 headings and a table of 10 000 rows among them: the page holds all of
    /// it, and the build warns that the page is too large for a phone.
    @Test func aFiftyMegabyteSectionBuildsWholeWithAWarning() async throws {
        let (built, groups) = try await Support.offPool { () throws -> (Built, Int) in
            let paragraph = String(repeating: "支持高校和企业提供研究开发服务，**推动**科技成果转化，建设[平台](https://example.org/)。", count: 10) + "\n\n"
            var body = "---\nkind: tasks\ntitle: 重点任务\nnumber: 三、\norder: 3\n---\n\n"
            body += "| 序号 | 名称 |\n|---|---|\n" + (1...10_000).map { "| \($0) | 项目\($0) |\n" }.joined() + "\n"
            var group = 0
            while body.utf8.count < 50 * 1_048_576 {
                group += 1
                body += "## 第\(group)组任务\n\n" + paragraph + paragraph
            }
            let root = try Self.site(["tasks.md": body])
            defer { Support.remove(root) }
            return (try Self.build(root, pages: ["plans/demo/tasks.html"]), group)
        }
        #expect(built.succeeded, "\(built.diagnostics)")
        #expect(built.diagnostics.contains { $0.contains("Content/plans/demo/tasks.md:7:1: warning: the section's text is 50.0 MB") },
                "\(built.diagnostics)")
        let html = built.text("plans/demo/tasks.html")
        #expect(html.utf8.count > 50 * 1_048_576)
        #expect(html.contains("<td>10000</td>") && html.contains("<td>项目10000</td>"), "the table's last row")
        #expect(html.contains(">第\(groups)组任务</h2>"), "the last heading")
        #expect(html.components(separatedBy: "<strong>推动</strong>").count - 1 == groups * 20, "every paragraph")
    }

    /// One plan of 10 000 indicators, each quoted in its goals section and each with a reported figure: every
    /// indicator gets its page, linked to its quote's anchor, and every quote has its anchor in the section.
    @Test func tenThousandIndicatorsInOnePlan() async throws {
        let count = 10_000
        let built = try await Support.offPool { () throws -> Built in
            var goals = "---\nkind: goals\ntitle: 发展目标\nnumber: 二、\norder: 2\n---\n\n"
            var indicators = "tables:\n  - id: main\n    title: 主要目标\nindicators:\n"
            var reported = "indicator,year,value,publisher,source,url,published,repost,note\n"
            for i in 0..<count {
                goals += "到2025年，第\(i)项指标达\(100 + i)万家。\n\n"
                indicators += "  - id: i\(i)\n    name: 第\(i)项指标\n    unit: 万家\n    section: goals\n    table: main\n    targets:\n"
                    + "      - { year: 2025, value: \(100 + i), comparator: 达, quote: 第\(i)项指标达\(100 + i)万家 }\n"
                reported += "i\(i),2024,\(99 + i),测试用发布者,测试用来源,https://example.org/,,false,测试用数值\n"
            }
            let root = try Self.site(["goals.md": goals, "indicators.yaml": indicators, "reported.csv": reported])
            defer { Support.remove(root) }
            try FileManager.default.removeItem(at: root.appendingPathComponent("Content/plans/demo/tasks.md"))
            return try Self.build(root, pages: ["plans/demo/goals.html", "plans/demo/indicators/i\(count - 1).html"])
        }
        #expect(built.succeeded, "\(built.diagnostics)")
        #expect(built.indicatorPages == count)
        let last = built.text("plans/demo/indicators/i\(count - 1).html")
        #expect(last.contains("第\(count - 1)项指标") && last.contains("goals.html#q-i\(count - 1)-2025"), "the last page links its quote")
        let section = built.text("plans/demo/goals.html")
        #expect(section.components(separatedBy: "class=\"quote-anchor\"").count - 1 == count, "every quote has its anchor")
        #expect(section.contains("id=\"q-i\(count - 1)-2025\">第\(count - 1)项指标达\(99 + count)万家</span>"))
    }
}
