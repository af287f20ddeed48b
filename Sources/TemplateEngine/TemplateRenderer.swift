import Bytes

/// Renders compiled templates with values: `TemplateObject`s, arrays of them, strings, numbers and booleans. Lookups are dictionary reads, not reflection, and output is written as bytes,
/// which makes this many times faster than a general engine; the output is byte for byte what swift-mustache
/// renders from the same templates and values (a test compares them on every page).
public struct TemplateRenderer: Sendable {
    /// One instruction of the compiled program. Every template, partial and block body is a range of one flat
    /// array, and instructions hold only numbers: rendering reads them without reference counting (two threads
    /// retaining the same shared objects would fight over their counts).
    enum Op: Sendable {
        /// `bytes[start..<end]`.
        case text(start: Int, end: Int)
        case variable(name: Int, escaped: Bool)
        /// The body is `ops[index + 1 ..< end]`.
        case section(name: Int, inverted: Bool, end: Int)
        /// `template` is an index into `ranges` (-1: no such template, renders nothing); `indentation` into
        /// `indentations` and `overrides` into `overrideLists` (-1: none).
        case partial(template: Int, indentation: Int, overrides: Int)
        /// A block `name` (an index into `blockNames`) whose own body is `ops[index + 1 ..< end]`; a body that overrides
        /// it is indented by `indentation` and then by `intrinsic` (the first line of the block's own body's).
        case block(name: Int, end: Int, indentation: Int, intrinsic: Int)
    }

    /// A block body given by a child template: block name, and the range of ops that replaces it.
    struct Override: Sendable {
        var name: Int
        var start: Int
        var end: Int
    }

    let ops: [Op]
    let bytes: [UInt8]
    let names: [[String]]
    /// The first part of each name (`a` of `a.b`): read on every lookup, without copying the whole name.
    let firstNames: [String]
    /// Their keys (`TemplateObject.key`), made once.
    let firstKeys: [UInt64]
    let indentations: [[UInt8]]
    let overrideLists: [[Override]]
    /// Each template's range of ops, by index; `index` finds a template's index by name.
    let ranges: [Range<Int>]
    let index: [String: Int]

    public init(templates: [String: CompiledTemplate]) {
        var compiler = Compiler(templateNames: templates.keys.sorted())
        var ranges: [Range<Int>] = []
        for name in compiler.templateNames {
            ranges.append(compiler.compileTemplate(templates[name]!.tokens))
        }
        ops = compiler.ops
        bytes = compiler.bytes
        names = compiler.names
        firstNames = compiler.names.map { $0.first ?? "" }
        firstKeys = firstNames.map(TemplateObject.key)
        indentations = compiler.indentations
        overrideLists = compiler.overrideLists
        self.ranges = ranges
        index = compiler.templateIndex
    }

    /// Turns token trees into the flat program.
    private struct Compiler {
        let templateNames: [String]
        let templateIndex: [String: Int]
        var ops: [Op] = []
        var bytes: [UInt8] = []
        var names: [[String]] = []
        var nameIndex: [[String]: Int] = [:]
        var blockNames: [String: Int] = [:]
        var indentations: [[UInt8]] = []
        var overrideLists: [[Override]] = []
        /// Override bodies waiting to be compiled after the template that gives them: a body must not land
        /// inside the range of the section or block being compiled.
        var pending: [(list: Int, slot: Int, tokens: [CompiledTemplate.Token])] = []

        init(templateNames: [String]) {
            self.templateNames = templateNames
            var index: [String: Int] = [:]
            for (i, name) in templateNames.enumerated() { index[name] = i }
            templateIndex = index
        }

        mutating func compileTemplate(_ tokens: [CompiledTemplate.Token]) -> Range<Int> {
            let range = compile(tokens)
            while !pending.isEmpty {
                let item = pending.removeFirst()
                let body = compile(item.tokens)
                overrideLists[item.list][item.slot].start = body.lowerBound
                overrideLists[item.list][item.slot].end = body.upperBound
            }
            return range
        }

        mutating func name(_ path: [String]) -> Int {
            if let known = nameIndex[path] { return known }
            names.append(path)
            nameIndex[path] = names.count - 1
            return names.count - 1
        }

        mutating func block(_ name: String) -> Int {
            if let known = blockNames[name] { return known }
            blockNames[name] = blockNames.count
            return blockNames.count - 1
        }

        mutating func indentation(_ text: String?) -> Int {
            guard let text else { return -1 }
            indentations.append(Array(text.utf8))
            return indentations.count - 1
        }

