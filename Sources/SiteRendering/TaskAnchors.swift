import Foundation
import Markdown
import Model

/// Gives each numbered task of a section its anchor (`<p id="task-3">`) in the section's HTML, so that a department
/// page links to the task where it stands. The tasks come from `TaskExtractor`, in the order they stand; each is
/// found as the paragraph that opens with its number and title in bold.
enum TaskAnchors {
    static func mark(_ html: String, tasks: [PlanTask]) -> String {
        guard !tasks.isEmpty else { return html }
        var out = ""
        out.reserveCapacity(html.utf8.count + tasks.count * 16)
        var rest = Substring(html)
        for task in tasks {
            let number = HTML.escape(task.number), title = HTML.escape(task.title)
            let heads = [".", "．", "、"].map { "<p><strong>" + number + $0 + title } + ["<p><strong>（" + number + "）" + title, "<p><strong>(" + number + ")" + title]
            guard let found = heads.compactMap({ rest.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) else { continue }
            out += rest[..<found.lowerBound]
            out += "<p id=\"" + task.anchor + "\" class=\"task\">"
            rest = rest[rest.index(found.lowerBound, offsetBy: 3)...]
        }
        out += rest
        return out
    }
}
