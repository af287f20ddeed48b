import TemplateEngine
import Model

/// The department index and a page per department: the tasks it leads and the tasks it shares, across plans, each
/// linked to the task where it stands in the plan's text.
struct DepartmentViews {
    let site: Site
    let index: DepartmentIndex
    /// Plans by slug, made once: there is a page per department, and a site can have thousands of both.
    let plans: [String: Plan]

    init(site: Site, index: DepartmentIndex) {
        self.site = site
        self.index = index
        self.plans = Dictionary(site.plans.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
    }

    func indexPage() -> TemplateObject {
        let page = Paths.departments
        var context = PageViews(site: site).layout(page: page, title: "责任单位 - \(site.config.title)",
                                                   description: "各规划重点任务的牵头单位和责任单位")
        context["breadcrumbs"] = [["title": "首页", "url": Paths.link(from: page, to: Paths.home)]] as [TemplateObject]
        context["current"] = "责任单位"
        var regions: [(String, [TemplateObject])] = []
        for entry in index.departments {
            let values: TemplateObject = ["name": entry.department.name, "url": Paths.link(from: page, to: Paths.department(entry.department)),
                                          "leads": entry.leads.count, "shares": entry.shares.count]
            if regions.last?.0 == entry.department.region { regions[regions.count - 1].1.append(values) } else { regions.append((entry.department.region, [values])) }
        }
        context["regions"] = regions.map { ["region": $0.0, "departments": $0.1, "count": $0.1.count] as TemplateObject }
        context["count"] = index.departments.count
        context["empty"] = index.departments.isEmpty
        context["csvURL"] = Paths.link(from: page, to: "data/tasks.csv")
        return context
    }

    func page(_ entry: DepartmentIndex.Entry) -> TemplateObject {
        let page = Paths.department(entry.department)
        let name = entry.department.name
        var context = PageViews(site: site).layout(page: page, title: "\(entry.department.region)\(name) - \(site.config.title)",
                                                   description: "\(entry.department.region)\(name)牵头和参与的规划任务")
        context["breadcrumbs"] = [
            ["title": "首页", "url": Paths.link(from: page, to: Paths.home)],
            ["title": "责任单位", "url": Paths.link(from: page, to: Paths.departments)],
        ] as [TemplateObject]
        context["current"] = name
        context["department"] = ["name": name, "region": entry.department.region] as TemplateObject
        func tasks(_ references: [DepartmentIndex.TaskReference]) -> [TemplateObject] {
            references.compactMap { reference -> TemplateObject? in
                guard let plan = plans[reference.planSlug] else { return nil }
                let section = plan.section(reference.task.sectionID)
                // The other offices of the task, each once, told apart by their ASCII ids (hashing Chinese names costs
                // a Unicode normalisation each).
                var others: [String] = [], seen: Set<String> = [entry.department.id]
                for assignment in reference.task.assignments where seen.insert(assignment.department.id).inserted {
                    others.append(assignment.department.name)
                }
                let number = reference.task.number
                let separator = number.allSatisfy(\.isASCII) ? "." : "、"
                return ["title": number + separator + reference.task.title, "url": Paths.link(from: page, to: Paths.task(plan, reference.task)),
                        "plan": plan.shortTitle, "planURL": Paths.link(from: page, to: Paths.plan(plan)),
                        "section": section?.title ?? reference.task.sectionID, "role": reference.role.label,
                        "with": others.joined(separator: "、")]
            }
        }
        context["leads"] = tasks(entry.leads)
        context["shares"] = tasks(entry.shares)
        context["leadCount"] = entry.leads.count
        context["shareCount"] = entry.shares.count
        return context
    }
}
