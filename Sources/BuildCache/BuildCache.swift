import Dispatch
import Foundation
import Model
import Synchronization

/// Everything a rebuild remembers of the last build, and the questions the builder asks of it.
///
/// What is kept: the manifest beside the output folder (`Manifest.swift`: each output with the fingerprint of its
/// inputs and of its bytes, each source file with its size, time and fingerprint, the output folders' times). What is
/// asked, in the order of a build:
/// - `open`: the last build's record and the source files, read side by side;
/// - `nothingChanged`: the same files, sizes and times, by the same generator, every output in place;
/// - `reusableFingerprints`: the fingerprints of files whose size and time are as recorded;
/// - `stale(_:inputs:)`: the outputs whose inputs changed or whose file is gone;
/// - `record(_:outputs:sources:totals:)` and `save(_:)`: the record for the next build.
public struct BuildCache: Sendable {
    /// Identifies the generator and the options that change what it writes: a record made by another is ignored.
    public let generator: String
    /// Where the site is written.
    public let output: URL
    /// The last build's record, when there is one this generator can trust.
    public let previous: Manifest?
    /// The files this build reads.
    public let sources: SourceFiles
    /// What the output folder still holds of the last build's files.
    let presence: OutputPresence

    /// Reads the last build's record (unless `fresh`, which renders everything) while `scan` lists the source files:
    /// each takes tens of milliseconds on a large site, much of a small rebuild.
    public static func open(output: URL, generator: String, fresh: Bool, scan: @Sendable () -> SourceFiles) -> BuildCache {
        let loaded = Mutex<Manifest?>(nil), scanned = Mutex<SourceFiles?>(nil)
        DispatchQueue.concurrentPerform(iterations: 2) { job in
            if job == 0 {
                if !fresh, let manifest = Manifest.load(for: output), manifest.generator == generator {
                    loaded.withLock { $0 = manifest }
                }
            } else {
                let files = scan()
                scanned.withLock { $0 = files }
            }
        }
        let previous = loaded.withLock { $0 }
        return BuildCache(generator: generator, output: output, previous: previous, sources: scanned.withLock { $0 } ?? scan(),
                          presence: OutputPresence(root: output.path, previous: previous))
    }

    /// What the last build held, when nothing has changed since: no file came, went or changed size or time, and
    /// every output is in place. Then there is nothing to read, render or write.
    public var nothingChanged: (totals: Manifest.Totals, outputs: Int)? {
        guard let previous, let totals = previous.totals, sources.unchanged(since: previous),
              previous.outputs.keys.allSatisfy(presence.contains) else { return nil }
        return (totals, previous.outputs.count)
    }

    /// The fingerprints of the files whose size and time are as the last build saw them, by key.
    public var reusableFingerprints: [String: UInt64] {
        guard let known = previous?.sources else { return [:] }
        var reusable: [String: UInt64] = [:]
        for (key, file) in sources.files {
            if let old = known[key], old.size == file.size, old.modified == file.modified { reusable[key] = old.hash }
        }
        return reusable
    }

    /// Whether every file under `folder` (a display prefix, `Templates`) is as the last build recorded it, and no
    /// file came or went there.
    public func unchanged(folder: String) -> Bool {
        guard let known = previous?.sources, !known.isEmpty else { return false }
        let prefix = (folder.hasSuffix("/") ? String(folder.dropLast()) : folder) + "/"
        var count = 0
        for (key, file) in sources.files where key.hasPrefix(prefix) {
            guard let old = known[key], old.size == file.size, old.modified == file.modified else { return false }
            count += 1
        }
        return count > 0 && count == known.keys.count { $0.hasPrefix(prefix) }
    }

