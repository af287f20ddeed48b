import Yams

/// A parsed YAML value and where it starts: line and column from 1, columns counted in Unicode scalars (as
/// libyaml counts them). The loaders read these, whichever parser made them (see `YAMLDocument.parse`).
struct YAMLNode: Equatable, Sendable {
    enum Value: Equatable, Sendable {
        /// A scalar's text, and whether it was written plain (not quoted, not a block): only plain `~`, `null`
        /// and empty text mean "no value".
        case scalar(String, plain: Bool)
        case mapping([Pair])
        case sequence([YAMLNode])
        case alias
    }

    struct Pair: Equatable, Sendable {
        var key: YAMLNode
        var value: YAMLNode
    }

    var value: Value
    var line: Int
    var column: Int

    var scalar: String? {
        if case .scalar(let text, _) = value { return text }
        return nil
    }

    var isPlainScalar: Bool {
        if case .scalar(_, let plain) = value { return plain }
        return false
    }

    var mapping: [Pair]? {
        if case .mapping(let pairs) = value { return pairs }
        return nil
    }

    var sequence: [YAMLNode]? {
        if case .sequence(let items) = value { return items }
        return nil
    }

    /// The same tree, from what Yams parsed.
    init(_ node: Node) {
        let mark = node.mark
        line = mark?.line ?? 1
        column = mark?.column ?? 1
        switch node {
        case .scalar(let scalar):
            value = .scalar(scalar.string, plain: scalar.style == .plain)
        case .mapping(let mapping):
            value = .mapping(mapping.map { Pair(key: YAMLNode($0.key), value: YAMLNode($0.value)) })
        case .sequence(let sequence):
            value = .sequence(sequence.map { YAMLNode($0) })
        case .alias:
            value = .alias
        }
    }

    init(_ value: Value, line: Int, column: Int) {
        self.value = value
        self.line = line
        self.column = column
    }
}
