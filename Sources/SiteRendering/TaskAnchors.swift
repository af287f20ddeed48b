import Markdown
import Model

/// Gives each numbered task of a section its anchor (`<p id="task-3" class="task">`) in the section's HTML, so that a
/// department page links to the task where it stands. The tasks come from `TaskExtractor`, in the order they stand;
/// each is the next paragraph that opens with its number and title in bold. One pass over the bytes: a search per
/// task through the rest of the page (Foundation's `range(of:)`) took 40 % of a 1000-plan build.
enum TaskAnchors {
    static func mark(_ html: String, tasks: [PlanTask]) -> String {
        guard !tasks.isEmpty else { return html }
        let bytes = Array(html.utf8)
        let open = Array("<p><strong>".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + tasks.count * 24)
        var next = 0, copied = 0, i = 0
        // What each task's paragraph opens with, after `<p><strong>`: its number, a separator, its title.
        let heads: [[[UInt8]]] = tasks.map { task in
            let number = HTML.escape(task.number), title = HTML.escape(task.title)
            return [number + ".", number + "．", number + "、", "（" + number + "）", "(" + number + ")"].map { Array(($0 + title).utf8) }
        }
        while next < tasks.count, i + open.count <= bytes.count {
            guard bytes[i] == open[0], bytes[i..<(i + open.count)].elementsEqual(open) else { i += 1; continue }
            let after = i + open.count
            if heads[next].contains(where: { head in after + head.count <= bytes.count && bytes[after..<(after + head.count)].elementsEqual(head) }) {
                out += bytes[copied..<i]
                out += "<p id=\"\(tasks[next].anchor)\" class=\"task\"><strong>".utf8
                copied = after
                next += 1
            }
            i = after
        }
        out += bytes[copied...]
        return String(decoding: out, as: UTF8.self)
    }
}
