import Diagnostics
import Foundation
import Model

/// Writes the output folder. Every error in content or templates is found before this runs, so a failed build
/// never gets here and the previous output stays exactly as it was.
///
/// A first build writes into a fresh folder beside the destination and renames it into place. Later builds
/// update the folder in place: a file whose bytes are unchanged is not touched (its modification time stays,
/// so rsync and CDN uploads move only real changes), a changed file is written to a temporary name and
/// renamed over the old one (never half-written), and a file the site no longer has is removed.
public struct Publisher {
    public let destination: URL
    public let displayDestination: String

    public init(destination: URL, displayDestination: String? = nil) {
        self.destination = destination.standardizedFileURL
        self.displayDestination = displayDestination ?? destination.path
    }

    public struct Summary: Sendable, Equatable {
        public var written: [String] = []
        public var unchanged: Int = 0
        public var removed: [String] = []
        public var bytesWritten: Int = 0
    }

    /// What to do with one output path.
    public enum Item: Sendable {
        /// These bytes are the output.
        case write(String, Data)
        /// The file already in the destination is the output (its inputs have not changed).
        case keep(String)

        var path: String {
            switch self {
            case .write(let path, _), .keep(let path): return path
            }
        }
    }

    /// Publishes `items`: the destination ends up holding exactly these files.
    /// `previous` is the last build's manifest, used to avoid reading files to compare them.
    public func publish(_ items: [Item], previous: Manifest? = nil) throws -> Summary {
        var seen = Set<String>()
        for item in items {
            guard isSafeRelativePath(item.path), seen.insert(item.path).inserted else {
                throw PublishError("refusing to write `\(item.path)`: not a unique path inside the output folder")
            }
        }
        if FileManager.default.fileExists(atPath: destination.path) {
            return try update(items, keep: seen, previous: previous)
        }
        return try createWhole(items)
    }

    /// The first build: everything into a fresh folder, renamed into place only when all is written.
    private func createWhole(_ items: [Item]) throws -> Summary {
        let fm = FileManager.default
        let staging = destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).new-\(ProcessInfo.processInfo.processIdentifier)")
        try? fm.removeItem(at: staging)
        var summary = Summary()
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            for item in items {
                guard case .write(let path, let data) = item else {
                    throw PublishError("`\(item.path)` was to be kept, but there is no previous output")
                }
                let url = staging.appendingPathComponent(path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
                summary.written.append(path)
                summary.bytesWritten += data.count
            }
            try fm.moveItem(at: staging, to: destination)
            return summary
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
    }

    private func update(_ items: [Item], keep: Set<String>, previous: Manifest?) throws -> Summary {
        let fm = FileManager.default
        var summary = Summary()
        for item in items {
            let url = destination.appendingPathComponent(item.path)
            switch item {
            case .keep(let path):
                guard fm.fileExists(atPath: url.path) else { throw PublishError("`\(path)` was to be kept, but it is missing") }
                summary.unchanged += 1
            case .write(let path, let data):
                if let old = previous?.outputs[path], old.size == data.count, old.hash == StableHash.of(data),
                   let attributes = try? fm.attributesOfItem(atPath: url.path), (attributes[.size] as? NSNumber)?.intValue == data.count {
                    summary.unchanged += 1
                    continue
                }
                if previous?.outputs[path] == nil, let existing = fm.contents(atPath: url.path), existing == data {
                    summary.unchanged += 1
                    continue
                }
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url, options: .atomic)
                summary.written.append(path)
                summary.bytesWritten += data.count
            }
        }
        summary.removed = try removeOthers(keeping: keep)
        return summary
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

    private func isSafeRelativePath(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.split(separator: "/", omittingEmptySubsequences: false).contains { $0 == ".." || $0 == "." || $0.isEmpty }
    }
}

public struct PublishError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
