import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Walks a folder with readdir and stat: builds look at every file on every run, tens of thousands of them,
/// and Foundation's enumerator takes many times longer.
public enum FileTree {
    public struct File {
        /// The path under the walked folder, `/`-separated.
        public var relativePath: String
        public var size: Int
        /// Seconds since 1970, with the file system's precision.
        public var modified: Double
    }

    /// Every regular file under `folder`, at any depth; names starting with `.` (and what is inside such
    /// folders) are left out. Unreadable folders are skipped.
    public static func files(under folder: String) -> [File] {
        var files: [File] = []
        walk(folder, relative: "", into: &files)
        return files
    }

    private static func walk(_ path: String, relative: String, into files: inout [File]) {
        guard let directory = opendir(path) else { return }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if !name.hasPrefix(".") { names.append(name) }
        }
        closedir(directory)
        for name in names {
            let childPath = path + "/" + name, childRelative = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard stat(childPath, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                walk(childPath, relative: childRelative, into: &files)
            } else if (info.st_mode & S_IFMT) == S_IFREG {
                let modified = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
                files.append(File(relativePath: childRelative, size: Int(info.st_size), modified: modified))
            }
        }
    }

    /// The symbolic links under `root` (its relative paths) that lead outside it, to a file or a folder: the site
    /// must never publish anything from outside the content folder. `root` itself may be a link; links that stay
    /// inside are fine (what they point at is walked at its own place).
    public static func linksLeaving(_ root: String) -> [String] {
        guard let realRoot = realPath(root) else { return [] }
        var found: [String] = []
        func walk(_ path: String, relative: String) {
            guard let directory = opendir(path) else { return }
            var names: [String] = []
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
                if name != "." && name != ".." { names.append(name) }
            }
            closedir(directory)
            for name in names.sorted() {
                let childPath = path + "/" + name, childRelative = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard lstat(childPath, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFLNK:
                    // A dangling link leads nowhere inside either.
                    guard let target = realPath(childPath), target == realRoot || target.hasPrefix(realRoot + "/") else {
                        found.append(childRelative)
                        continue
                    }
                case S_IFDIR:
                    walk(childPath, relative: childRelative)
                default:
                    break
                }
            }
        }
        walk(realRoot, relative: "")
        return found
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
