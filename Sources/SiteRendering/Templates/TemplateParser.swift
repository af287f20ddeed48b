/// A compiled Mustache template, for the renderer in `TemplateRenderer.swift`.
///
/// It follows the Mustache spec, and swift-mustache's reading of it exactly (a test renders every page of the
/// real site with both and compares the bytes): text is cut into lines; a section, inverted section,
/// closing, comment, partial, parent or block tag alone on its line takes the line with it; the whitespace
/// before a standalone partial indents every line of the partial.
struct CompiledTemplate: Sendable {
    indirect enum Token: Sendable {
        case text(String)
        case variable(name: [String], escaped: Bool)
        case section(name: [String], inverted: Bool, body: [Token])
        case partial(name: String, indentation: String?, overrides: [String: [Token]]?)
        case block(name: String, body: [Token], indentation: String?)
    }

    var tokens: [Token]

    struct Failure: Error, CustomStringConvertible {
        var message: String
        var line: Int
        var column: Int
        var description: String { message }
    }

    init(_ text: String) throws {
        var parser = TemplateParser(Array(text))
        tokens = try parser.parse(until: nil, topLevelOfParent: false)
    }
}

struct TemplateParser {
    let chars: [Character]
    var i = 0
    var newLine = true
    /// Inside a parent's block definitions: the indentation of the definition's first line, removed from all.
    var definitionIndent: [Character]?
    var inDefinition = false

    init(_ chars: [Character]) {
        self.chars = chars
    }

    var atEnd: Bool { i >= chars.count }

    func failure(_ message: String) -> CompiledTemplate.Failure {
        var line = 1, column = 1
        for c in chars[..<min(i, chars.count)] {
            if c == "\n" || c == "\r\n" { line += 1; column = 1 } else { column += 1 }
        }
        return .init(message: message, line: line, column: column)
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

    static func path(_ name: String) -> [String] {
        name == "." ? ["."] : name.split(separator: ".").map(String.init)
    }

    /// Tokens until `{{/closing}}` (or the end when `closing` is nil).
    mutating func parse(until closing: String?, topLevelOfParent: Bool) throws -> [CompiledTemplate.Token] {
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
            var nextNewLine = false
            func flushBefore(_ tokens: inout [CompiledTemplate.Token]) {
                if !before.isEmpty { tokens.append(.text(String(before))); before = [] }
            }
            let sigil = chars[i]
            switch sigil {
            case "#", "^":
                i += 1
                let name = try readName(Self.nameChars)
                let open = standalone()
                if !open { flushBefore(&tokens) }
                newLine = open
                let body = try parse(until: name, topLevelOfParent: false)
                tokens.append(.section(name: Self.path(name), inverted: sigil == "^", body: body))
                // The line state after a section is the opening tag's (as swift-mustache reads it).
                nextNewLine = open
            case "/":
                i += 1
                let name = try readName(Self.nameChars)
                guard name == closing else { throw failure("`{{/\(name)}}` closes a section that is not open") }
                if !standalone() { flushBefore(&tokens) }
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
                if sigil == "{" {
                    guard i < chars.count, chars[i] == "}" else { throw failure("unfinished `{{{` tag") }
                    i += 1
                }
                tokens.append(.variable(name: Self.path(name), escaped: false))
            case ">":
                i += 1
                let name = try readName(Self.partialChars)
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
                if !before.isEmpty { tokens.append(.text(String(before))) }
                nextNewLine = standalone()
                let indentation = String(before)
                before = []
                let (savedDefinition, savedIndent) = (inDefinition, definitionIndent)
                inDefinition = true
                definitionIndent = nil
                newLine = nextNewLine
                let body = try parse(until: name, topLevelOfParent: true)
                (inDefinition, definitionIndent) = (savedDefinition, savedIndent)
                var overrides: [String: [CompiledTemplate.Token]] = [:]
                for token in body {
                    switch token {
                    case .block(let blockName, let blockBody, _): overrides[blockName] = blockBody
                    case .text: break
                    default: throw failure("only block definitions may stand inside `{{<\(name)}}`")
                    }
                }
                tokens.append(.partial(name: name, indentation: indentation, overrides: overrides))
            case "$":
                i += 1
                let name = try readName(Self.nameChars)
                if topLevelOfParent {
                    nextNewLine = standalone()
                    newLine = nextNewLine
                    let body = try parse(until: name, topLevelOfParent: false)
                    tokens.append(.block(name: name, body: body, indentation: nil))
                } else {
                    if !before.isEmpty { tokens.append(.text(String(before))) }
                    nextNewLine = standalone()
                    let indentation = String(before)
                    before = []
                    newLine = nextNewLine
                    let body = try parse(until: name, topLevelOfParent: false)
                    tokens.append(.block(name: name, body: body, indentation: indentation))
                }
            case "=":
                throw failure("changing the tag delimiters is not supported")
            case "%":
                throw failure("pragmas are not supported")
            default:
                flushBefore(&tokens)
                let name = try readName(Self.nameChars)
                tokens.append(.variable(name: Self.path(name), escaped: true))
            }
            newLine = nextNewLine
        }
        if let closing { throw failure("`{{#\(closing)}}` is not closed") }
        return tokens
    }
}
