import TemplateEngine
import Markdown
import Model

/// Turns the model into the values templates read. Templates get plain dictionaries of ready-made text:
/// they hold no logic, and the model never sees HTML.
struct PageViews {
    let site: Site

    func layout(page: String, title: String, description: String) -> TemplateObject {
        var siteValues: TemplateObject = [
            "title": site.config.title,
            "organisation": site.config.organisation,
            "description": site.config.description,
            "language": site.config.language,
        ]
        if let footer = site.config.footer { siteValues["footer"] = footer }
        return [
            "root": Paths.root(from: page),
            "site": siteValues,
            "page": pageValues(title: title, description: description),
            "homeURL": Paths.link(from: page, to: Paths.home),
            "contentSecurityPolicy": SecurityPolicy.contentSecurityPolicy,
            "stylesheetURL": Paths.link(from: page, to: Paths.stylesheet),
            "chartStylesheetURL": Paths.link(from: page, to: Paths.chartStylesheet),
            "nav": [("规划", Paths.home), ("目标进度", Paths.progress), ("责任单位", Paths.departments), ("开放数据", Paths.dataIndex), ("搜索", SearchIndex.page)].map {
                ["title": $0.0, "url": Paths.link(from: page, to: $0.1), "current": page == $0.1] as TemplateObject
            },
        ]
    }

    /// `page.title` and `page.description` (the site's description when the page has none).
    func pageValues(title: String, description: String) -> TemplateObject {
        ["title": title, "description": description.isEmpty ? site.config.description : description]
    }

    func home(progress: ProgressViews) -> TemplateObject {
        let page = Paths.home
        var context = layout(page: page, title: site.config.title, description: site.config.description)
        context["plans"] = site.plans.map { plan -> TemplateObject in
            var values = Self.planFacts(plan)
            values["url"] = Paths.link(from: page, to: Paths.plan(plan))
            values["sections"] = plan.sections.map { section in
                ["title": section.title, "url": Paths.link(from: page, to: Paths.section(plan, section))] as TemplateObject
            }
            values["sectionCount"] = plan.sections.count
            values["indicatorCount"] = plan.indicators.count
            return values
        }
        context["releases"] = site.releases.prefix(5).map { releaseSummary($0, from: page) }
        context["hasReleases"] = !site.releases.isEmpty
        context["releasesURL"] = Paths.link(from: page, to: Paths.releases)
        context["feedURL"] = Paths.link(from: page, to: Paths.feed)
        context["planCount"] = site.plans.count
        context["indicatorCount"] = site.plans.reduce(0) { $0 + $1.indicators.count }
        context["statusCounts"] = progress.counts(from: page)
        context["progressURL"] = Paths.link(from: page, to: Paths.progress)
        context["methodURL"] = Paths.link(from: page, to: Paths.progressMethod)
        context["departmentsURL"] = Paths.link(from: page, to: Paths.departments)
        context["dataURL"] = Paths.link(from: page, to: Paths.dataIndex)
        context["asOf"] = site.config.asOf.map { "\($0)年" } ?? ""
        if var plans = context["plans"] as? [TemplateObject] {
            for (index, counts) in progress.planCounts.enumerated() where index < plans.count {
                plans[index]["statusCounts"] = ProgressViews.counts(counts, from: page)
            }
            context["plans"] = plans
        }
        return context
    }

    /// `data/index.html`: every download, for the site and for each plan, with what it holds.
    /// The search page: the box and the script, and without the script the ways in it would give (the plans, the
    /// indicators by progress, the offices).
    func searchPage() -> TemplateObject {
        let page = SearchIndex.page
        var context = layout(page: page, title: "搜索 - \(site.config.title)", description: "搜索规划、目标、指标、任务和责任单位")
        context["breadcrumbs"] = [["title": "首页", "url": Paths.link(from: page, to: Paths.home)]] as [TemplateObject]
        context["current"] = "搜索"
        context["scriptURL"] = Paths.link(from: page, to: "assets/search.js")
        context["indexURL"] = Paths.link(from: page, to: SearchIndex.manifest)
        context["plans"] = site.plans.map { plan -> TemplateObject in
            ["title": plan.title, "url": Paths.link(from: page, to: Paths.plan(plan))]
        }
        context["progressURL"] = Paths.link(from: page, to: Paths.progress)
        context["departmentsURL"] = Paths.link(from: page, to: Paths.departments)
        return context
    }

