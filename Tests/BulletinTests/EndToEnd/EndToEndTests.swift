import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import BulletinCore
import ContentLoading
import Model

/// Builds the real Content/ with the real Templates/ into a scratch folder and reads the pages as a visitor would.
@Suite struct EndToEndTests {
    static let built: Result<(site: URL, report: Builder.Report), Error> = Result {
        let scratch = try Support.scratch()
        let site = scratch.appendingPathComponent("Site")
        let report = Builder(options: .init(content: Support.content.path, templates: Support.templates.path, output: site.path)).build()
        return (site, report)
    }

    func page(_ path: String) throws -> String {
        let site = try Self.built.get().site
        let url = site.appendingPathComponent(path)
        try #require(FileManager.default.fileExists(atPath: url.path), "missing page \(path)")
        return Support.text(url)
    }

    /// The HTML of the indicator table with id `table-<id>` on a page.
    func table(_ id: String, on path: String) throws -> String {
        let html = try page(path)
        let start = try #require(html.range(of: "<figure class=\"stat-table\" id=\"table-\(id)\">"), "no table \(id) on \(path)")
        let end = try #require(html.range(of: "</figure>", range: start.upperBound..<html.endIndex))
        return String(html[start.lowerBound..<end.upperBound])
    }

    func rows(_ table: String) -> [String] {
        guard let body = table.range(of: "<tbody>"), let bodyEnd = table.range(of: "</tbody>") else { return [] }
        return table[body.upperBound..<bodyEnd.lowerBound].components(separatedBy: "<tr>").dropFirst().map { $0 }
    }

