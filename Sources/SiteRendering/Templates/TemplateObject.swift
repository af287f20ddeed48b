/// A value a template reads, sorted by kind once, when it is set, so that rendering tells a list from a flag
/// or a text without casting.
public enum TemplateValue: @unchecked Sendable {
    case text(String)
    case flag(Bool)
    case number(Int)
    case object(TemplateObject)
    case objects([TemplateObject])
    case texts([String])
    /// Anything else (dictionaries, other arrays): rendered as swift-mustache renders it.
    case other(Any)

    /// The kind of `value`. The common kinds are told by their exact type first (a failed cast costs far more
    /// than comparing types); anything else by casting, text first, as most values are text.
    public init(_ value: Any) {
        let type = Swift.type(of: value)
        if type == String.self { self = .text(value as! String) }
        else if type == TemplateObject.self { self = .object(value as! TemplateObject) }
        else if type == Bool.self { self = .flag(value as! Bool) }
        else if type == [TemplateObject].self { self = .objects(value as! [TemplateObject]) }
        else if type == Int.self { self = .number(value as! Int) }
        else if let text = value as? String { self = .text(text) }
        else if let flag = value as? Bool { self = .flag(flag) }
        else if let object = value as? TemplateObject { self = .object(object) }
        else if let list = value as? [TemplateObject] { self = .objects(list) }
        else if let number = value as? Int { self = .number(number) }
        else if let list = value as? [String] { self = .texts(list) }
        else { self = .other(value) }
    }

    public var any: Any {
        switch self {
        case .text(let text): return text
        case .flag(let flag): return flag
        case .number(let number): return number
        case .object(let object): return object
        case .objects(let list): return list
        case .texts(let list): return list
        case .other(let value): return value
        }
    }
}

/// The values a template reads at one level: names and values, in the order they were set.
///
/// Page values are small (a handful to twenty names each) and each is read about once, so a linear search by
/// name costs less than hashing, both when the views build the values and when a template reads them; a
/// dictionary would hash every name twice. Values are text, numbers, booleans, `TemplateObject`s and arrays
/// of them.
public struct TemplateObject: ExpressibleByDictionaryLiteral, @unchecked Sendable {
    private(set) var names: [String] = []
    private(set) var values: [TemplateValue] = []

    public init() {}

    public init(dictionaryLiteral elements: (String, Any)...) {
        names.reserveCapacity(elements.count)
        values.reserveCapacity(elements.count)
        for (name, value) in elements { self[name] = value }
    }

    public var isEmpty: Bool { names.isEmpty }

    /// The value of `name`, by kind.
    func value(_ name: String) -> TemplateValue? {
        index(of: name).map { values[$0] }
    }

    private func index(of name: String) -> Int? {
        // Lengths first: comparing strings that differ is a slow call, comparing lengths is not.
        let length = name.utf8.count
        for index in names.indices where names[index].utf8.count == length && names[index] == name { return index }
        return nil
    }

    public subscript(name: String) -> Any? {
        get { value(name)?.any }
        set {
            if let index = index(of: name) {
                if let newValue { values[index] = TemplateValue(newValue) } else { names.remove(at: index); values.remove(at: index) }
            } else if let newValue {
                names.append(name)
                values.append(TemplateValue(newValue))
            }
        }
    }

    /// Every name with its value.
    public var entries: [(name: String, value: Any)] { zip(names, values).map { ($0, $1.any) } }

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
