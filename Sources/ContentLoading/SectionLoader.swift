import Diagnostics
import Foundation
import Markdown
import Model

/// Reads one section file: front matter (kind, title, number, chapter, order) and the Markdown body.
struct SectionLoader {
    let url: URL
    let id: String
    let displayPath: String
    /// Beyond this many bytes of text a section is warned of: the longest plan section here is about 60 KB, and a
    /// page of 5 MB is already slow on a phone. A 50 MB section builds (6.4 s and 0.9 GB in a release build).
    static let largeBody = 5 * 1_048_576

    func load(_ diagnostics: inout [Diagnostic]) -> Section? {
        guard let file = TextFile.read(url, displayPath: displayPath, diagnostics: &diagnostics) else { return nil }
        let split = FrontMatterSplit.split(file.text)
        if split.unterminated {
            diagnostics.append(.error(at: SourceLocation(file: displayPath, line: 1, column: 1), "the front matter is not closed",
                                      hint: "end the front matter with a line holding only `---`"))
            return nil
        }
        guard let yaml = split.yaml else {
            diagnostics.append(.error(at: SourceLocation(file: displayPath, line: 1, column: 1), "the section has no front matter",
                                      hint: "start the file with `---`, then `kind: goals` and `title: 发展目标` lines, then `---`"))
            return nil
        }
        guard let document = YAMLDocument.parse(yaml, file: displayPath, lineOffset: split.yamlFirstLine - 1, diagnostics: &diagnostics),
              var r = MappingReader(document.root, in: document, what: "section front matter", diagnostics: &diagnostics) else { return nil }
        let kind = r.choice("kind", as: SectionKind.self, required: true, &diagnostics)
        let title = r.string("title", required: true, &diagnostics)
        let number = r.string("number", &diagnostics)
        let chapter = r.string("chapter", &diagnostics)
        let order = r.int("order", &diagnostics)
        r.reportUnknownKeys(&diagnostics)
        if let problem = TableLimits.problem(in: split.body, file: displayPath, firstLine: split.bodyFirstLine) {
            diagnostics.append(problem)
            return nil
        }
        let size = split.body.utf8.count
        if size > Self.largeBody {
            let megabytes = (Double(size) / 1_048_576 * 10).rounded() / 10
            diagnostics.append(.warning(at: SourceLocation(file: displayPath, line: split.bodyFirstLine),
                                        "the section's text is \(megabytes) MB, and its page will be larger: a phone takes long to open it",
                                        hint: "split it into sections of their own files, or into parts (`## （一）… {kind=tasks id=…}`)"))
        }
        if split.body.allSatisfy(\.isWhitespace) {
            diagnostics.append(.warning(at: SourceLocation(file: displayPath, line: split.bodyFirstLine), "the section has no text"))
        }
        // A section with a bad kind or no title is still returned (its errors are recorded), so that
        // indicators pointing at it are checked against its text instead of failing as missing.
        return Section(id: id, kind: kind ?? .other, title: title ?? id, number: number, chapter: chapter, order: order ?? Int.max,
                       body: split.body, sourcePath: displayPath, bodyFirstLine: split.bodyFirstLine)
    }
}