    /// The texts of a row's cells, tags removed.
    func cells(_ row: String) -> [String] {
        row.matches(of: /<t[dh][^>]*>((?s).*?)<\/t[dh]>/).map { match in
            String(match.1).replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
                .replacingOccurrences(of: "&amp;", with: "&").trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    static let plans = ["cq-sci-tech-services-2023", "cq-tech-enterprises-2023", "cz-sci-tech-services-2023", "cq-hitech-zone-sti-2021"]

    @Test func theContentBuildsWithoutProblems() throws {
        let report = try Self.built.get().report
        #expect(report.succeeded)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let content = try #require(ContentLoader(root: Support.content).load().site)
        #expect(report.plans == content.plans.count)
        #expect(report.indicators == content.plans.reduce(0) { $0 + $1.indicators.count })
    }

    @Test func theHomePageListsEveryPlan() throws {
        let home = try page("index.html")
        let content = try #require(ContentLoader(root: Support.content).load().site)
        #expect(home.components(separatedBy: "<li class=\"plan-card\">").count - 1 == content.plans.count)
        for slug in Self.plans { #expect(home.contains("href=\"plans/\(slug)/index.html\"")) }
        #expect(home.contains("重庆市提升科技服务能力推动科技服务业高质量发展三年行动计划（2023—2025年）"))
        #expect(home.contains("渝府办发〔2023〕24号"))
        #expect(home.contains("渝高新发〔2021〕28号"))
    }

    @Test(arguments: plans)
    func everyPlanHasGoalsTasksAndSafeguardsPages(_ slug: String) throws {
        let index = try page("plans/\(slug)/index.html")
        for section in ["goals", "tasks", "safeguards"] {
            let html = try page("plans/\(slug)/\(section).html")
            #expect(index.contains("href=\"\(section).html\""))
            #expect(html.contains("<nav class=\"breadcrumbs\""))
            #expect(html.contains("href=\"../../index.html\""))
        }
    }

    @Test func seed004IndicatorTableHasAllTwentyRowsAndBothYears() throws {
        let html = try table("main", on: "plans/cq-hitech-zone-sti-2021/goals.html")
        #expect(html.contains("重庆高新区“十四五”科技创新发展规划指标体系表"))
        #expect(html.contains(">2020年</th>"))
        #expect(html.contains(">2025年</th>"))
        let rows = rows(html).map(cells)
        #expect(rows.count == 20)
        #expect(rows.first == ["1", "R&D经费支出占GDP比重（%）", "4.9", "5.5以上"])
        #expect(rows[6] == ["7", "新获得国家级科技奖项（件）", "—原文未列", "15"])
        #expect(rows[13] == ["14", "战略性新兴企业产值占工业总产值比重（%）", "87.4", "90以上"])
        #expect(rows.last == ["20", "创业风险投资机构（家）", "7", "20"])
        #expect(rows.map { $0[0] } == (1...20).map(String.init))
    }

    @Test func seed000TargetsAppearInTables() throws {
        let rows = rows(try table("main", on: "plans/cq-sci-tech-services-2023/goals.html")).map(cells)
        #expect(rows.contains(["1", "科技服务业市场主体（万家）", "5.6达"]))
        #expect(rows.contains { $0.contains("60达") && $0[1].contains("从业人员") })
        #expect(rows.contains { $0.contains("5000以上") && $0[1].contains("营业收入") })
        let categories = try table("categories", on: "plans/cq-sci-tech-services-2023/index.html")
        #expect(categories.contains("研究开发服务"))
        #expect(categories.contains(">1600<"))
    }

    @Test func seed003TargetsAndRegionalSplitAppearInTables() throws {
        let main = rows(try table("main", on: "plans/cq-tech-enterprises-2023/goals.html")).map(cells)
        // 2027 holds the level and, under it, the doubling of the 2022 base.
        #expect(main.contains { $0[1].hasPrefix("高新技术企业") && $0.contains("1突破") && $0.contains("1.28超过基期的2倍") })
        #expect(main.contains { $0[1].hasPrefix("科技型企业") && $0.contains("6.7超过") && $0.contains("8.6超过基期的2倍") })
        let regions = try table("regions", on: "plans/cq-tech-enterprises-2023/goals.html")
        for figure in ["7110", "46560", "4640", "29780", "1060", "9720"] {
            #expect(regions.contains(">\(figure)<"), "regional figure \(figure)")
        }
        for region in ["中心城区", "主城新区", "“两群”地区"] { #expect(regions.contains(region)) }
    }

    @Test func everyPageIsChineseAndLinksOnlyRelativelyToPagesThatExist() throws {
        let site = try Self.built.get().site
        let files = Support.snapshot(site).keys.filter { $0.hasSuffix(".html") && $0 != "404.html" }.sorted()
        // Every page the content calls for, counted from the content itself.
        let content = try #require(ContentLoader(root: Support.repository.appendingPathComponent("Content")).load().site)
        let perPlan = content.plans.reduce(0) { $0 + 1 + $1.sections.count + $1.indicators.count }
        let siteWide = 1 + 2 + ProgressStatus.allCases.count + 1 + 1 + DepartmentIndex(plans: content.plans).departments.count + 1 + 1
            + (content.releases.isEmpty ? 0 : 1 + content.releases.count)
        #expect(files.count == perPlan + siteWide, "home, plans, sections, indicators, progress views (all, sorted, one per status) and method, departments, data, search, releases")
        for file in files {
            let html = try page(file)
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"), "\(file)")
            let links = html.matches(of: /(?:href|src)="([^"]*)"/).map { String($0.1) }
            for link in links where !link.hasPrefix("https://") && !link.hasPrefix("http://") && !link.hasPrefix("data:") {
                #expect(!link.hasPrefix("/"), "absolute link \(link) in \(file)")
                let path = String(link.split(separator: "#", omittingEmptySubsequences: false)[0])
                if path.isEmpty { continue }
                let target = site.appendingPathComponent(file).deletingLastPathComponent().appendingPathComponent(path).standardizedFileURL
                #expect(FileManager.default.fileExists(atPath: target.path), "broken link \(link) in \(file)")
            }
        }
    }

    @Test func boxesAndResponsibilityNotesSurviveIntoThePages() throws {
        let tasks = try page("plans/cq-hitech-zone-sti-2021/tasks.html")
        #expect(tasks.components(separatedBy: "<aside class=\"box\"").count - 1 == 19)
        let layout = try page("plans/cq-hitech-zone-sti-2021/layout.html")
        #expect(layout.components(separatedBy: "<aside class=\"box\"").count - 1 == 2)
        let enterprises = try page("plans/cq-tech-enterprises-2023/tasks.html")
        #expect(enterprises.contains("（牵头单位：市科技局；责任单位：市教委、市经济信息委、市国资委、市市场监管局等）"))
    }
}

@Suite struct IndicatorPagesEndToEndTests {
    let e2e = EndToEndTests()

    @Test func everyIndicatorHasAPageWithAChartItsNumbersAndALinkToItsSentence() throws {
        let site = try EndToEndTests.built.get().site
        let files = Support.snapshot(site)
        let indicatorPages = files.keys.filter { $0.contains("/indicators/") && $0.hasSuffix(".html") }.sorted()
        let content = try #require(ContentLoader(root: Support.content).load().site)
        let indicators = content.plans.reduce(0) { $0 + $1.indicators.count }
        #expect(indicatorPages.count == indicators)
        for path in indicatorPages {
            let svg = try #require(files[String(path.dropLast(5)) + ".svg"], "\(path) has no SVG file")
            #expect(XMLParser(data: svg).parse(), "\(path): its SVG file is not well-formed")
            // Opened on its own, the file says its language (else Han characters may take their Japanese forms).
            #expect(String(decoding: svg.prefix(160), as: UTF8.self).contains("<svg xml:lang=\"zh-CN\" lang=\"zh-CN\" class=\"chart\""), "\(path)")
        }
        for path in indicatorPages {
            let html = try e2e.page(path)
            #expect(html.contains("role=\"img\""), "\(path) has no chart")
            #expect(html.contains("<table>"), "\(path) has no data table")
            for match in html.matches(of: /href="(\.\.\/[a-z0-9-]+\.html)#(q-[^"]+)"/) {
                let section = try e2e.page(URL(fileURLWithPath: path).deletingLastPathComponent().deletingLastPathComponent()
                    .appendingPathComponent(String(match.1.dropFirst(3))).relativePath)
                #expect(section.contains("id=\"\(match.2)\""), "\(path) links to a missing anchor \(match.2)")
            }
        }
        let rd = try e2e.page("plans/cq-hitech-zone-sti-2021/indicators/rd-intensity.html")
        #expect(rd.contains("2024年为5.5%，已达到2025年目标5.5%以上。"))
        #expect(rd.contains("status-achieved-early"), "5.5 % in 2024 meets the 2025 target of 5.5 %以上")
        #expect(rd.contains("西部科学城重庆高新区2024年经济社会发展情况及2025年重点工作"), "the reported figure's source is shown")
        #expect(rd.contains("href=\"../goals.html#q-rd-intensity-2025\""))
        #expect(rd.contains("“研究与试验发展（R&amp;D）经费支出占地区生产总值（GDP）比重达5.5%以上”"))
    }

    @Test func everyChartInTheSiteIsWellFormedXMLAndAsksTheNetworkForNothing() throws {
        let site = try EndToEndTests.built.get().site
        var charts = 0
        for (path, data) in Support.snapshot(site) where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            #expect(!html.contains("<script") || path == "search.html", "\(path) has a script")
            for match in html.matches(of: /<svg[\s\S]*?<\/svg>/) {
                charts += 1
                let svg = String(match.0)
                let parser = XMLParser(data: Data(svg.utf8))
                #expect(parser.parse(), "\(path): an SVG is not well-formed: \(String(describing: parser.parserError))")
                #expect(svg.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").range(of: "https?:|//", options: .regularExpression) == nil,
                        "\(path): an SVG refers to another address")
            }
        }
        let content = try #require(ContentLoader(root: Support.content).load().site)
        #expect(charts >= 2 * content.plans.reduce(0) { $0 + $1.indicators.count }, "an indicator's chart at two widths")
    }

    @Test func breakdownsAndOverviewsAppearWhereTheFiguresAre() throws {
        let goals = try e2e.page("plans/cq-tech-enterprises-2023/goals.html")
        #expect(goals.contains("3项中，中心城区最多（超过7110家），“两群”地区最少（超过1060家）。"))
        let plan = try e2e.page("plans/cq-hitech-zone-sti-2021/index.html")
        #expect(plan.contains("1项有进度数据，其中1项已达到目标；39项暂无报告数值。"))
        #expect(plan.contains("短竖线：时间进度"))
        let categories = try e2e.page("plans/cq-sci-tech-services-2023/indicators/market-entities.html")
        #expect(categories.contains("科技信息与咨询服务"))
        #expect(categories.contains("达4.5万家"))
    }
}
