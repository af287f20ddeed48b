import Diagnostics
import Foundation
import Model
import TemplateEngine

/// The templates folder: Mustache templates (`*.mustache`) and static assets (`assets/`, copied as they are).
///
/// Mustache renders an unknown name or a missing partial as empty text, silently. So the set is checked before
/// anything is rendered: every tag's name must be a value the generator provides, and every partial and parent
/// must exist. A mistake is reported at its file, line and column.
public struct TemplateSet: Sendable {
    public let folder: URL
    public let displayFolder: String
    let renderer: TemplateRenderer
    /// Template name → its text.
    public let sources: [String: String]
    /// Asset path relative to `assets/` → bytes.
    public let assets: [(path: String, data: Data)]
    /// Template name → the templates it uses, itself included (see `closure(of:)`).
    let closures: [String: [String]]
    /// Template name → its tags, as the template was read.
    let tags: [String: [CompiledTemplate.Tag]]

    /// The key a template or asset file has in the build manifest: its path as messages show it.
    public func key(template name: String) -> String { displayFolder + "/" + name + ".mustache" }
    public func key(asset path: String) -> String { displayFolder + "/assets/" + path }

    /// Fingerprints of every template and asset, by key.
    public var fingerprints: [String: UInt64] {
        var result: [String: UInt64] = [:]
        for (name, text) in sources { result[key(template: name)] = StableHash.of(text.utf8) }
        for asset in assets { result[key(asset: asset.path)] = StableHash.of(asset.data) }
        return result
    }

    /// `name` and every partial and parent it uses, directly or through others: what a page made with it
    /// depends on.
    public func closure(of name: String) -> [String] {
        closures[name] ?? Self.closure(of: name, in: sources)
    }

    static func closure(of name: String, in sources: [String: String]) -> [String] {
        closure(of: name, uses: sources.mapValues { ((try? CompiledTemplate($0))?.tags).map(uses) ?? [] })
    }

    /// The partials and parents a template's tags name.
    static func uses(_ tags: [CompiledTemplate.Tag]) -> [String] {
        tags.filter { $0.kind == .partial || $0.kind == .parent }.map(\.name)
    }

    /// `name` and everything it uses, given what each template uses directly (each template scanned once).
    static func closure(of name: String, uses: [String: [String]]) -> [String] {
        var seen: Set<String> = []
        var pending = [name]
        while let next = pending.popLast() {
            guard seen.insert(next).inserted, let used = uses[next] else { continue }
            pending += used
        }
        return seen.sorted()
    }

    /// The templates the generator renders pages with.
    public static let requiredTemplates = ["home", "plan", "section", "indicator", "releases", "release", "404", "search", "partials/indicator-table"]

    public static func load(from folder: URL, displayFolder: String, diagnostics: inout [Diagnostic]) -> TemplateSet? {
        let fm = FileManager.default
        // The folder may be a link to a theme kept elsewhere: the enumerator does not walk into a link, so it walks
        // the folder the link leads to.
        let folder = folder.resolvingSymlinksInPath()
        guard let enumerator = fm.enumerator(atPath: folder.path) else {
            diagnostics.append(.error(at: SourceLocation(file: displayFolder), "the templates folder does not exist",
                                      hint: "pass --templates, or run from the project folder that holds Templates/"))
            return nil
        }
        var sources: [String: String] = [:]
        var assets: [(String, Data)] = []
        var compiled: [String: CompiledTemplate] = [:]
        let paths = enumerator.compactMap { $0 as? String }.sorted()
        for path in paths {
            let url = folder.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let display = displayFolder + "/" + path
            if path.hasSuffix(".mustache") {
                guard let data = fm.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
                    diagnostics.append(.error(at: SourceLocation(file: display), "cannot read the template as UTF-8 text"))
                    continue
                }
                let name = String(path.dropLast(".mustache".count))
                sources[name] = text
                do {
                    compiled[name] = try CompiledTemplate(text)
                } catch let error as CompiledTemplate.Failure {
                    diagnostics.append(.error(at: SourceLocation(file: display, line: error.line, column: error.column),
                                              "template syntax error: \(error.message)"))
                } catch {
                    diagnostics.append(.error(at: SourceLocation(file: display), "template error: \(error)"))
                }
            } else if path.hasPrefix("assets/"), let data = fm.contents(atPath: url.path) {
                assets.append((String(path.dropFirst("assets/".count)), data))
            }
        }
        for name in requiredTemplates where sources[name] == nil {
            diagnostics.append(.error(at: SourceLocation(file: displayFolder + "/\(name).mustache"), "the template `\(name)` is missing",
                                      hint: "the generator renders its pages with \(requiredTemplates.map { $0 + ".mustache" }.joined(separator: ", "))"))
        }
        let tags = compiled.mapValues(\.tags)
        let uses = tags.mapValues(uses)
        var closures: [String: [String]] = [:]
        for name in sources.keys { closures[name] = closure(of: name, uses: uses) }
        return TemplateSet(folder: folder, displayFolder: displayFolder, renderer: TemplateRenderer(templates: compiled), sources: sources, assets: assets, closures: closures,
                           tags: tags)
    }

    /// Checks every tag against the names the page values provide and the templates that exist.
    public func check(knownNames: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for name in sources.keys.sorted() {
            let file = displayFolder + "/" + name + ".mustache"
            for tag in tags[name] ?? [] {
                switch tag.kind {
                case .partial, .parent:
                    if sources[tag.name] == nil {
                        diagnostics.append(.error(at: SourceLocation(file: file, line: tag.line, column: tag.column),
                                                  "the template names a partial `\(tag.name)` that does not exist",
                                                  hint: "templates: " + sources.keys.sorted().joined(separator: ", ")))
                    }
                case .variable, .section:
                    let head = tag.name.split(separator: ".").first.map(String.init) ?? tag.name
                    if tag.name != ".", !knownNames.contains(head) {
                        var hint = "the values a template can use are listed in docs/templates.md"
                        if let near = Suggestions.nearest(head, in: knownNames) { hint = "did you mean `\(near)`? " + hint }
                        diagnostics.append(.error(at: SourceLocation(file: file, line: tag.line, column: tag.column),
                                                  "the template uses an unknown value `\(tag.name)`", hint: hint))
                    }
                }
            }
        }
        return diagnostics
    }

    func render(_ values: TemplateObject, template: String) -> String? {
        renderer.render(values, template: template)
    }

    /// The same, as UTF-8 bytes.
    func renderBytes(_ values: TemplateObject, template: String) -> [UInt8]? {
        renderer.renderBytes(values, template: template)
    }
}
