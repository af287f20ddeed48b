import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Finds a port that nothing listens on, starting from the one asked for.
enum PortFinder {
    struct NoFreePort: Error, CustomStringConvertible {
        var from: Int
        var description: String { "no free port from \(from) to \(from + 50)" }
    }

    static func firstFree(from port: Int, host: String) throws -> Int {
        if port == 0 { return 0 }
        for candidate in port...(port + 50) where isFree(candidate, host: host) { return candidate }
        throw NoFreePort(from: port)
    }

    static func isFree(_ port: Int, host: String) -> Bool {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr(host)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return result == 0
    }
}