    func dataPage() -> TemplateObject {
        let page = Paths.dataIndex
        var context = layout(page: page, title: "开放数据 - \(site.config.title)", description: "指标、目标、报告数值、进度和任务的开放数据下载")
        context["breadcrumbs"] = [["title": "首页", "url": Paths.link(from: page, to: Paths.home)]] as [TemplateObject]
        context["current"] = "开放数据"
        let tables = OpenData.siteTables.map { ($0.file, $0.link, $0.about) }
        context["files"] = ([("bulletin.zip", "全部数据（ZIP）", "以下各文件的压缩包"),
                             ("bulletin.json", "全部数据（JSON）", "规划、指标、目标、报告数值及来源、进度状态、任务和责任单位")] + tables
                            + [("datapackage.json", "数据包说明（Frictionless Data Package）", "各CSV文件的字段、类型和主键")]).map {
            ["url": Paths.link(from: page, to: "data/" + $0.0), "title": $0.1, "about": $0.2, "file": $0.0] as TemplateObject
        }
        context["plans"] = site.plans.map { plan -> TemplateObject in
            ["title": plan.shortTitle, "url": Paths.link(from: page, to: Paths.plan(plan)),
             "json": Paths.link(from: page, to: Paths.planData(plan, "plan.json")),
             "csv": Paths.link(from: page, to: Paths.planData(plan, "indicators.csv")),
             "reported": Paths.link(from: page, to: Paths.planData(plan, "reported.csv"))]
        }
        context["methodURL"] = Paths.link(from: page, to: Paths.progressMethod)
        return context
    }

    func releaseSummary(_ release: Release, from page: String) -> TemplateObject {
        var values: TemplateObject = ["title": release.title, "date": release.date.chinese, "dateISO": release.date.iso,
                                     "url": Paths.link(from: page, to: Paths.release(release))]
        if let summary = release.summary { values["summary"] = summary }
        return values
    }

    func releasesPage() -> TemplateObject {
        let page = Paths.releases
        var context = layout(page: page, title: "公报发布 - \(site.config.title)", description: "\(site.config.title)的历次发布")
        context["breadcrumbs"] = [["title": "首页", "url": Paths.link(from: page, to: Paths.home)]] as [TemplateObject]
        context["current"] = "公报发布"
        context["releases"] = site.releases.map { releaseSummary($0, from: page) }
        context["feedURL"] = Paths.link(from: page, to: Paths.feed)
        return context
    }

    func releasePage(_ release: Release) -> TemplateObject {
        let page = Paths.release(release)
        var context = layout(page: page, title: "\(release.title) - \(site.config.title)", description: release.summary ?? release.title)
        context["breadcrumbs"] = [
            ["title": "首页", "url": Paths.link(from: page, to: Paths.home)],
            ["title": "公报发布", "url": Paths.link(from: page, to: Paths.releases)],
        ] as [TemplateObject]
        context["current"] = release.title
        context["release"] = releaseSummary(release, from: page)
        context["html"] = Markdown.render(release.body, reservedAnchors: ["main"]).html
        return context
    }

    /// An Atom feed of the releases, newest first; links are relative to the feed, so it works under any prefix.
    func feed() -> String {
        func escape(_ text: String) -> String { HTML.escape(text) }
        let updated = site.releases.first.map { $0.date.iso } ?? "1970-01-01"
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(escape(site.config.language))\">\n"
        xml += "  <title>\(escape(site.config.title))</title>\n  <id>urn:bulletin:feed</id>\n"
        xml += "  <updated>\(updated)T00:00:00Z</updated>\n  <author><name>\(escape(site.config.organisation))</name></author>\n"
        // With the site's address the links are absolute, as feed readers expect; without it they are relative to the
        // feed, which works under any prefix.
        let base = site.config.url ?? ""
        xml += "  <link href=\"\(escape(base))index.html\"/>\n"
        for release in site.releases {
            xml += "  <entry>\n    <title>\(escape(release.title))</title>\n    <id>urn:bulletin:release:\(release.slug)</id>\n"
            xml += "    <updated>\(release.date.iso)T00:00:00Z</updated>\n    <link href=\"\(escape(base + Paths.release(release)))\"/>\n"
            if let summary = release.summary { xml += "    <summary>\(escape(summary))</summary>\n" }
            xml += "  </entry>\n"
        }
        return xml + "</feed>\n"
    }

    func notFound() -> TemplateObject {
        var context = layout(page: Paths.notFound, title: "页面不存在 - \(site.config.title)", description: "")
        // A 404 page is served at whatever address was asked for; its links are written for the site root and
        // its styles are inline (see the template).
        context["plans"] = site.plans.map { ["title": $0.shortTitle, "url": Paths.plan($0)] as TemplateObject }
        return context
    }

    static func planFacts(_ plan: Plan) -> TemplateObject {
        var values: TemplateObject = [
            "title": plan.title,
            "shortTitle": plan.shortTitle,
            "type": plan.type,
            "region": plan.region,
            "issuer": plan.issuer,
            "period": plan.period.label,
        ]
        if let number = plan.documentNumber { values["documentNumber"] = number }
        if let issued = plan.issued { values["issued"] = issued.chinese; values["issuedISO"] = issued.iso }
        if let published = plan.published { values["published"] = published.chinese; values["publishedISO"] = published.iso }
        return values
    }
}
