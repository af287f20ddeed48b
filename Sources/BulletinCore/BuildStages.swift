import BuildCache
import ContentLoading
import Diagnostics
import Foundation
import Model
import Publishing
import SiteRendering
import Synchronization

/// The stages of `Builder.build`, in order.
extension Builder {
    /// What a build has once the content and templates are loaded and checked.
    struct Prepared {
        var renderer: SiteRenderer
        var outputs: [PlannedOutput]
        /// The fingerprint of every content, template and asset file, by key.
        var inputs: [String: UInt64]
    }

    /// The source files, and the last build's record (unless the build is full), read side by side.
    func scan() -> BuildCache {
        let folders = [(url(options.content).path, options.content), (url(options.templates).path, options.templates)]
        return BuildCache.open(output: url(options.output), generator: identity, fresh: options.full) {
            SourceFiles(folders.map { path, display in
                (display, FileTree.files(under: path).map { SourceFiles.File(relativePath: $0.relativePath, size: $0.size, modified: $0.modified) })
            })
        }
    }

    /// Loads the content and templates, checks them, and lists the outputs with their inputs. With a cache, files
    /// unchanged since the last build keep their fingerprints, and unchanged templates are not checked again.
    func prepare(_ clock: inout Stopwatch, cache: BuildCache?) -> (Prepared?, Report) {
        var diagnostics: [Diagnostic] = []
        let loaded = ContentLoader(root: url(options.content), displayRoot: options.content,
                                   knownFingerprints: cache?.reusableFingerprints ?? [:],
                                   listedFiles: cache?.sources.relativePaths.first).load()
        diagnostics += loaded.diagnostics
        clock.lap("load")
        let templates = TemplateSet.load(from: url(options.templates), displayFolder: options.templates, diagnostics: &diagnostics)
        clock.lap("load templates")
        // The check of every name the templates use finds errors only, and the last build (whose record is kept only
        // when it succeeded, by this same generator) found none: when no template file has changed, came or went
        // since, it would find none again.
        if let templates, cache?.unchanged(folder: options.templates) != true {
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

        var renderer = SiteRenderer(site: site, templates: templates, contentFiles: Array(loaded.inputs.keys), siteFile: key("site.yaml"))
        if let cache {
            renderer.previous = SearchIndex.Previous(folder: cache.output) { cache.present($0)?.hash }
        }
        let outputs = renderer.plannedOutputs()
        renderer.searchedPages = SearchIndex.pages(in: outputs.map(\.path))
        // Two outputs at one path would leave one of them unseen: content the loader lets through must not do that.
        var paths = Set<String>()
        for output in outputs {
            for path in [output.path] + output.companions where !paths.insert(path).inserted {
                report.diagnostics.append(.error(at: SourceLocation(file: options.content), "two pages of the site would be written to `\(path)`",
                                                 hint: "rename the section, indicator or release whose name makes this path"))
            }
        }
        if report.diagnostics.hasErrors { return (nil, report) }
        clock.lap("plan outputs")
        report.plans = site.plans.count
        report.indicators = site.plans.reduce(0) { $0 + $1.indicators.count }
        report.pages = outputs.count { $0.path.hasSuffix(".html") }
        let inputs = loaded.inputs.merging(templates.fingerprints) { a, _ in a }
        return (Prepared(renderer: renderer, outputs: outputs, inputs: inputs), report)
    }

    /// The publisher of the output folder, or nil (with the reason in the report) when it cannot be written.
    func openPublisher(_ cache: BuildCache, _ report: inout Report) -> Publisher? {
        do {
            return try Publisher(destination: cache.output, displayDestination: options.output, previous: cache.previous)
        } catch {
            report.diagnostics.append(.error(at: SourceLocation(file: options.output), "cannot write the site: \(error)"))
            return nil
        }
    }

    /// Renders the stale outputs, each file written and recorded as soon as it is made, or recorded as kept.
    func render(_ prepared: Prepared, _ stale: StaleOutputs, _ cache: BuildCache, into publisher: Publisher, _ report: inout Report,
                progress: Progress?) {
        let failures = Mutex<[String]>([]), done = Mutex(0), total = stale.count
        let problems = prepared.renderer.render(stale.paths, emit: { file in
            let hash = StableHash.of(file.bytes)
            do {
                try publisher.write(file.path, file.bytes, hash: hash)
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
            stale.record(file.path, hash: hash, size: file.bytes.count)
            let count = done.withLock { value -> Int in value += 1; return value }
            progress?(min(count, total), total)
        }, keep: { path in
            // Not made again, and linked from the last build's folder by the publisher.
            if let entry = cache.present(path) { stale.keep(path, as: entry) }
        })
        report.rendered = total
        report.kept = stale.kept
        report.diagnostics = (report.diagnostics + problems).sortedByLocation()
        if let failure = failures.withLock({ $0.first }) { report.diagnostics.append(writeFailure(failure)) }
    }

    /// Removes what the site no longer has (or moves a first build's folder into place).
    func publish(_ publisher: Publisher, _ record: BuildCache.Record, _ report: inout Report) {
        publisher.keep(count: record.kept)
        do {
            let summary = try publisher.finish(gone: record.gone, keeping: record.all)
            report.written = summary.written
            report.unchanged = summary.unchanged
            report.removed = summary.removed
            report.bytesWritten = summary.bytesWritten
        } catch {
            report.diagnostics.append(writeFailure("\(error)"))
        }
    }

    /// Saves the record for the next build, when this one succeeded.
    func save(_ record: BuildCache.Record, in cache: BuildCache, _ report: inout Report) {
        guard report.succeeded else { return }
        do {
            try cache.save(record)
        } catch {
            report.diagnostics.append(writeFailure("\(error)"))
        }
    }

    private func writeFailure(_ failure: String) -> Diagnostic {
        .error(at: SourceLocation(file: options.output), "cannot write the site: \(failure)",
               hint: "check the folder's permissions and free space, then build again with --full")
    }
}

extension Builder.Report {
    /// The report of a build that had nothing to do: what the site holds, as the last build left it.
    init(unchanged totals: Manifest.Totals, outputs: Int, _ clock: Stopwatch) {
        self.init(diagnostics: [])
        plans = totals.plans
        indicators = totals.indicators
        pages = totals.pages
        unchanged = outputs
        timings = clock.laps
    }

    /// What the site holds, for the record.
    var totals: Manifest.Totals { .init(plans: plans, indicators: indicators, pages: pages) }

    /// The report with the stages' times.
    func timed(_ clock: Stopwatch) -> Self {
        var report = self
        report.timings = clock.laps
        return report
    }
}
