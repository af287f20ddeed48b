import Markdown

/// Renders compiled templates with plain dictionaries of values: `[String: Any]` objects, arrays of them,
/// strings, numbers and booleans. Lookups are dictionary reads, not reflection, and output is written as bytes,
/// which makes this many times faster than a general engine; the output is byte for byte what swift-mustache
/// renders from the same templates and values (a test compares them on every page).
struct TemplateRenderer: Sendable {
    /// A template's tokens with their text as UTF-8 bytes, ready to copy into a page.
    indirect enum Op: Sendable {
        case text([UInt8])
        case variable(name: [String], escaped: Bool)
        case section(name: [String], inverted: Bool, body: [Op])
        case partial(name: String, indentation: [UInt8]?, overrides: [String: [Op]]?)
        case block(name: String, body: [Op], indentation: [UInt8]?)

        init(_ token: CompiledTemplate.Token) {
            switch token {
            case .text(let text): self = .text(Array(text.utf8))
            case .variable(let name, let escaped): self = .variable(name: name, escaped: escaped)
            case .section(let name, let inverted, let body): self = .section(name: name, inverted: inverted, body: body.map(Op.init))
            case .partial(let name, let indentation, let overrides):
                self = .partial(name: name, indentation: indentation.map { Array($0.utf8) }, overrides: overrides?.mapValues { $0.map(Op.init) })
            case .block(let name, let body, let indentation):
                self = .block(name: name, body: body.map(Op.init), indentation: indentation.map { Array($0.utf8) })
            }
        }
    }

    let templates: [String: [Op]]

    init(templates: [String: CompiledTemplate]) {
        self.templates = templates.mapValues { $0.tokens.map(Op.init) }
    }

    func render(_ values: [String: Any], template name: String) -> String? {
        renderBytes(values, template: name).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The page as UTF-8 bytes, ready to be written.
    func renderBytes(_ values: [String: Any], template name: String) -> [UInt8]? {
        guard let ops = templates[name] else { return nil }
        var context = Context(stack: [.dictionary(values)], indentation: nil, overrides: nil)
        var out: [UInt8] = []
        out.reserveCapacity(16 * 1024)
        render(ops, &context, into: &out)
        return out
    }

    /// A value on the context stack; dictionaries are recognised once, when pushed, not at every lookup.
    enum Frame {
        case dictionary([String: Any])
        case other(Any)

        init(_ value: Any) {
            if let dictionary = value as? [String: Any] { self = .dictionary(dictionary) } else { self = .other(value) }
        }

        var value: Any {
            switch self {
            case .dictionary(let dictionary): return dictionary
            case .other(let value): return value
            }
        }
    }

    struct Context {
        var stack: [Frame]
        var indentation: [UInt8]?
        var overrides: [String: [Op]]?
    }

    private func render(_ ops: [Op], _ context: inout Context, into out: inout [UInt8]) {
        guard let indentation = context.indentation, !indentation.isEmpty else {
            for op in ops { renderOp(op, &context, into: &out) }
            return
        }
        // Inside an indented partial: every piece of output that starts a new line (within what this call
        // wrote) is indented.
        let start = out.count
        for op in ops {
            let before = out.count
            let atLineStart = before > start && out[before - 1] == 0x0A && !(before - 1 > start && out[before - 2] == 0x0D)
            renderOp(op, &context, into: &out)
            if atLineStart, out.count > before { out.insert(contentsOf: indentation, at: before) }
        }
    }

    private func renderOp(_ op: Op, _ context: inout Context, into out: inout [UInt8]) {
        switch op {
        case .text(let bytes):
            out.append(contentsOf: bytes)
        case .variable(let name, let escaped):
            guard let value = lookup(name, in: context.stack) else { return }
            Self.write(value, escaped: escaped, into: &out)
        case .section(let name, let inverted, let body):
            let value = lookup(name, in: context.stack)
            if inverted {
                if Self.isFalsy(value) { render(body, &context, into: &out) }
                return
            }
            guard let value else { return }
            if let bool = value as? Bool {
                if bool { render(body, &context, into: &out) }
            } else if let list = value as? [[String: Any]] {
                for item in list { withPushed(.dictionary(item), &context) { render(body, &$0, into: &out) } }
            } else if let list = value as? [String] {
                for item in list { withPushed(.other(item), &context) { render(body, &$0, into: &out) } }
            } else if let list = value as? [Any] {
                for item in list { withPushed(Frame(item), &context) { render(body, &$0, into: &out) } }
            } else {
                withPushed(Frame(value), &context) { render(body, &$0, into: &out) }
            }
        case .partial(let name, let indentation, let overrides):
            guard let partial = templates[name] else { return }
            var inner = context
            if let indentation { inner.indentation = (context.indentation ?? []) + indentation }
            if let overrides {
                inner.overrides = (context.overrides ?? [:]).merging(overrides) { existing, _ in existing }
            }
            render(partial, &inner, into: &out)
        case .block(let name, let body, let indentation):
            var inner = context
            if let indentation { inner.indentation = (context.indentation ?? []) + indentation }
            render(context.overrides?[name] ?? body, &inner, into: &out)
        }
    }

    private func withPushed(_ frame: Frame, _ context: inout Context, _ body: (inout Context) -> Void) {
        context.stack.append(frame)
        body(&context)
        context.stack.removeLast()
    }

    /// `a.b.c`: `a` is looked for from the innermost context outwards, `b` and `c` inside what was found.
    private func lookup(_ path: [String], in stack: [Frame]) -> Any? {
        guard let first = path.first else { return nil }
        if first == "." { return stack.last?.value }
        var found: Any?
        var index = stack.count - 1
        while index >= 0 {
            if case .dictionary(let dictionary) = stack[index], let value = dictionary[first] {
                found = value
                break
            }
            index -= 1
        }
        guard var value = found else { return nil }
        for key in path.dropFirst() {
            guard let dictionary = value as? [String: Any], let next = dictionary[key] else { return nil }
            value = next
        }
        return value
    }

    private static func isFalsy(_ value: Any?) -> Bool {
        guard let value else { return true }
        if let bool = value as? Bool { return !bool }
        if let list = value as? [[String: Any]] { return list.isEmpty }
        if let list = value as? [String] { return list.isEmpty }
        if let list = value as? [Any] { return list.isEmpty }
        return false
    }

    private static func write(_ value: Any, escaped: Bool, into out: inout [UInt8]) {
        var text: String
        if let string = value as? String {
            text = string
        } else if let int = value as? Int {
            text = String(int)
        } else {
            text = String(describing: value)
        }
        text.withUTF8 { bytes in
            if escaped { escape(bytes, into: &out) } else { out.append(contentsOf: bytes) }
        }
    }

    /// As swift-mustache escapes, which is as `HTML.escape` does: & < > " and '.
    static func escape(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var copied = 0
        for index in 0..<bytes.count {
            let replacement: StaticString
            switch bytes[index] {
            case 0x26: replacement = "&amp;"
            case 0x3C: replacement = "&lt;"
            case 0x3E: replacement = "&gt;"
            case 0x22: replacement = "&quot;"
            case 0x27: replacement = "&#39;"
            default: continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
            out.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            copied = index + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
    }
}
