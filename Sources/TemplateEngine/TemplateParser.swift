/// A compiled Mustache template, for the renderer in `TemplateRenderer.swift`, with every tag it holds and where,
/// for the checks of names and partials: one reading of the text serves both.
///
/// It follows the Mustache spec, and swift-mustache's reading of it exactly (a test renders every page of the
/// real site with both and compares the bytes): text is cut into lines; a section, inverted section,
/// closing, comment, partial, parent or block tag alone on its line takes the line with it; the whitespace
/// before a standalone partial indents every line of the partial.
public struct CompiledTemplate: Sendable {
    indirect enum Token: Sendable {
        case text(String)
        case variable(name: [String], escaped: Bool)
        case section(name: [String], inverted: Bool, body: [Token])
        case partial(name: String, indentation: String?, overrides: [String: [Token]]?)
        /// `intrinsic`: the indentation of the first line of the block's own body, given to a body that overrides it.
        case block(name: String, body: [Token], indentation: String?, intrinsic: String?)
    }

    var tokens: [Token]
    /// The tags that name a value, a partial or a parent, in the order they appear.
    public let tags: [Tag]

    public struct Tag: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            /// `{{name}}`, `{{{name}}}`, `{{&name}}`.
            case variable
            /// `{{#name}}`, `{{^name}}`.
            case section
            case partial
            case parent
        }

        public var kind: Kind
        /// The name as written (`plan.title`).
        public var name: String
        /// Where the tag's `{{` is: line and column from 1, the column in characters.
        public var line: Int
        public var column: Int

        public init(kind: Kind, name: String, line: Int, column: Int) {
            self.kind = kind
            self.name = name
            self.line = line
            self.column = column
        }
    }

    /// A syntax error, at the tag it is found in.
    public struct Failure: Error, CustomStringConvertible {
        public var message: String
        public var line: Int
        public var column: Int
        public var description: String { message }
    }

    public init(_ text: String) throws {
        var parser = TemplateParser(Array(text))
        tokens = try parser.parse(until: nil, topLevelOfParent: false)
        tags = parser.tags
    }
}

struct TemplateParser {
    let chars: [Character]
    var i = 0
    var newLine = true
    /// Inside a parent's block definitions: the indentation of the definition's first line, removed from all.
    var definitionIndent: [Character]?
    var inDefinition = false
    /// Where the tag being read starts (its `{{`).
    var tagStart = 0
    /// Whether the last closing tag read stood alone on its line (its line is gone), or had only whitespace before it.
    var closedStandalone = false, closedAtLineStart = false
    private(set) var tags: [CompiledTemplate.Tag] = []
    /// Line and column counted up to `counted`: tags come in order, so each character is counted once.
    private var counted = 0, line = 1, column = 1

    init(_ chars: [Character]) {
        self.chars = chars
    }

    var atEnd: Bool { i >= chars.count }

    /// The line and column of `chars[index]`, for an index at or after the last one asked for.
    mutating func position(of index: Int) -> (line: Int, column: Int) {
        if index < counted { (counted, line, column) = (0, 1, 1) }
        while counted < min(index, chars.count) {
            if chars[counted].isNewline { line += 1; column = 1 } else { column += 1 }
            counted += 1
        }
        return (line, column)
    }

    /// A syntax error at the tag being read, or at `index`.
    mutating func failure(_ message: String, at index: Int? = nil) -> CompiledTemplate.Failure {
        let (line, column) = position(of: index ?? tagStart)
        return .init(message: message, line: line, column: column)
    }

    mutating func record(_ kind: CompiledTemplate.Tag.Kind, _ name: String) {
        let (line, column) = position(of: tagStart)
        tags.append(.init(kind: kind, name: name, line: line, column: column))
    }

    mutating func readSpaces() -> [Character] {
        var out: [Character] = []
        while i < chars.count, chars[i] == " " || chars[i] == "\t" { out.append(chars[i]); i += 1 }
        return out
    }

    mutating func skipWhitespace() {
        while i < chars.count, chars[i].isWhitespace { i += 1 }
    }

    /// Text up to the next `{{` or line end (the line end is not consumed).
    mutating func readText() -> String {
        var text = ""
        while i < chars.count {
            let c = chars[i]
            if c.isNewline { break }
            if c == "{", i + 1 < chars.count, chars[i + 1] == "{" { i += 2; return text }
            text.append(c)
            i += 1
        }
        return text
    }

    /// After a tag: only spaces or tabs until the line ends (which is then consumed).
    mutating func lineFinished() -> Bool {
        if atEnd { return true }
        var j = i
        while j < chars.count, chars[j] == " " || chars[j] == "\t" { j += 1 }
        if j >= chars.count { return false }
        if chars[j].isNewline { i = j + 1; return true }
        return false
    }

    mutating func standalone() -> Bool { newLine && lineFinished() }

    static let nameChars = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    static let partialChars = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

    mutating func readName(_ allowed: Set<Character>) throws -> String {
        skipWhitespace()
        var name = ""
        while i < chars.count, allowed.contains(chars[i]) { name.append(chars[i]); i += 1 }
        skipWhitespace()
        guard i + 1 < chars.count, chars[i] == "}", chars[i + 1] == "}" else { throw failure("unfinished tag name") }
        i += 2
        return name
    }

    /// The spaces and tabs a body's first line starts with, when it starts with text.
    static func leadingSpaces(of body: [CompiledTemplate.Token]) -> String? {
        guard case .text(let text) = body.first else { return nil }
        let spaces = text.prefix { $0 == " " || $0 == "\t" }
        return spaces.isEmpty || spaces.count == text.count ? nil : String(spaces)
    }

