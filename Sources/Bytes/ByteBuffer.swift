/// A growable run of bytes that pages and charts are written into.
///
/// A page or a chart is made of hundreds of small appends; appending to an `Array` costs several times the few
/// bytes copied (uniqueness and capacity checks, a generic copy), this costs a capacity check and a copy. It
/// is a class: a buffer has one writer, and is read once, when what was written is taken out as an array.
public final class ByteBuffer {
    // Visible to inlined code in the modules that write pages and charts: their appends are inlined.
    @usableFromInline var base: UnsafeMutablePointer<UInt8>
    @usableFromInline var used = 0

    /// How many bytes were written.
    @inlinable public var count: Int { used }
    @usableFromInline var capacity: Int

    public init(capacity: Int = 4096) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// What was written, as an array.
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// The byte at `index` (less than `count`).
    @inlinable
    public subscript(index: Int) -> UInt8 {
        precondition(index >= 0 && index < count)
        return base[index]
    }

    /// Makes room for `extra` more bytes.
    @inlinable @inline(__always)
    public func reserve(_ extra: Int) {
        if used + extra > capacity { grow(used + extra) }
    }

    @usableFromInline
    func grow(_ needed: Int) {
        var grown = capacity * 2
        while grown < needed { grown *= 2 }
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        larger.initialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity = grown
    }

    @inlinable @inline(__always)
    public func append(_ start: UnsafePointer<UInt8>, count length: Int) {
        reserve(length)
        (base + used).initialize(from: start, count: length)
        used += length
    }

    @inlinable @inline(__always)
    public func append(_ buffer: UnsafeBufferPointer<UInt8>) {
        if let start = buffer.baseAddress { append(start, count: buffer.count) }
    }

    @inlinable @inline(__always)
    public func append(_ text: StaticString) {
        append(text.utf8Start, count: text.utf8CodeUnitCount)
    }

    public func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    public func append(_ other: ByteBuffer) {
        append(other.base, count: other.count)
    }

    @inlinable @inline(__always)
    public func append(byte: UInt8) {
        reserve(1)
        base[used] = byte
        used += 1
    }

    /// `bytes` with & < > and " written as entities, and ' too when `apostrophe` (as swift-mustache escapes
    /// page text; chart markup leaves it as it is).
    public func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, apostrophe: Bool) {
        var copied = 0
        for index in 0..<bytes.count {
            let replacement: StaticString
            switch bytes[index] {
            case 0x26: replacement = "&amp;"
            case 0x3C: replacement = "&lt;"
            case 0x3E: replacement = "&gt;"
            case 0x22: replacement = "&quot;"
            case 0x27 where apostrophe: replacement = "&#39;"
            default: continue
            }
            append(UnsafeBufferPointer(rebasing: bytes[copied..<index]))
            append(replacement)
            copied = index + 1
        }
        append(UnsafeBufferPointer(rebasing: bytes[copied...]))
    }

    /// `bytes` inserted at `index` (at most `count`), what follows moved after them.
    public func insert(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) {
        precondition(index >= 0 && index <= count)
        guard let start = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        // copyMemory moves overlapping bytes correctly (it is memmove).
        UnsafeMutableRawPointer(base + index + bytes.count).copyMemory(from: base + index, byteCount: count - index)
        (base + index).update(from: start, count: bytes.count)
        used += bytes.count
    }

    /// Writes `length` bytes in place, at the end, through `body`, which must set every one of them.
    @inlinable @inline(__always)
    public func appendInPlace(_ length: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Void) {
        reserve(length)
        body(base + used)
        used += length
    }
}
