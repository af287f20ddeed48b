import Model

/// A small site that uses every feature once: every optional field set, a table of every shape.
///
/// Templates are checked against the names its pages provide (together with the real site's), so a name that
/// the real content happens not to use yet — a plan without a document number, a site without tables — is
/// still known, while a misspelt name is not.
enum SampleSite {
    static let site: Site = {
        let goals = Section(id: "goals", kind: .goals, title: "发展目标", number: "二、", chapter: "第二章 总体思路", order: 1,
                            body: "## （一）目标\n\n到2025年，指标达5.6万家以上。\n\n> [!专栏] 专栏1 示例\n>\n> 1.内容。\n\n[!指标表] main\n",
                            sourcePath: "sample/goals.md")
        let tasks = Section(id: "tasks", kind: .tasks, title: "重点任务", number: "三、", order: 2,
                            body: "## （一）任务\n\n### 1.任务\n\n正文[!缺失]。\n\n**1.任务甲**。正文。（牵头单位：甲局；责任单位：乙局、丙局等）\n", sourcePath: "sample/tasks.md")
        let parent = Indicator(id: "total", name: "总量", unit: "万家", sectionID: "goals", attribute: .expected,
                               baseline: Observation(year: 2020, value: Figure(4)),
                               targets: [Target(year: 2025, value: Figure(5.6, text: "5.6"), comparator: .atLeast, quote: "指标达5.6万家以上")],
                               reported: [ReportedValue(year: 2023, value: Figure(5), source: DataSource(publisher: "示例", title: "sample", url: "https://example.org/", published: CalendarDate(year: 2024, month: 1, day: 2), repost: true), note: "注")], definition: "定义")
        let part = Indicator(id: "part", name: "部分", unit: "家", sectionID: "goals", tableID: "parts", attribute: .binding,
                             baseline: Observation(year: 2020, value: nil),
                             targets: [Target(year: 2025, value: Figure(1), quote: nil)],
                             partOf: PartOf(indicatorID: "total", by: "区域", name: "中心城区"))
        let secondPart = Indicator(id: "part-2", name: "部分二", unit: "家", sectionID: "goals", tableID: "parts",
                                   targets: [Target(year: 2025, value: Figure(2), comparator: .exceed, quote: nil)],
                                   partOf: PartOf(indicatorID: "total", by: "区域", name: "主城新区"))
        let other = Indicator(id: "other", name: "其他", unit: "%", sectionID: "tasks", tableID: "parts",
                              baseline: Observation(year: 2022, value: nil),
                              targets: [Target(year: 2025, value: Figure(1.8, text: "1.8"), quote: "2"),
                                        Target(year: 2027, value: Figure(2), words: "力争达到…以上", quote: "2")],
                              reported: [ReportedValue(year: 2022, value: Figure(1), source: DataSource(title: "基期来源", url: "https://example.org/base")),
                                         ReportedValue(year: 2024, value: Figure(1.5, text: "1.5"), source: DataSource(title: "来源"))])
        let judged = Indicator(id: "judged", name: "人工评定", unit: "", sectionID: "tasks", tableID: "parts",
                               targets: [Target(year: 2025, value: Figure(1), quote: "1"),
                                         Target(year: 2025, value: Figure(3), words: "前…", unit: "", quote: "1")],
                               manualProgress: ManualProgress(status: .onTrack, reason: "理由"))
        var plan = Plan(
            slug: "sample", title: "示例规划", shortTitle: "示例", type: "三年行动计划", region: "示例市", issuer: "示例机关",
            documentNumber: "示〔2023〕1号", issued: CalendarDate(year: 2023, month: 1, day: 1),
            published: CalendarDate(year: 2023, month: 1, day: 2), period: Period(start: 2023, end: 2025), order: 1,
            notice: "通知。", sources: [SourceReference(title: "来源", url: "https://example.org/", note: "说明")],
            editorialNotes: ["说明"], sections: [goals, tasks],
            tables: [IndicatorTable(id: "main", title: "主要指标", note: "注", printed: true), IndicatorTable(id: "parts", title: "分项", note: "注")],
            indicators: [parent, part, secondPart, other, judged])
        plan.achievements = [Achievement(name: "成绩", value: Figure(5.6, text: "5.6"), unit: "万家", asWritten: "5.6万家以上", year: 2020,
                                         quote: "指标达5.6万家以上", sectionID: "goals")]
        plan.tasks = TaskExtractor.tasks(inSectionBody: tasks.body, sectionID: tasks.id, region: plan.region)
        let bare = Plan(slug: "bare", title: "无基期规划", shortTitle: "无基期", type: "行动计划", region: "示例市", issuer: "示例机关",
                        period: Period(start: 2023, end: 2027), order: 2, sources: [SourceReference(title: "来源")],
                        sections: [tasks], tables: [IndicatorTable(id: "main", title: "主要指标")],
                        indicators: [Indicator(id: "only", name: "仅有目标", unit: "家", sectionID: "tasks", targets: [Target(year: 2027, value: Figure(3), quote: "3")])])
        let release = Release(slug: "sample", title: "发布", date: CalendarDate(year: 2024, month: 1, day: 1), summary: "摘要", body: "正文", sourcePath: "sample.md")
        return Site(config: SiteConfig(title: "示例", organisation: "示例", description: "示例", footer: "示例",
                                      url: "https://example.org/", asOf: 2024), plans: [plan, bare], releases: [release])
    }()
}

