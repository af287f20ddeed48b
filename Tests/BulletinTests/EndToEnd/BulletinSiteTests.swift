import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import BulletinCore
import Charts
import ContentLoading
import Model
import Testing

/// The bulletin's pages built from the real Content/: what a reader, a journalist and an auditor rely on.
/// Expected values come from the content read at test time, not from counts typed in.
@Suite(.serialized) struct BulletinSiteTests {
    static let content = Result { try #require(ContentLoader(root: Support.content).load().site) }
    var e2e: EndToEndTests { EndToEndTests() }

    @Test func theDoublingPlansHighTechPageShowsItsBaseWithSourceBothTargetsAndAStatus() throws {
        let page = try e2e.page("plans/cq-tech-enterprises-2023/indicators/high-tech-enterprises.html")
        #expect(page.contains("2022年 0.6348万家（即6348家）"), "the 2022 base the plan measures itself against")
        #expect(page.contains("华龙网") && page.contains("https://news.cqnews.net/1/detail/1091312366563893248"), "with its source")
        #expect(page.contains("目标突破1万家") && page.contains("目标超过1.28万家"), "the 2025 and 2027 targets")
        #expect(page.contains("2027年 在2022年的基础上实现“双倍增”（即1.2696万家）"), "the doubling, as the level twice the 2022 base sets")
        #expect(page.contains("<span class=\"status status-"), "and a status, as a word with its shape")
        #expect(page.contains("<span class=\"status-mark\" aria-hidden=\"true\">"))
    }

    @Test func chongqingsScienceBureauListsEveryTaskThatNamesItAndNoneOfChangzhous() throws {
        let site = try Self.content.get()
        let bureau = Department(name: "市科技局", region: "重庆市")
        let page = try e2e.page("departments/\(bureau.id).html")
        var expected = 0
        for plan in site.plans {
            for task in plan.tasks where task.assignments.contains(where: { $0.department == bureau }) {
                #expect(plan.region == "重庆市")
                #expect(page.contains("href=\"../plans/\(plan.slug)/\(task.sectionID).html#\(task.anchor)\""), "\(plan.slug) \(task.anchor)")
                // The anchor exists where the link points.
                let section = try e2e.page("plans/\(plan.slug)/\(task.sectionID).html")
                #expect(section.contains("id=\"\(task.anchor)\""), "\(plan.slug)/\(task.sectionID) has no \(task.anchor)")
                expected += 1
            }
        }
        let plans = ["cq-sci-tech-services-2023", "cq-tech-enterprises-2023"]
        for slug in plans {
            #expect(site.plans.first { $0.slug == slug }?.tasks.contains { $0.assignments.contains { $0.department == bureau } } == true)
        }
        #expect(expected > 0)
        #expect(page.matches(of: /<li><a href="\.\.\/plans\//).count == expected, "every task once")
        #expect(!page.contains("cz-sci-tech-services-2023"), "常州's plan is another region")
        let changzhou = Department(name: "市科技局", region: "常州市")
        #expect(changzhou.id != bureau.id)
    }

    @Test func everyFigureQuotedInTheTextLinksToItsIndicatorWithItsStatus() throws {
        let site = try Self.content.get()
        for plan in site.plans {
            for section in plan.sections {
                let quoting = plan.indicators(in: section).filter { $0.targets.contains { $0.quote != nil } }
                guard !quoting.isEmpty else { continue }
                let html = try e2e.page("plans/\(plan.slug)/\(section.id).html")
                for indicator in quoting {
                    #expect(html.contains("<a class=\"figure-chip\" data-search=\"skip\" href=\"indicators/\(indicator.id).html\""), "\(plan.slug)/\(section.id): \(indicator.id)")
                }
            }
        }
    }

    @Test func theProgressPageListsEveryIndicatorAndFiltersWithoutAScript() throws {
        let site = try Self.content.get()
        let all = try e2e.page("progress/index.html")
        #expect(!all.contains("<script"))
        var total = 0
        for plan in site.plans {
            for indicator in plan.indicators {
                #expect(all.contains("href=\"../plans/\(plan.slug)/indicators/\(indicator.id).html\""), "\(indicator.id)")
                total += 1
            }
        }
        // Each status has its own view, listing exactly the indicators with that status.
        var listed = 0
        for status in ProgressStatus.allCases {
            let view = try e2e.page("progress/\(status.rawValue).html")
            let rows = view.matches(of: /<td><span class="status status-/).count
            let statuses = site.plans.flatMap { $0.progress(asOf: site.config.asOf) }
            #expect(rows == statuses.count { $0.status == status }, "\(status)")
            listed += rows
        }
        #expect(listed == total)
        let home = try e2e.page("index.html")
        #expect(home.contains("class=\"status-counts\""), "the home page leads with the counts")
    }

    @Test func theMethodPageWorksThroughARealIndicator() throws {
        let method = try e2e.page("progress/method.html")
        #expect(method.contains("算例"))
        #expect(method.contains("P − E"))
        #expect(method.contains("bulletin.json"))
        // The worked example's numbers are the method's own, to four places (not rounded to whole numbers).
        let site = try Self.content.get()
        let example = try #require(site.plans.lazy.flatMap { $0.progress(asOf: site.config.asOf) }
            .first { $0.method == .timeElapsed && $0.growthRatio != nil && $0.timeElapsed != nil })
        let elapsed = try #require(example.timeElapsed), covered = try #require(example.distanceCovered)
        #expect(method.contains("= \(ChineseNumbers.compact(elapsed, maxDecimals: 4))</li>"))
        #expect(method.contains("= \(ChineseNumbers.compact(covered, maxDecimals: 4))</li>"))
    }

    @Test func aSitemapAndAnAbsoluteFeedWhenTheAddressIsKnown() throws {
        let root = try Support.scratch()
        defer { Support.remove(root) }
        try FileManager.default.copyItem(at: Support.content, to: root.appendingPathComponent("Content"))
        try FileManager.default.copyItem(at: Support.templates, to: root.appendingPathComponent("Templates"))
        let report = Builder(options: .init(workingDirectory: root, baseURL: "https://tjj.example.gov.cn/bulletin")).build()
        #expect(report.succeeded)
        let site = root.appendingPathComponent("Site")
        let files = Support.snapshot(site)
        let sitemap = String(decoding: try #require(files["sitemap.xml"]), as: UTF8.self)
        #expect(XMLParser(data: Data(sitemap.utf8)).parse())
        for page in files.keys where page.hasSuffix(".html") && page != "404.html" {
            #expect(sitemap.contains("<loc>https://tjj.example.gov.cn/bulletin/\(page)</loc>"), "\(page)")
        }
        let feed = String(decoding: try #require(files["feed.xml"]), as: UTF8.self)
        #expect(XMLParser(data: Data(feed.utf8)).parse())
        for release in try Self.content.get().releases {
            #expect(feed.contains("<link href=\"https://tjj.example.gov.cn/bulletin/releases/\(release.slug).html\"/>"))
        }
        #expect(String(decoding: try #require(files["robots.txt"]), as: UTF8.self).contains("Sitemap: https://tjj.example.gov.cn/bulletin/sitemap.xml"))
        // Without the address there is no sitemap, rather than one with a made-up host.
        #expect(try e2e.page("robots.txt").contains("Sitemap") == false)
        #expect(!FileManager.default.fileExists(atPath: try EndToEndTests.built.get().site.appendingPathComponent("sitemap.xml").path))
    }
}

extension BulletinSiteTests {
    @Test func theSortedViewPutsTheFurthestBehindFirst() throws {
        let site = try Self.content.get()
        var leads: [(Double, String)] = []
        for plan in site.plans {
            for (indicator, p) in zip(plan.indicators, plan.progress(asOf: site.config.asOf)) {
                if let covered = p.distanceCovered, let elapsed = p.timeElapsed { leads.append((covered - elapsed, indicator.id)) }
            }
        }
        let page = try e2e.page("progress/sorted.html")
        let order = page.matches(of: /indicators\/([a-z0-9-]+)\.html"/).map { String($0.1) }
        let expected = leads.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element.1)
        #expect(!expected.isEmpty)
        #expect(order == expected, "every judged indicator once, the most behind its time first")
    }
}
