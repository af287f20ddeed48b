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
            "chartStylesheetURL": Paths.link(from: page, to: Paths.chartStylesheet),
        ]
    }

    func home() -> [String: Any] {
        let page = Paths.home
        var context = layout(page: page, title: site.config.title, description: site.config.description)
        context["plans"] = site.plans.map { plan -> [String: Any] in
            var values = Self.planFacts(plan)
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

    func notFound() -> [String: Any] {
        var context = layout(page: Paths.notFound, title: "页面不存在 - \(site.config.title)", description: "")
        // A 404 page is served at whatever address was asked for; its links are written for the site root and
        // its styles are inline (see the template).
        context["plans"] = site.plans.map { ["title": $0.shortTitle, "url": Paths.plan($0)] as [String: Any] }
        return context
    }

    static func planFacts(_ plan: Plan) -> [String: Any] {
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
}
