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

    /// A file the site was built from, as it was: when size and modification time are the same, it is
    /// taken to be unchanged (as `make` does) and its fingerprint is not computed again.
    public struct Source: Codable, Sendable, Equatable {
        public var size: Int
        public var modified: Double
        public var hash: UInt64

        public init(size: Int, modified: Double, hash: UInt64) {
            self.size = size
            self.modified = modified
            self.hash = hash
        }
    }

    /// What the build held, for the summary line of a build that had nothing to do.
    public struct Totals: Codable, Sendable, Equatable {
        public var plans: Int
        public var indicators: Int
        public var pages: Int

        public init(plans: Int, indicators: Int, pages: Int) {
            self.plans = plans
            self.indicators = indicators
            self.pages = pages
        }
    }

    public var version: Int = Manifest.currentVersion
    /// Identifies the generator that wrote the outputs: a different one renders everything again.
    public var generator: String
    public var outputs: [String: Entry]
    /// Every content, template and asset file, by key.
    public var sources: [String: Source] = [:]
    public var totals: Totals?

    public static let currentVersion = 2

    public init(generator: String, outputs: [String: Entry] = [:], sources: [String: Source] = [:], totals: Totals? = nil) {
        self.generator = generator
        self.outputs = outputs
        self.sources = sources
        self.totals = totals
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
