import TemplateEngine
import Charts
import Foundation
import Markdown
import Model

/// The pages of one plan: the plan page, its sections and its indicators. Each section's Markdown is rendered
/// once here and shared, together with where each figure's quote is anchored in it.
struct PlanViews {
    let site: Site
    let plan: Plan
    let charts: IndicatorCharts
    /// Section id → rendered section.
    let sections: [String: RenderedSection]
    /// Quote anchor by indicator id and target index: `goals.html#q-…`, relative to the plan folder.
    let quoteLinks: [String: [Int: String]]
    /// The anchor of each achievement's quote in its section, by quote.
    let achievementAnchors: [String: String]
    /// Position of each indicator in the plan, for the pager.
    let indicatorIndex: [String: Int]
    /// The values every indicator page of the plan has alike.
    let indicatorShared: TemplateObject
    /// Each indicator's progress, in the plan's order and by id, decided once per build by the model's method.
    let assessments: [Assessment]
    let progress: [String: Assessment]

    struct RenderedSection {
        var document: MarkdownDocument
        /// Tables placed in the text with `[!指标表] id`.
        var embedded: [String]
    }

    /// `assessments`: the plan's indicators' progress, in their order (`Plan.progress(asOf:)`).
    init(site: Site, plan: Plan, assessments: [Assessment]) {
        self.site = site
        self.plan = plan
        self.charts = IndicatorCharts(plan: plan)
        self.assessments = assessments
        var progress: [String: Assessment] = [:]
        for (indicator, p) in zip(plan.indicators, assessments) { progress[indicator.id] = p }
        self.progress = progress
        var sections: [String: RenderedSection] = [:]
        var links: [String: [Int: String]] = [:]
        var achievementAnchors: [String: String] = [:]
        let tableIDs = Set(plan.tables.map(\.id))
        for section in plan.sections {
            var embedded: [String] = []
            let reserved = ["main", "toc-heading", "indicators-heading", "charts-heading", "achievements-heading"] + plan.tables.map { "table-" + $0.id }
            var document = Markdown.render(section.body, reservedAnchors: reserved) { embed in
                guard embed.name == Markdown.tableMarker, tableIDs.contains(embed.argument) else { return nil }
                embedded.append(embed.argument)
                return PlanViews.embedMarker(embed.argument) + "\n"
            }
            var quotes: [(quote: String, id: String)] = []
            var owners: [(indicator: String, index: Int, quote: String)] = []
            // After each quoted figure, a link to each indicator that quotes it, with its status.
            var chips: [String: String] = [:]
            let page = Paths.section(plan, section)
            for indicator in plan.indicators(in: section) {
                for (index, target) in indicator.targets.enumerated() {
                    guard let quote = target.quote else { continue }
                    // A second target in the same year (a rank beside a level) gets an anchor of its own.
                    let sameYear = indicator.targets[..<index].count { $0.year == target.year }
                    quotes.append((quote, QuoteAnchors.id(for: indicator.id, year: target.year) + (sameYear > 0 ? "-\(sameYear + 1)" : "")))
                    owners.append((indicator.id, index, quote))
                    let link = "<a class=\"figure-chip\" data-search=\"skip\" href=\"\(HTML.escape(Paths.link(from: page, to: Paths.indicator(plan, indicator))))\">"
                    let status = progress[indicator.id]?.status ?? .noData
                    // Short in the text (the sentence names the figure already); the indicator's name is there for
                    // screen readers and as a tooltip.
                    let chip = String(link.dropLast()) + " title=\"\(HTML.escape(indicator.name))：\(status.label)\">"
                        + "<span class=\"visually-hidden\">指标“\(HTML.escape(indicator.name))”：</span>"
                        + "<span class=\"status status-\(status.rawValue)\"><span class=\"status-mark\" aria-hidden=\"true\">\(status.mark)</span>\(status.label)</span></a>"
                    if !(chips[quote]?.contains(link) ?? false) { chips[quote, default: ""] += chip }
                }
            }
            // The base period's figures carried as data are anchored in the text too.
            for (index, achievement) in plan.achievements.enumerated() where achievement.sectionID == section.id {
                quotes.append((achievement.quote, "a-\(index + 1)"))
            }
            let marked = QuoteAnchors.mark(TaskAnchors.mark(document.html, tasks: plan.tasks.filter { $0.sectionID == section.id }),
                                           quotes: quotes, after: chips)
            document.html = marked.html
            for owner in owners {
                if let id = marked.ids[owner.quote] { links[owner.indicator, default: [:]][owner.index] = "\(section.id).html#\(id)" }
            }
            for achievement in plan.achievements where achievement.sectionID == section.id {
                if let id = marked.ids[achievement.quote] { achievementAnchors[achievement.quote] = id }
            }
            sections[section.id] = RenderedSection(document: document, embedded: embedded)
        }
        self.sections = sections
        self.quoteLinks = links
        self.achievementAnchors = achievementAnchors
        var positions: [String: Int] = [:]
        for (index, indicator) in plan.indicators.enumerated() { positions[indicator.id] = index }
        self.indicatorIndex = positions
        if let first = plan.indicators.first {
            // What every indicator page of the plan shows alike (they are all one folder deep in the plan, so
            // their links are the same too), made once for the plan.
            let page = Paths.indicator(plan, first)
            var shared = PageViews(site: site).layout(page: page, title: "", description: "")
            shared["plan"] = PageViews.planFacts(plan)
            shared["planURL"] = Paths.link(from: page, to: Paths.plan(plan))
            shared["breadcrumbs"] = Self.breadcrumbs(from: page, in: plan)
            self.indicatorShared = shared
        } else {
            self.indicatorShared = TemplateObject()
        }
    }

