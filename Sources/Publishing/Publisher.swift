import Diagnostics
import Foundation
import BuildCache
import Model
import Synchronization

/// Writes the output folder. Every error in content or templates is found before this runs, so a failed build
/// never gets here and the previous output stays exactly as it was.
///
/// A first build writes into a fresh folder beside the destination and renames it into place at the end.
/// Later builds update the folder in place: a file whose bytes are unchanged is not touched (its modification
/// time stays, so rsync and CDN uploads move only real changes), a changed file is written to a temporary name
/// and renamed over the old one (never half-written), and a file the site no longer has is removed.
///
/// `write` may be called from many threads at once: rendering and writing run in parallel.
public final class Publisher: Sendable {
    public let destination: URL
    public let displayDestination: String
    let previous: Manifest?
    /// Where files go: the destination, or a fresh folder that becomes it.
    let target: URL
    /// `target`'s path, for the many files written into it.
    let targetPath: String
    let fresh: Bool
    private let folders = Mutex<Set<String>>([])

    public struct Summary: Sendable, Equatable {
        public var written: [String] = []
        public var unchanged: Int = 0
        public var removed: [String] = []
        public var bytesWritten: Int = 0
    }

    private let summary = Mutex(Summary())

    /// `previous` is the last build's manifest, used to tell unchanged files without reading them.
    public init(destination: URL, displayDestination: String? = nil, previous: Manifest? = nil) throws {
        self.destination = destination.standardizedFileURL
        self.displayDestination = displayDestination ?? destination.path
        self.previous = previous
        let fm = FileManager.default
        if fm.fileExists(atPath: self.destination.path) {
            target = self.destination
            fresh = false
        } else {
            target = self.destination.deletingLastPathComponent()
                .appendingPathComponent(".\(self.destination.lastPathComponent).new-\(ProcessInfo.processInfo.processIdentifier)")
            fresh = true
            try? fm.removeItem(at: target)
            try fm.createDirectory(at: target, withIntermediateDirectories: true)
        }
        targetPath = target.path
    }

    /// Writes one output, unless the file already holds these bytes.
    public func write(_ path: String, _ data: Data, hash: UInt64) throws {
        try write(path, [UInt8](data), hash: hash)
    }

    /// The same, from the bytes the renderer made.
    public func write(_ path: String, _ data: [UInt8], hash: UInt64) throws {
        guard Self.isSafeRelativePath(path) else {
            throw PublishError("refusing to write `\(path)`: not a path inside the output folder")
        }
        // Paths as strings: URL arithmetic costs more than writing a small file.
        let file = targetPath + "/" + path
        if !fresh, isUnchanged(path, file: file, data: data, hash: hash) {
            summary.withLock { $0.unchanged += 1 }
            return
        }
        if let slash = path.lastIndex(of: "/") { try ensureFolder(targetPath + "/" + path[..<slash]) }
        try FileWriter.write(data, to: file, atomically: !fresh)
        summary.withLock {
            $0.written.append(path)
            $0.bytesWritten += data.count
        }
    }

    /// Counts outputs that were not rendered because their inputs are unchanged (the build checked that their
    /// files are there).
    public func keep(count: Int) {
        summary.withLock { $0.unchanged += count }
    }

    /// Ends the build: removes what the site no longer has, or moves the fresh folder into place.
    public func finish(keeping outputs: Set<String>) throws -> Summary {
        try finish(gone: previous.map { previous in previous.outputs.keys.filter { !outputs.contains($0) } }, keeping: { outputs })
    }

    /// The same, told what the last build wrote that this one does not (`gone`, when there was a last build):
    /// the set of every output is made only when the folder has to be looked through.
    public func finish(gone: [String]?, keeping outputs: () -> Set<String>) throws -> Summary {
        if fresh {
            try FileManager.default.moveItem(at: target, to: destination)
        } else if previous != nil, let gone {
            // What the last build wrote and this one does not: no need to look through the whole folder.
            var removed: [String] = []
            for path in gone {
                let url = destination.appendingPathComponent(path)
                if FileManager.default.fileExists(atPath: url.path) {
                    try FileManager.default.removeItem(at: url)
                    removed.append(path)
                }
                var folder = url.deletingLastPathComponent()
                while folder.path.count > destination.path.count, (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.isEmpty == true {
                    try? FileManager.default.removeItem(at: folder)
                    folder = folder.deletingLastPathComponent()
                }
            }
            summary.withLock { $0.removed = removed.sorted() }
        } else {
            let removed = try removeOthers(keeping: outputs())
            summary.withLock { $0.removed = removed }
        }
        return summary.withLock { state in
            state.written.sort()
            return state
        }
    }

    /// After a failure: a first build leaves nothing behind.
    public func abandon() {
        if fresh { try? FileManager.default.removeItem(at: target) }
    }

    private func isUnchanged(_ path: String, file: String, data: [UInt8], hash: UInt64) -> Bool {
        if let old = previous?.outputs[path] {
            guard old.size == data.count, old.hash == hash else { return false }
            var info = stat()
            return stat(file, &info) == 0 && Int(info.st_size) == data.count
        }
        return FileManager.default.contents(atPath: file).map { $0.elementsEqual(data) } ?? false
    }

    private func ensureFolder(_ folder: String) throws {
        if folders.withLock({ $0.contains(folder) }) { return }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        folders.withLock { _ = $0.insert(folder) }
    }

    /// Removes files the site no longer has, then folders left empty.
    private func removeOthers(keeping keep: Set<String>) throws -> [String] {
        let fm = FileManager.default
        guard let enumerator = fm.enumerator(atPath: destination.path) else { return [] }
        var removed: [String] = [], folders: [String] = []
        for case let path as String in enumerator {
            var isDirectory: ObjCBool = false
            let url = destination.appendingPathComponent(path)
            guard fm.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue { folders.append(path); continue }
            if !keep.contains(path) {
                try fm.removeItem(at: url)
                removed.append(path)
            }
        }
        for folder in folders.sorted(by: { $0.count > $1.count }) {
            let url = destination.appendingPathComponent(folder)
            if (try? fm.contentsOfDirectory(atPath: url.path))?.isEmpty == true { try? fm.removeItem(at: url) }
        }
        return removed.sorted()
    }

    /// Not empty, not absolute, no empty, `.` or `..` part (checked by bytes: it runs for every file).
    static func isSafeRelativePath(_ path: String) -> Bool {
        !path.isEmpty && !path.utf8.split(separator: 0x2F, omittingEmptySubsequences: false).contains {
            $0.isEmpty || $0.elementsEqual(".".utf8) || $0.elementsEqual("..".utf8)
        }
    }
}

public struct PublishError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
