import Foundation
import Model

/// The downloads: every indicator, target, reported figure (with its source), status and task as CSV and JSON, per
/// indicator, per plan and for the whole site, with a Frictionless data package and a zip of it all. The schema is
/// `docs/data.md`; CI checks the files against each other and recomputes every status from the JSON.
enum OpenData {
    static let indicatorsHeader = ["plan", "indicator", "name", "unit", "attribute", "direction", "kind", "base_year", "base_value",
                                   "target_year", "target_value", "target_comparator", "latest_year", "latest_value", "status",
                                   "status_label", "method", "time_elapsed", "distance_covered", "growth_ratio", "url"]
    static let targetsHeader = ["plan", "indicator", "year", "value", "high", "unit", "comparator", "words", "bound", "modality", "measure", "quote"]
    static let reportedHeader = ["plan", "indicator", "year", "value", "unit", "publisher", "source", "url", "published", "repost", "note"]
    static let tasksHeader = ["plan", "task", "title", "role", "department", "region", "url"]
    static let achievementsHeader = ["plan", "name", "value", "unit", "as_written", "year", "quote", "url"]
    static let observationsHeader = ["year", "kind", "value", "comparator", "publisher", "source", "url", "published", "note"]

    /// The site-wide tables, in the order of the data package: its title there, the link's words, what a row is.
    static let siteTables: [(file: String, title: String, link: String, about: String, header: [String])] = [
        ("indicators.csv", "指标及其进度", "指标及进度（CSV）", "每项指标一行：基期、目标、最新值、进度状态", indicatorsHeader),
        ("targets.csv", "目标", "目标（CSV）", "每个目标一行，附规划原文", targetsHeader),
        ("reported.csv", "报告数值及来源", "报告数值及来源（CSV）", "每个报告数值一行，附发布者、来源、网址和说明", reportedHeader),
        ("tasks.csv", "任务及责任单位", "任务及责任单位（CSV）", "每项任务的每个责任单位一行", tasksHeader),
        ("achievements.csv", "基期已有成绩（规划基础现状部分陈述的数字）", "已有成绩（CSV）", "基础现状部分陈述的每个数字一行，附原文",
         achievementsHeader),
    ]

    static func number(_ value: Double?) -> String { value.map { JSONValue.numberText(nil, $0) } ?? "" }

    // MARK: - One indicator

    static func sourceJSON(_ source: DataSource) -> JSONValue {
        .object([("publisher", .text(source.publisher)), ("title", .string(source.title)), ("url", .text(source.url)),
                 ("published", .text(source.published?.iso)), ("repost", .bool(source.repost))])
    }

    static func progressJSON(_ p: Assessment) -> JSONValue {
        .object([
            ("status", .string(p.status.rawValue)), ("label", .string(p.status.label)), ("method", .string(p.method.rawValue)),
            ("reason", .string(p.reason)),
            ("baseYear", .int(p.base?.year)), ("baseValue", .figure(p.base?.value)),
            ("latestYear", .int(p.latest?.year)), ("latestValue", .figure(p.latest?.value)),
            ("targetYear", .int(p.target?.year)), ("targetValue", p.target?.measure == .qualitative ? .null : .figure(p.target?.value)),
            ("comparator", .text(p.target?.comparator?.rawValue)),
            ("timeElapsed", .double(p.timeElapsed)), ("distanceCovered", .double(p.distanceCovered)),
            ("growthRatio", .double(p.growthRatio)),
        ])
    }

    static func indicatorJSON(_ indicator: Indicator, in plan: Plan, progress: Assessment, asOf: Int?) -> JSONValue {
        let baseline: JSONValue = indicator.baseline.map { .object([("year", .int($0.year)), ("value", .figure($0.value))]) } ?? .null
        // Each target's own status (judged on the figures up to its year), beside the indicator's `progress`.
        let each = ProgressMethod.assessEachTarget(indicator, period: plan.period, asOf: asOf)
        let targets = zip(indicator.targets, each).map { target, a -> JSONValue in
            .object([("year", .int(target.year)), ("value", target.measure == .qualitative ? .null : .figure(target.value)),
                     ("high", target.high.map { .figure($0) } ?? .null), ("unit", .string(target.unit(or: indicator.unit))),
                     ("comparator", .text(target.comparator?.rawValue)), ("words", .text(target.words)),
                     ("bound", .string(target.bound.rawValue)), ("modality", .string(target.modality.rawValue)),
                     ("measure", .string(target.measure.rawValue)),
                     ("quote", .text(target.quote)), ("status", .string(a.status.rawValue))])
        }
        let reported = indicator.reported.map { report -> JSONValue in
            .object([("year", .int(report.year)), ("value", .figure(report.value)), ("note", .text(report.note)),
                     ("source", sourceJSON(report.source))])
        }
        let manual: JSONValue = indicator.manualProgress.map { .object([("status", .string($0.status.rawValue)), ("reason", .string($0.reason))]) } ?? .null
        return .object([
            ("id", .string(indicator.id)), ("name", .string(indicator.name)), ("unit", .string(indicator.unit)),
            ("attribute", .text(indicator.attribute?.rawValue)), ("direction", .string(indicator.direction.rawValue)),
            ("kind", .string(ProgressMethod.kind(of: indicator).rawValue)), ("section", .string(indicator.sectionID)),
            ("table", .string(indicator.tableID)), ("url", .string(Paths.indicator(plan, indicator))),
            ("baseline", baseline), ("targets", .array(targets)), ("reported", .array(reported)), ("manual", manual),
            ("progress", progressJSON(progress)),
        ])
    }

