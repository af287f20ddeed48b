/// A value a template reads, sorted by kind once, when it is set, so that rendering tells a list from a flag
/// or a text without casting.
public enum TemplateValue: @unchecked Sendable {
    case text(String)
    /// Text given as its UTF-8 bytes (chart markup): written out as it is, never decoded.
    case bytes([UInt8])
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
        else if type == [UInt8].self { self = .bytes(value as! [UInt8]) }
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
        case .bytes(let bytes): return String(decoding: bytes, as: UTF8.self)
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
    /// The names and values, shared between copies until one of them is changed. A renderer reads them through
    /// an unretained reference while the object is in use, so a lookup costs no reference counting.
    final class Storage {
        struct Entry {
            var name: String
            var value: TemplateValue
            /// `Storage.key(name)`, kept with the name.
            var key: UInt64

            init(name: String, value: TemplateValue, key: UInt64? = nil) {
                self.name = name
                self.value = value
                self.key = key ?? Storage.key(name)
            }
        }

        var entries: [Entry]

        init(entries: [Entry] = []) { self.entries = entries }

        /// The value of `name`, by kind.
        func value(_ name: String) -> TemplateValue? {
            index(of: name).map { entries[$0].value }
        }

        func value(_ name: String, key: UInt64) -> TemplateValue? {
            index(of: name, key: key).map { entries[$0].value }
        }

        func index(of name: String) -> Int? { index(of: name, key: Self.key(name)) }

        /// Names are told apart by their keys, numbers compared in a register; only names longer than a key
        /// holds are compared as text, and only when their keys match.
        func index(of name: String, key: UInt64) -> Int? {
            let exact = key >> 56 <= 7
            return entries.withUnsafeBufferPointer { entries in
                for index in entries.indices where entries[index].key == key {
                    if exact || entries[index].name == name { return index }
                }
                return nil
            }
        }

        /// The name's length (up to 255) in the top byte and its first seven bytes below: for a name of seven
        /// bytes or fewer, the key is the name.
        static func key(_ name: String) -> UInt64 {
            var name = name
            return name.withUTF8 { bytes in
                var key = UInt64(min(bytes.count, 255)) << 56
                for i in 0..<min(bytes.count, 7) { key |= UInt64(bytes[i]) << (UInt64(i) * 8) }
                return key
            }
        }
    }

    private(set) var storage: Storage

    public init() { storage = Storage() }

    init(storage: Storage) { self.storage = storage }

    public init(dictionaryLiteral elements: (String, Any)...) {
        // Made in one go: the storage is new, so there is nothing to copy on write; a name given twice keeps
        // its last value, as setting it twice would.
        let storage = Storage()
        storage.entries.reserveCapacity(elements.count)
        for (name, value) in elements {
            let value = TemplateValue(value)
            let key = Storage.key(name)
            if let index = storage.index(of: name, key: key) {
                storage.entries[index].value = value
            } else {
                storage.entries.append(.init(name: name, value: value, key: key))
            }
        }
        self.storage = storage
    }

    public var isEmpty: Bool { storage.entries.isEmpty }

    /// The value of `name`, by kind.
    func value(_ name: String) -> TemplateValue? { storage.value(name) }

    public subscript(name: String) -> Any? {
        get { value(name)?.any }
        set {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(entries: storage.entries) }
            let key = Storage.key(name)
            if let index = storage.index(of: name, key: key) {
                if let newValue { storage.entries[index].value = TemplateValue(newValue) } else { storage.entries.remove(at: index) }
            } else if let newValue {
                storage.entries.append(.init(name: name, value: TemplateValue(newValue), key: key))
            }
        }
    }

    /// Every name with its value.
    public var entries: [(name: String, value: Any)] { storage.entries.map { ($0.name, $0.value.any) } }

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
