import TemplateEngine
import BuildCache
import Charts
import Diagnostics
import Foundation
import Model
import Synchronization

/// One file of the output folder, by its path relative to the folder.
public struct RenderedFile: Sendable, Equatable {
    public var path: String
    /// The file's bytes, as the renderer made them (no copy into `Data` on the way to the disk).
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, data: Data) {
        self.init(path: path, bytes: [UInt8](data))
    }
}

/// Renders a checked `Site` through the templates into the files of the output folder.
public struct SiteRenderer: Sendable {
    public let site: Site
    public let templates: TemplateSet
    /// Keys of every content file, for pages that show something of everything (the home page).
    public let contentFiles: [String]
    /// The key of `site.yaml`, which every page shows.
    public let siteFile: String
    /// The last build's output and record: the search index is mended from its index, or made from its pages when
    /// they are not rendered again.
    public var previous: SearchIndex.Previous?
    /// The searched pages, in the index's order, when the caller has listed the outputs already (listing them again
    /// costs 0.7 s at 1000 plans).
    public var searchedPages: [String]?

    public init(site: Site, templates: TemplateSet, contentFiles: [String] = [], siteFile: String = "site.yaml") {
        self.site = site
        self.templates = templates
        self.contentFiles = contentFiles.sorted()
        self.siteFile = siteFile
        self.departmentIndex = DepartmentIndex(plans: site.plans)
        var assessments: [String: [Assessment]] = [:]
        for plan in site.plans { assessments[plan.slug] = plan.progress(asOf: site.config.asOf) }
        self.assessments = assessments
    }

    static let tablePartial = "partials/indicator-table"

    /// Which office answers for which task, across all plans; made once, with the renderer.
    public let departmentIndex: DepartmentIndex
    /// Every indicator's progress, by plan slug, in the plan's order: judged once per build, read by the plan's pages,
    /// the progress views, the home page and the downloads.
    let assessments: [String: [Assessment]]

    var progressViews: ProgressViews { ProgressViews(site: site, progress: site.plans.map { assessments[$0.slug] ?? [] }) }
    /// The plan an output belongs to: every page of a plan is under `plans/<slug>/`.
    public static func planSlug(ofOutput path: String) -> String? {
        let parts = path.split(separator: "/", maxSplits: 2)
        guard parts.count == 3, parts[0] == "plans" else { return nil }
        return String(parts[1])
    }

    /// Renders everything, in memory (for `check` and tests).
    public func render() -> (files: [RenderedFile], diagnostics: [Diagnostic]) {
        let problems = Self.checkTemplates(templates)
        if problems.hasErrors { return ([], problems) }
        let collected = Mutex<[RenderedFile]>([])
        let renderProblems = render(Set(plannedOutputs().map(\.path))) { file in collected.withLock { $0.append(file) } }
        let files = collected.withLock { $0 }.sorted { $0.path < $1.path }
        return (files, problems + renderProblems)
    }

    /// Renders the outputs at `paths` (and their companions), handing each file to `emit` as soon as it is
    /// made. Plans are rendered in parallel, one per core; `emit` is called from several threads. A plan's
    /// shared work (its sections' Markdown, quote anchors) is done only if one of its pages is asked for.
    ///
    /// `keep` is told of the files of an asked-for output that are not made again because they would be the same as
    /// the last build's (the search index's, when only a few pages' words changed).
    public func render(_ paths: Set<String>, emit given: @Sendable (RenderedFile) -> Void,
                       keep: @Sendable (String) -> Void = { _ in }) -> [Diagnostic] {
        let diagnostics = Mutex<[Diagnostic]>([])
        // The search index is made last, from every searched page: those rendered now are read as they are made.
        let searching = paths.contains(SearchIndex.manifest)
        let read = Mutex<[String: SearchText.Page]>([:])
        @Sendable func emit(_ file: RenderedFile) {
            if searching, SearchIndex.group(of: file.path) != nil {
                let page = SearchText.page(file.bytes)
                read.withLock { $0[file.path] = page }
            }
            given(file)
        }
        // The plans to render are told from the paths asked for, without making the path of every page of
        // every plan.
        let slugs = Set(paths.compactMap(Self.planSlug(ofOutput:)))
        let plans = site.plans.filter { slugs.contains($0.slug) }
        // The pages of the whole site come first, in parts of their own (the data files, the progress views, the
        // departments, the rest): at 1000 plans each is as much work as tens of plans, and one job for all of them
        // was the last to finish. Then one job per plan.
        let siteWideParts = 4
        DispatchQueue.concurrentPerform(iterations: plans.count + siteWideParts) { job in
            var problems: [Diagnostic] = []
            if job < siteWideParts {
                renderSiteWide(part: job, paths, emit: emit, problems: &problems)
            } else {
                renderPlan(plans[job - siteWideParts], paths, emit: emit, problems: &problems)
            }
            if !problems.isEmpty { diagnostics.withLock { $0 += problems } }
        }
        if searching { searchIndex(read: read.withLock { $0 }, problems: diagnostics, emit: given, keep: keep) }
        return diagnostics.withLock { $0 }.sortedByLocation()
    }