    static func path(_ name: String) -> [String] {
        name == "." ? ["."] : name.split(separator: ".").map(String.init)
    }

    /// Tokens until `{{/closing}}` (or the end when `closing` is nil), the section or parent opened at `opening`.
    mutating func parse(until closing: String?, openedAt opening: Int = 0, topLevelOfParent: Bool) throws -> [CompiledTemplate.Token] {
        var tokens: [CompiledTemplate.Token] = []
        var before: [Character] = []
        while !atEnd {
            if newLine {
                let spaces = readSpaces()
                if inDefinition, !topLevelOfParent {
                    if let indent = definitionIndent {
                        before = Array(spaces.dropFirst(indent.count))
                    } else {
                        definitionIndent = spaces
                        before = []
                    }
                } else {
                    before = spaces
                }
            }
            let text = readText()
            if !atEnd, chars[i].isNewline {
                tokens.append(.text(String(before) + text + String(chars[i])))
                newLine = true
                i += 1
                continue
            }
            if !text.isEmpty {
                tokens.append(.text(String(before) + text))
                before = []
                newLine = false
            }
            if atEnd { break }
            // At a tag: `{{` has been read.
            tagStart = i - 2
            let opened = tagStart
            var nextNewLine = false
            func flushBefore(_ tokens: inout [CompiledTemplate.Token]) {
                if !before.isEmpty { tokens.append(.text(String(before))); before = [] }
            }
            let sigil = chars[i]
            switch sigil {
            case "#", "^":
                i += 1
                let name = try readName(Self.nameChars)
                record(.section, name)
                let open = standalone()
                if !open { flushBefore(&tokens) }
                newLine = open
                let body = try parse(until: name, openedAt: opened, topLevelOfParent: false)
                tokens.append(.section(name: Self.path(name), inverted: sigil == "^", body: body))
                // The line state after a section is the opening tag's (as swift-mustache reads it).
                nextNewLine = open
            case "/":
                i += 1
                let name = try readName(Self.nameChars)
                guard name == closing else { throw failure("`{{/\(name)}}` closes a section that is not open") }
                closedAtLineStart = newLine
                closedStandalone = standalone()
                if !closedStandalone { flushBefore(&tokens) }
                return tokens
            case "!":
                while i + 1 < chars.count, !(chars[i] == "}" && chars[i + 1] == "}") { i += 1 }
                guard i + 1 < chars.count else { throw failure("unfinished comment") }
                i += 2
                nextNewLine = standalone()
            case "{", "&":
                flushBefore(&tokens)
                i += 1
                let name = try readName(Self.nameChars)
                record(.variable, name)
                if sigil == "{" {
                    guard i < chars.count, chars[i] == "}" else { throw failure("unfinished `{{{` tag") }
                    i += 1
                }
                tokens.append(.variable(name: Self.path(name), escaped: false))
            case ">":
                i += 1
                let name = try readName(Self.partialChars)
                record(.partial, name)
                if !before.isEmpty { tokens.append(.text(String(before))) }
                if standalone() {
                    nextNewLine = true
                    tokens.append(.partial(name: name, indentation: String(before), overrides: nil))
                } else {
                    tokens.append(.partial(name: name, indentation: nil, overrides: nil))
                }
                before = []
            case "<":
                i += 1
                let name = try readName(Self.partialChars)
                record(.parent, name)
                if !before.isEmpty { tokens.append(.text(String(before))) }
                // Text at the top level of a parent is dropped, so the tags there do not make a line less alone: a parent
                // opened at the start of a line, and a block defined in it, count as at the start of their lines.
                let atLineStart = newLine
                let open = standalone()
                let indentation = String(before)
                before = []
                let (savedDefinition, savedIndent) = (inDefinition, definitionIndent)
                inDefinition = true
                definitionIndent = nil
                newLine = open || atLineStart
                let body = try parse(until: name, openedAt: opened, topLevelOfParent: true)
                (inDefinition, definitionIndent) = (savedDefinition, savedIndent)
                nextNewLine = open || closedStandalone
                var overrides: [String: [CompiledTemplate.Token]] = [:]
                for token in body {
                    switch token {
                    case .block(let blockName, let blockBody, _, _): overrides[blockName] = blockBody
                    case .text: break
                    default: throw failure("only block definitions may stand inside `{{<\(name)}}`")
                    }
                }
                tokens.append(.partial(name: name, indentation: indentation, overrides: overrides))
            case "$":
                i += 1
                let name = try readName(Self.nameChars)
                if topLevelOfParent {
                    newLine = standalone() || newLine
                    let body = try parse(until: name, openedAt: opened, topLevelOfParent: false)
                    tokens.append(.block(name: name, body: body, indentation: nil, intrinsic: nil))
                    nextNewLine = closedStandalone || closedAtLineStart
                } else {
                    if !before.isEmpty { tokens.append(.text(String(before))) }
                    nextNewLine = standalone()
                    let indentation = String(before)
                    before = []
                    newLine = nextNewLine
                    let body = try parse(until: name, openedAt: opened, topLevelOfParent: false)
                    tokens.append(.block(name: name, body: body, indentation: indentation,
                                         intrinsic: nextNewLine ? Self.leadingSpaces(of: body) : nil))
                }
            case "=":
                throw failure("changing the tag delimiters is not supported; keep {{ and }}")
            case "%":
                throw failure("pragmas are not supported")
            default:
                flushBefore(&tokens)
                let name = try readName(Self.nameChars)
                record(.variable, name)
                tokens.append(.variable(name: Self.path(name), escaped: true))
            }
            newLine = nextNewLine
        }
        if let closing { throw failure("`{{#\(closing)}}` is not closed: it needs a matching `{{/\(closing)}}`", at: opening) }
        return tokens
    }
}
