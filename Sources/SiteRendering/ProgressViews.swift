import Bytes
import TemplateEngine
import Charts
import Foundation
import Model

/// The values of statuses and of the progress pages: the overview of every indicator (all, and one view per status,
/// so that it filters without a script), the counts per plan, and the method page.
struct ProgressViews {
    let site: Site
    /// Each plan's progress, in site order.
    let progress: [[Assessment]]
    /// How many indicators of the site have each status, in `ProgressStatus.allCases` order, and in all.
    let statusCounts: [Int]
    let total: Int
    /// The same for each plan.
    let planCounts: [[Int]]

    init(site: Site, progress: [[Assessment]]) {
        self.site = site
        self.progress = progress
        let statuses = ProgressStatus.allCases
        let perPlan = progress.map { list in
            var counts = [Int](repeating: 0, count: statuses.count)
            for p in list { counts[statuses.firstIndex(of: p.status)!] += 1 }
            return counts
        }
        planCounts = perPlan
        statusCounts = statuses.indices.map { index in perPlan.reduce(0) { $0 + $1[index] } }
        total = progress.reduce(0) { $0 + $1.count }
    }

    /// A status as templates show it: word, shape and the key its style hangs on.
    static func status(_ status: ProgressStatus) -> TemplateObject {
        ["key": status.rawValue, "label": status.label, "mark": status.mark]
    }

    static func percent(_ fraction: Double?) -> String? {
        fraction.map { ChineseNumbers.plain(($0 * 1000).rounded() / 10) + "%" }
    }

    /// A figure with its unit, and in the base unit too when a 万 or 亿 unit hides a count (0.6348万家（即6348家）),
    /// as sources and readers usually write it.
    static func figure(_ value: Figure, unit: String) -> String {
        let (factor, base) = ChineseNumbers.multiplier(of: unit)
        let plain = value.value * factor
        guard factor > 1, !base.isEmpty, base != "元", plain == plain.rounded(), abs(plain) < 1e9, abs(value.value) < 1 else { return value.text + unit }
        return value.text + unit + "（即\(Int(plain))\(base)）"
    }

    /// Everything an indicator's progress block shows.
    static func details(_ p: Assessment, indicator: Indicator) -> TemplateObject {
        var values: TemplateObject = ["status": status(p.status), "reason": p.reason]
        if let covered = percent(p.distanceCovered) { values["covered"] = covered }
        if let elapsed = percent(p.timeElapsed) { values["elapsed"] = elapsed }
        if let base = p.base { values["base"] = "\(base.year)年 " + figure(base.value, unit: indicator.unit) }
        if let source = p.baseSource { values["baseSource"] = ChartViews.sourceText(source); if let url = source.url { values["baseSourceURL"] = url } }
        if let latest = p.latest { values["latest"] = "\(latest.year)年 " + figure(latest.value, unit: indicator.unit) }
        if let target = p.target { values["target"] = "\(target.year)年 " + target.phrase(target.value.text + target.unit(or: indicator.unit)) }
        if let ratio = p.growthRatio, let band = p.growthBand {
            values["growth"] = cFormat("%.2f", ratio) + "（\(band.label)）"
        } else if p.method != .manual {
            values["growth"] = "不适用"
        }
        values["manual"] = p.method == .manual
        values["annual"] = p.method == .annualRate
        values["strive"] = p.target.map { $0.modality == .strive || $0.modality == .seek } ?? false
        return values
    }

    /// How many indicators of the site have each status, each linked to the view of that status (from `page`).
    func counts(from page: String) -> [TemplateObject] { Self.counts(statusCounts, from: page) }

    /// The same for a list of assessments.
    static func counts(_ list: [Assessment], from page: String) -> [TemplateObject] {
        counts(ProgressStatus.allCases.map { status in list.count { $0.status == status } }, from: page)
    }

    /// Counts in `ProgressStatus.allCases` order, each linked to the view of its status.
    static func counts(_ counts: [Int], from page: String) -> [TemplateObject] {
        zip(ProgressStatus.allCases, counts).compactMap { status, count -> TemplateObject? in
            guard count > 0 else { return nil }
            var values = Self.status(status)
            values["count"] = count
            values["url"] = Paths.link(from: page, to: Paths.progress(status))
            return values
        }
    }

