/// Tells every open page what the last build did: reload after a good build, show the located error after a
/// failed one. Each page listens with Server-Sent Events.
actor ReloadBroadcaster {
    enum State: Sendable, Equatable {
        case ok(generation: Int)
        case failed(message: String)
    }

    private var listeners: [Int: AsyncStream<String>.Continuation] = [:]
    private var nextID = 0
    private(set) var state: State = .ok(generation: 0)
    private var closed = false

    /// A stream of SSE messages, starting with the current state.
    func subscribe() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream<String>.makeStream()
        if closed {
            continuation.finish()
            return stream
        }
        let id = nextID
        nextID += 1
        listeners[id] = continuation
        continuation.yield(Self.message(for: state, event: "hello"))
        continuation.onTermination = { [weak self] _ in
            Task { await self?.remove(id) }
        }
        return stream
    }


    private func remove(_ id: Int) { listeners[id] = nil }

    func buildSucceeded() {
        let generation: Int
        if case .ok(let g) = state { generation = g + 1 } else { generation = 1 }
        state = .ok(generation: generation)
        broadcast(Self.message(for: state, event: "reload"))
    }

    func buildFailed(_ message: String) {
        state = .failed(message: message)
        broadcast(Self.message(for: state, event: "error"))
    }

    /// Ends every stream, so that open pages let the server stop.
    func close() {
        closed = true
        for continuation in listeners.values { continuation.finish() }
        listeners.removeAll()
    }

    private func broadcast(_ message: String) {
        for continuation in listeners.values { continuation.yield(message) }
    }

    /// An SSE message: `event:` then one `data:` line per line of text.
    static func message(for state: State, event: String) -> String {
        switch state {
        case .ok(let generation):
            return "event: \(event)\ndata: \(generation)\n\n"
        case .failed(let message):
            let data = message.split(separator: "\n", omittingEmptySubsequences: false).map { "data: " + $0 }.joined(separator: "\n")
            return "event: \(event == "hello" ? "error" : event)\n\(data)\n\n"
        }
    }
}
