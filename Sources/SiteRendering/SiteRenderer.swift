import Diagnostics
import Foundation
import Charts
import Model

/// One file of the output folder, by its path relative to the folder.
public struct RenderedFile: Sendable, Equatable {
    public var path: String
    public var data: Data

    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }
}

/// Renders a checked `Site` through the templates into the files of the output folder.
public struct SiteRenderer {
    public let site: Site
    public let templates: TemplateSet

    public init(site: Site, templates: TemplateSet) {
        self.site = site
        self.templates = templates
    }

    struct Page {
        var path: String
        var template: String
        var values: [String: Any]
        /// Tables placed in the text: table id → its values, rendered with the table partial at its marker.
        var embeds: [String: [String: Any]] = [:]
        /// Files that go with the page, such as its chart as an SVG file.
        var attachments: [RenderedFile] = []
    }

    static let tablePartial = "partials/indicator-table"

    /// All pages, or the diagnostics that stopped rendering (template problems are found before any page is made).
    public func render() -> (files: [RenderedFile], diagnostics: [Diagnostic]) {
        let pages = plannedPages()
        let problems = Self.checkTemplates(templates, pages: pages)
        if problems.hasErrors { return ([], problems) }

        var files: [RenderedFile] = []
        var diagnostics = problems
        for page in pages {
            guard let html = templates.render(page.values, template: page.template) else {
                diagnostics.append(.error(at: SourceLocation(file: templates.displayFolder + "/\(page.template).mustache"),
                                          "the template `\(page.template)` is missing"))
                continue
            }
            var full = html
            for (id, table) in page.embeds.sorted(by: { $0.key < $1.key }) {
                let rendered = templates.render(table, template: Self.tablePartial) ?? ""
                full = full.replacingOccurrences(of: PlanViews.embedMarker(id), with: rendered)
            }
            files.append(RenderedFile(path: page.path, data: Data(full.utf8)))
            files += page.attachments
        }
        for asset in templates.assets {
            files.append(RenderedFile(path: "assets/" + asset.path, data: asset.data))
        }
        // The chart styles come with the charts, unless the templates bring their own.
        if !templates.assets.contains(where: { "assets/" + $0.path == Paths.chartStylesheet }) {
            files.append(RenderedFile(path: Paths.chartStylesheet, data: Data(ChartStyle.css.utf8)))
        }
        return (files, diagnostics)
    }

    /// Checks the templates against the names the pages provide. Without a site (its content has errors), they
    /// are checked against the sample site alone, so template mistakes are reported in the same run.
    public static func checkTemplates(_ templates: TemplateSet, site: Site? = nil) -> [Diagnostic] {
        checkTemplates(templates, pages: site.map { SiteRenderer(site: $0, templates: templates).plannedPages() } ?? [])
    }

    static func checkTemplates(_ templates: TemplateSet, pages: [Page]) -> [Diagnostic] {
        var known = Set<String>()
        for page in SiteRenderer(site: SampleSite.site, templates: templates).plannedPages() + pages {
            collectNames(page.values, into: &known)
            collectNames(page.embeds, into: &known)
        }
        return templates.check(knownNames: known)
    }

    func plannedPages() -> [Page] {
        let views = PageViews(site: site)
        var pages = [Page(path: Paths.home, template: "home", values: views.home())]
        for plan in site.plans {
            let planViews = PlanViews(site: site, plan: plan)
            pages.append(Page(path: Paths.plan(plan), template: "plan", values: planViews.planPage()))
            for section in plan.sections {
                let (values, embeds) = planViews.sectionPage(section)
                pages.append(Page(path: Paths.section(plan, section), template: "section", values: values, embeds: embeds))
            }
            for indicator in plan.indicators {
                let (values, chartFile) = planViews.indicatorPage(indicator)
                pages.append(Page(path: Paths.indicator(plan, indicator), template: "indicator", values: values, attachments: [chartFile]))
            }
        }
        pages.append(Page(path: Paths.notFound, template: "404", values: views.notFound()))
        return pages
    }

    /// Every key of every dictionary in the page values: the names a template may use.
    static func collectNames(_ value: Any, into names: inout Set<String>) {
        if let dictionary = value as? [String: Any] {
            for (key, child) in dictionary {
                names.insert(key)
                collectNames(child, into: &names)
            }
        } else if let array = value as? [Any] {
            for child in array { collectNames(child, into: &names) }
        }
    }
}
