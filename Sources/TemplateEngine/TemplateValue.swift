/// A value a template reads, sorted by kind once, when it is set, so that rendering tells a list from a flag or a
/// text without casting.
public enum TemplateValue: Sendable, Equatable {
    case text(String)
    /// Text given as its UTF-8 bytes (chart markup): written out as it is, never decoded.
    case bytes([UInt8])
    case flag(Bool)
    case number(Int)
    case object(TemplateObject)
    case objects([TemplateObject])
    case texts([String])
    /// Any other list (of numbers, of lists, of values of mixed kinds).
    case list([TemplateValue])

    /// The kind of `value`. The common kinds are told by their exact type first (a failed cast costs far more than
    /// comparing types); then by casting. Dictionaries become objects and other arrays lists; anything else is text
    /// as `String(describing:)` gives it (a `Double` reads `1.5`), which is how Mustache engines print a value.
    public init(_ value: Any) {
        let type = Swift.type(of: value)
        if type == String.self { self = .text(value as! String) }
        else if type == TemplateObject.self { self = .object(value as! TemplateObject) }
        else if type == Bool.self { self = .flag(value as! Bool) }
        else if type == [TemplateObject].self { self = .objects(value as! [TemplateObject]) }
        else if type == Int.self { self = .number(value as! Int) }
        else if type == [UInt8].self { self = .bytes(value as! [UInt8]) }
        else if type == TemplateValue.self { self = value as! TemplateValue }
        else if let text = value as? String { self = .text(text) }
        else if let flag = value as? Bool { self = .flag(flag) }
        else if let object = value as? TemplateObject { self = .object(object) }
        else if let list = value as? [TemplateObject] { self = .objects(list) }
        else if let number = value as? Int { self = .number(number) }
        else if let list = value as? [String] { self = .texts(list) }
        else if let dictionary = value as? [String: Any] { self = .object(TemplateObject(dictionary)) }
        else if let list = value as? [[String: Any]] { self = .objects(list.map(TemplateObject.init)) }
        else if let list = value as? [Any] { self = .list(list.map(TemplateValue.init)) }
        else { self = .text(String(describing: value)) }
    }

    /// The value as a Swift value: text, a flag, a number, an object, or an array of them.
    public var any: Any {
        switch self {
        case .text(let text): return text
        case .bytes(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .flag(let flag): return flag
        case .number(let number): return number
        case .object(let object): return object
        case .objects(let list): return list
        case .texts(let list): return list
        case .list(let list): return list.map(\.any)
        }
    }

    /// What a name reads inside this value: a name of an object; nothing inside any other kind.
    @inline(__always)
    func value(_ name: String, key: UInt64) -> TemplateValue? {
        if case .object(let object) = self { return object.value(name, key: key) }
        return nil
    }
}

/// The values a template reads at one level: names and values, in the order they were set.
///
/// Page values are small (a handful to twenty names each) and each is read about once, so a linear search by name
/// costs less than hashing, both when the views build the values and when a template reads them; a dictionary
/// would hash every name twice. The entries are an array, shared between copies until one of them is changed.
public struct TemplateObject: ExpressibleByDictionaryLiteral, Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var name: String
        var value: TemplateValue
        /// `TemplateObject.key(name)`, kept with the name.
        var key: UInt64
    }

    private(set) var entries: [Entry]

    public init() { entries = [] }

    public init(dictionaryLiteral elements: (String, Any)...) {
        self.init(elements)
    }

    /// The same from a dictionary, its names sorted (a dictionary has no order of its own).
    public init(_ dictionary: [String: Any]) {
        self.init(dictionary.sorted { $0.key < $1.key })
    }

    /// A name given twice keeps its last value, as setting it twice would.
    init(_ elements: [(String, Any)]) {
        entries = []
        entries.reserveCapacity(elements.count)
        for (name, value) in elements {
            let value = TemplateValue(value)
            let key = Self.key(name)
            if let index = index(of: name, key: key) {
                entries[index].value = value
            } else {
                entries.append(Entry(name: name, value: value, key: key))
            }
        }
    }

    public var isEmpty: Bool { entries.isEmpty }

    public subscript(name: String) -> Any? {
        get { value(name, key: Self.key(name))?.any }
        set {
            let key = Self.key(name)
            if let index = index(of: name, key: key) {
                if let newValue { entries[index].value = TemplateValue(newValue) } else { entries.remove(at: index) }
            } else if let newValue {
                entries.append(Entry(name: name, value: TemplateValue(newValue), key: key))
            }
        }
    }

    /// Every name with its value, in the order they were set.
    public var values: [(name: String, value: TemplateValue)] { entries.map { ($0.name, $0.value) } }

    /// The value of `name`, given its key.
    @inline(__always)
    func value(_ name: String, key: UInt64) -> TemplateValue? {
        index(of: name, key: key).map { entries[$0].value }
    }

    /// Names are told apart by their keys, numbers compared in a register; only names longer than a key holds are
    /// compared as text, and only when their keys match.
    @inline(__always)
    func index(of name: String, key: UInt64) -> Int? {
        let exact = key >> 56 <= 7
        return entries.withUnsafeBufferPointer { entries in
            for index in entries.indices where entries[index].key == key {
                if exact || entries[index].name == name { return index }
            }
            return nil
        }
    }

    /// The name's length (up to 255) in the top byte and its first seven bytes below: for a name of seven bytes or
    /// fewer, the key is the name.
    static func key(_ name: String) -> UInt64 {
        var name = name
        return name.withUTF8 { bytes in
            var key = UInt64(min(bytes.count, 255)) << 56
            for i in 0..<min(bytes.count, 7) { key |= UInt64(bytes[i]) << (UInt64(i) * 8) }
            return key
        }
    }
}
