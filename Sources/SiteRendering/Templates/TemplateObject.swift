/// The values a template reads at one level: names and values, in the order they were set.
///
/// Page values are small (a handful to twenty names each) and each is read about once, so a linear search by
/// name costs less than hashing, both when the views build the values and when a template reads them; a
/// dictionary would hash every name twice. Values are text, numbers, booleans, `TemplateObject`s and arrays
/// of them.
public struct TemplateObject: ExpressibleByDictionaryLiteral, @unchecked Sendable {
    private(set) var names: [String] = []
    private(set) var values: [Any] = []

    public init() {}

    public init(dictionaryLiteral elements: (String, Any)...) {
        names.reserveCapacity(elements.count)
        values.reserveCapacity(elements.count)
        for (name, value) in elements { self[name] = value }
    }

    public var isEmpty: Bool { names.isEmpty }

    public subscript(name: String) -> Any? {
        get {
            // Lengths first: comparing strings that differ is a slow call, comparing lengths is not.
            let length = name.utf8.count
            for index in names.indices where names[index].utf8.count == length && names[index] == name { return values[index] }
            return nil
        }
        set {
            if let index = names.firstIndex(of: name) {
                if let newValue { values[index] = newValue } else { names.remove(at: index); values.remove(at: index) }
            } else if let newValue {
                names.append(name)
                values.append(newValue)
            }
        }
    }

    /// Every name with its value.
    public var entries: Zip2Sequence<[String], [Any]> { zip(names, values) }

    /// The same values as nested dictionaries, for swift-mustache (which the renderer is checked against).
    public var dictionary: [String: Any] {
        var dictionary: [String: Any] = [:]
        for (name, value) in entries { dictionary[name] = Self.plain(value) }
        return dictionary
    }

    static func plain(_ value: Any) -> Any {
        if let object = value as? TemplateObject { return object.dictionary }
        if let list = value as? [TemplateObject] { return list.map(\.dictionary) }
        if let list = value as? [Any], !(value is [String]) { return list.map(plain) }
        return value
    }
}
