import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files with plain system calls: many small files, fast.
enum FileWriter {
    /// Writes `data` to the file at `path` (its folder must exist). With `atomically`, the bytes go to a temporary name in
    /// the same folder first and are renamed over the old file, so a reader never sees half a file.
    static func write(_ data: [UInt8], to path: String, atomically: Bool) throws {
        let target: String
        if atomically, let slash = path.lastIndex(of: "/") {
            target = path[..<slash] + "/." + path[path.index(after: slash)...] + ".tmp-\(getpid())"
        } else {
            target = atomically ? "." + path + ".tmp-\(getpid())" : path
        }
        let fd = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw PublishError("cannot write \(path): \(String(cString: strerror(errno)))") }
        var failure: Int32 = 0
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 { if errno == EINTR { continue }; failure = errno; return }
                offset += n
            }
        }
        close(fd)
        if failure != 0 {
            unlink(target)
            throw PublishError("cannot write \(path): \(String(cString: strerror(failure)))")
        }
        if atomically, rename(target, path) != 0 {
            let error = errno
            unlink(target)
            throw PublishError("cannot replace \(path): \(String(cString: strerror(error)))")
        }
    }
}