    /// One row per observation: the base, each reported figure, each target.
    static func indicatorCSV(_ indicator: Indicator) -> CSVTable {
        var table = CSVTable(header: observationsHeader)
        if let base = indicator.baseline, let value = base.value {
            table.append([String(base.year), "base", value.text, "", "", "规划原文", "", "", ""])
        }
        for report in indicator.reported {
            let s = report.source
            table.append([String(report.year), "reported", report.value.text, "", s.publisher ?? "", s.title, s.url ?? "",
                          s.published?.iso ?? "", report.note ?? ""])
        }
        for target in indicator.targets {
            table.append([String(target.year), "target", target.value.text, target.comparator?.rawValue ?? "", "", "规划原文",
                          "", "", target.quote ?? ""])
        }
        return table
    }

    // MARK: - One plan

    static func planJSON(_ plan: Plan, progress: [Assessment], asOf: Int?) -> JSONValue {
        let indicators = zip(plan.indicators, progress).map { indicatorJSON($0, in: plan, progress: $1, asOf: asOf) }
        let tasks = plan.tasks.map { task -> JSONValue in
            let departments = task.assignments.map { a -> JSONValue in
                .object([("role", .string(a.role.rawValue)), ("name", .string(a.department.name)), ("region", .string(a.department.region)),
                         ("id", .string(a.department.id))])
            }
            return .object([("id", .string(task.anchor)), ("number", .string(task.number)), ("title", .string(task.title)),
                            ("section", .string(task.sectionID)), ("url", .string(Paths.task(plan, task))), ("departments", .array(departments))])
        }
        return .object([
            ("slug", .string(plan.slug)), ("title", .string(plan.title)), ("shortTitle", .string(plan.shortTitle)),
            ("region", .string(plan.region)), ("issuer", .string(plan.issuer)), ("documentNumber", .text(plan.documentNumber)),
            ("period", .object([("start", .int(plan.period.start)), ("end", .int(plan.period.end))])),
            ("url", .string(Paths.plan(plan))), ("indicators", .array(indicators)), ("tasks", .array(tasks)),
            ("achievements", .array(plan.achievements.map { a -> JSONValue in
                .object([("name", .string(a.name)), ("value", .figure(a.value)), ("unit", .string(a.unit)), ("asWritten", .string(a.asWritten)),
                         ("year", .int(a.year)), ("quote", .string(a.quote)), ("url", .string("plans/\(plan.slug)/\(a.sectionID).html"))])
            })),
        ])
    }

