import Foundation

/// Paths and scratch folders shared by the tests.
enum Support {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repository = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = testsFolder.appendingPathComponent("Fixtures")
    static let templates = repository.appendingPathComponent("Templates")
    static let content = repository.appendingPathComponent("Content")

    /// A new empty folder, removed when the test's `defer` calls `remove`.
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bulletin-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func remove(_ url: URL) {
        try? FileManager.default.removeItem(at: url)
    }

    /// Copies `source` to `destination`, merging into folders that exist and replacing files.
    static func overlay(_ source: URL, onto destination: URL) throws {
        let fm = FileManager.default
        guard let items = fm.enumerator(atPath: source.path) else { return }
        for case let path as String in items {
            var isDirectory: ObjCBool = false
            let from = source.appendingPathComponent(path)
            fm.fileExists(atPath: from.path, isDirectory: &isDirectory)
            let to = destination.appendingPathComponent(path)
            if isDirectory.boolValue {
                try fm.createDirectory(at: to, withIntermediateDirectories: true)
            } else {
                try? fm.removeItem(at: to)
                try fm.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
                try fm.copyItem(at: from, to: to)
            }
        }
    }

    /// Every file under `folder` with its bytes, by relative path.
    static func snapshot(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let items = FileManager.default.enumerator(atPath: folder.path) else { return files }
        for case let path as String in items {
            var isDirectory: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = FileManager.default.contents(atPath: url.path)
            }
        }
        return files
    }

    /// Runs `work` on a thread of its own and waits for it without holding a thread of Swift's concurrency pool.
    /// Tests run on that pool, two threads wide on two cores: two long synchronous tests would hold it all and
    /// starve the preview server's test, whose requests then time out.
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try work() }) }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    static func text(_ url: URL) -> String {
        String(decoding: FileManager.default.contents(atPath: url.path) ?? Data(), as: UTF8.self)
    }
}
