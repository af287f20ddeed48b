import BuildCache
import Foundation
import Model
import Synchronization

/// What the site will hold, known before anything is rendered: every output with the files it is made from, for the
/// build cache to tell which changed.
extension SiteRenderer {
    /// Every output with its inputs.
    public func plannedOutputs() -> [PlannedOutput] {
        // The templates of each kind of page, worked out once (not once per page: there are tens of thousands).
        var templateKeys: [String: [String]] = [:]
        func uses(_ template: String, _ extra: [String] = []) -> [String] {
            let id = ([template] + extra).joined(separator: "\u{0}")
            if let known = templateKeys[id] { return known }
            let keys = (templates.closure(of: template) + extra.flatMap { templates.closure(of: $0) }).map { templates.key(template: $0) }
            templateKeys[id] = keys
            return keys
        }
        var outputs: [PlannedOutput] = []
        outputs.reserveCapacity(site.plans.reduce(4) { $0 + 1 + $1.sections.count + $1.indicators.count })
        func add(_ path: String, _ inputs: [String], companions: [String] = []) {
            outputs.append(PlannedOutput(path: path, inputs: InputList(inputs), companions: companions))
        }
        add(Paths.home, contentFiles + uses("home"))
        // Content files by plan folder, grouped once (a filter per plan would be quadratic).
        var grouped: [String: [String]] = [:]
        for file in contentFiles {
            guard let slash = file.lastIndex(of: "/") else { continue }
            grouped[String(file[..<slash]), default: []].append(file)
        }
        // Plans are independent: their outputs are listed in parallel, a run of plans per job, joined in plan order.
        let planUses = uses("plan", ["partials/chart", Self.tablePartial])
        let sectionUses = uses("section", ["partials/chart", Self.tablePartial])
        let indicatorUses = uses("indicator", ["partials/chart"])
        let plans = site.plans, siteFile = siteFile, filesByFolder = grouped
        let jobs = min(plans.count, ProcessInfo.processInfo.activeProcessorCount * 4)
        let parts = Mutex([[PlannedOutput]](repeating: [], count: jobs))
        DispatchQueue.concurrentPerform(iterations: jobs) { job in
            var part: [PlannedOutput] = []
            for plan in plans[(job * plans.count / jobs)..<((job + 1) * plans.count / jobs)] {
                part += Self.plannedOutputs(of: plan, files: filesByFolder[plan.sourceFolder] ?? [], siteFile: siteFile,
                                            planUses: planUses, sectionUses: sectionUses, indicatorUses: indicatorUses)
            }
            parts.withLock { $0[job] = part }
        }
        for part in parts.withLock({ $0 }) { outputs += part }
        add(Paths.notFound, contentFiles + uses("404"))
        // The bulletin's pages of the whole site: made from every plan. Pages of a kind share one list of inputs
        // (there can be thousands of department pages, each made from every section file): sorted once, and its
        // fingerprint worked out once.
        // Departments come from the tasks of the section files, with their plans' titles and regions: a new figure
        // in indicators.yaml or reported.csv does not touch them.
        let taskFiles = contentFiles.filter { $0.hasSuffix(".md") || $0.hasSuffix("/plan.yaml") || $0 == siteFile }
        let progressInputs = InputList(contentFiles + uses("progress")), departmentInputs = InputList(taskFiles + uses("department"))
        for path in [Paths.progress, Paths.progressSorted] + ProgressStatus.allCases.map(Paths.progress) {
            outputs.append(PlannedOutput(path: path, inputs: progressInputs))
        }
        add(Paths.progressMethod, contentFiles + uses("method"))
        add(Paths.departments, taskFiles + uses("departments"))
        for entry in departmentIndex.departments {
            outputs.append(PlannedOutput(path: Paths.department(entry.department), inputs: departmentInputs))
        }
        add(Paths.dataIndex, contentFiles + uses("data"))
        add("data/bulletin.json", contentFiles, companions: OpenData.siteTables.map { "data/" + $0.file } + ["data/datapackage.json", Paths.dataZip])
        add(Paths.robots, [siteFile])
        add(SecurityPolicy.headersPath, [siteFile])
        if site.config.url != nil { add(Paths.sitemap, contentFiles) }
        if !site.releases.isEmpty {
            let releaseFiles = site.releases.map(\.sourcePath)
            add(Paths.releases, [siteFile] + releaseFiles + uses("releases"))
            add(Paths.feed, [siteFile] + releaseFiles)
            for release in site.releases { add(Paths.release(release), [siteFile, release.sourcePath] + uses("release")) }
        }
        // Search: its page, and the index made from every searched page, so from every file those are made from.
        add(SearchIndex.page, contentFiles + uses("search"))
        let searched = SearchIndex.pages(in: outputs.map(\.path))
        let pageTemplates = Set(planUses + sectionUses + indicatorUses + uses("department") + uses("release") + uses("method"))
        add(SearchIndex.manifest, contentFiles + pageTemplates.sorted(), companions: SearchIndex.files(pages: searched.count))
        for asset in templates.assets { add("assets/" + asset.path, [templates.key(asset: asset.path)]) }
        if !templates.assets.contains(where: { "assets/" + $0.path == Paths.chartStylesheet }) {
            add(Paths.chartStylesheet, [])
        }
        return outputs
    }

    /// The outputs of one plan: its page, its sections' pages and its indicators' pages (with their charts).
    static func plannedOutputs(of plan: Plan, files folder: [String], siteFile: String, planUses: [String],
                               sectionUses: [String], indicatorUses: [String]) -> [PlannedOutput] {
        var outputs: [PlannedOutput] = []
        outputs.reserveCapacity(1 + plan.sections.count + plan.indicators.count)
        let planFile = plan.sourceFolder + "/plan.yaml", indicatorsFile = plan.sourceFolder + "/indicators.yaml"
        outputs.append(PlannedOutput(path: Paths.plan(plan), inputs: InputList([siteFile] + folder + planUses)))
        // The plan's downloads: made from its files and the bulletin year in site.yaml.
        outputs.append(PlannedOutput(path: Paths.planData(plan, "plan.json"), inputs: InputList([siteFile] + folder),
                                     companions: OpenData.siteTables.map { Paths.planData(plan, $0.file) }))
        // Pages with the same inputs share one sorted list (all sections of a plan; the indicators of a section).
        let sectionInputs = InputList([siteFile] + folder + sectionUses)
        for section in plan.sections {
            outputs.append(PlannedOutput(path: Paths.section(plan, section), inputs: sectionInputs))
        }
        let sectionFiles = Dictionary(plan.sections.map { ($0.id, $0.sourcePath) }, uniquingKeysWith: { a, _ in a })
        // reported.csv is listed when the plan has one (an indicator page shows its reported figures).
        let indicatorInputs = [siteFile, planFile, indicatorsFile] + folder.filter { $0.hasSuffix("/reported.csv") } + indicatorUses
        var inputsBySection: [String: InputList] = [:]
        for indicator in plan.indicators {
            let inputs: InputList
            if let known = inputsBySection[indicator.sectionID] {
                inputs = known
            } else {
                inputs = InputList(indicatorInputs + (sectionFiles[indicator.sectionID].map { [$0] } ?? []))
                inputsBySection[indicator.sectionID] = inputs
            }
            outputs.append(PlannedOutput(path: Paths.indicator(plan, indicator), inputs: inputs,
                                         companions: [Paths.indicatorChart(plan, indicator), Paths.indicatorData(plan, indicator, "csv"),
                                                      Paths.indicatorData(plan, indicator, "json")]))
        }
        return outputs
    }

}