    /// The way back from a page inside a plan: the home page, then the plan.
    static func breadcrumbs(from page: String, in plan: Plan) -> [TemplateObject] {
        [
            ["title": "首页", "url": Paths.link(from: page, to: Paths.home)],
            ["title": plan.shortTitle, "url": Paths.link(from: page, to: Paths.plan(plan))],
        ]
    }

    /// The comment that marks where an embedded table goes; authors cannot write it (safe mode drops raw HTML).
    static func embedMarker(_ tableID: String) -> String { "<!--bulletin:table:\(tableID)-->" }

    private var views: PageViews { PageViews(site: site) }

    // MARK: - Plan page

    func planPage() -> TemplateObject {
        let page = Paths.plan(plan)
        var context = views.layout(page: page, title: "\(plan.shortTitle) - \(site.config.title)", description: plan.title)
        context["plan"] = PageViews.planFacts(plan)
        context["breadcrumbs"] = [["title": "首页", "url": Paths.link(from: page, to: Paths.home)]] as [TemplateObject]
        context["current"] = plan.shortTitle
        context["sections"] = plan.sections.map { section -> TemplateObject in
            var values: TemplateObject = [
                "title": section.numberedTitle,
                "kind": section.kind.label,
                "url": Paths.link(from: page, to: Paths.section(plan, section)),
            ]
            if let chapter = section.chapter, !section.numberedTitle.hasPrefix(chapter) { values["chapter"] = chapter }
            let count = plan.indicators(in: section).count
            if count > 0 { values["indicatorCount"] = count }
            return values
        }
        if let notice = plan.notice { context["notice"] = Markdown.render(notice).html }
        let tables = tableContexts(indicators: plan.indicators, page: page)
        context["tables"] = tables
        context["hasTables"] = !tables.isEmpty
        let figures = chartFigures(for: plan.indicators, page: page, scope: "规划")
        context["charts"] = figures
        context["hasCharts"] = !figures.isEmpty
        let list = assessments
        context["statusCounts"] = ProgressViews.counts(list, from: page)
        context["progressURL"] = Paths.link(from: page, to: Paths.progress) + "#plan-" + plan.slug
        context["methodURL"] = Paths.link(from: page, to: Paths.progressMethod)
        context["downloads"] = downloads(from: page)
        if !list.contains(where: { $0.distanceCovered != nil }), !plan.indicators.isEmpty {
            context["noProgressNote"] = "本规划尚无可计算进度的指标：或未列出基期数值，或基期之后尚无报告数值。各指标页列出目标值、已有数值和规划原文。"
        }
        context["sources"] = plan.sources.map { source -> TemplateObject in
            var values: TemplateObject = ["title": source.title]
            if let url = source.url { values["url"] = url }
            if let note = source.note { values["note"] = note }
            return values
        }
        context["editorialNotes"] = plan.editorialNotes
        context["hasEditorialNotes"] = !plan.editorialNotes.isEmpty
        // Text absent from the source, marked [!缺失] where it was: each listed with a link to its place.
        let gaps = plan.sections.flatMap { section in
            (sections[section.id]?.document.gaps ?? Markdown.gaps(in: section.body)).map { gap -> TemplateObject in
                ["section": section.numberedTitle, "context": gap.context, "mark": gap.shown,
                 "url": Paths.link(from: page, to: Paths.section(plan, section)) + "#" + gap.anchor]
            }
        }
        context["gaps"] = gaps
        context["hasGaps"] = !gaps.isEmpty
        return context
    }

