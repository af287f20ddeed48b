import Foundation

/// The files a build reads, with their sizes and modification times: what tells a build with nothing to do
/// without reading anything, and which fingerprints can be taken from the last build.
public struct SourceFiles: Sendable {
    public struct File: Sendable {
        public var relativePath: String
        public var size: Int
        public var modified: Double

        public init(relativePath: String, size: Int, modified: Double) {
            self.relativePath = relativePath
            self.size = size
            self.modified = modified
        }
    }

    /// Key (the path as messages show it) → size and modification time.
    public private(set) var files: [String: (size: Int, modified: Double)] = [:]
    /// The paths of each folder's files, relative to it, in the order the folders were given.
    public private(set) var relativePaths: [[String]] = []

    /// The files of each folder, keyed as `display/relative/path`.
    public init(_ folders: [(display: String, files: [File])]) {
        for folder in folders {
            let display = folder.display.hasSuffix("/") ? String(folder.display.dropLast()) : folder.display
            var paths: [String] = []
            paths.reserveCapacity(folder.files.count)
            for file in folder.files {
                files[display + "/" + file.relativePath] = (file.size, file.modified)
                paths.append(file.relativePath)
            }
            relativePaths.append(paths)
        }
    }

    /// Whether every file is as the manifest recorded it, and no file came or went.
    func unchanged(since manifest: Manifest) -> Bool {
        guard files.count == manifest.sources.count else { return false }
        for (key, file) in files {
            guard let old = manifest.sources[key], old.size == file.size, old.modified == file.modified else { return false }
        }
        return true
    }

    /// Records for the next build: fingerprints as computed by this one.
    func sources(fingerprints: [String: UInt64]) -> [String: Manifest.Source] {
        var result: [String: Manifest.Source] = [:]
        result.reserveCapacity(files.count)
        for (key, file) in files {
            // A file the site does not use (a note beside the templates) is recorded too, without a fingerprint.
            result[key] = Manifest.Source(size: file.size, modified: file.modified, hash: fingerprints[key] ?? 0)
        }
        return result
    }
}
