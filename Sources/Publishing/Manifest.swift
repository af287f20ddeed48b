import Foundation

/// What the last build wrote and what each output was made from. It lives beside the output folder (not in
/// it, so it is never deployed) and lets the next build render only what changed and leave every other file
/// as it is, modification time included.
public struct Manifest: Sendable, Equatable {
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

    /// Where the manifest of `output` is kept: `.bulletin-cache/<name>.tsv` in the output's parent folder.
    public static func location(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".bulletin-cache")
            .appendingPathComponent(output.lastPathComponent + ".tsv")
    }

    /// The manifest of the last build, or nil when there is none or it cannot be trusted.
    public static func load(for output: URL) -> Manifest? {
        guard let data = FileManager.default.contents(atPath: location(for: output).path) else { return nil }
        return decode(data)
    }

    public func save(for output: URL) throws {
        let url = Manifest.location(for: output)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try encoded().write(to: url, options: .atomic)
    }

    // A line per record, fields separated by tabs: tens of thousands of outputs read and write in a blink,
    // where JSON would take seconds. Keys have `%`, tab and line feed percent-escaped.

    func encoded() -> Data {
        var text = "bulletin-manifest\t\(version)\n"
        text += "generator\t\(Self.escape(generator))\n"
        if let totals { text += "totals\t\(totals.plans)\t\(totals.indicators)\t\(totals.pages)\n" }
        for (path, entry) in outputs.sorted(by: { $0.key < $1.key }) {
            text += "O\t\(Self.escape(path))\t\(entry.inputs)\t\(entry.hash)\t\(entry.size)\n"
        }
        for (key, source) in sources.sorted(by: { $0.key < $1.key }) {
            text += "S\t\(Self.escape(key))\t\(source.size)\t\(source.modified)\t\(source.hash)\n"
        }
        return Data(text.utf8)
    }

    static func decode(_ data: Data) -> Manifest? {
        // Lines and fields as byte ranges of one buffer: no copies until a field becomes a value.
        let bytes = [UInt8](data)
        var lines: [[String]] = []
        lines.reserveCapacity(bytes.count / 80)
        var fields: [String] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x09 || byte == 0x0A {
            fields.append(String(decoding: bytes[start..<index], as: UTF8.self))
            start = index + 1
            if byte == 0x0A { lines.append(fields); fields = [] }
        }
        guard let header = lines.first, header == ["bulletin-manifest", "\(currentVersion)"] else { return nil }
        var manifest = Manifest(generator: "")
        manifest.outputs.reserveCapacity(lines.count)
        for fields in lines.dropFirst() {
            switch fields.first {
            case "generator" where fields.count == 2:
                manifest.generator = unescape(fields[1])
            case "totals" where fields.count == 4:
                guard let p = Int(fields[1]), let i = Int(fields[2]), let g = Int(fields[3]) else { return nil }
                manifest.totals = Totals(plans: p, indicators: i, pages: g)
            case "O" where fields.count == 5:
                guard let inputs = UInt64(fields[2]), let hash = UInt64(fields[3]), let size = Int(fields[4]) else { return nil }
                manifest.outputs[unescape(fields[1])] = Entry(inputs: inputs, hash: hash, size: size)
            case "S" where fields.count == 5:
                guard let size = Int(fields[2]), let modified = Double(fields[3]), let hash = UInt64(fields[4]) else { return nil }
                manifest.sources[unescape(fields[1])] = Source(size: size, modified: modified, hash: hash)
            default:
                return nil
            }
        }
        return manifest.generator.isEmpty ? nil : manifest
    }

    static func escape(_ text: String) -> String {
        guard text.contains(where: { $0 == "%" || $0 == "\t" || $0 == "\n" }) else { return text }
        return text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\t", with: "%09").replacingOccurrences(of: "\n", with: "%0A")
    }

    static func unescape(_ text: String) -> String {
        guard text.contains("%") else { return text }
        return text.replacingOccurrences(of: "%09", with: "\t").replacingOccurrences(of: "%0A", with: "\n").replacingOccurrences(of: "%25", with: "%")
    }
}
