/// Many byte strings found in one pass over a text (Aho–Corasick), so that checking or anchoring every quote of a
/// section costs the text's length plus the quotes' length instead of their product. One plan of 10 000 figures, each
/// quoted in its goals section, spent most of its build searching the section once per quote.
public struct PatternSet: Sendable {
    /// Transitions out of the root, one per byte value; the other nodes' transitions, by `node << 8 | byte`.
    private var rootNext = [Int32](repeating: 0, count: 256)
    private var next: [Int: Int32] = [:]
    private var fail: [Int32] = [0]
    /// The nearest node on the failure chain (itself excluded) where a pattern ends, or -1.
    private var outputLink: [Int32] = [-1]
    /// The patterns (by index) that end at each node; most nodes have none.
    private var ends: [[Int32]] = [[]]
    /// Each pattern's length in bytes.
    public private(set) var lengths: [Int] = []

    /// An empty pattern is never reported: callers treat it as found everywhere.
    public init(_ patterns: [[UInt8]]) {
        for (index, pattern) in patterns.enumerated() {
            lengths.append(pattern.count)
            guard !pattern.isEmpty else { continue }
            var node: Int32 = 0
            for byte in pattern {
                if let child = child(of: node, byte) {
                    node = child
                } else {
                    let created = Int32(fail.count)
                    fail.append(0)
                    outputLink.append(-1)
                    ends.append([])
                    if node == 0 { rootNext[Int(byte)] = created } else { next[Int(node) << 8 | Int(byte)] = created }
                    node = created
                }
            }
            ends[Int(node)].append(Int32(index))
        }
        // Failure links, breadth first: a node's link is the longest proper suffix of its path that is also a path.
        var queue: [Int32] = []
        var children: [[(UInt8, Int32)]] = Array(repeating: [], count: fail.count)
        for (key, child) in next { children[key >> 8].append((UInt8(key & 0xFF), child)) }
        for byte in 0..<256 where rootNext[byte] != 0 { queue.append(rootNext[byte]) }
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for (byte, child) in children[Int(node)] {
                var link = fail[Int(node)]
                while true {
                    if let target = self.child(of: link, byte), target != child { fail[Int(child)] = target; break }
                    if link == 0 { fail[Int(child)] = 0; break }
                    link = fail[Int(link)]
                }
                let linked = fail[Int(child)]
                outputLink[Int(child)] = ends[Int(linked)].isEmpty ? outputLink[Int(linked)] : linked
                queue.append(child)
            }
        }
    }

    private func child(of node: Int32, _ byte: UInt8) -> Int32? {
        if node == 0 { let child = rootNext[Int(byte)]; return child == 0 ? nil : child }
        return next[Int(node) << 8 | Int(byte)]
    }

    /// Calls `found(pattern, start)` for every occurrence of every non-empty pattern, overlapping ones too, in the
    /// order their ends appear in `text`.
    public func forEach(in text: UnsafeBufferPointer<UInt8>, _ found: (_ pattern: Int, _ start: Int) -> Void) {
        var node: Int32 = 0
        for (position, byte) in text.enumerated() {
            while true {
                if let child = child(of: node, byte) { node = child; break }
                if node == 0 { break }
                node = fail[Int(node)]
            }
            var output = ends[Int(node)].isEmpty ? outputLink[Int(node)] : node
            while output > 0 {
                for pattern in ends[Int(output)] { found(Int(pattern), position + 1 - lengths[Int(pattern)]) }
                output = outputLink[Int(output)]
            }
        }
    }

    public func forEach(in text: [UInt8], _ found: (_ pattern: Int, _ start: Int) -> Void) {
        text.withUnsafeBufferPointer { forEach(in: $0, found) }
    }

    /// Which patterns occur in `text` at all (an empty one always does).
    public func occurring(in text: [UInt8]) -> [Bool] {
        var seen = lengths.map { $0 == 0 }
        forEach(in: text) { pattern, _ in seen[pattern] = true }
        return seen
    }
}
