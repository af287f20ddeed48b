import Foundation
import Testing
import BulletinCore
@testable import Preview
#if canImport(Glibc)
import Glibc
#endif

/// A bare HTTP/1.1 client over a socket, so the test reads the server's bytes as a browser would get them.
struct RawHTTP {
    let port: Int

    func connect() throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { close(fd); throw POSIXError(.ECONNREFUSED) }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)  // generous: CI runs the 50 MB and 10 000-indicator builds beside this test
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return fd
    }

    func send(_ fd: Int32, _ request: String) {
        _ = request.withCString { Glibc.send(fd, $0, strlen($0), 0) }
    }

    /// `request`, waited for off Swift's concurrency pool: the server's handlers run on that pool, and a blocking
    /// read on one of its two threads, while another test holds the other, would leave them no thread to answer on.
    func fetch(_ method: String, _ path: String, headers: String = "") async throws -> (status: Int, head: String, body: Data) {
        let client = self
        return try await Support.offPool { try client.request(method, path, headers: headers) }
    }

    /// The whole response to one request (the server closes the connection).
    func request(_ method: String, _ path: String, headers: String = "") throws -> (status: Int, head: String, body: Data) {
        let fd = try connect()
        defer { close(fd) }
        send(fd, "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\(headers)\r\n")
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            data.append(contentsOf: buffer[0..<n])
        }
        guard let split = data.range(of: Data("\r\n\r\n".utf8)) else { return (0, "", data) }
        let head = String(decoding: data[..<split.lowerBound], as: UTF8.self)
        let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
        return (status, head, data[split.upperBound...])
    }
}

@Suite(.serialized) struct PreviewServerTests {
    @Test func servesRebuildsAndReloadsThenStopsCleanly() async throws {
        let root = try Support.scratch()
        defer { Support.remove(root) }
        try FileManager.default.copyItem(at: Support.fixtures.appendingPathComponent("valid"), to: root.appendingPathComponent("Content"))
        try FileManager.default.copyItem(at: Support.templates, to: root.appendingPathComponent("Templates"))

        let (ports, portSink) = AsyncStream<Int>.makeStream()
        let server = PreviewServer(options: .init(workingDirectory: root), port: 0, pollInterval: .milliseconds(50), log: { _ in })
        let running = Task { try await server.run { portSink.yield($0) } }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        let http = RawHTTP(port: port)

        // A page, with the reload script added by the server only.
        let page = try await http.fetch("GET", "/plans/demo/goals.html")
        #expect(page.status == 200)
        #expect(page.head.lowercased().contains("content-type: text/html; charset=utf-8"))
        let html = String(decoding: page.body, as: UTF8.self)
        #expect(html.contains("到2025年，"))
        // The script is a file of the site's origin: the pages' Content-Security-Policy refuses inline scripts.
        #expect(html.contains("<script src=\"\(LiveReload.scriptPath)\"></script>\n</body>"))
        #expect(!html.contains("<script>"))
        let script = try await http.fetch("GET", LiveReload.scriptPath)
        #expect(script.status == 200 && script.head.lowercased().contains("content-type: text/javascript"))
        #expect(String(decoding: script.body, as: UTF8.self).contains(LiveReload.eventsPath))
        #expect(!Support.text(root.appendingPathComponent("Site/plans/demo/goals.html")).contains("<script"), "the built site has no script")

        // Files: HEAD, ranges, MIME types; nothing outside the site.
        let head = try await http.fetch("HEAD", "/assets/site.css")
        #expect(head.status == 200 && head.body.isEmpty)
        #expect(head.head.lowercased().contains("content-type: text/css"))
        let range = try await http.fetch("GET", "/assets/site.css", headers: "Range: bytes=0-9\r\n")
        #expect(range.status == 206 && range.body.count == 10)
        let svg = try await http.fetch("GET", "/plans/demo/indicators/employees.svg")
        #expect(svg.head.lowercased().contains("content-type: image/svg+xml"))
        #expect(try await http.fetch("GET", "/../Content/site.yaml").status == 403)
        #expect(try await http.fetch("GET", "/%2e%2e/Content/site.yaml").status == 403)
        #expect(try await http.fetch("GET", "/no-such-page.html").status == 404)

        // Listen for events, edit a content file, and see the reload and the new text.
        let events = try http.connect()
        defer { close(events) }
        http.send(events, "GET \(LiveReload.eventsPath) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        #expect(try await readOff(events, until: "event: hello").contains("text/event-stream"))
        let goals = root.appendingPathComponent("Content/plans/demo/goals.md")
        try Data(Support.text(goals).replacingOccurrences(of: "中心城区超过7110家", with: "中心城区超过7110家（已更新）").utf8).write(to: goals)
        #expect(try await readOff(events, until: "event: reload").contains("event: reload"))
        let updated = String(decoding: try await http.fetch("GET", "/plans/demo/goals.html").body, as: UTF8.self)
        #expect(updated.contains("（已更新）"))

        // A broken file: the error is sent to the page, and the last good site is still served.
        try Data("title: [unclosed\n".utf8).write(to: root.appendingPathComponent("Content/site.yaml"))
        let error = try await readOff(events, until: "\n\n", after: "event: error")
        #expect(error.contains("Content/site.yaml:2:1: error: YAML syntax error"))
        #expect(try await http.fetch("GET", "/plans/demo/goals.html").status == 200)

        running.cancel()
        let stopped = await withTaskGroup(of: Bool.self) { group in
            group.addTask { _ = await running.result; return true }
            group.addTask { try? await Task.sleep(for: .seconds(10)); return false }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
        #expect(stopped, "the server stops within 10 seconds of being cancelled")
        #expect(throws: (any Error).self) { _ = try http.connect() }
    }

    func readOff(_ fd: Int32, until marker: String, after start: String? = nil) async throws -> String {
        let (text, arrived) = try await Support.offPool { Self.read(fd, until: marker, after: start) }
        if !arrived { Issue.record("\(marker) did not arrive; got: \(text)") }
        return text
    }

    /// Reads from a socket until `marker` has arrived (after `start`, if given); returns what was read.
    static func read(_ fd: Int32, until marker: String, after start: String? = nil) -> (text: String, arrived: Bool) {
        var text = ""
        var buffer = [UInt8](repeating: 0, count: 4096)
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if let start, let s = text.range(of: start), text[s.upperBound...].contains(marker) { return (String(text[s.lowerBound...]), true) }
            if start == nil, text.contains(marker) { return (text, true) }
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            text += String(decoding: buffer[0..<n], as: UTF8.self)
        }
        return (text, false)
    }
}

@Suite struct PreviewFolderTests {
    @Test func anAbsoluteOutputFolderIsServedAsGivenAndARelativeOneUnderTheWorkingDirectory() {
        let working = URL(fileURLWithPath: "/work/site-project")
        #expect(PreviewServer.resolve("/srv/bulletin/Site", in: working).path == "/srv/bulletin/Site")
        #expect(PreviewServer.resolve("Site", in: working).path == "/work/site-project/Site")
        #expect(PreviewServer.resolve("../out/./Site", in: working).path == "/work/out/Site")
    }
}