    /// The rows of the four site-wide tables that belong to `plan`.
    static func planTables(_ plan: Plan, progress: [Assessment]) -> [CSVTable] {
        var indicators = CSVTable(header: indicatorsHeader), targets = CSVTable(header: targetsHeader)
        var reported = CSVTable(header: reportedHeader), tasks = CSVTable(header: tasksHeader)
        var achievements = CSVTable(header: achievementsHeader)
        for a in plan.achievements {
            achievements.append([plan.slug, a.name, a.value.text, a.unit, a.asWritten, a.year.map(String.init) ?? "", a.quote,
                                 "plans/\(plan.slug)/\(a.sectionID).html"])
        }
        for (indicator, p) in zip(plan.indicators, progress) {
            indicators.append([plan.slug, indicator.id, indicator.name, indicator.unit, indicator.attribute?.rawValue ?? "",
                               indicator.direction.rawValue, ProgressMethod.kind(of: indicator).rawValue,
                               p.base.map { String($0.year) } ?? "", p.base?.value.text ?? "",
                               p.target.map { String($0.year) } ?? "", p.target?.value.text ?? "", p.target?.comparator?.rawValue ?? "",
                               p.latest.map { String($0.year) } ?? "", p.latest?.value.text ?? "",
                               p.status.rawValue, p.status.label, p.method.rawValue,
                               number(p.timeElapsed), number(p.distanceCovered), number(p.growthRatio), Paths.indicator(plan, indicator)])
            for target in indicator.targets {
                targets.append([plan.slug, indicator.id, String(target.year), target.value.text, target.high?.text ?? "", target.unit(or: indicator.unit),
                                target.comparator?.rawValue ?? "", target.words ?? "", target.bound.rawValue, target.modality.rawValue,
                                target.measure.rawValue, target.quote ?? ""])
            }
            for report in indicator.reported {
                let s = report.source
                reported.append([plan.slug, indicator.id, String(report.year), report.value.text, indicator.unit, s.publisher ?? "", s.title,
                                 s.url ?? "", s.published?.iso ?? "", s.repost ? "true" : "false", report.note ?? ""])
            }
        }
        for task in plan.tasks {
            for a in task.assignments {
                tasks.append([plan.slug, task.anchor, task.title, a.role.rawValue, a.department.name, a.department.region, Paths.task(plan, task)])
            }
        }
        return [indicators, targets, reported, tasks, achievements]
    }

    /// `plans/<slug>/data/…`: the plan's rows of the site tables and its JSON.
    static func planFiles(_ plan: Plan, progress: [Assessment], asOf: Int?) -> [RenderedFile] {
        var files = zip(siteTables, planTables(plan, progress: progress)).map { RenderedFile(path: Paths.planData(plan, $0.file), bytes: $1.bytes) }
        files.append(RenderedFile(path: Paths.planData(plan, "plan.json"), bytes: planJSON(plan, progress: progress, asOf: asOf).prettyBytes))
        return files
    }

    // MARK: - The site

    /// `data/bulletin.json`, written a plan at a time: the whole site as one tree of values took 60 MB at 1000 plans
    /// (23 000 indicators), each plan's tree is dropped once its bytes are written.
    static func siteJSON(_ site: Site, progress: [[Assessment]], departments: DepartmentIndex) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 20)
        out += #"{"site":"#.utf8
        JSONValue.object([("title", .string(site.config.title)), ("url", .text(site.config.url))]).append(to: &out)
        out += #","asOf":"#.utf8
        JSONValue.int(site.config.asOf).append(to: &out)
        out += #","method":"#.utf8
        JSONValue.object([("page", .string(Paths.progressMethod)), ("band", .double(ProgressMethod.band)),
                          ("about", .double(ProgressMethod.about)),
                          ("growthBands", .array([.number("0.95"), .number("0.6"), .number("0")]))]).append(to: &out)
        out += #","plans":["#.utf8
        for (index, (plan, p)) in zip(site.plans, progress).enumerated() {
            if index > 0 { out.append(0x2C) }
            planJSON(plan, progress: p, asOf: site.config.asOf).append(to: &out)
        }
        out += #"],"departments":"#.utf8
        JSONValue.array(departments.departments.map { entry -> JSONValue in
            .object([("id", .string(entry.department.id)), ("name", .string(entry.department.name)),
                     ("region", .string(entry.department.region)), ("url", .string(Paths.department(entry.department))),
                     ("leads", .int(entry.leads.count)), ("shares", .int(entry.shares.count))])
        }).append(to: &out)
        out += "}\n".utf8
        return out
    }

    /// `data/…`: the site tables, the JSON, the data package and the zip of them all.
    static func siteFiles(_ site: Site, progress: [[Assessment]], departments: DepartmentIndex) -> [RenderedFile] {
        var tables = siteTables.map { CSVTable(header: $0.header) }
        for (plan, p) in zip(site.plans, progress) {
            for (index, table) in planTables(plan, progress: p).enumerated() { tables[index].rows += table.rows }
        }
        var files = zip(siteTables, tables).map { RenderedFile(path: "data/" + $0.file, bytes: $1.bytes) }
        files.append(RenderedFile(path: "data/bulletin.json", bytes: siteJSON(site, progress: progress, departments: departments)))
        files.append(RenderedFile(path: "data/datapackage.json", bytes: DataPackage.descriptor(site).prettyBytes))
        files.append(RenderedFile(path: Paths.dataZip, bytes: ZipFile.make(files.map { (String($0.path.dropFirst(5)), $0.bytes) })))
        return files
    }
}
