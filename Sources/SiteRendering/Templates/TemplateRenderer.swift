import Markdown

/// Renders compiled templates with plain dictionaries of values: `[String: Any]` objects, arrays of them,
/// strings, numbers and booleans. Lookups are dictionary reads, not reflection, which makes this many times
/// faster than a general engine; the output is byte for byte what swift-mustache renders from the same
/// templates and values (a test compares them on every page).
struct TemplateRenderer: Sendable {
    let templates: [String: CompiledTemplate]

    func render(_ values: [String: Any], template name: String) -> String? {
        guard let template = templates[name] else { return nil }
        var context = Context(stack: [values], indentation: nil, overrides: nil)
        var out = ""
        out.reserveCapacity(16 * 1024)
        render(template.tokens, &context, into: &out)
        return out
    }

    struct Context {
        var stack: [Any]
        var indentation: String?
        var overrides: [String: [CompiledTemplate.Token]]?
    }

    private func render(_ tokens: [CompiledTemplate.Token], _ context: inout Context, into out: inout String) {
        guard let indentation = context.indentation, !indentation.isEmpty else {
            for token in tokens { renderToken(token, &context, into: &out) }
            return
        }
        // Inside an indented partial: every output that starts a new line is indented.
        var local = ""
        for token in tokens {
            var piece = ""
            renderToken(token, &context, into: &piece)
            if !piece.isEmpty, local.last == "\n" { local += indentation }
            local += piece
        }
        out += local
    }

    private func renderToken(_ token: CompiledTemplate.Token, _ context: inout Context, into out: inout String) {
        switch token {
        case .text(let text):
            out += text
        case .variable(let name, let escaped):
            guard let value = lookup(name, in: context.stack) else { return }
            let text = Self.text(of: value)
            if escaped { Self.escape(text, into: &out) } else { out += text }
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
                for item in list { withPushed(item, &context) { render(body, &$0, into: &out) } }
            } else if let list = value as? [String] {
                for item in list { withPushed(item, &context) { render(body, &$0, into: &out) } }
            } else if let list = value as? [Any] {
                for item in list { withPushed(item, &context) { render(body, &$0, into: &out) } }
            } else {
                withPushed(value, &context) { render(body, &$0, into: &out) }
            }
        case .partial(let name, let indentation, let overrides):
            guard let partial = templates[name] else { return }
            var inner = context
            if let indentation { inner.indentation = (context.indentation ?? "") + indentation }
            if let overrides {
                inner.overrides = (context.overrides ?? [:]).merging(overrides) { existing, _ in existing }
            }
            render(partial.tokens, &inner, into: &out)
        case .block(let name, let body, let indentation):
            var inner = context
            if let indentation { inner.indentation = (context.indentation ?? "") + indentation }
            render(context.overrides?[name] ?? body, &inner, into: &out)
        }
    }

    private func withPushed(_ value: Any, _ context: inout Context, _ body: (inout Context) -> Void) {
        context.stack.append(value)
        body(&context)
        context.stack.removeLast()
    }

    /// `a.b.c`: `a` is looked for from the innermost context outwards, `b` and `c` inside what was found.
    private func lookup(_ path: [String], in stack: [Any]) -> Any? {
        guard let first = path.first else { return nil }
        if first == "." { return stack.last }
        var found: Any?
        for object in stack.reversed() {
            if let dictionary = object as? [String: Any], let value = dictionary[first] {
                found = value
                break
            }
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

    private static func text(of value: Any) -> String {
        if let string = value as? String { return string }
        if let int = value as? Int { return String(int) }
        return String(describing: value)
    }

    /// As swift-mustache escapes, which is as `HTML.escape` does: & < > " and '.
    static func escape(_ text: String, into out: inout String) {
        out += HTML.escape(text)
    }
}
