import BuildCache
import ContentLoading
import Diagnostics
import Foundation
import Model
import Publishing
import SiteRendering
import Synchronization

/// The pipeline: scan the files, load and check the content and templates, plan the outputs, find the stale ones,
/// render them, publish, record. `build` reads as that list; each stage is a method in `BuildStages.swift`, and
/// what a rebuild remembers lives in the BuildCache module.
public struct Builder {
    public struct Options: Sendable {
        public var content: String
        public var templates: String
        public var output: String
        /// Relative folder names are resolved against this folder (the current directory by default), and
        /// messages name files as the user wrote the folders.
        public var workingDirectory: URL
        /// Render everything, ignoring what the last build recorded.
        public var full: Bool = false
        /// Warnings count as errors.
        public var strict: Bool = false
        /// The address the site is published at, instead of `url:` in site.yaml (for the sitemap and the feed).
        public var baseURL: String?

        public init(content: String = "Content", templates: String = "Templates", output: String = "Site",
                    workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                    full: Bool = false, strict: Bool = false, baseURL: String? = nil) {
            self.content = content
            self.templates = templates
            self.output = output
            self.workingDirectory = workingDirectory
            self.full = full
            self.strict = strict
            self.baseURL = baseURL
        }
    }

    public struct Report: Sendable {
        /// Every problem found, errors and warnings, sorted by place.
        public var diagnostics: [Diagnostic]
        public var plans: Int = 0
        public var pages: Int = 0
        public var indicators: Int = 0
        /// Outputs rendered this time (the others were unchanged since the last build).
        public var rendered: Int = 0
        public var written: [String] = []
        public var unchanged: Int = 0
        /// Files of rendered outputs kept as the last build wrote them, not made again (the search index's files
        /// that no changed page's words are in); counted in `unchanged` too.
        public var kept: Int = 0
        public var removed: [String] = []
        public var bytesWritten: Int = 0
        /// The site's address, when site.yaml or `--base-url` gives one; without it there is no sitemap.
        public var baseURL: String?
        /// Seconds per stage, in order.
        public var timings: [(stage: String, seconds: Double)] = []
        public var succeeded: Bool { !diagnostics.hasErrors }
    }

    /// Called as pages are rendered: (done, to do).
    public typealias Progress = @Sendable (Int, Int) -> Void

    public let options: Options

    public init(options: Options) {
        self.options = options
    }

    /// An identifier of this generator: outputs written by another build of it are rendered again.
    public static let generatorIdentity: String = {
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "bulletin").resolvingSymlinksInPath()
        let attributes = try? FileManager.default.attributesOfItem(atPath: executable.path)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "bulletin \(size) \(Int(modified))"
    }()

    /// The generator and the options that change what it writes: a build with another base address is a build
    /// by another generator, so nothing the last one recorded is taken as current.
    var identity: String { Self.generatorIdentity + (options.baseURL.map { " base-url=" + $0 } ?? "") }

    /// Loads and checks everything, writing nothing.
    public func check() -> Report {
        var clock = Stopwatch()
        var (prepared, report) = prepare(&clock, cache: nil)
        if let prepared {
            let count = Mutex(0)
            let problems = prepared.renderer.render(Set(prepared.outputs.map(\.path))) { _ in count.withLock { $0 += 1 } }
            clock.lap("render")
            report.diagnostics = (report.diagnostics + problems).sortedByLocation()
            report.rendered = count.withLock { $0 }
        }
        return report.timed(clock)
    }

    /// Renders what changed since the last build and updates the output folder, one timed stage per line. Pages are
    /// rendered in parallel and written as they are made. On any error the output folder stays as it was.
    public func build(progress: Progress? = nil) -> Report {
        if let problem = outputProblem() { return Report(diagnostics: [problem]) }
        var clock = Stopwatch()
        let cache = scan()
        clock.lap("scan")
        if let last = cache.nothingChanged { return Report(unchanged: last.totals, outputs: last.outputs, clock) }
        // Every plan is read: the progress, department and data pages are made from all of them.
        var (prepared, report) = prepare(&clock, cache: cache)
        guard let prepared else { return report.timed(clock) }
        let stale = cache.stale(prepared.outputs, inputs: prepared.inputs)
        clock.lap("find stale")
        guard let publisher = openPublisher(cache, &report) else { return report.timed(clock) }
        render(prepared, stale, cache, into: publisher, &report, progress: progress)
        clock.lap("render and write")
        guard report.succeeded else {
            publisher.abandon()
            return report.timed(clock)
        }
        let record = cache.record(stale, outputs: prepared.outputs, sources: prepared.inputs, totals: report.totals)
        publish(publisher, record, &report)
        clock.lap("publish")
        save(record, in: cache, &report)
        clock.lap("record")
        return report.timed(clock)
    }

    /// A content file's key, as messages name it (`Content/site.yaml`).
    func key(_ relative: String) -> String {
        options.content.hasSuffix("/") ? options.content + relative : options.content + "/" + relative
    }

    /// The output folder's files are replaced on every build, so it must not be, or hold, anything the user keeps.
    private func outputProblem() -> Diagnostic? {
        let output = url(options.output).path
        let kept = [("content", url(options.content).path), ("templates", url(options.templates).path),
                    ("working", options.workingDirectory.standardizedFileURL.path)]
        func isInside(_ inner: String, _ outer: String) -> Bool {
            inner == outer || inner.hasPrefix(outer.hasSuffix("/") ? outer : outer + "/")
        }
        let hint = "the output folder holds only what the build writes; choose a folder of its own, such as Site"
        for (name, path) in kept where isInside(path, output) {
            return .error(at: SourceLocation(file: options.output), "refusing to use `\(options.output)` as the output folder: it holds the \(name) folder", hint: hint)
        }
        for (name, path) in kept.dropLast() where isInside(output, path) {
            return .error(at: SourceLocation(file: options.output), "refusing to use `\(options.output)` as the output folder: it is inside the \(name) folder", hint: hint)
        }
        return nil
    }

    func url(_ path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path).standardizedFileURL
            : options.workingDirectory.appendingPathComponent(path).standardizedFileURL
    }
}

/// Times the stages of a build.
struct Stopwatch {
    private var last = DispatchTime.now()
    private(set) var laps: [(stage: String, seconds: Double)] = []

    mutating func lap(_ stage: String) {
        let now = DispatchTime.now()
        laps.append((stage, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9))
        last = now
    }
}
