import ContentLoading
import Diagnostics
import Foundation
import Model
import Publishing
import SiteRendering
import Synchronization

/// The pipeline, one stage per line: load and check the content, check the templates, decide what changed,
/// render that, publish.
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
        var (prepared, report) = prepare(&clock)
        if let prepared {
            let count = Mutex(0)
            let problems = prepared.renderer.render(Set(prepared.outputs.map(\.path))) { _ in count.withLock { $0 += 1 } }
            clock.lap("render")
            report.diagnostics = (report.diagnostics + problems).sortedByLocation()
            report.rendered = count.withLock { $0 }
        }
        report.timings = clock.laps
        return report
    }

    /// Renders what changed since the last build and updates the output folder. Pages are rendered in
    /// parallel and written as they are made.
    public func build(progress: Progress? = nil) -> Report {
        if let problem = outputProblem() { return Report(diagnostics: [problem]) }
        var clock = Stopwatch()
        let outputURL = url(options.output)
        // The last build's records and the sources' sizes and times are read side by side (each takes tens of
        // milliseconds on a large site, which is much of a small rebuild).
        let loadedManifest = Mutex<Manifest?>(nil), loadedFiles = Mutex<SourceFiles?>(nil)
        let full = options.full, sourceFolders = [(url(options.content), options.content), (url(options.templates), options.templates)]
        DispatchQueue.concurrentPerform(iterations: 2) { job in
            if job == 0 {
                if !full { loadedManifest.withLock { $0 = Manifest.load(for: outputURL) } }
            } else {
                loadedFiles.withLock { $0 = SourceFiles(sourceFolders) }
            }
        }
        let previous = loadedManifest.withLock { $0 }.flatMap { $0.generator == identity ? $0 : nil }
        // Nothing changed since the last build (same files, sizes and times, same generator, outputs in
        // place): nothing to read, render or write.
        let sourceFiles = loadedFiles.withLock { $0 } ?? SourceFiles(sourceFolders)
        clock.lap("look at files")
        // What the output folder still holds of the last build's files.
        let present = OutputPresence(root: outputURL.path, previous: previous)
        if let previous, let totals = previous.totals, sourceFiles.unchanged(since: previous),
           previous.outputs.keys.allSatisfy(present.contains) {
            var report = Report(diagnostics: [])
            report.plans = totals.plans
            report.indicators = totals.indicators
            report.pages = totals.pages
            report.unchanged = previous.outputs.count
            clock.lap("check outputs")
            report.timings = clock.laps
            return report
        }
        // Every plan is read: the progress, department and data pages are made from all of them.
        var (prepared, report) = prepare(&clock, known: previous?.sources ?? [:], files: sourceFiles)
        guard let prepared else { report.timings = clock.laps; return report }
        let (fingerprints, stale, covered) = staleOutputs(prepared, previous: previous, present: present)
        // Which output each rendered file belongs to (a page's chart file belongs to the page).
        var owner: [String: String] = [:]
        owner.reserveCapacity(stale.count * 2)
        for output in prepared.outputs where stale.contains(output.path) {
            owner[output.path] = output.path
            for companion in output.companions { owner[companion] = output.path }
        }
        clock.lap("compare with last build")

        let publisher: Publisher
        do {
            publisher = try Publisher(destination: outputURL, displayDestination: options.output, previous: previous)
        } catch {
            report.diagnostics.append(.error(at: SourceLocation(file: options.output), "cannot write the site: \(error)"))
            return report
        }
        let total = stale.count
        let entries = Mutex<[String: Manifest.Entry]>([:])
        let failures = Mutex<[String]>([])
        let done = Mutex(0)
        let ownerOf = owner, fingerprintOf = fingerprints
        let problems = prepared.renderer.render(stale) { file in
            let hash = StableHash.of(file.bytes)
            do {
                try publisher.write(file.path, file.bytes, hash: hash)
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
            let inputs = fingerprintOf[ownerOf[file.path] ?? file.path] ?? 0
            entries.withLock { $0[file.path] = .init(inputs: inputs, hash: hash, size: file.bytes.count) }
            let count = done.withLock { value -> Int in value += 1; return value }
            progress?(min(count, total), total)
        }
        clock.lap("render and write")
        report.rendered = stale.count
        report.diagnostics = (report.diagnostics + problems).sortedByLocation()
        if let failure = failures.withLock({ $0.first }) {
            report.diagnostics.append(.error(at: SourceLocation(file: options.output), "cannot write the site: \(failure)",
                                             hint: "check the folder's permissions and free space, then build again with --full"))
        }
        guard report.succeeded else {
            publisher.abandon()
            report.timings = clock.laps
            return report
        }

        // The record of every output: the last build's, less what the site no longer has, updated with what
        // was rendered now.
        // When every record of the last build is an output of this one (the usual rebuild: nothing removed), the
        // set of all outputs is not needed.
        let outputs = prepared.outputs
        func keep() -> Set<String> {
            var keep = Set<String>(minimumCapacity: outputs.count * 2)
            for output in outputs {
                keep.insert(output.path)
                for companion in output.companions { keep.insert(companion) }
            }
            return keep
        }
        var records = previous?.outputs ?? [:]
        var gone: [String]?
        if let previous {
            if covered == previous.outputs.count {
                gone = []
            } else {
                let keeping = keep()
                gone = records.keys.filter { !keeping.contains($0) }
            }
        }
        for path in gone ?? [] { records[path] = nil }
        let rendered = entries.withLock { $0 }
        for (path, entry) in rendered { records[path] = entry }
        // Every rendered file is an output or a companion of one.
        publisher.keep(count: outputs.reduce(0) { $0 + 1 + $1.companions.count } - rendered.count)
        let manifest = Manifest(generator: identity, outputs: records,
                                sources: sourceFiles.sources(fingerprints: prepared.inputs),
                                totals: .init(plans: report.plans, indicators: report.indicators, pages: report.pages))
        do {
            let summary = try publisher.finish(gone: gone, keeping: keep)
            clock.lap("publish")
            // The manifest, with folder times taken once every file is in place: the next build trusts folders that
            // kept theirs.
            var saved = manifest
            saved.folders = OutputPresence.folderTimes(root: outputURL.path, outputs: saved.outputs.keys)
            try saved.save(for: outputURL)
            report.written = summary.written
            report.unchanged = summary.unchanged
            report.removed = summary.removed
            report.bytesWritten = summary.bytesWritten
        } catch {
            report.diagnostics.append(.error(at: SourceLocation(file: options.output), "cannot write the site: \(error)",
                                             hint: "check the folder's permissions and free space, then build again with --full"))
        }
        clock.lap("save manifest")
        report.timings = clock.laps
        return report
    }

    struct Prepared {
        var renderer: SiteRenderer
        var outputs: [PlannedOutput]
        var inputs: [String: UInt64]

        /// The hash every fingerprint starts from: the generator's identity.
        static let start: StableHash = {
            var hash = StableHash()
            hash.combine(Builder.generatorIdentity)
            return hash
        }()

        /// The output's path and a hash of its inputs (each key with its fingerprint). Many outputs share one
        /// list of inputs (all pages of a kind in a plan): `known` keeps each list's hash by the list's storage,
        /// so that a list is hashed once, not once per output.
        func fingerprint(of output: PlannedOutput, known: inout [UnsafeRawPointer: UInt64]) -> UInt64 {
            let storage = output.dependencies.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
            let inputsHash: UInt64
            if let storage, let cached = known[storage] {
                inputsHash = cached
            } else {
                var hash = StableHash()
                for key in output.dependencies {
                    hash.combine(key)
                    hash.combine(inputs[key] ?? 0)
                }
                inputsHash = hash.value
                if let storage { known[storage] = inputsHash }
            }
            var hash = Self.start
            hash.combine(output.path)
            hash.combine(inputsHash)
            return hash.value
        }
    }

    /// The outputs to render, with the fingerprints of their inputs: those whose inputs changed since the last
    /// build, or whose file (or a companion's) is not among the `present` ones.
    /// Also counts the outputs and companions that the last build recorded.
    private func staleOutputs(_ prepared: Prepared, previous: Manifest?, present: OutputPresence) -> ([String: UInt64], Set<String>, covered: Int) {
        // Tens of thousands of fingerprints: worked out in parallel, in slices.
        let outputs = prepared.outputs
        let slices = min(outputs.count, ProcessInfo.processInfo.activeProcessorCount * 4)
        let results = Mutex([[(UInt64, Bool)]](repeating: [], count: slices))
        let covered = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            var part: [(UInt64, Bool)] = []
            var recorded = 0
            // Lists of inputs by their storage: `outputs` holds them all for as long as this runs.
            var known: [UnsafeRawPointer: UInt64] = [:]
            part.reserveCapacity(outputs.count / max(slices, 1) + 1)
            for index in stride(from: slice, to: outputs.count, by: slices) {
                let output = outputs[index]
                let fingerprint = prepared.fingerprint(of: output, known: &known)
                var companions = true
                for companion in output.companions {
                    let old = previous?.outputs[companion]
                    if old != nil { recorded += 1 }
                    if old?.inputs != fingerprint || !present.contains(companion, recorded: old != nil) { companions = false }
                }
                let old = previous?.outputs[output.path]
                if old != nil { recorded += 1 }
                let isStale = old?.inputs != fingerprint || !companions || !present.contains(output.path, recorded: old != nil)
                part.append((fingerprint, isStale))
            }
            results.withLock { $0[slice] = part }
            covered.withLock { $0 += recorded }
        }
        var fingerprints: [String: UInt64] = [:]
        var stale: Set<String> = []
        let parts = results.withLock { $0 }
        let staleCount = parts.reduce(0) { $0 + $1.count { $0.1 } }
        fingerprints.reserveCapacity(staleCount)
        stale.reserveCapacity(staleCount)
        for (slice, part) in parts.enumerated() {
            for (offset, (fingerprint, isStale)) in part.enumerated() where isStale {
                let path = outputs[slice + offset * slices].path
                fingerprints[path] = fingerprint
                stale.insert(path)
            }
        }
        return (fingerprints, stale, covered.withLock { $0 })
    }

    /// Load, check content and templates, and list the outputs with their inputs.
    private func prepare(_ clock: inout Stopwatch, known: [String: Manifest.Source] = [:], files: SourceFiles? = nil) -> (Prepared?, Report) {
        var diagnostics: [Diagnostic] = []
        // Fingerprints of files whose size and time are as the last build saw them are taken from it.
        var reusable: [String: UInt64] = [:]
        if let files {
            for (key, file) in files.files {
                if let old = known[key], old.size == file.size, old.modified == file.modified { reusable[key] = old.hash }
            }
        }
        let loaded = ContentLoader(root: url(options.content), displayRoot: options.content, knownFingerprints: reusable,
                                   listedFiles: files?.relativePaths.first).load()
        diagnostics += loaded.diagnostics
        clock.lap("load")
        let templates = TemplateSet.load(from: url(options.templates), displayFolder: options.templates, diagnostics: &diagnostics)
        clock.lap("load templates")
        // The check of every name the templates use finds errors only, and the last build (whose records are
        // kept only when it succeeded, by this same generator) found none: when no template file has changed,
        // came or went since, it would find none again.
        if let templates, !Self.templatesUnchanged(files: files, known: known, reusable: reusable, folder: options.templates) {
            diagnostics += SiteRenderer.checkTemplates(templates)
        }
        clock.lap("check templates")
        if options.strict {
            diagnostics = diagnostics.map { var d = $0; d.severity = .error; return d }
        }
        var report = Report(diagnostics: diagnostics.sortedByLocation())
        guard var site = loaded.site, let templates, !diagnostics.hasErrors else { return (nil, report) }
        if let baseURL = options.baseURL { site.config.url = baseURL.hasSuffix("/") ? baseURL : baseURL + "/" }
        report.baseURL = site.config.url

        let siteFile = key("site.yaml")
        let renderer = SiteRenderer(site: site, templates: templates, contentFiles: Array(loaded.inputs.keys), siteFile: siteFile)
        let outputs = renderer.plannedOutputs()
        clock.lap("list outputs")
        report.plans = site.plans.count
        report.indicators = site.plans.reduce(0) { $0 + $1.indicators.count }
        report.pages = outputs.filter { $0.path.hasSuffix(".html") }.count
        let inputs = loaded.inputs.merging(templates.fingerprints) { a, _ in a }
        return (Prepared(renderer: renderer, outputs: outputs, inputs: inputs), report)
    }

    /// Whether every file of the templates folder is as the last build recorded it, and no file came or went.
    static func templatesUnchanged(files: SourceFiles?, known: [String: Manifest.Source], reusable: [String: UInt64],
                                   folder: String) -> Bool {
        guard let files, !known.isEmpty else { return false }
        let prefix = (folder.hasSuffix("/") ? String(folder.dropLast()) : folder) + "/"
        var count = 0
        for key in files.files.keys where key.hasPrefix(prefix) {
            guard reusable[key] != nil else { return false }
            count += 1
        }
        return count > 0 && count == known.keys.count { $0.hasPrefix(prefix) }
    }

    /// A content file's key, as messages name it (`Content/site.yaml`).
    private func key(_ relative: String) -> String {
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

    private func url(_ path: String) -> URL {
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
