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
    /// Modification time of every folder of the output holding files, by path relative to the output (`` for
    /// the output folder itself) as the build left them: a folder whose time has not changed still holds
    /// the files written to it, so a rebuild need not look for them one by one.
    public var folders: [String: Double] = [:]
    public var totals: Totals?

    public static let currentVersion = 3

    public init(generator: String, outputs: [String: Entry] = [:], sources: [String: Source] = [:], folders: [String: Double] = [:],
                totals: Totals? = nil) {
        self.generator = generator
        self.outputs = outputs
        self.sources = sources
        self.folders = folders
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
        var out = LineWriter(capacity: (outputs.count + sources.count) * 96)
        out.line("bulletin-manifest", "\(version)")
        out.line("generator", Self.escape(generator))
        if let totals { out.line("totals", "\(totals.plans)", "\(totals.indicators)", "\(totals.pages)") }
        // Records in no particular order: sorting tens of thousands of paths would cost more than the rest.
        for (path, entry) in outputs {
            out.field("O"); out.field(Self.escape(path)); out.field(entry.inputs); out.field(entry.hash); out.last(UInt64(entry.size))
        }
        for (key, source) in sources {
            out.field("S"); out.field(Self.escape(key)); out.field(UInt64(source.size)); out.field("\(source.modified)"); out.last(source.hash)
        }
        for (folder, modified) in folders {
            out.line("D", Self.escape(folder), "\(modified)")
        }
        return Data(out.bytes)
    }

    static func decode(_ data: Data) -> Manifest? {
        // One pass over the bytes; a record's fields are byte ranges until they become values.
        data.withUnsafeBytes { raw -> Manifest? in
            let bytes = raw.bindMemory(to: UInt8.self)
            var manifest = Manifest(generator: "")
            manifest.outputs.reserveCapacity(bytes.count / 90)
            var fields: [Range<Int>] = []
            fields.reserveCapacity(8)
            func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
            func number(_ range: Range<Int>) -> UInt64? {
                guard !range.isEmpty, range.count <= 20 else { return nil }
                var value: UInt64 = 0
                for index in range {
                    let digit = bytes[index] &- 48
                    guard digit < 10 else { return nil }
                    let (times, o1) = value.multipliedReportingOverflow(by: 10)
                    let (sum, o2) = times.addingReportingOverflow(UInt64(digit))
                    guard !o1, !o2 else { return nil }
                    value = sum
                }
                return value
            }
            var start = 0, lineNumber = 0
            for index in 0..<bytes.count where bytes[index] == 0x09 || bytes[index] == 0x0A {
                fields.append(start..<index)
                start = index + 1
                guard bytes[index] == 0x0A else { continue }
                defer { fields.removeAll(keepingCapacity: true); lineNumber += 1 }
                if lineNumber == 0 {
                    guard fields.count == 2, text(fields[0]) == "bulletin-manifest", text(fields[1]) == "\(currentVersion)" else { return nil }
                    continue
                }
                let kind = fields[0].count == 1 ? bytes[fields[0].lowerBound] : 0
                switch (kind, fields.count) {
                case (0x4F, 5):  // O
                    guard let inputs = number(fields[2]), let hash = number(fields[3]), let size = number(fields[4]) else { return nil }
                    manifest.outputs[unescape(text(fields[1]))] = Entry(inputs: inputs, hash: hash, size: Int(size))
                case (0x53, 5):  // S
                    guard let size = number(fields[2]), let modified = Double(text(fields[3])), let hash = number(fields[4]) else { return nil }
                    manifest.sources[unescape(text(fields[1]))] = Source(size: Int(size), modified: modified, hash: hash)
                case (0x44, 3):  // D
                    guard let modified = Double(text(fields[2])) else { return nil }
                    manifest.folders[unescape(text(fields[1]))] = modified
                default:
                    switch (text(fields[0]), fields.count) {
                    case ("generator", 2):
                        manifest.generator = unescape(text(fields[1]))
                    case ("totals", 4):
                        guard let p = number(fields[1]), let i = number(fields[2]), let g = number(fields[3]) else { return nil }
                        manifest.totals = Totals(plans: Int(p), indicators: Int(i), pages: Int(g))
                    default:
                        return nil
                    }
                }
            }
            return lineNumber > 0 && start == bytes.count && !manifest.generator.isEmpty ? manifest : nil
        }
    }

    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x25 || $0 == 0x09 || $0 == 0x0A }) else { return text }
        return text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\t", with: "%09").replacingOccurrences(of: "\n", with: "%0A")
    }

    static func unescape(_ text: String) -> String {
        guard text.utf8.contains(0x25) else { return text }
        return text.replacingOccurrences(of: "%09", with: "\t").replacingOccurrences(of: "%0A", with: "\n").replacingOccurrences(of: "%25", with: "%")
    }
}

/// Builds tab-separated lines as bytes, numbers written digit by digit: no intermediate strings for the tens of
/// thousands of records of a manifest.
struct LineWriter {
    var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    mutating func field(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
        bytes.append(0x09)
    }

    mutating func field(_ number: UInt64) {
        append(number)
        bytes.append(0x09)
    }

    mutating func last(_ number: UInt64) {
        append(number)
        bytes.append(0x0A)
    }

    mutating func line(_ fields: String...) {
        for (index, field) in fields.enumerated() {
            var field = field
            field.withUTF8 { bytes.append(contentsOf: $0) }
            bytes.append(index == fields.count - 1 ? 0x0A : 0x09)
        }
    }

    private mutating func append(_ number: UInt64) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var n = number
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(48 + n % 10)
                n /= 10
                count += 1
            } while n > 0
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
    }
}
