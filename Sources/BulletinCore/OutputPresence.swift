import Foundation
import Publishing
#if canImport(Glibc)
import Glibc
#endif

/// Which files of the last build are still in the output folder, without a `stat` per file: a folder whose
/// modification time is as the last build left it holds exactly the files written to it (removing, adding or
/// renaming a file changes its folder's time). Only folders whose time changed are read.
struct OutputPresence: Sendable {
    private let previous: Manifest?
    /// Folders as the last build left them.
    private let unchanged: Set<String>
    /// The files of the folders that changed since, by folder.
    private let listed: [String: Set<String>]

    init(root: String, previous: Manifest?) {
        self.previous = previous
        var unchanged = Set<String>(), listed: [String: Set<String>] = [:]
        for (folder, modified) in previous?.folders ?? [:] {
            if modified != 0, Self.modificationTime(of: Self.path(folder, in: root)) == modified {
                unchanged.insert(folder)
            } else {
                listed[folder] = Self.files(in: Self.path(folder, in: root))
            }
        }
        self.unchanged = unchanged
        self.listed = listed
    }

    /// Whether the output at `path` (relative to the output folder) is there.
    func contains(_ path: String) -> Bool {
        let (folder, name) = Self.split(path)
        if unchanged.contains(folder) { return previous?.outputs[path] != nil }
        return listed[folder]?.contains(name) ?? false
    }

    /// The modification time of every folder holding one of `outputs`, for the manifest. A folder changed in
    /// the last two seconds gets 0, "read it next time": a file removed within the same tick of the file
    /// system's clock would not change its time.
    static func folderTimes(root: String, outputs: some Sequence<String>, now: Double = Date().timeIntervalSince1970) -> [String: Double] {
        var folders = Set<String>()
        for path in outputs { folders.insert(split(path).folder) }
        var times: [String: Double] = [:]
        for folder in folders {
            let time = modificationTime(of: path(folder, in: root)) ?? 0
            times[folder] = now - time >= 2 ? time : 0
        }
        return times
    }

    private static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.utf8.lastIndex(of: 0x2F) else { return ("", path) }
        return (String(path[..<slash]), String(path[path.utf8.index(after: slash)...]))
    }

    private static func path(_ folder: String, in root: String) -> String {
        folder.isEmpty ? root : root + "/" + folder
    }

    private static func modificationTime(of path: String) -> Double? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return nil }
        return Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
    }

    /// The names of the entries of one folder (none when it is gone).
    private static func files(in folder: String) -> Set<String> {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var names = Set<String>()
        while let entry = readdir(directory) {
            names.insert(withUnsafeBytes(of: entry.pointee.d_name) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) })
        }
        return names
    }
}
