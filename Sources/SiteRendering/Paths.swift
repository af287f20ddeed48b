import Model

/// Where each page lives in the output folder. Every link is relative, so the site works from any static
/// server, under any path prefix, and from `file://`; links name `index.html` explicitly for the latter.
enum Paths {
    static let home = "index.html"
    static let notFound = "404.html"
    static let stylesheet = "assets/site.css"

    static func plan(_ plan: Plan) -> String { "plans/\(plan.slug)/index.html" }
    static func section(_ plan: Plan, _ section: Section) -> String { "plans/\(plan.slug)/\(section.id).html" }
    static func indicator(_ plan: Plan, _ indicator: Indicator) -> String { "plans/\(plan.slug)/indicators/\(indicator.id).html" }
    static func indicatorChart(_ plan: Plan, _ indicator: Indicator) -> String { "plans/\(plan.slug)/indicators/\(indicator.id).svg" }
    static let chartStylesheet = "assets/charts.css"
    static let releases = "releases/index.html"
    static let feed = "feed.xml"
    static func release(_ release: Release) -> String { "releases/\(release.slug).html" }

    /// The prefix that leads from `page` back to the site root: "" for index.html, "../../" for plans/x/index.html.
    static func root(from page: String) -> String {
        String(repeating: "../", count: page.split(separator: "/").count - 1)
    }

    /// The link from `page` to `target`, both relative to the site root.
    static func link(from page: String, to target: String) -> String {
        let fromParts = page.split(separator: "/").dropLast()
        let toParts = target.split(separator: "/")
        var common = 0
        while common < fromParts.count, common < toParts.count - 1,
              fromParts[fromParts.startIndex + common] == toParts[common] { common += 1 }
        let up = String(repeating: "../", count: fromParts.count - common)
        return up + toParts[common...].joined(separator: "/")
    }
}
