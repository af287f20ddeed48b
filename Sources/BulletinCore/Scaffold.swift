import Foundation
import ContentLoading

/// New content that builds at once: the files of a plan with placeholders where the plan's words go.
/// Placeholders hold no figures: a statistic is never made up, even as an example.
public enum Scaffold {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public struct Created: Sendable {
        public var folder: URL
        public var files: [String]
    }

    public static func newPlan(slug: String, title: String, content: URL, year: Int = Calendar(identifier: .gregorian).component(.year, from: Date())) throws -> Created {
        guard isURLSafeName(slug) else {
            throw Failure(description: "error: `\(slug)` cannot be a plan's folder name\n  hint: use lower-case letters, digits and hyphens, e.g. cq-tech-\(year)")
        }
        let fm = FileManager.default
        guard fm.fileExists(atPath: content.appendingPathComponent("site.yaml").path) else {
            throw Failure(description: "error: \(content.relativePath)/site.yaml not found\n  hint: run this in the project folder, or pass --content")
        }
        let folder = content.appendingPathComponent("plans").appendingPathComponent(slug)
        guard !fm.fileExists(atPath: folder.path) else {
            throw Failure(description: "error: \(content.relativePath)/plans/\(slug) already exists; nothing was changed")
        }
        let existing = (try? fm.contentsOfDirectory(atPath: content.appendingPathComponent("plans").path)) ?? []
        let files: [(String, String)] = [
            ("plan.yaml", """
            title: \(YAMLText.quoted(title))
            short_title: \(YAMLText.quoted(title))
            type: 行动计划
            region: （地区）
            issuer: （发文机关）
            # document_number: 〔2024〕1号      # the document number, if the plan has one
            # issued: \(year)-01-01               # the date on the document, YYYY-MM-DD
            period: { start: \(year), end: \(year + 2) }
            order: \(existing.count + 1)
            sources:
              - title: （规划文本的来源，如发文机关网站）
                # url: https://…
            editorial_notes: []

            """),
            ("overview.md", section(kind: "overview", title: "总体要求", number: "一、", order: 1)),
            ("goals.md", section(kind: "goals", title: "发展目标", number: "二、", order: 2)),
            ("tasks.md", section(kind: "tasks", title: "重点任务", number: "三、", order: 3)),
            ("safeguards.md", section(kind: "safeguards", title: "保障措施", number: "四、", order: 4)),
            ("indicators.yaml", """
            # Every quantitative target the plan states, each with the plan's own words (see docs/content-format.md):
            #
            # tables:
            #   - id: main
            #     title: 主要目标
            # indicators:
            #   - id: market-entities
            #     name: 市场主体
            #     unit: 万家
            #     section: goals
            #     table: main
            #     targets:
            #       - { year: \(year + 2), value: …, comparator: 达, quote: 规划原文中写出这个数字的句子 }
            indicators: []

            """),
            // The yearly reported figures, one row per indicator and year, as a spreadsheet keeps them.
            ("reported.csv", "indicator,year,value,source,publisher,url,published,repost,note\r\n"),
        ]
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        return Created(folder: folder, files: files.map(\.0))
    }

    /// A release note, dated `date` (YYYY-MM-DD), in `Content/releases/<slug>.md`.
    public static func newRelease(slug: String, title: String, date: String, content: URL) throws -> Created {
        guard isURLSafeName(slug) else {
            throw Failure(description: "error: `\(slug)` cannot be a release's file name\n  hint: use lower-case letters, digits and hyphens, e.g. \(date)-update")
        }
        let parts = date.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2, parts.allSatisfy({ Int($0) != nil }) else {
            throw Failure(description: "error: `\(date)` is not a date\n  hint: write it as YYYY-MM-DD")
        }
        let fm = FileManager.default
        guard fm.fileExists(atPath: content.appendingPathComponent("site.yaml").path) else {
            throw Failure(description: "error: \(content.relativePath)/site.yaml not found\n  hint: run this in the project folder, or pass --content")
        }
        let folder = content.appendingPathComponent("releases")
        let file = folder.appendingPathComponent(slug + ".md")
        guard !fm.fileExists(atPath: file.path) else {
            throw Failure(description: "error: \(content.relativePath)/releases/\(slug).md already exists; nothing was changed")
        }
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        let text = """
        ---
        title: \(YAMLText.quoted(title))
        date: \(date)
        summary: （一句话说明本次发布的内容）
        ---

        （在此说明本次发布或更新的内容，例如新增的年度报告数值及其来源。）

        """
        try Data(text.utf8).write(to: file)
        return Created(folder: folder, files: [slug + ".md"])
    }

    static func section(kind: String, title: String, number: String, order: Int) -> String {
        """
        ---
        kind: \(kind)
        title: \(title)
        number: \(number)
        order: \(order)
        ---

        （在此粘贴规划原文“\(title)”部分的文字。）

        """
    }
}
