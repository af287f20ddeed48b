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
    static func indicatorData(_ plan: Plan, _ indicator: Indicator, _ ext: String) -> String { "plans/\(plan.slug)/indicators/\(indicator.id).\(ext)" }
    static func planData(_ plan: Plan, _ file: String) -> String { "plans/\(plan.slug)/data/\(file)" }
    static func task(_ plan: Plan, _ task: PlanTask) -> String { "plans/\(plan.slug)/\(task.sectionID).html#\(task.anchor)" }
    static let progress = "progress/index.html"
    static func progress(_ status: ProgressStatus) -> String { "progress/\(status.rawValue).html" }
    static let progressMethod = "progress/method.html"
    static let progressSorted = "progress/sorted.html"
    static let departments = "departments/index.html"
    static func department(_ department: Department) -> String { "departments/\(department.id).html" }
    static let dataIndex = "data/index.html"
    static let dataZip = "data/bulletin.zip"
    static let sitemap = "sitemap.xml"
    static let robots = "robots.txt"
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
        // Folders are compared as byte ranges: this runs for every link of every page.
        let from = Array(page.utf8), to = Array(target.utf8)
        var common = 0  // length of the shared folder prefix, ending just after a "/"
        var i = 0
        while i < from.count, i < to.count, from[i] == to[i] {
            if from[i] == 0x2F { common = i + 1 }
            i += 1
        }
        var ups = 0
        for byte in from[common...] where byte == 0x2F { ups += 1 }
        var out = [UInt8]()
        out.reserveCapacity(ups * 3 + to.count - common)
        for _ in 0..<ups { out += [0x2E, 0x2E, 0x2F] }
        out += to[common...]
        return String(decoding: out, as: UTF8.self)
    }
}
