import Diagnostics
import Yams

/// Parses YAML into a node tree that keeps every value's line and column, so that any later problem can be
/// reported where it is. `lineOffset` shifts lines for YAML that starts further down a file (front matter).
struct YAMLDocument {
    var file: String
    var root: YAMLNode?
    var lineOffset: Int

    static func parse(_ text: String, file: String, lineOffset: Int = 0, diagnostics: inout [Diagnostic]) -> YAMLDocument? {
        if let problem = YAMLLimits.problem(in: text, file: file, lineOffset: lineOffset) {
            diagnostics.append(problem)
            return nil
        }
        // Most content files are plain YAML that the quick parser reads; it leaves the rest, and every error, to Yams.
        if let root = QuickYAML.parse(text) {
            return YAMLDocument(file: file, root: root, lineOffset: lineOffset)
        }
        do {
            // The basic resolver: no regular expressions run on every scalar; the loaders read each value as
            // text and decide its type themselves (so `no` stays "no" and `1.10` stays "1.10"). UTF-8 named
            // here: the default is worked out anew for every parser, from the whole environment.
            let root = try Parser(yaml: text, resolver: .basic, encoding: .utf8).singleRoot()
            return YAMLDocument(file: file, root: root.map(YAMLNode.init), lineOffset: lineOffset)
        } catch let error as YamlError {
            diagnostics.append(diagnostic(for: error, in: text, file: file, lineOffset: lineOffset))
            return nil
        } catch {
            diagnostics.append(.error(at: SourceLocation(file: file, line: 1 + lineOffset), "cannot parse YAML: \(error)"))
            return nil
        }
    }

    func location(of node: YAMLNode?) -> SourceLocation {
        guard let node else { return SourceLocation(file: file, line: 1 + lineOffset, column: 1) }
        return SourceLocation(file: file, line: node.line + lineOffset, column: node.column)
    }

    static func diagnostic(for error: YamlError, in text: String, file: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
        }
        let hint = "YAML is sensitive to indentation and to `:` inside text; put text that holds `: ` or starts with `[`, `{`, `*`, `&` or `#` in quotes"
        switch error {
        case let .scanner(context, problem, mark, _):
            return .error(at: at(mark), "YAML syntax error: \(describe(problem, context))", hint: hint)
        case let .parser(context, problem, mark, _):
            return .error(at: at(mark), "YAML syntax error: \(describe(problem, context))", hint: hint)
        case let .composer(context, problem, mark, _):
            return .error(at: at(mark), "YAML error: \(describe(problem, context))", hint: hint)
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "`\($0)`" }.joined(separator: ", ")
            let repeated = duplicates.first.flatMap { secondOccurrence(of: $0, in: text, mapping: context.mark) }
            return .error(at: repeated.map { SourceLocation(file: file, line: $0.line + lineOffset, column: $0.column) } ?? at(context.mark), "duplicate key \(keys) in the same mapping",
                          hint: "each key may appear once; remove or rename the repeated one")
        case let .reader(problem, offset, _, _):
            return .error(at: SourceLocation(file: file, line: 1 + lineOffset), "cannot read YAML: \(problem)\(offset.map { " at offset \($0)" } ?? "")")
        default:
            return .error(at: SourceLocation(file: file, line: 1 + lineOffset), "YAML error: \(error)")
        }
    }

    /// Yams reports a repeated key at the start of its mapping; find the repeat itself, a line that starts
    /// with `key:` at the mapping's column, the second time it occurs.
    static func secondOccurrence(of key: String, in text: String, mapping: Mark) -> (line: Int, column: Int)? {
        var count = 0
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for index in max(0, mapping.line - 1)..<lines.count {
            let line = lines[index]
            let indent = line.prefix { $0 == " " }.count
            guard indent + 1 == mapping.column || (index == mapping.line - 1 && line.dropFirst(mapping.column - 1).hasPrefix(key)) else { continue }
            let rest = line.dropFirst(indent)
            let body = rest.hasPrefix("- ") && index == mapping.line - 1 ? rest.dropFirst(2) : rest
            if body.hasPrefix(key + ":") || body.hasPrefix("\"" + key + "\":") {
                count += 1
                if count == 2 { return (index + 1, indent + 1) }
            }
        }
        return nil
    }

    private static func describe(_ problem: String, _ context: YamlError.Context?) -> String {
        guard let context, !context.text.isEmpty else { return problem }
        return "\(problem) (\(context.text) at \(context.mark.line):\(context.mark.column))"
    }
}