    /// The search index's files: the last build's mended for the pages whose words changed, when it can be; else made
    /// whole from the pages rendered now (`read`) and the last build's of the rest.
    private func searchIndex(read: [String: SearchText.Page], problems: borrowing Mutex<[Diagnostic]>,
                             emit: @Sendable (RenderedFile) -> Void, keep: @Sendable (String) -> Void) {
        let paths = searchedPages ?? SearchIndex.pages(in: plannedOutputs().map(\.path))
        let titles = Dictionary(site.plans.map { ($0.slug, $0.shortTitle) }, uniquingKeysWith: { first, _ in first })
        var entries = paths.map { path -> SearchIndex.Entry in
            let context: String
            if let slug = Self.planSlug(ofOutput: path) {
                context = (titles[slug] ?? slug) + (path.contains("/indicators/") ? " · 指标" : "")
            } else if path.hasPrefix("departments/") {
                context = "责任单位"
            } else if path.hasPrefix("releases/") {
                context = "发布"
            } else {
                context = "说明"
            }
            return SearchIndex.Entry(path: path, context: context, text: SearchText.Page(title: "", passages: []))
        }
        var rendered: [Int: SearchText.Page] = [:]
        for (index, entry) in entries.enumerated() { if let page = read[entry.path] { rendered[index] = page } }
        if let previous, rendered.count < entries.count,
           SearchIndex.update(entries, rendered: rendered, previous: previous, emit: emit, keep: keep) {
            return
        }
        // The pages not rendered now are read back from the last build's output, in parallel: at 1000 plans, after a
        // plan is added (the list of pages changes, so the index is made whole), that is 28 000 pages.
        let folder = previous?.folder, list = entries, renderedNow = rendered
        let read = SearchIndex.inRuns(entries.count) { run in
            run.map { index -> SearchText.Page? in
                if let page = renderedNow[index] { return page }
                guard let folder, let data = FileManager.default.contents(atPath: folder.appendingPathComponent(list[index].path).path) else { return nil }
                return SearchText.page([UInt8](data))
            }
        }.joined()
        var missing: [String] = []
        for (index, page) in read.enumerated() {
            if let page { entries[index].text = page } else { missing.append(entries[index].path) }
        }
        for path in missing {
            problems.withLock { $0.append(Diagnostic.error(at: SourceLocation(file: path), "the search index could not read this page: it was not rendered and the last build's is missing",
                                                 hint: "build again with --full")) }
        }
        SearchIndex.build(entries, emit: emit)
    }

    private func page(_ path: String, _ template: String, _ values: TemplateObject, embeds: [String: TemplateObject] = [:],
                      emit: (RenderedFile) -> Void, problems: inout [Diagnostic]) {
        guard var bytes = templates.renderBytes(values, template: template) else {
            problems.append(.error(at: SourceLocation(file: templates.key(template: template)), "the template `\(template)` is missing"))
            return
        }
        for (id, table) in embeds.sorted(by: { $0.key < $1.key }) {
            let rendered = templates.renderBytes(table, template: Self.tablePartial) ?? []
            bytes = Self.replacing(Array(PlanViews.embedMarker(id).utf8), with: rendered, in: bytes)
        }
        emit(RenderedFile(path: path, bytes: bytes))
    }