    /// What every progress view shows above its tables: the filter (the view shown marked as current), the counts
    /// per plan and the links. `page` is the view's path, `only` the status it shows, `sorted` the sorted view.
    private func frame(page: String, title: String, only: ProgressStatus?, sorted: Bool) -> TemplateObject {
        var context = PageViews(site: site).layout(page: page, title: "\(title) - \(site.config.title)",
                                                   description: "各规划每项指标的进度状态、最新值和目标")
        context["breadcrumbs"] = [["title": "首页", "url": Paths.link(from: page, to: Paths.home)]]
            + (sorted ? [["title": "目标进度总览", "url": Paths.link(from: page, to: Paths.progress)]] : []) as [TemplateObject]
        context["current"] = title
        context["heading"] = title
        context["methodURL"] = Paths.link(from: page, to: Paths.progressMethod)
        context["csvURL"] = Paths.link(from: page, to: "data/indicators.csv")
        context["jsonURL"] = Paths.link(from: page, to: "data/bulletin.json")
        context["sortedURL"] = Paths.link(from: page, to: Paths.progressSorted)
        context["asOf"] = site.config.asOf.map { "\($0)年" } ?? "最新报告年份"
        var filters: [TemplateObject] = [["label": "全部", "count": total, "url": Paths.link(from: page, to: Paths.progress),
                                          "current": only == nil && !sorted]]
        for (status, count) in zip(ProgressStatus.allCases, statusCounts) {
            var values = Self.status(status)
            values["count"] = count
            values["url"] = Paths.link(from: page, to: Paths.progress(status))
            values["current"] = only == status
            filters.append(values)
        }
        context["filters"] = filters
        context["summary"] = zip(site.plans, zip(progress, planCounts)).map { plan, planProgress -> TemplateObject in
            let (list, counts) = planProgress
            let cells = counts.map { count -> TemplateObject in ["count": count] }
            return ["title": plan.region + " · " + plan.shortTitle, "url": Paths.link(from: page, to: Paths.plan(plan)), "cells": cells, "total": list.count]
        }
        context["statuses"] = ProgressStatus.allCases.map { Self.status($0) }
        return context
    }

    /// The row of every indicator, by plan, as the progress views show it. Every view is a page of `progress/`, so the
    /// links of one set of rows serve them all: made once for the nine views, not once per view (at 1000 plans, 23 000
    /// rows each time).
    func rows() -> [[TemplateObject]] {
        zip(site.plans, progress).map { plan, list in zip(plan.indicators, list).map { row($0, $1, plan: plan, from: Paths.progress) } }
    }

    /// `progress/index.html` (every status) or `progress/<status>.html` (one), from the rows of `rows()`.
    func page(showing only: ProgressStatus?, rows: [[TemplateObject]]? = nil) -> TemplateObject {
        let page = only.map(Paths.progress) ?? Paths.progress
        let rows = rows ?? self.rows()
        var context = frame(page: page, title: only.map { "进度：\($0.label)" } ?? "目标进度总览", only: only, sorted: false)
        context["plans"] = zip(site.plans, zip(progress, rows)).compactMap { plan, planRows -> TemplateObject? in
            let (list, all) = planRows
            let rows = only == nil ? all : zip(list, all).filter { $0.0.status == only }.map(\.1)
            guard !rows.isEmpty else { return nil }
            return ["title": plan.region + " · " + plan.shortTitle, "url": Paths.link(from: page, to: Paths.plan(plan)), "anchor": "plan-" + plan.slug,
                    "rows": rows, "period": plan.period.label]
        }
        context["empty"] = (context["plans"] as? [TemplateObject])?.isEmpty ?? true
        return context
    }

    /// `progress/sorted.html`: every indicator with a distance covered, across plans, the furthest behind its time
    /// first — the list a journalist asks for. A pre-rendered order, so it needs no script.
    func sortedPage(rows: [[TemplateObject]]? = nil) -> TemplateObject {
        let page = Paths.progressSorted
        let rows = rows ?? self.rows()
        var context = frame(page: page, title: "按完成进度与时间进度之差排序", only: nil, sorted: true)
        context["current"] = "按进度排序"
        var judged: [(lead: Double, values: TemplateObject)] = []
        for (plan, (list, planRows)) in zip(site.plans, zip(progress, rows)) {
            for ((indicator, p), row) in zip(zip(plan.indicators, list), planRows) {
                guard let covered = p.distanceCovered, let elapsed = p.timeElapsed else { continue }
                var values = row
                values["name"] = indicator.name + "（" + plan.shortTitle + "）"
                judged.append((covered - elapsed, values))
            }
        }
        // Stable: equal leads keep the site's order.
        let sorted = judged.enumerated().sorted { ($0.element.lead, $0.offset) < ($1.element.lead, $1.offset) }.map(\.element.values)
        context["plans"] = sorted.isEmpty ? [] as [TemplateObject]
            : [["title": "全部规划", "url": Paths.link(from: page, to: Paths.progress), "anchor": "sorted", "rows": sorted,
                "period": "\(sorted.count)项有进度数据，落后最多的在前"] as TemplateObject]
        context["empty"] = sorted.isEmpty
        return context
    }