    // MARK: - Section page

    func sectionPage(_ section: Section) -> (values: TemplateObject, embeds: [String: TemplateObject]) {
        let page = Paths.section(plan, section)
        var context = views.layout(page: page, title: "\(section.title) - \(plan.shortTitle)", description: "\(plan.title)：\(section.numberedTitle)")
        context["plan"] = PageViews.planFacts(plan)
        context["planURL"] = Paths.link(from: page, to: Paths.plan(plan))
        context["breadcrumbs"] = Self.breadcrumbs(from: page, in: plan)
        context["current"] = section.title
        var sectionValues: TemplateObject = ["title": section.numberedTitle, "kind": section.kind.label]
        if let chapter = section.chapter { sectionValues["chapter"] = chapter }
        context["section"] = sectionValues

        let rendered = sections[section.id] ?? RenderedSection(document: Markdown.render(section.body), embedded: [])
        context["html"] = rendered.document.html
        let outline = rendered.document.outline.filter { $0.level <= 3 }.map {
            ["text": $0.text, "anchor": $0.anchor, "level": $0.level] as TemplateObject
        }
        context["outline"] = outline
        context["hasOutline"] = outline.count >= 2

        var embeds: [String: TemplateObject] = [:]
        for id in rendered.embedded {
            embeds[id] = tableContexts(indicators: plan.indicators.filter { $0.tableID == id }, page: page).first
        }
        let stated = plan.indicators(in: section)
        let tables = tableContexts(indicators: stated.filter { !rendered.embedded.contains($0.tableID) }, page: page)
        context["tables"] = tables
        context["hasTables"] = !tables.isEmpty
        context["downloads"] = downloads(from: page)
        context["hasDownloads"] = !stated.isEmpty
        let figures = chartFigures(for: stated, page: page, scope: "本部分")
        context["charts"] = figures
        context["hasCharts"] = !figures.isEmpty

        let achievements = plan.achievements.filter { $0.sectionID == section.id }
        context["achievements"] = achievements.map { a -> TemplateObject in
            var values: TemplateObject = ["name": a.name, "value": a.asWritten, "year": a.year.map { "\($0)年" } ?? "原文未注明"]
            if let anchor = achievementAnchors[a.quote] { values["url"] = "#" + anchor }
            return values
        }
        context["hasAchievements"] = !achievements.isEmpty
        context["achievementsURL"] = Paths.link(from: page, to: Paths.planData(plan, "achievements.csv"))
        Self.pager(plan.sections, at: plan.sections.firstIndex { $0.id == section.id }, into: &context) {
            ["title": $0.numberedTitle, "url": Paths.link(from: page, to: Paths.section(plan, $0))]
        }
        return (context, embeds)
    }

