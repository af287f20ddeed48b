import Foundation
import Model
import Publishing

/// The files a build reads, with their sizes and modification times: what tells a build with nothing to do
/// without reading anything, and which fingerprints can be taken from the last build.
struct SourceFiles {
    /// Key (the path as messages show it) → size and modification time.
    var files: [String: (size: Int, modified: Double, url: URL)] = [:]

    /// Every file under `folders` (hidden ones aside), keyed as `display/relative/path`.
    init(_ folders: [(url: URL, display: String)]) {
        let fm = FileManager.default
        for folder in folders {
            guard let enumerator = fm.enumerator(at: folder.url, includingPropertiesForKeys: [.fileSizeKey, .contentModificationDateKey, .isRegularFileKey],
                                                 options: [.skipsHiddenFiles]) else { continue }
            let base = folder.url.standardizedFileURL.path
            for case let url as URL in enumerator {
                guard let values = try? url.resourceValues(forKeys: [.fileSizeKey, .contentModificationDateKey, .isRegularFileKey]),
                      values.isRegularFile == true else { continue }
                let path = url.standardizedFileURL.path
                guard path.hasPrefix(base + "/") else { continue }
                let relative = String(path.dropFirst(base.count + 1))
                let key = folder.display.hasSuffix("/") ? folder.display + relative : folder.display + "/" + relative
                files[key] = (values.fileSize ?? 0, values.contentModificationDate?.timeIntervalSince1970 ?? 0, url)
            }
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

#if canImport(Glibc)
import Glibc
#endif

/// Whether a file is there: one system call, for the tens of thousands of outputs a build looks at.
func fileExists(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0
}
