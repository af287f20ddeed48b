import Foundation

/// What the last build wrote and what each output was made from. It lives beside the output folder (not in
/// it, so it is never deployed) and lets the next build render only what changed and leave every other file
/// as it is, modification time included.
public struct Manifest: Codable, Sendable, Equatable {
    public struct Entry: Codable, Sendable, Equatable {
        /// Fingerprint of the output's inputs (and of the generator) when it was written.
        public var inputs: UInt64
        /// Fingerprint of the bytes written.
        public var hash: UInt64
        public var size: Int

        public init(inputs: UInt64, hash: UInt64, size: Int) {
            self.inputs = inputs
            self.hash = hash
            self.size = size
        }
    }

    public var version: Int = Manifest.currentVersion
    /// Identifies the generator that wrote the outputs: a different one renders everything again.
    public var generator: String
    public var outputs: [String: Entry]

    public static let currentVersion = 1

    public init(generator: String, outputs: [String: Entry] = [:]) {
        self.generator = generator
        self.outputs = outputs
    }

    /// Where the manifest of `output` is kept: `.bulletin-cache/<name>.json` in the output's parent folder.
    public static func location(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".bulletin-cache")
            .appendingPathComponent(output.lastPathComponent + ".json")
    }

    /// The manifest of the last build, or nil when there is none or it cannot be trusted.
    public static func load(for output: URL) -> Manifest? {
        guard let data = FileManager.default.contents(atPath: location(for: output).path),
              let manifest = try? JSONDecoder().decode(Manifest.self, from: data),
              manifest.version == currentVersion else { return nil }
        return manifest
    }

    public func save(for output: URL) throws {
        let url = Manifest.location(for: output)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(self).write(to: url, options: .atomic)
    }
}