    /// The outputs to render: those whose inputs changed since the last build (by the fingerprints of `inputs`,
    /// the source files by key), or whose file, or a companion's, is gone.
    public func stale(_ outputs: [PlannedOutput], inputs: [String: UInt64]) -> StaleOutputs {
        // Tens of thousands of fingerprints: worked out in parallel, in slices.
        let slices = max(1, min(outputs.count, ProcessInfo.processInfo.activeProcessorCount * 4))
        let results = Mutex([[(UInt64, Bool)]](repeating: [], count: slices))
        let covered = Mutex(0)
        let previous = previous?.outputs ?? [:], presence = presence
        var start = StableHash()
        start.combine(generator)
        let generatorHash = start
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            var part: [(UInt64, Bool)] = []
            var recorded = 0
            // Each list of inputs is hashed once per slice, however many outputs share it.
            var known: [InputList: UInt64] = [:]
            part.reserveCapacity(outputs.count / slices + 1)
            for index in stride(from: slice, to: outputs.count, by: slices) {
                let output = outputs[index]
                let fingerprint = Self.fingerprint(output, inputs: inputs, start: generatorHash, known: &known)
                var fresh = true
                func look(_ path: String) {
                    let old = previous[path]
                    if old != nil { recorded += 1 }
                    if old?.inputs != fingerprint || !presence.contains(path, recorded: old != nil) { fresh = false }
                }
                for companion in output.companions { look(companion) }
                look(output.path)
                part.append((fingerprint, !fresh))
            }
            results.withLock { $0[slice] = part }
            covered.withLock { $0 += recorded }
        }
        var fingerprints: [String: UInt64] = [:]
        for (slice, part) in results.withLock({ $0 }).enumerated() {
            for (offset, (fingerprint, isStale)) in part.enumerated() where isStale {
                let output = outputs[slice + offset * slices]
                fingerprints[output.path] = fingerprint
                for companion in output.companions { fingerprints[companion] = fingerprint }
            }
        }
        return StaleOutputs(fingerprints: fingerprints, paths: Set(outputs.lazy.map(\.path).filter { fingerprints[$0] != nil }),
                            coversLastBuild: covered.withLock { $0 } == previous.count)
    }

    /// The output's path and its inputs, each with its fingerprint, hashed on from `start` (the generator's hash).
    static func fingerprint(_ output: PlannedOutput, inputs: [String: UInt64], start: StableHash,
                            known: inout [InputList: UInt64]) -> UInt64 {
        let inputsHash: UInt64
        if let cached = known[output.inputs] {
            inputsHash = cached
        } else {
            var hash = StableHash()
            for key in output.inputs.keys {
                hash.combine(key)
                hash.combine(inputs[key] ?? 0)
            }
            inputsHash = hash.value
            known[output.inputs] = inputsHash
        }
        var hash = start
        hash.combine(output.path)
        hash.combine(inputsHash)
        return hash.value
    }

    /// The record of every output for the next build: the last build's, less what the site no longer has, with what
    /// was rendered now.
    public func record(_ stale: StaleOutputs, outputs: [PlannedOutput], sources fingerprints: [String: UInt64],
                       totals: Manifest.Totals) -> Record {
        func all() -> Set<String> {
            var all = Set<String>(minimumCapacity: outputs.count * 2)
            for output in outputs {
                all.insert(output.path)
                for companion in output.companions { all.insert(companion) }
            }
            return all
        }
        var records = previous?.outputs ?? [:]
        var gone: [String]?
        if previous != nil {
            // When every record of the last build is an output of this one (the usual rebuild: nothing removed), the
            // set of all outputs is not needed.
            if stale.coversLastBuild {
                gone = []
            } else {
                let keeping = all()
                gone = records.keys.filter { !keeping.contains($0) }
            }
        }
        for path in gone ?? [] { records[path] = nil }
        let rendered = stale.rendered
        for (path, entry) in rendered { records[path] = entry }
        let manifest = Manifest(generator: generator, outputs: records, sources: sources.sources(fingerprints: fingerprints),
                                totals: totals)
        return Record(manifest: manifest, gone: gone, all: all,
                      kept: outputs.reduce(0) { $0 + 1 + $1.companions.count } - rendered.count + stale.kept)
    }

    /// Saves the record beside the output folder, with the folders' times taken now that every file is in place: the
    /// next build trusts folders that kept theirs.
    public func save(_ record: Record) throws {
        var manifest = record.manifest
        manifest.folders = OutputPresence.folderTimes(root: output.path, outputs: manifest.outputs.keys)
        try manifest.save(for: output)
    }

    /// What the output folder held after the last build, for the publisher: the file at `path`, its hash and size.
    public func written(_ path: String) -> Manifest.Entry? { previous?.outputs[path] }

    /// The same, only while the file is still there (for files a rebuild keeps without making them again).
    public func present(_ path: String) -> Manifest.Entry? {
        guard let entry = previous?.outputs[path], presence.contains(path, recorded: true) else { return nil }
        return entry
    }

    /// The record a finished build leaves.
    public struct Record {
        public let manifest: Manifest
        /// What the last build wrote and this one does not (nil when there was no last build).
        public let gone: [String]?
        /// Every output and companion of this build, made only when the output folder must be looked through.
        public let all: () -> Set<String>
        /// Outputs not rendered, their files kept as they were.
        public let kept: Int
    }
}

/// The outputs a build renders, and the record of each file as it is made (`record` may be called from many
/// threads).
public final class StaleOutputs: Sendable {
    /// The outputs to render, by path (companions are rendered with them).
    public let paths: Set<String>
    /// The fingerprint of each stale output's inputs, by the path of the output or of a companion.
    let fingerprints: [String: UInt64]
    /// Whether every file the last build recorded is an output or companion of this one.
    let coversLastBuild: Bool
    private let entries = Mutex<[String: Manifest.Entry]>([:])
    private let keptCount = Mutex(0)

    init(fingerprints: [String: UInt64], paths: Set<String>, coversLastBuild: Bool) {
        self.fingerprints = fingerprints
        self.paths = paths
        self.coversLastBuild = coversLastBuild
    }

    public var count: Int { paths.count }

    /// Notes that the file at `path` was not made again because it would be the same as the last build's (`entry`, its
    /// record): its record now has this build's inputs.
    public func keep(_ path: String, as entry: Manifest.Entry) {
        record(path, hash: entry.hash, size: entry.size)
        keptCount.withLock { $0 += 1 }
    }

    /// How many files were kept so.
    public var kept: Int { keptCount.withLock { $0 } }

    /// Notes that the file at `path` was made with these bytes.
    public func record(_ path: String, hash: UInt64, size: Int) {
        let entry = Manifest.Entry(inputs: fingerprints[path] ?? 0, hash: hash, size: size)
        entries.withLock { $0[path] = entry }
    }

    var rendered: [String: Manifest.Entry] { entries.withLock { $0 } }
}
