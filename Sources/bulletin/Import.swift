import ArgumentParser
import BulletinCore
import Foundation
import Importing

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Make a plan's content folder from its published text: plain text, .docx or PDF.",
        discussion: """
        Writes Content/plans/<slug>/: plan.yaml with the title, issuer, number and dates the text states, a \
        section file per chapter, and an indicators.yaml draft with every figure of the goals and tasks marked \
        `review: true`. Prints what it recognised, dropped and needs a person to look at, then checks the \
        new plan. The same input always gives the same folder. See docs/import.md.
        """
    )

    @Argument(help: "The plan's text: a .txt (UTF-8) copied from a web page, a .docx, or a .pdf (needs pdftotext).")
    var file: String

    @Option(name: .long, help: "The new plan's folder name and URL: lower-case letters, digits and hyphens.")
    var slug: String

    @Option(name: .long, help: "The content folder.")
    var content = "Content"

    @Option(name: .long, help: "The templates folder, for the check after the import.")
    var templates = "Templates"

    @Flag(name: .long, help: "Replace the plan's folder if it exists.")
    var force = false

    @Flag(name: .shortAndLong, help: "Print only what needs a human look, not what was recognised or dropped.")
    var quiet = false

    func run() throws {
        let url = URL(fileURLWithPath: file)
        do {
            let lines = try ImportInput.lines(of: url)
            let plansURL = URL(fileURLWithPath: content).appendingPathComponent("plans")
            let existing = ((try? FileManager.default.contentsOfDirectory(atPath: plansURL.path)) ?? []).filter { !$0.hasPrefix(".") && $0 != slug }
            let plan = PlanImporter.run(lines: lines, sourceName: url.lastPathComponent, order: existing.count + 1)
            for line in plan.report where !quiet || line.kind == .review {
                let place = line.line.map { "\(file):\($0): " } ?? "\(file): "
                say("\(place)\(line.kind.rawValue): \(line.message)")
            }
            let folder = try ImportWriter.write(plan, slug: slug, content: URL(fileURLWithPath: content), force: force)
            say("wrote \(folder.path)/ (\(plan.files.map(\.name).joined(separator: ", ")))")
        } catch let failure as ImportFailure {
            FileHandle.standardError.write(Data("error: \(failure.description)\n".utf8))
            throw ExitCode.failure
        }
        let report = Builder(options: .init(content: content, templates: templates, strict: false)).check()
        let mine = report.diagnostics.filter { $0.location.file.contains("plans/\(slug)/") }
        Output.print(mine)
        guard report.succeeded else {
            FileHandle.standardError.write(Data("the imported plan does not pass `bulletin check` yet: fix the errors above, then run it again\n".utf8))
            throw ExitCode.failure
        }
        say("check: the plan builds; edit it, clear `review: true` from each figure, then run `bulletin build`")
    }
}

/// Standard output, unbuffered, so that the report and the check's messages on standard error keep their order.
private func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
