import Diagnostics
import Foundation
import Markdown
import Model

/// Reads one release: front matter (title, date, summary) and a Markdown body.
struct ReleaseLoader {
    let url: URL
    let slug: String
    let displayPath: String

    func load(_ diagnostics: inout [Diagnostic]) -> Release? {
        guard let file = TextFile.read(url, displayPath: displayPath, diagnostics: &diagnostics) else { return nil }
        let split = FrontMatterSplit.split(file.text)
        guard let yaml = split.yaml, !split.unterminated else {
            diagnostics.append(.error(at: SourceLocation(file: displayPath), "the release has no front matter",
                                      hint: "start the file with `---`, then `title: …` and `date: YYYY-MM-DD` lines, then `---`"))
            return nil
        }
        guard let document = YAMLDocument.parse(yaml, file: displayPath, lineOffset: split.yamlFirstLine - 1, diagnostics: &diagnostics),
              var r = MappingReader(document.root, in: document, what: "release front matter", diagnostics: &diagnostics) else { return nil }
        let title = r.string("title", required: true, &diagnostics)
        let date = r.date("date", &diagnostics)
        if r.value("date") == nil { r.missing("date", &diagnostics) }
        let summary = r.string("summary", &diagnostics)
        r.reportUnknownKeys(&diagnostics)
        guard let title, let date else { return nil }
        return Release(slug: slug, title: title, date: date, summary: summary, body: split.body, sourcePath: displayPath)
    }
}
