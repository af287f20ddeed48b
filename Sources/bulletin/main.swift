import ArgumentParser
import BulletinCore
import Diagnostics
import Foundation

struct Bulletin: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bulletin",
        abstract: "Builds a public bulletin website from development plans and their indicator tables.",
        discussion: """
        Content/ holds the plans (Markdown sections and YAML indicator tables), Templates/ the page \
        templates and styles; `build` writes a static site to Site/ that works from any static server.
        """,
        subcommands: [Build.self, Check.self],
        defaultSubcommand: Build.self
    )
}

struct Folders: ParsableArguments {
    @Option(name: .long, help: "The content folder: site.yaml and plans/<slug>/.")
    var content = "Content"

    @Option(name: .long, help: "The templates folder: *.mustache templates and assets/.")
    var templates = "Templates"
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the content and write the site.",
        discussion: "The site is written to a fresh folder and swapped in only when the whole build succeeds; on any error the previous output stays exactly as it was."
    )

    @OptionGroup var folders: Folders

    @Option(name: .shortAndLong, help: "The output folder, replaced as a whole on success.")
    var output = "Site"

    @Flag(name: .shortAndLong, help: "Print only problems, not the summary line.")
    var quiet = false

    func run() throws {
        let start = Date()
        let report = Builder(options: .init(content: folders.content, templates: folders.templates, output: output)).build()
        Output.print(report.diagnostics)
        guard report.succeeded else { throw Output.failure(report) }
        if !quiet {
            let ms = Int(Date().timeIntervalSince(start) * 1000)
            print("built \(count(report.pages, "page")) from \(count(report.plans, "plan")) and \(count(report.indicators, "indicator")) into \(output)/ (\(count(report.filesWritten, "file")), \(ms) ms)")
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the content and templates without writing anything.",
        discussion: "Reports every problem as `path:line:col: error: message` with a hint, and exits non-zero if there is any error."
    )

    @OptionGroup var folders: Folders

    func run() throws {
        let report = Builder(options: .init(content: folders.content, templates: folders.templates)).check()
        Output.print(report.diagnostics)
        guard report.succeeded else { throw Output.failure(report) }
        let warnings = report.diagnostics.filter { $0.severity == .warning }.count
        print("ok: \(count(report.plans, "plan")), \(count(report.pages, "page")), \(count(report.indicators, "indicator")), \(count(warnings, "warning"))")
    }
}

func count(_ n: Int, _ noun: String) -> String {
    "\(n) \(noun)\(n == 1 ? "" : "s")"
}

enum Output {
    static func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
    }

    static func failure(_ report: Builder.Report) -> ExitCode {
        let errors = report.diagnostics.filter { $0.severity == .error }.count
        FileHandle.standardError.write(Data("\(count(errors, "error")); nothing was written\n".utf8))
        return ExitCode.failure
    }
}

Bulletin.main()
