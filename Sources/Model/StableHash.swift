import Foundation

/// FNV-1a, 64 bits: the same on every machine and run (unlike Swift's `Hasher`, which is seeded per process),
/// for fingerprints of inputs and outputs in the build manifest.
public struct StableHash: Sendable {
    public private(set) var value: UInt64 = 0xcbf29ce484222325

    public init() {}

    public mutating func combine<Bytes: Sequence>(bytes: Bytes) where Bytes.Element == UInt8 {
        // Contiguous storage (Data, arrays, UTF-8 views) is hashed through a buffer pointer: far faster.
        let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            var v = value
            for byte in buffer { v = (v ^ UInt64(byte)) &* 0x100000001b3 }
            value = v
        }
        if done != nil { return }
        for byte in bytes {
            value = (value ^ UInt64(byte)) &* 0x100000001b3
        }
    }

    public mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(bytes: $0) }
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

    public static func of(_ data: Data) -> UInt64 {
        var hash = StableHash()
        data.withUnsafeBytes { hash.combine(bytes: $0.bindMemory(to: UInt8.self)) }
        return hash.value
    }
}