    /// Every occurrence of `marker` in `bytes` replaced, by bytes (no bridging to NSString).
    static func replacing(_ marker: [UInt8], with replacement: [UInt8], in bytes: [UInt8]) -> [UInt8] {
        guard let first = marker.first, marker.count <= bytes.count else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + replacement.count)
        var index = 0, copied = 0
        let last = bytes.count - marker.count
        while index <= last {
            if bytes[index] == first, bytes[index..<(index + marker.count)].elementsEqual(marker) {
                out += bytes[copied..<index]
                out += replacement
                index += marker.count
                copied = index
            } else {
                index += 1
            }
        }
        out += bytes[copied...]
        return out
    }

    private func renderSiteWide(part: Int, _ paths: Set<String>, emit: (RenderedFile) -> Void, problems: inout [Diagnostic]) {
        switch part {
        case 0:
            if paths.contains("data/bulletin.json") {
                OpenData.siteFiles(site, progress: progressViews.progress, departments: departmentIndex).forEach(emit)
            }
        case 1:
            let progressViews = self.progressViews, rows = progressViews.rows()
            if paths.contains(Paths.progress) { page(Paths.progress, "progress", progressViews.page(showing: nil, rows: rows), emit: emit, problems: &problems) }
            for status in ProgressStatus.allCases where paths.contains(Paths.progress(status)) {
                page(Paths.progress(status), "progress", progressViews.page(showing: status, rows: rows), emit: emit, problems: &problems)
            }
            if paths.contains(Paths.progressMethod) { page(Paths.progressMethod, "method", progressViews.methodPage(), emit: emit, problems: &problems) }
            if paths.contains(Paths.progressSorted) { page(Paths.progressSorted, "progress", progressViews.sortedPage(rows: rows), emit: emit, problems: &problems) }
        case 2:
            let index = departmentIndex
            let departmentViews = DepartmentViews(site: site, index: index)
            if paths.contains(Paths.departments) { page(Paths.departments, "departments", departmentViews.indexPage(), emit: emit, problems: &problems) }
            for entry in index.departments where paths.contains(Paths.department(entry.department)) {
                page(Paths.department(entry.department), "department", departmentViews.page(entry), emit: emit, problems: &problems)
            }
        default:
            let views = PageViews(site: site)
            if paths.contains(Paths.home) { page(Paths.home, "home", views.home(progress: progressViews), emit: emit, problems: &problems) }
            if paths.contains(Paths.notFound) {
                page(Paths.notFound, "404", views.notFound(), emit: { emit(RenderedFile(path: $0.path, bytes: SecurityPolicy.allowingInlineElements($0.bytes))) },
                     problems: &problems)
            }
            if paths.contains(Paths.releases) { page(Paths.releases, "releases", views.releasesPage(), emit: emit, problems: &problems) }
            if paths.contains(Paths.feed) { emit(RenderedFile(path: Paths.feed, bytes: Array(views.feed().utf8))) }
            for release in site.releases where paths.contains(Paths.release(release)) {
                page(Paths.release(release), "release", views.releasePage(release), emit: emit, problems: &problems)
            }
            if paths.contains(Paths.dataIndex) { page(Paths.dataIndex, "data", views.dataPage(), emit: emit, problems: &problems) }
            if paths.contains(SearchIndex.page) { page(SearchIndex.page, "search", views.searchPage(), emit: emit, problems: &problems) }
            if paths.contains(Paths.robots) { emit(RenderedFile(path: Paths.robots, bytes: Array(SiteMap.robots(site).utf8))) }
            if paths.contains(SecurityPolicy.headersPath) { emit(RenderedFile(path: SecurityPolicy.headersPath, bytes: Array(SecurityPolicy.headers.utf8))) }
            if paths.contains(Paths.sitemap), let sitemap = SiteMap.sitemap(site, pages: plannedOutputs().map(\.path)) {
                emit(RenderedFile(path: Paths.sitemap, bytes: Array(sitemap.utf8)))
            }
            for asset in templates.assets where paths.contains("assets/" + asset.path) {
                emit(RenderedFile(path: "assets/" + asset.path, data: asset.data))
            }
            if paths.contains(Paths.chartStylesheet), !templates.assets.contains(where: { "assets/" + $0.path == Paths.chartStylesheet }) {
                emit(RenderedFile(path: Paths.chartStylesheet, bytes: Array(ChartStyle.css.utf8)))
            }
        }
    }

    private func renderPlan(_ plan: Plan, _ paths: Set<String>, emit: (RenderedFile) -> Void, problems: inout [Diagnostic]) {
        let planViews = PlanViews(site: site, plan: plan, assessments: assessments[plan.slug] ?? [])
        if paths.contains(Paths.plan(plan)) { page(Paths.plan(plan), "plan", planViews.planPage(), emit: emit, problems: &problems) }
        if paths.contains(Paths.planData(plan, "plan.json")) {
            OpenData.planFiles(plan, progress: planViews.assessments, asOf: site.config.asOf).forEach(emit)
        }
        for section in plan.sections where paths.contains(Paths.section(plan, section)) {
            let (values, embeds) = planViews.sectionPage(section)
            page(Paths.section(plan, section), "section", values, embeds: embeds, emit: emit, problems: &problems)
        }
        for indicator in plan.indicators where paths.contains(Paths.indicator(plan, indicator)) {
            let (values, files) = planViews.indicatorPage(indicator)
            page(Paths.indicator(plan, indicator), "indicator", values, emit: emit, problems: &problems)
            files.forEach(emit)
        }
    }

    /// Checks the templates against every name a page can be given, as the sample site (which uses every
    /// feature once) gives them: a misspelt name is reported before any page is rendered.
    public static func checkTemplates(_ templates: TemplateSet) -> [Diagnostic] {
        var known = Set<String>()
        for page in SiteRenderer(site: SampleSite.site, templates: templates).allPageValues() { collectNames(page.values, into: &known) }
        return templates.check(knownNames: known)
    }

    /// Every name of every object in the page values: the names a template may use.
    static func collectNames(_ object: TemplateObject, into names: inout Set<String>) {
        for (name, value) in object.values {
            names.insert(name)
            collectNames(value, into: &names)
        }
    }

    static func collectNames(_ value: TemplateValue, into names: inout Set<String>) {
        switch value {
        case .object(let object): collectNames(object, into: &names)
        case .objects(let list): for object in list { collectNames(object, into: &names) }
        case .list(let list): for item in list { collectNames(item, into: &names) }
        case .text, .bytes, .flag, .number, .texts: break
        }
    }
}

