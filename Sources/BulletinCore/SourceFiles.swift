import ContentLoading
import Foundation
import Model
import Publishing
#if canImport(Glibc)
import Glibc
#endif

/// The files a build reads, with their sizes and modification times: what tells a build with nothing to do
/// without reading anything, and which fingerprints can be taken from the last build.
struct SourceFiles {
    /// Key (the path as messages show it) → size and modification time.
    var files: [String: (size: Int, modified: Double)] = [:]
    /// The paths of each folder's files, relative to it, in the order of `folders`.
    var relativePaths: [[String]] = []

    /// Every file under `folders` (hidden ones aside), keyed as `display/relative/path`.
    init(_ folders: [(url: URL, display: String)]) {
        for folder in folders {
            let display = folder.display.hasSuffix("/") ? String(folder.display.dropLast()) : folder.display
            let root = folder.url.standardizedFileURL
            var paths: [String] = []
            for file in FileTree.files(under: root.path) {
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
        for (key, file) in files {
            // A file the site does not use (a note beside the templates) is recorded too, without a fingerprint.
            result[key] = Manifest.Source(size: file.size, modified: file.modified, hash: fingerprints[key] ?? 0)
        }
        return result
    }
}
