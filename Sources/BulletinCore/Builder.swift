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
