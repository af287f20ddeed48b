import BulletinCore
import Diagnostics
import Foundation
import Hummingbird
import Logging

/// `bulletin serve`: builds, serves the output folder on 127.0.0.1, watches the content and templates,
/// rebuilds what changed and reloads open pages. A failed build keeps the last good site served and shows
/// its located errors over the page. Files are served by Hummingbird's FileMiddleware (HEAD, ranges,
/// ETags, MIME types); only HTML pages pass through here, to get the reload script.
public struct PreviewServer: Sendable {
    public let options: Builder.Options
    public let port: Int
    /// How often the watched folders are looked at.
    public let pollInterval: Duration
    /// Where the server tells what it does (a line per rebuild).
    public let log: @Sendable (String) -> Void

    public init(options: Builder.Options, port: Int = 8000, pollInterval: Duration = .milliseconds(250),
                log: @escaping @Sendable (String) -> Void = { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) }) {
        self.options = options
        self.port = port
        self.pollInterval = pollInterval
        self.log = log
    }

    /// A folder as the user named it: an absolute path as it is, a relative one under the working directory (as
    /// the build resolves them; joining an absolute path onto the working directory served the wrong folder).
    static func resolve(_ path: String, in workingDirectory: URL) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path).standardizedFileURL : workingDirectory.appendingPathComponent(path).standardizedFileURL
    }

    /// Builds, then serves until the task is cancelled. `started` gets the port actually used.
    public func run(started: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        let broadcaster = ReloadBroadcaster()
        await rebuild(broadcaster, first: true)
        let root = Self.resolve(options.output, in: options.workingDirectory)
        let chosen = try PortFinder.firstFree(from: port, host: "127.0.0.1")
        if chosen != port { log("port \(port) is taken; using \(chosen)") }

        let router = Router()
        router.add(middleware: LiveReloadMiddleware(files: SiteFiles(root: root)))
        var fileLogger = Logger(label: "bulletin.preview.files")
        fileLogger.logLevel = .warning
        router.add(middleware: FileMiddleware(root.path, cacheControl: .init([(MediaType(type: .any), [.noCache])]), searchForIndexHtml: true,
                                              logger: fileLogger))
        router.get(RouterPath(LiveReload.scriptPath)) { _, _ -> Response in
            var headers = HTTPFields()
            headers[.contentType] = "text/javascript; charset=utf-8"
            headers[.cacheControl] = "no-store"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: LiveReload.script)))
        }
        router.get(RouterPath(LiveReload.eventsPath)) { _, _ -> Response in
            let stream = await broadcaster.subscribe()
            var headers = HTTPFields()
            headers[.contentType] = "text/event-stream; charset=utf-8"
            headers[.cacheControl] = "no-store"
            return Response(status: .ok, headers: headers, body: ResponseBody { writer in
                for await message in stream {
                    try await writer.write(ByteBuffer(string: message))
                }
                try await writer.finish(nil)
            })
        }
        var logger = Logger(label: "bulletin.preview")
        logger.logLevel = .warning
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: chosen), serverName: nil),
            onServerRunning: { channel in started(channel.localAddress?.port ?? chosen) },
            logger: logger
        )
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.run() }
            group.addTask { try await watch(broadcaster) }
            // Stop: end the event streams so that open pages do not hold the server, then stop the rest.
            try await withTaskCancellationHandler {
                try await group.next()
            } onCancel: {
                Task { await broadcaster.close() }
            }
            await broadcaster.close()
            group.cancelAll()
        }
    }

    /// Looks at the content and template folders every `pollInterval` and rebuilds when a file changed.
    private func watch(_ broadcaster: ReloadBroadcaster) async throws {
        let folders = [options.content, options.templates].map { Self.resolve($0, in: options.workingDirectory) }
        var last = FolderSnapshot(folders)
        while !Task.isCancelled {
            try await Task.sleep(for: pollInterval)
            let now = FolderSnapshot(folders)
            guard now != last else { continue }
            last = now
            await rebuild(broadcaster, first: false)
        }
    }

    private func rebuild(_ broadcaster: ReloadBroadcaster, first: Bool) async {
        let report = Builder(options: options).build()
        let problems = report.diagnostics.map(\.description).joined(separator: "\n")
        if report.succeeded {
            if !problems.isEmpty { log(problems) }
            log("\(first ? "built" : "rebuilt"): \(report.written.count) written, \(report.unchanged) unchanged, \(report.removed.count) removed")
            await broadcaster.buildSucceeded()
        } else {
            log(problems + "\nthe last good site is still served")
            await broadcaster.buildFailed(problems)
        }
    }
}

/// Serves HTML pages with the reload script; everything else goes on to the file middleware.
struct LiveReloadMiddleware<Context: RequestContext>: RouterMiddleware {
    let files: SiteFiles

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard SiteFiles.isSafe(path) else { return Response(status: .forbidden) }
        guard request.method == .get || request.method == .head, !path.hasPrefix("/__bulletin/") else {
            return try await next(request, context)
        }
        if let file = files.file(for: path), file.pathExtension == "html" {
            return try page(file, status: .ok, head: request.method == .head)
        }
        if files.file(for: path) == nil, let notFound = files.file(for: "/404.html") {
            return try page(notFound, status: .notFound, head: request.method == .head)
        }
        return try await next(request, context)
    }

    private func page(_ file: URL, status: HTTPResponse.Status, head: Bool) throws -> Response {
        let html = LiveReload.inject(into: String(decoding: try Data(contentsOf: file), as: UTF8.self))
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[.contentLength] = String(html.utf8.count)
        return Response(status: status, headers: headers, body: head ? .init() : .init(byteBuffer: ByteBuffer(string: html)))
    }
}

/// Sizes and modification times of every file in some folders: a change in any means rebuild.
struct FolderSnapshot: Equatable {
    var files: [String: [Double]] = [:]

    init(_ folders: [URL]) {
        let fm = FileManager.default
        for folder in folders {
            guard let enumerator = fm.enumerator(at: folder, includingPropertiesForKeys: [.contentModificationDateKey, .fileSizeKey]) else { continue }
            for case let url as URL in enumerator {
                guard let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey, .isRegularFileKey]),
                      values.isRegularFile == true else { continue }
                files[url.path] = [values.contentModificationDate?.timeIntervalSince1970 ?? 0, Double(values.fileSize ?? 0)]
            }
        }
    }
}
