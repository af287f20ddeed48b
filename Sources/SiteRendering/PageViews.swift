import Markdown
import Model

/// Turns the model into the values templates read. Templates get plain dictionaries of ready-made text:
/// they hold no logic, and the model never sees HTML.
struct PageViews {
    let site: Site

    func layout(page: String, title: String, description: String) -> [String: Any] {
        var siteValues: [String: Any] = [
            "title": site.config.title,
            "organisation": site.config.organisation,
            "description": site.config.description,
            "language": site.config.language,
        ]
        if let footer = site.config.footer { siteValues["footer"] = footer }
        return [
            "root": Paths.root(from: page),
            "site": siteValues,
            "page": ["title": title, "description": description.isEmpty ? site.config.description : description],
            "homeURL": Paths.link(from: page, to: Paths.home),
            "stylesheetURL": Paths.link(from: page, to: Paths.stylesheet),
        ]
    }

    func home() -> [String: Any] {
        let page = Paths.home
        var context = layout(page: page, title: site.config.title, description: site.config.description)
        context["plans"] = site.plans.map { plan -> [String: Any] in
            var values = planFacts(plan)
            values["url"] = Paths.link(from: page, to: Paths.plan(plan))
            values["sections"] = plan.sections.map { section in
                ["title": section.title, "url": Paths.link(from: page, to: Paths.section(plan, section))] as [String: Any]
            }
            values["sectionCount"] = plan.sections.count
            values["indicatorCount"] = plan.indicators.count
            return values
        }
        context["planCount"] = site.plans.count
        context["indicatorCount"] = site.plans.reduce(0) { $0 + $1.indicators.count }
        return context
    }

    func plan(_ plan: Plan) -> [String: Any] {
        let page = Paths.plan(plan)
        var context = layout(page: page, title: "\(plan.shortTitle) - \(site.config.title)", description: plan.title)
        context["plan"] = planFacts(plan)
        context["breadcrumbs"] = [["title": "首页", "url": Paths.link(from: page, to: Paths.home)]]
        context["current"] = plan.shortTitle
        context["sections"] = plan.sections.map { section -> [String: Any] in
            var values: [String: Any] = [
                "title": section.numberedTitle,
                "kind": section.kind.label,
                "url": Paths.link(from: page, to: Paths.section(plan, section)),
            ]
            let count = plan.indicators(in: section).count
            if count > 0 { values["indicatorCount"] = count }
            if let chapter = section.chapter { values["chapter"] = chapter }
            return values
        }
        if let notice = plan.notice { context["notice"] = Markdown.render(notice).html }
        let tables = tableContexts(plan, indicators: plan.indicators, page: page, linkSections: true)
        context["tables"] = tables
        context["hasTables"] = !tables.isEmpty
        context["sources"] = plan.sources.map { source -> [String: Any] in
            var values: [String: Any] = ["title": source.title]
            if let url = source.url { values["url"] = url }
            if let note = source.note { values["note"] = note }
            return values
        }
        context["editorialNotes"] = plan.editorialNotes
        context["hasEditorialNotes"] = !plan.editorialNotes.isEmpty
        return context
    }

    /// The comment that marks where an embedded table goes; authors cannot write it (safe mode drops raw HTML).
    static func embedMarker(_ tableID: String) -> String { "<!--bulletin:table:\(tableID)-->" }

    /// The section page's values, and the tables its text places inline (rendered later, at their markers).
    func section(_ section: Section, of plan: Plan) -> (values: [String: Any], embeds: [String: [String: Any]]) {
        let page = Paths.section(plan, section)
        var context = layout(page: page, title: "\(section.title) - \(plan.shortTitle)", description: "\(plan.title)：\(section.numberedTitle)")
        context["plan"] = planFacts(plan)
        context["planURL"] = Paths.link(from: page, to: Paths.plan(plan))
        context["breadcrumbs"] = [
            ["title": "首页", "url": Paths.link(from: page, to: Paths.home)],
            ["title": plan.shortTitle, "url": Paths.link(from: page, to: Paths.plan(plan))],
        ]
        context["current"] = section.title
        var sectionValues: [String: Any] = ["title": section.numberedTitle, "kind": section.kind.label]
        if let chapter = section.chapter { sectionValues["chapter"] = chapter }
        context["section"] = sectionValues

        var embedded: [String] = []
        let document = Markdown.render(section.body, reservedAnchors: ["main", "toc-heading", "indicators-heading"] + plan.tables.map { "table-" + $0.id }) { embed in
            guard embed.name == Markdown.tableMarker, plan.tables.contains(where: { $0.id == embed.argument }) else { return nil }
            embedded.append(embed.argument)
            return Self.embedMarker(embed.argument) + "\n"
        }
        context["html"] = document.html
        let outline = document.outline.filter { $0.level <= 3 }.map {
            ["text": $0.text, "anchor": $0.anchor, "level": $0.level] as [String: Any]
        }
        context["outline"] = outline
        context["hasOutline"] = outline.count >= 2

        var embeds: [String: [String: Any]] = [:]
        for id in embedded {
            let all = plan.indicators.filter { $0.tableID == id }
            embeds[id] = tableContexts(plan, indicators: all, page: page, linkSections: false).first
        }
        let tables = tableContexts(plan, indicators: plan.indicators(in: section).filter { !embedded.contains($0.tableID) }, page: page, linkSections: false)
        context["tables"] = tables
        context["hasTables"] = !tables.isEmpty

        if let index = plan.sections.firstIndex(where: { $0.id == section.id }) {
            if index > 0 {
                let previous = plan.sections[index - 1]
                context["previous"] = ["title": previous.numberedTitle, "url": Paths.link(from: page, to: Paths.section(plan, previous))]
            }
            if index + 1 < plan.sections.count {
                let next = plan.sections[index + 1]
                context["next"] = ["title": next.numberedTitle, "url": Paths.link(from: page, to: Paths.section(plan, next))]
            }
        }
        return (context, embeds)
    }

    func notFound() -> [String: Any] {
        var context = layout(page: Paths.notFound, title: "页面不存在 - \(site.config.title)", description: "")
        // A 404 page is served at whatever address was asked for, so its links cannot be relative to itself:
        // it links to the home page by name only and carries its styles inline (see the template).
        context["root"] = ""
        context["plans"] = site.plans.map { ["title": $0.shortTitle, "url": Paths.plan($0)] as [String: Any] }
        return context
    }

    private func planFacts(_ plan: Plan) -> [String: Any] {
        var values: [String: Any] = [
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

    private func tableContexts(_ plan: Plan, indicators: [Indicator], page: String, linkSections: Bool) -> [[String: Any]] {
        plan.tables.compactMap { table -> [String: Any]? in
            let all = plan.indicators.filter { $0.tableID == table.id }
            let shown = indicators.filter { $0.tableID == table.id }
            guard !shown.isEmpty else { return nil }
            var numbering: [String: Int] = [:]
            for (index, indicator) in all.enumerated() { numbering[indicator.id] = index + 1 }
            let view = IndicatorTableView(table: table, indicators: shown, numbering: numbering)
            let link: ((Indicator) -> String)? = linkSections ? { indicator in
                guard let section = plan.section(indicator.sectionID) else { return "" }
                return Paths.link(from: page, to: Paths.section(plan, section)) + "#table-" + table.id
            } : nil
            return view.context(linkToSection: link)
        }
    }
}
