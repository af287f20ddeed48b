import Model

/// An output the site will have, and what it is made from, known before anything is rendered: the build
/// compares these inputs with the last build's to render only what changed.
public struct PlannedOutput: Sendable, Equatable {
    public var path: String
    /// The content files, templates and assets the output is made from.
    public var inputs: InputList
    /// Outputs made together with this one (an indicator page's SVG file).
    public var companions: [String]

    public init(path: String, inputs: InputList, companions: [String] = []) {
        self.path = path
        self.inputs = inputs
        self.companions = companions
    }
}

/// The keys of the files an output is made from (the paths as messages show them), sorted, each once, and a hash
/// of those keys taken when the list is made. Many outputs share one list (every section page of a plan, thousands
/// of department pages made from every section file): the build works out a list's fingerprint once, finding it by
/// this hash.
public struct InputList: Sendable, Hashable {
    public let keys: [String]
    /// A hash of `keys`: equal lists have equal ids.
    public let id: UInt64

    public init(_ keys: some Sequence<String>) {
        self.keys = Array(Set(keys)).sorted()
        var hash = StableHash()
        for key in self.keys { hash.combine(key) }
        id = hash.value
    }

    public static func == (a: InputList, b: InputList) -> Bool { a.id == b.id && a.keys == b.keys }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}
