#if canImport(Glibc)
import Glibc
#endif

/// A number formatted by the C library's `snprintf` (`%.12g`, `%.2f`): the same text as Foundation's
/// `String(format:)`, which goes through NSString and a locale; that took 3.4 % of a 1000-plan build's CPU
/// (perf record), for the numbers of the JSON downloads and the growth rates of the progress pages.
public func cFormat(_ format: StaticString, _ value: Double) -> String {
    withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer in
        let written = withVaList([value]) { vsnprintf(buffer.baseAddress!, 64, UnsafeRawPointer(format.utf8Start).assumingMemoryBound(to: CChar.self), $0) }
        let count = max(0, min(Int(written), 63))
        return String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress, count: count), as: UTF8.self)
    }
}
