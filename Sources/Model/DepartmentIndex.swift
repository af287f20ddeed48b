/// Which office answers for which task, across all plans: built from the tasks' responsibility notes.
/// A department is its region and its name, so 重庆市's 市科技局 and 常州市's 市科技局 are two entries.
public struct DepartmentIndex: Sendable {
    public struct TaskReference: Sendable, Equatable {
        public var planSlug: String
        public var task: PlanTask
        public var role: ResponsibilityRole
    }

    public struct Entry: Sendable {
        public var department: Department
        /// Tasks it leads (牵头单位), in plan and task order.
        public var leads: [TaskReference]
        /// Tasks it shares (责任单位, 配合单位).
        public var shares: [TaskReference]
    }

    /// By region, then by the number of tasks (most first), then by name.
    public var departments: [Entry]

    public init(plans: [Plan]) {
        var entries: [Department: Entry] = [:]
        for plan in plans {
            for task in plan.tasks {
                var seen = Set<Department>()
                // A department named twice in one task (lead and responsible) is listed once, by its first role.
                for assignment in task.assignments where seen.insert(assignment.department).inserted {
                    let reference = TaskReference(planSlug: plan.slug, task: task, role: assignment.role)
                    // Appended in place: an entry copied out and stored back copies its lists on every append (quadratic;
                    // 5 % of a one-indicator rebuild at 1000 plans).
                    let fresh = Entry(department: assignment.department, leads: [], shares: [])
                    if assignment.role == .lead {
                        entries[assignment.department, default: fresh].leads.append(reference)
                    } else {
                        entries[assignment.department, default: fresh].shares.append(reference)
                    }
                }
            }
        }
        departments = entries.values.sorted {
            ($0.department.region, -($0.leads.count + $0.shares.count), $0.department.name)
                < ($1.department.region, -($1.leads.count + $1.shares.count), $1.department.name)
        }
    }
}
