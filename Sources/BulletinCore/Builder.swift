import ContentLoading
import Diagnostics
import Foundation
import Model
import Publishing
import SiteRendering

/// The pipeline, one stage per line: load and check the content, check the templates, render, publish.
public struct Builder {
    public struct Options: Sendable {
        public var content: String
        public var templates: String
        public var output: String
        /// Relative folder names are resolved against this folder (the current directory by default), and
        /// messages name files as the user wrote the folders.
        public var workingDirectory: URL

        public init(content: String = "Content", templates: String = "Templates", output: String = "Site",
                    workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
            self.content = content
            self.templates = templates
            self.output = output
            self.workingDirectory = workingDirectory
        }
    }

    public struct Report: Sendable {
        /// Every problem found, errors and warnings, sorted by place.
        public var diagnostics: [Diagnostic]
        public var plans: Int = 0
        public var pages: Int = 0
        public var indicators: Int = 0
        public var filesWritten: Int = 0
        public var bytesWritten: Int = 0
        public var succeeded: Bool { !diagnostics.hasErrors }
    }

    public let options: Options

    public init(options: Options) {
        self.options = options
    }

    /// Loads, checks and renders everything, writing nothing.
    public func check() -> Report {
        let (_, report) = renderAll()
        return report
    }

    /// Renders into a fresh folder and swaps it in as the output only when everything succeeded.
    public func build() -> Report {
        if let problem = outputProblem() { return Report(diagnostics: [problem]) }
        var (files, report) = renderAll()
        guard report.succeeded, let files else { return report }
        let publisher = Publisher(destination: url(options.output), displayDestination: options.output)
        do {
            let summary = try publisher.publish(files.map { ($0.path, $0.data) })
            report.filesWritten = summary.filesWritten
            report.bytesWritten = summary.bytesWritten
        } catch {
            report.diagnostics.append(.error(at: SourceLocation(file: options.output), "cannot write the site: \(error)",
                                             hint: "the previous output folder was left as it was"))
        }
        return report
    }

    /// The output folder is replaced whole, so it must not be, or hold, anything the user keeps.
    private func outputProblem() -> Diagnostic? {
        let output = url(options.output).path
        let kept = [("content", url(options.content).path), ("templates", url(options.templates).path),
                    ("working", options.workingDirectory.standardizedFileURL.path)]
        func isInside(_ inner: String, _ outer: String) -> Bool {
            inner == outer || inner.hasPrefix(outer.hasSuffix("/") ? outer : outer + "/")
        }
        let hint = "the output folder is replaced as a whole on every build; choose a folder of its own, such as Site"
        for (name, path) in kept where isInside(path, output) {
            return .error(at: SourceLocation(file: options.output), "refusing to use `\(options.output)` as the output folder: it holds the \(name) folder", hint: hint)
        }
        for (name, path) in kept.dropLast() where isInside(output, path) {
            return .error(at: SourceLocation(file: options.output), "refusing to use `\(options.output)` as the output folder: it is inside the \(name) folder", hint: hint)
        }
        return nil
    }

    private func renderAll() -> ([RenderedFile]?, Report) {
        var diagnostics: [Diagnostic] = []
        let loaded = ContentLoader(root: url(options.content), displayRoot: options.content).load()
        diagnostics += loaded.diagnostics
        let templates = TemplateSet.load(from: url(options.templates), displayFolder: options.templates, diagnostics: &diagnostics)
        guard let site = loaded.site, let templates, !diagnostics.hasErrors else {
            if let templates { diagnostics += SiteRenderer.checkTemplates(templates) }
            return (nil, Report(diagnostics: diagnostics.sortedByLocation()))
        }
        let rendered = SiteRenderer(site: site, templates: templates).render()
        diagnostics += rendered.diagnostics
        var report = Report(diagnostics: diagnostics.sortedByLocation())
        report.plans = site.plans.count
        report.indicators = site.plans.reduce(0) { $0 + $1.indicators.count }
        report.pages = rendered.files.filter { $0.path.hasSuffix(".html") }.count
        return (report.succeeded ? rendered.files : nil, report)
    }

    private func url(_ path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path).standardizedFileURL
            : options.workingDirectory.appendingPathComponent(path).standardizedFileURL
    }
}
