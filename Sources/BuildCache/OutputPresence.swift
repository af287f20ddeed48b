import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Which files of the last build are still in the output folder, without a `stat` per file: a folder whose
/// modification time is as the last build left it holds exactly the files written to it (removing, adding or
/// renaming a file changes its folder's time). Only folders whose time changed are read.
struct OutputPresence: Sendable {
    private let previous: Manifest?
    /// Folders as the last build left them. (Substrings: a path is looked up by its parts without copying them.)
    private let unchanged: Set<Substring>
    /// The files of the folders that changed since, by folder.
    private let listed: [Substring: Set<Substring>]

    init(root: String, previous: Manifest?) {
        self.previous = previous
        var unchanged = Set<Substring>(), listed: [Substring: Set<Substring>] = [:]
        for (folder, modified) in previous?.folders ?? [:] {
            if modified != 0, Self.modificationTime(of: Self.path(folder, in: root)) == modified {
                unchanged.insert(Substring(folder))
            } else {
                listed[Substring(folder)] = Set(Self.files(in: Self.path(folder, in: root)).map { Substring($0) })
            }
        }
        self.unchanged = unchanged
        self.listed = listed
    }

    /// Whether the output at `path` (relative to the output folder) is there.
    func contains(_ path: String) -> Bool {
        contains(path, recorded: previous?.outputs[path] != nil)
    }

    /// The same, for a caller that has already looked `path` up in the last build's records.
    func contains(_ path: String, recorded: Bool) -> Bool {
        let (folder, name) = Self.split(path)
        if unchanged.contains(folder) { return recorded }
        return listed[folder]?.contains(name) ?? false
    }

    /// The modification time of every folder holding one of `outputs`, for the manifest. A folder changed too
    /// recently gets 0, "read it next time": a file removed within the same tick of the file system's clock would
    /// not change its time. Recently is 50 ms where times have sub-second digits (the kernel's clock ticks every
    /// few milliseconds; so a folder written during a long build is trusted at once), two seconds where they do
    /// not (file systems that keep whole seconds).
    static func folderTimes(root: String, outputs: some Sequence<String>, now: Double = Date().timeIntervalSince1970) -> [String: Double] {
        var folders = Set<Substring>()
        for path in outputs { folders.insert(split(path).folder) }
        var times: [String: Double] = [:]
        times.reserveCapacity(folders.count)
        for folder in folders {
            let name = String(folder)
            let time = modificationTime(of: path(name, in: root)) ?? 0
            let window = time.rounded(.down) == time ? 2.0 : 0.05
            times[name] = now - time >= window ? time : 0
        }
        return times
    }

    /// A path's folder and file name, as parts of it (no copies).
    private static func split(_ path: String) -> (folder: Substring, name: Substring) {
        guard let slash = path.utf8.lastIndex(of: 0x2F) else { return ("", Substring(path)) }
        return (path[..<slash], path[path.utf8.index(after: slash)...])
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
