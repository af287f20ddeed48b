import Diagnostics
import Foundation

/// Writes the output folder whole or not at all.
///
/// Files go to a fresh folder beside the destination; only when every file is written is it swapped in by
/// renaming, and the previous folder removed. If anything fails, the previous folder stays as it was.
public struct Publisher {
    public let destination: URL
    public let displayDestination: String

    public init(destination: URL, displayDestination: String? = nil) {
        self.destination = destination.standardizedFileURL
        self.displayDestination = displayDestination ?? destination.path
    }

    public struct Summary: Sendable, Equatable {
        public var filesWritten: Int
        public var bytesWritten: Int
    }

    public func publish(_ files: [(path: String, data: Data)]) throws -> Summary {
        let fm = FileManager.default
        let parent = destination.deletingLastPathComponent()
        let name = destination.lastPathComponent
        let token = "\(ProcessInfo.processInfo.processIdentifier)"
        let staging = parent.appendingPathComponent(".\(name).new-\(token)")
        let retired = parent.appendingPathComponent(".\(name).old-\(token)")

        try? fm.removeItem(at: staging)
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            var bytes = 0
            var seen = Set<String>()
            for file in files {
                guard isSafeRelativePath(file.path), seen.insert(file.path).inserted else {
                    throw PublishError("refusing to write `\(file.path)`: not a unique path inside the output folder")
                }
                let url = staging.appendingPathComponent(file.path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.data.write(to: url)
                bytes += file.data.count
            }
            if fm.fileExists(atPath: destination.path) {
                try? fm.removeItem(at: retired)
                try fm.moveItem(at: destination, to: retired)
                do {
                    try fm.moveItem(at: staging, to: destination)
                } catch {
                    try? fm.moveItem(at: retired, to: destination)
                    throw error
                }
                try? fm.removeItem(at: retired)
            } else {
                try fm.moveItem(at: staging, to: destination)
            }
            return Summary(filesWritten: files.count, bytesWritten: bytes)
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
    }

    private func isSafeRelativePath(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.split(separator: "/").contains { $0 == ".." || $0 == "." || $0.isEmpty }
    }
}

public struct PublishError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