    // MARK: - Indicator page

    func indicatorPage(_ indicator: Indicator) -> (values: TemplateObject, files: [RenderedFile]) {
        let page = Paths.indicator(plan, indicator)
        var context = indicatorShared
        context["page"] = views.pageValues(title: "\(indicator.name) - \(plan.shortTitle)", description: "\(plan.title)：\(indicator.name)")
        context["current"] = indicator.name

        let chart = charts.chart(for: indicator, id: "chart-\(indicator.id)")
        let chartFile = RenderedFile(path: Paths.indicatorChart(plan, indicator), bytes: chart.standaloneBytes(.wide))
        context["chartDownloadURL"] = Paths.link(from: page, to: chartFile.path)
        var publishers: [String] = []
        for report in indicator.reported {
            let name = report.source.publisher ?? report.source.title
            if !publishers.contains(name) { publishers.append(name) }
        }
        context["chart"] = ChartViews.figure(chart, id: "figure-\(indicator.id)", title: indicator.unit.isEmpty ? indicator.name : indicator.name + "（\(indicator.unit)）",
                                             source: "\(plan.shortTitle)（\(plan.documentNumber ?? plan.issuer)）" + (publishers.isEmpty ? "" : "；报告数值：" + publishers.joined(separator: "、")),
                                             table: ChartViews.indicatorTable(indicator, period: plan.period))
        let p = progress[indicator.id] ?? ProgressMethod.assess(indicator, period: plan.period, asOf: site.config.asOf)
        context["progress"] = ProgressViews.details(p, indicator: indicator)
        if indicator.targets.count >= 2 {
            let each = ProgressMethod.assessEachTarget(indicator, period: plan.period, asOf: site.config.asOf)
            context["targetStatuses"] = zip(indicator.targets, each).map { target, a -> TemplateObject in
                // A multiple is shown with the level it sets, when the base is known.
                let shown = target.measure == .multiple ? (a.target ?? target) : target
                return ["target": "\(target.year)年 " + shown.phrase(shown.value.text + shown.unit(or: indicator.unit)),
                        "status": ProgressViews.status(a.status), "reason": a.reason]
            }
        }
        context["hasTargetStatuses"] = indicator.targets.count >= 2
        context["methodURL"] = Paths.link(from: page, to: Paths.progressMethod)
        context["reports"] = indicator.reported.map { report -> TemplateObject in
            var values: TemplateObject = ["year": "\(report.year)年", "value": report.value.text + indicator.unit,
                                          "source": ChartViews.sourceText(report.source)]
            if let url = report.source.url { values["url"] = url }
            if let note = report.note { values["note"] = note }
            if report.source.repost { values["repost"] = true }
            return values
        }
        context["hasReports"] = !indicator.reported.isEmpty
        let csv = RenderedFile(path: Paths.indicatorData(plan, indicator, "csv"), bytes: OpenData.indicatorCSV(indicator).bytes)
        let json = RenderedFile(path: Paths.indicatorData(plan, indicator, "json"),
                                bytes: OpenData.indicatorJSON(indicator, in: plan, progress: p, asOf: site.config.asOf).prettyBytes)
        context["downloads"] = [["title": "数据（CSV）", "url": Paths.link(from: page, to: csv.path)],
                                ["title": "数据和进度（JSON）", "url": Paths.link(from: page, to: json.path)],
                                ["title": "图表（SVG）", "url": Paths.link(from: page, to: chartFile.path)]] as [TemplateObject]
        var facts: [TemplateObject] = [["term": "单位", "value": indicator.unit]]
        facts.append(["term": "指标属性", "value": indicator.attribute?.rawValue ?? "原文未标注"])
        facts.append(["term": "目标方向", "value": indicator.direction == .increase ? "提高（数值越大越接近目标）" : "降低（数值越小越接近目标）"])
        let comparators = indicator.targets.map { "\($0.year)年：" + $0.meaning(unit: indicator.unit) }
        facts.append(["term": "目标表述", "value": comparators.joined(separator: "；")])
        if let table = plan.tables.first(where: { $0.id == indicator.tableID }) {
            facts.append(["term": "所在表", "value": table.title, "url": Paths.link(from: page, to: Paths.plan(plan)) + "#table-" + table.id])
        }
        if let section = plan.section(indicator.sectionID) {
            facts.append(["term": "提出部分", "value": section.numberedTitle, "url": Paths.link(from: page, to: Paths.section(plan, section))])
        }
        context["facts"] = facts
        context["definition"] = indicator.definition ?? "规划原文未给出该指标的定义或统计口径。"
        context["hasDefinition"] = indicator.definition != nil

        context["quotes"] = indicator.targets.enumerated().compactMap { index, target -> TemplateObject? in
            guard let quote = target.quote else { return nil }
            var values: TemplateObject = ["year": "\(target.year)年目标", "quote": quote]
            if let link = quoteLinks[indicator.id]?[index] {
                values["url"] = Paths.link(from: page, to: "plans/\(plan.slug)/" + link)
            } else if let section = plan.section(indicator.sectionID) {
                values["url"] = Paths.link(from: page, to: Paths.section(plan, section))
            }
            return values
        }
        context["printedTable"] = indicator.targets.contains { $0.quote == nil }

        if let part = indicator.partOf, let parent = indicatorIndex[part.indicatorID].map({ plan.indicators[$0] }) {
            context["parent"] = ["name": parent.name, "url": Paths.link(from: page, to: Paths.indicator(plan, parent)), "by": part.by, "part": part.name] as TemplateObject
        }
        let parts = charts.parts(of: indicator)
        context["parts"] = parts.map { part -> TemplateObject in
            ["name": part.partOf?.name ?? part.name, "url": Paths.link(from: page, to: Paths.indicator(plan, part)),
             "value": part.finalTarget.map { $0.value.text + part.unit } ?? ""]
        }
        context["hasParts"] = !parts.isEmpty
        if let breakdown = charts.breakdown(of: indicator, id: "chart-\(indicator.id)-parts") {
            context["breakdown"] = breakdownFigure(breakdown, parent: indicator, id: "figure-\(indicator.id)-parts", page: page)
        }

        Self.pager(plan.indicators, at: indicatorIndex[indicator.id], into: &context) {
            ["title": $0.name, "url": Paths.link(from: page, to: Paths.indicator(plan, $0))]
        }
        return (context, [chartFile, csv, json])
    }

