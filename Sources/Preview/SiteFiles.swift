import Foundation

/// Maps request paths to files of the output folder, refusing anything that would lead outside it.
struct SiteFiles: Sendable {
    let root: URL

    init(root: URL) {
        self.root = root.standardizedFileURL.resolvingSymlinksInPath()
    }

    /// The file a URL path names: `/` and folders mean their `index.html`. Nil for paths that are malformed,
    /// that climb out of the folder (`..`), or that name nothing.
    func file(for requestPath: String) -> URL? {
        guard let decoded = requestPath.removingPercentEncoding, !decoded.contains("\0") else { return nil }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        guard !segments.contains(where: { $0 == ".." || $0 == "." }) else { return nil }
        var url = root
        for segment in segments { url.appendPathComponent(String(segment)) }
        url = url.standardizedFileURL.resolvingSymlinksInPath()
        guard url.path == root.path || url.path.hasPrefix(root.path + "/") else { return nil }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue {
            let index = url.appendingPathComponent("index.html")
            return FileManager.default.fileExists(atPath: index.path) ? index : nil
        }
        return url
    }

    static func isSafe(_ requestPath: String) -> Bool {
        guard let decoded = requestPath.removingPercentEncoding, !decoded.contains("\0") else { return false }
        return !decoded.split(separator: "/").contains { $0 == ".." }
    }
}