        /// Appends the ops of `tokens`, contiguous, and returns their range.
        mutating func compile(_ tokens: [CompiledTemplate.Token]) -> Range<Int> {
            let start = ops.count
            for token in tokens {
                switch token {
                case .text(let text):
                    let from = bytes.count
                    bytes += text.utf8
                    ops.append(.text(start: from, end: bytes.count))
                case .variable(let path, let escaped):
                    ops.append(.variable(name: name(path), escaped: escaped))
                case .section(let path, let inverted, let body):
                    let at = ops.count
                    ops.append(.section(name: name(path), inverted: inverted, end: 0))
                    let end = compile(body).upperBound
                    ops[at] = .section(name: name(path), inverted: inverted, end: end)
                case .partial(let partial, let indent, let overrides):
                    var list = -1
                    if let overrides {
                        list = overrideLists.count
                        overrideLists.append([])
                        // Sorted, so that the program is the same on every run.
                        for (slot, (blockName, body)) in overrides.sorted(by: { $0.key < $1.key }).enumerated() {
                            overrideLists[list].append(Override(name: block(blockName), start: 0, end: 0))
                            pending.append((list, slot, body))
                        }
                    }
                    ops.append(.partial(template: templateIndex[partial] ?? -1, indentation: indentation(indent), overrides: list))
                case .block(let blockName, let body, let indent, let intrinsic):
                    let at = ops.count
                    let id = block(blockName), indentIndex = indentation(indent), intrinsicIndex = indentation(intrinsic)
                    ops.append(.block(name: id, end: 0, indentation: indentIndex, intrinsic: intrinsicIndex))
                    let end = compile(body).upperBound
                    ops[at] = .block(name: id, end: end, indentation: indentIndex, intrinsic: intrinsicIndex)
                }
            }
            return start..<ops.count
        }
    }

    public func render(_ values: TemplateObject, template name: String) -> String? {
        render(root: .object(values), template: name)
    }