    /// `previous` and `next` for the pager: the items beside `index`.
    static func pager<Item>(_ items: [Item], at index: Int?, into context: inout TemplateObject, link: (Item) -> TemplateObject) {
        guard let index else { return }
        if index > 0 { context["previous"] = link(items[index - 1]) }
        if index + 1 < items.count { context["next"] = link(items[index + 1]) }
    }

    // MARK: - Tables and charts

    func tableContexts(indicators: [Indicator], page: String) -> [TemplateObject] {
        plan.tables.compactMap { table -> TemplateObject? in
            let all = plan.indicators.filter { $0.tableID == table.id }
            let shown = indicators.filter { $0.tableID == table.id }
            guard !shown.isEmpty else { return nil }
            var numbering: [String: Int] = [:]
            for (index, indicator) in all.enumerated() { numbering[indicator.id] = index + 1 }
            let view = IndicatorTableView(table: table, indicators: shown, numbering: numbering)
            return view.context { Paths.link(from: page, to: Paths.indicator(plan, $0)) }
        }
    }

    /// The plan's downloads, linked from `page`.
    func downloads(from page: String) -> [TemplateObject] {
        ([("全部数据（JSON）", "plan.json")] + OpenData.siteTables.map { ($0.link, $0.file) }).map {
            ["title": $0.0, "url": Paths.link(from: page, to: Paths.planData(plan, $0.1))] as TemplateObject
        }
    }