extension SiteRenderer {
    /// Every page's template and values, embedded tables included (for checking the renderer).
    func allPageValues() -> [(template: String, values: TemplateObject)] {
        let views = PageViews(site: site)
        let progressViews = self.progressViews
        var pages: [(String, TemplateObject)] = [("home", views.home(progress: progressViews)), ("404", views.notFound()), ("data", views.dataPage()),
                                                 ("search", views.searchPage())]
        pages.append(("progress", progressViews.page(showing: nil)))
        pages += ProgressStatus.allCases.map { ("progress", progressViews.page(showing: $0)) }
        pages.append(("method", progressViews.methodPage()))
        pages.append(("progress", progressViews.sortedPage()))
        let departmentViews = DepartmentViews(site: site, index: departmentIndex)
        pages.append(("departments", departmentViews.indexPage()))
        pages += departmentIndex.departments.map { ("department", departmentViews.page($0)) }
        if !site.releases.isEmpty {
            pages.append(("releases", views.releasesPage()))
            pages += site.releases.map { ("release", views.releasePage($0)) }
        }
        for plan in site.plans {
            let planViews = PlanViews(site: site, plan: plan, assessments: assessments[plan.slug] ?? [])
            pages.append(("plan", planViews.planPage()))
            for section in plan.sections {
                let (values, embeds) = planViews.sectionPage(section)
                pages.append(("section", values))
                pages += embeds.values.map { (Self.tablePartial, $0) }
            }
            pages += plan.indicators.map { ("indicator", planViews.indicatorPage($0).values) }
        }
        return pages
    }
}