    /// The same from a value of any kind (`{{.}}` reads it).
    public func render(root: TemplateValue, template name: String) -> String? {
        renderBytes(root, template: name).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The page as UTF-8 bytes, ready to be written; nil when there is no template `name`.
    public func renderBytes(_ values: TemplateObject, template name: String) -> [UInt8]? {
        renderBytes(.object(values), template: name)
    }

    func renderBytes(_ root: TemplateValue, template name: String) -> [UInt8]? {
        guard let template = index[name] else { return nil }
        let out = ByteBuffer(capacity: 16 * 1024)
        ops.withUnsafeBufferPointer { ops in
            bytes.withUnsafeBufferPointer { bytes in
                firstNames.withUnsafeBufferPointer { firstNames in
                    let runner = Runner(ops: ops, bytes: bytes, firstNames: firstNames, firstKeys: firstKeys, program: self)
                    var context = Context(stack: [root], indentation: [], overrides: [])
                    let range = ranges[template]
                    runner.run(range.lowerBound, range.upperBound, &context, into: out)
                }
            }
        }
        return out.bytes
    }

    struct Context {
        /// The values sections have entered, the page's own first.
        var stack: [TemplateValue]
        /// What each line of output is indented by (inside indented partials); empty for none.
        var indentation: [UInt8]
        /// Block bodies given by the templates that include this one, outermost first: the first match wins.
        var overrides: [Override]
    }

    /// Runs the program over unsafe views of its arrays.
    private struct Runner {
        let ops: UnsafeBufferPointer<Op>
        let bytes: UnsafeBufferPointer<UInt8>
        let firstNames: UnsafeBufferPointer<String>
        let firstKeys: [UInt64]
        let program: TemplateRenderer

        /// Renders `ops[start..<end]`.
        func run(_ start: Int, _ end: Int, _ context: inout Context, into out: ByteBuffer) {
            if context.indentation.isEmpty {
                var i = start
                while i < end { i = step(i, &context, into: out) }
                return
            }
            // Inside an indented partial: every piece of output that starts a new line (within what this call
            // wrote) is indented.
            let first = out.count
            var i = start
            while i < end {
                let before = out.count
                let atLineStart = before > first && out[before - 1] == 0x0A && !(before - 1 > first && out[before - 2] == 0x0D)
                i = step(i, &context, into: out)
                if atLineStart, out.count > before { context.indentation.withUnsafeBufferPointer { out.insert($0, at: before) } }
            }
        }

        /// Renders the op at `i` (with its body); returns the index of the next op at the same level.
        private func step(_ i: Int, _ context: inout Context, into out: ByteBuffer) -> Int {
            switch ops[i] {
            case .text(let from, let to):
                out.append(UnsafeBufferPointer(rebasing: bytes[from..<to]))
                return i + 1
            case .variable(let name, let escaped):
                if let value = lookup(name, in: context.stack) { TemplateRenderer.write(value, escaped: escaped, into: out) }
                return i + 1
            case .section(let name, let inverted, let end):
                let value = lookup(name, in: context.stack)
                if inverted {
                    if TemplateRenderer.isFalsy(value) { run(i + 1, end, &context, into: out) }
                    return end
                }
                guard let value else { return end }
                switch value {
                case .flag(let flag):
                    if flag { run(i + 1, end, &context, into: out) }
                case .objects(let list):
                    for item in list { withPushed(.object(item), &context) { run(i + 1, end, &$0, into: out) } }
                case .texts(let list):
                    for item in list { withPushed(.text(item), &context) { run(i + 1, end, &$0, into: out) } }
                case .list(let list):
                    for item in list { withPushed(item, &context) { run(i + 1, end, &$0, into: out) } }
                default:
                    withPushed(value, &context) { run(i + 1, end, &$0, into: out) }
                }
                return end
            case .partial(let template, let indentation, let overrides):
                guard template >= 0 else { return i + 1 }
                let range = program.ranges[template]
                let savedIndentation = context.indentation, savedOverrides = context.overrides.count
                if indentation >= 0 { context.indentation += program.indentations[indentation] }
                // The includer's own bodies come first: an outer template's override wins over an inner one.
                if overrides >= 0 { context.overrides += program.overrideLists[overrides] }
                run(range.lowerBound, range.upperBound, &context, into: out)
                context.indentation = savedIndentation
                context.overrides.removeLast(context.overrides.count - savedOverrides)
                return i + 1
            case .block(let name, let end, let indentation, let intrinsic):
                let savedIndentation = context.indentation
                if indentation >= 0 { context.indentation += program.indentations[indentation] }
                if let override = context.overrides.first(where: { $0.name == name }) {
                    if intrinsic >= 0 {
                        let spaces = program.indentations[intrinsic]
                        spaces.withUnsafeBufferPointer { out.append($0) }
                        context.indentation += spaces
                    }
                    run(override.start, override.end, &context, into: out)
                } else {
                    run(i + 1, end, &context, into: out)
                }
                context.indentation = savedIndentation
                return end
            }
        }

        private func withPushed(_ value: TemplateValue, _ context: inout Context, _ body: (inout Context) -> Void) {
            context.stack.append(value)
            body(&context)
            context.stack.removeLast()
        }

        /// `a.b.c`: `a` is looked for from the innermost context outwards, `b` and `c` inside what was found.
        private func lookup(_ name: Int, in stack: [TemplateValue]) -> TemplateValue? {
            let first = firstNames[name], key = firstKeys[name]
            if first == "." { return stack.last }
            // Values read in place, through a pointer: a buffer's subscript returns a copy of the value (retaining
            // everything it holds), a pointer's is an address.
            let found: TemplateValue? = stack.withUnsafeBufferPointer { frames in
                guard let base = frames.baseAddress else { return nil }
                var index = frames.count - 1
                while index >= 0 {
                    if let value = base[index].value(first, key: key) { return value }
                    index -= 1
                }
                return nil
            }
            guard var value = found else { return nil }
            let path = program.names[name]
            guard path.count > 1 else { return value }
            for part in path.dropFirst() {
                guard let next = value.value(part, key: TemplateObject.key(part)) else { return nil }
                value = next
            }
            return value
        }
    }

    fileprivate static func isFalsy(_ value: TemplateValue?) -> Bool {
        guard let value else { return true }
        switch value {
        case .flag(let flag): return !flag
        case .objects(let list): return list.isEmpty
        case .texts(let list): return list.isEmpty
        case .list(let list): return list.isEmpty
        case .text, .bytes, .number, .object:
            return false
        }
    }

    fileprivate static func write(_ value: TemplateValue, escaped: Bool, into out: ByteBuffer) {
        func put(_ bytes: UnsafeBufferPointer<UInt8>) {
            if escaped { escape(bytes, into: out) } else { out.append(bytes) }
        }
        switch value {
        case .text(var text): text.withUTF8(put)
        case .bytes(let bytes): bytes.withUnsafeBufferPointer(put)
        case .number(let number): var text = String(number); text.withUTF8(put)
        default: var text = String(describing: value.any); text.withUTF8(put)
        }
    }

    /// As swift-mustache escapes, which is as `HTML.escape` does: & < > " and '.
    public static func escape(_ bytes: UnsafeBufferPointer<UInt8>, into out: ByteBuffer) {
        out.appendEscaped(bytes, apostrophe: true)
    }
}
