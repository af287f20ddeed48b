import ArgumentParser
import BulletinCore
import Diagnostics
import Foundation
import Logging
import Preview

@main
struct Bulletin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bulletin",
        abstract: "Builds a public bulletin website from development plans and their indicator tables.",
        discussion: """
        Content/ holds the plans (Markdown sections and YAML indicator tables), Templates/ the page \
        templates and styles; `build` writes a static site to Site/ that works from any static server.
        """,
        subcommands: [Build.self, Check.self, Serve.self, New.self, Import.self],
        defaultSubcommand: Build.self
    )
}

struct Folders: ParsableArguments {
    @Option(name: .long, help: "The content folder: site.yaml and plans/<slug>/.")
    var content = "Content"

    @Option(name: .long, help: "The templates folder: *.mustache templates and assets/.")
    var templates = "Templates"

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the content and write the site.",
        discussion: """
        Only outputs whose inputs changed since the last build are rendered, and only files whose bytes \
        changed are written, so their modification times show real changes. On any error nothing is \
        written and the previous output stays exactly as it was.
        """
    )

    @OptionGroup var folders: Folders

    @Option(name: .shortAndLong, help: "The output folder. It holds only what the build writes.")
    var output = "Site"

    @Flag(name: .long, help: "Render everything, ignoring what the last build recorded.")
    var full = false

    @Option(name: .long, help: "The address the site is published at (https://…/), for sitemap.xml and the feed; overrides `url:` in site.yaml.")
    var baseURL: String?

    @Flag(name: .shortAndLong, help: "Print only problems: no progress and no summary.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Log each stage and its time.")
    var verbose = false

    func run() throws {
        let logger = Output.logger(verbose: verbose)
        let start = DispatchTime.now()
        let progress = Output.progress(enabled: !quiet)
        let builder = Builder(options: .init(content: folders.content, templates: folders.templates, output: output,
                                             full: full, strict: folders.strict, baseURL: baseURL))
        if let baseURL, !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) {
            throw ValidationError("--base-url must be an http or https address, e.g. https://tjj.example.gov.cn/bulletin/")
        }
        let report = builder.build(progress: progress.update)
        progress.finish()
        for (stage, seconds) in report.timings {
            logger.info("stage finished", metadata: ["stage": "\(stage)", "seconds": "\(String(format: "%.3f", seconds))"])
        }
        if report.kept > 0 { logger.info("files kept without being made again", metadata: ["files": "\(report.kept)"]) }
        Output.print(report.diagnostics)
        guard report.succeeded else { throw Output.failure(report) }
        if !quiet {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            print("\(output)/: \(count(report.pages, "page")) from \(count(report.plans, "plan")) and \(count(report.indicators, "indicator")); "
                + "\(report.rendered) rendered, \(report.written.count) written, \(report.unchanged) unchanged, \(report.removed.count) removed "
                + "in \(String(format: "%.2f", seconds)) s")
            if report.baseURL == nil, report.rendered > 0 {
                print("note: no sitemap.xml, and the feed's links are relative: the site's address is not known (set `url:` in site.yaml or pass --base-url)")
            }
        }
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build, serve the site on 127.0.0.1, and rebuild and reload pages as you edit.",
        discussion: """
        Watches the content and templates folders. After each change, outputs whose inputs changed are         rebuilt and open pages reload. A build with errors keeps the last good site served and shows the         errors over the page and in the terminal. The reload script is added only to pages served here,         never to the built site. Stop with Ctrl-C.
        """
    )

    @OptionGroup var folders: Folders

    @Option(name: .shortAndLong, help: "The output folder to build into and serve.")
    var output = "Site"

    @Option(name: .shortAndLong, help: "The port to serve on; the next free one is used if it is taken.")
    var port = 8000

    func run() async throws {
        let server = PreviewServer(options: .init(content: folders.content, templates: folders.templates, output: output, strict: folders.strict),
                                   port: port)
        try await server.run { port in
            server.log("serving \(output)/ at http://127.0.0.1:\(port)/ — watching \(folders.content)/ and \(folders.templates)/ (Ctrl-C to stop)")
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the content and templates without writing anything.",
        discussion: """
        Reports every problem as `path:line:col: error: message` with a hint, and exits non-zero if there is \
        any error. With --format github the problems are GitHub Actions annotations, shown on the lines of \
        a pull request.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, github
    }

    @OptionGroup var folders: Folders

    @Option(name: .long, help: "How to print problems: text, or github (workflow annotations).")
    var format: Format = .text

    func run() throws {
        let report = Builder(options: .init(content: folders.content, templates: folders.templates, strict: folders.strict)).check()
        switch format {
        case .text: Output.print(report.diagnostics)
        case .github: for diagnostic in report.diagnostics { print(GitHubAnnotation.line(for: diagnostic)) }
        }
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

    static func logger(verbose: Bool) -> Logger {
        var logger = Logger(label: "bulletin") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = verbose ? .info : .warning
        return logger
    }

    /// A counter of pages on a terminal; nothing when output goes to a file or a CI log.
    static func progress(enabled: Bool) -> ProgressLine {
        ProgressLine(enabled: enabled && isatty(STDERR_FILENO) == 1)
    }
}

/// One line on the terminal, rewritten in place: `rendering 1234/5000`.
struct ProgressLine: Sendable {
    let enabled: Bool

    var update: Builder.Progress? {
        guard enabled else { return nil }
        return { done, total in
            if done == total || done % 50 == 0 {
                FileHandle.standardError.write(Data("\r\u{1B}[Krendering \(done)/\(total)".utf8))
            }
        }
    }

    func finish() {
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

