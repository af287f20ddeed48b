/// FNV-1a, 64 bits: the same on every machine and run (unlike Swift's `Hasher`, which is seeded per process),
/// for fingerprints of inputs and outputs in the build manifest.
public struct StableHash: Sendable {
    public private(set) var value: UInt64 = 0xcbf29ce484222325

    public init() {}

    public mutating func combine<Bytes: Sequence>(bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x100000001b3
        }
    }

    public mutating func combine(_ text: String) {
        combine(bytes: text.utf8)
        combine(bytes: [0xFF])  // a separator no UTF-8 text contains
    }

    public mutating func combine(_ number: UInt64) {
        withUnsafeBytes(of: number.littleEndian) { combine(bytes: $0) }
    }

    public static func of<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash = StableHash()
        hash.combine(bytes: bytes)
        return hash.value
    }
}