    /// One indicator's line in an overview table.
    func row(_ indicator: Indicator, _ p: Assessment, plan: Plan, from page: String) -> TemplateObject {
        var values: TemplateObject = ["name": indicator.name, "url": Paths.link(from: page, to: Paths.indicator(plan, indicator)),
                                      "status": Self.status(p.status), "unit": indicator.unit]
        values["latest"] = p.latest.map { "\($0.value.text)（\($0.year)年）" } ?? (p.base.map { "基期 \($0.value.text)（\($0.year)年）" } ?? "—")
        values["target"] = p.target.map { $0.shortPhrase($0.value.text) + "（\($0.year)年）" } ?? "—"
        values["covered"] = Self.percent(p.distanceCovered) ?? "—"
        values["elapsed"] = Self.percent(p.timeElapsed) ?? "—"
        return values
    }

    /// `progress/method.html`: the thresholds, and the method worked through on a real indicator of the site.
    func methodPage() -> TemplateObject {
        let page = Paths.progressMethod
        var context = PageViews(site: site).layout(page: page, title: "进度评定方法 - \(site.config.title)",
                                                   description: "目标进度状态的评定方法、阈值和算例")
        context["breadcrumbs"] = [
            ["title": "首页", "url": Paths.link(from: page, to: Paths.home)],
            ["title": "目标进度总览", "url": Paths.link(from: page, to: Paths.progress)],
        ] as [TemplateObject]
        context["current"] = "进度评定方法"
        context["statuses"] = ProgressStatus.allCases.map { Self.status($0) }
        context["band"] = ChineseNumbers.plain(ProgressMethod.band * 100)
        context["about"] = ChineseNumbers.plain(ProgressMethod.about * 100)
        context["asOf"] = site.config.asOf.map { "\($0)年" } ?? "未设定（site.yaml 的 as_of）"
        context["jsonURL"] = Paths.link(from: page, to: "data/bulletin.json")
        context["csvURL"] = Paths.link(from: page, to: "data/indicators.csv")
        // The worked example: the first indicator judged by distance and time, with a growth ratio.
        for (plan, list) in zip(site.plans, progress) {
            guard let (indicator, p) = zip(plan.indicators, list).first(where: { $0.1.method == .timeElapsed && $0.1.growthRatio != nil
                && $0.1.timeElapsed != nil }), let base = p.base, let latest = p.latest, let target = p.target,
                let e = p.timeElapsed, let covered = p.distanceCovered, let ratio = p.growthRatio else { continue }
            let unit = indicator.unit
            // Up to four decimals, as the method's numbers need (plain() alone rounds to a whole number).
            func n(_ value: Double) -> String { ChineseNumbers.compact(value, maxDecimals: 4) }
            let actual = ratio * (pow(target.value.value / base.value.value, 1 / Double(target.year - base.year)) - 1)
            let required = pow(target.value.value / base.value.value, 1 / Double(target.year - base.year)) - 1
            context["example"] = [
                "name": indicator.name, "plan": plan.shortTitle, "url": Paths.link(from: page, to: Paths.indicator(plan, indicator)),
                "base": "\(base.year)年\(base.value.text)\(unit)", "latest": "\(latest.year)年\(latest.value.text)\(unit)",
                "target": "\(target.year)年" + target.phrase(target.value.text + target.unit(or: unit)),
                "elapsed": "(\(latest.year) − \(base.year)) ÷ (\(target.year) − \(base.year)) = \(n(e))",
                "covered": "(\(latest.value.text) − \(base.value.text)) ÷ |\(target.value.text) − \(base.value.text)| = \(n(covered))",
                "lead": n(covered - e), "status": Self.status(p.status),
                "growth": "实际年均增速 \(cFormat("%.1f", actual * 100))%，所需年均增速 \(cFormat("%.1f", required * 100))%，R = \(cFormat("%.2f", ratio))（\(p.growthBand?.label ?? "")）",
            ] as TemplateObject
            break
        }
        return context
    }
}

#if canImport(Glibc)
import Glibc
#endif