    /// The overview of `indicators` (distance covered against time elapsed) and the breakdown of each that has parts.
    func chartFigures(for indicators: [Indicator], page: String, scope: String) -> [TemplateObject] {
        var figures: [TemplateObject] = []
        let slug = page.split(separator: "/").last.map { String($0.dropLast(5)) } ?? "page"
        let judged = indicators.compactMap { indicator in progress[indicator.id].map { (indicator, $0) } }
        if judged.contains(where: { $0.1.distanceCovered != nil }),
           let overview = charts.overview(of: judged, title: "\(scope)指标：完成进度与时间进度", id: "chart-\(slug)-overview") {
            let rows = judged.map { indicator, p -> [(text: String, url: String?)] in
                [(indicator.name, Paths.link(from: page, to: Paths.indicator(plan, indicator))),
                 (p.status.mark + " " + p.status.label, nil),
                 (p.latest.map { "\($0.year)年：\($0.value.text)\(indicator.unit)" } ?? "—", nil),
                 (p.target.map { $0.mention(unit: indicator.unit) } ?? "—", nil),
                 (ProgressViews.percent(p.distanceCovered) ?? "—", nil), (ProgressViews.percent(p.timeElapsed) ?? "—", nil)]
            }
            let table = ChartViews.table(caption: "各指标的完成进度和时间进度", headers: ["指标", "状态", "最新值", "目标值", "完成进度", "时间进度"],
                                         numeric: [4, 5], rows: rows)
            figures.append(ChartViews.figure(overview, id: "figure-\(slug)-overview", title: "指标进度一览",
                                             source: "\(plan.shortTitle)及所列报告数值来源；完成进度 =（最新值 − 基期值）÷（目标值 − 基期值），时间进度 =（最新年份 − 基期年份）÷（目标年份 − 基期年份）",
                                             table: table))
        }
        // Breakdowns of the indicators shown here, and of those whose parts are stated here.
        var parents = indicators.filter { charts.parts(of: $0).count >= 2 }
        for id in indicators.compactMap(\.partOf?.indicatorID) where !parents.contains(where: { $0.id == id }) {
            if let parent = indicatorIndex[id].map({ plan.indicators[$0] }), charts.parts(of: parent).count >= 2 { parents.append(parent) }
        }
        for indicator in parents {
            if let breakdown = charts.breakdown(of: indicator, id: "chart-\(slug)-\(indicator.id)-parts") {
                figures.append(breakdownFigure(breakdown, parent: indicator, id: "figure-\(slug)-\(indicator.id)-parts", page: page))
            }
        }
        return figures
    }

    func breakdownFigure(_ breakdown: (chart: Chart, by: String, year: Int), parent: Indicator, id: String, page: String) -> TemplateObject {
        let parts = charts.parts(of: parent)
        let rows = parts.compactMap { part -> [(text: String, url: String?)]? in
            guard let target = part.targets.last(where: { $0.year == breakdown.year }) else { return nil }
            return [(part.partOf?.name ?? part.name, Paths.link(from: page, to: Paths.indicator(plan, part))),
                    (target.value.text, nil), (target.unit(or: part.unit), nil), (target.cell(unit: part.unit) ?? "", nil)]
        }
        let table = ChartViews.table(caption: "\(breakdown.year)年\(parent.name)目标（按\(breakdown.by)）", headers: [breakdown.by, "目标值", "单位", "表述"], numeric: [1], rows: rows)
        return ChartViews.figure(breakdown.chart, id: id, title: "\(parent.name)：按\(breakdown.by)分", source: plan.shortTitle, table: table)
    }
}
