import Foundation
import Testing
import TemplateEngine

/// The official Mustache spec's test cases (Fixtures/mustache-spec, from github.com/mustache/spec, its VERSION
/// file naming the commit) run against the template engine: every case of the core modules and of template
/// inheritance renders exactly what the spec expects. Changing the delimiters is not supported: those templates must
/// be refused with a located error, never rendered wrongly.
@Suite struct MustacheSpecTests {
    static let folder = Support.fixtures.appendingPathComponent("mustache-spec")

    struct SpecFile: Decodable {
        var tests: [Case]
    }

    struct Case: Decodable, CustomTestStringConvertible {
        var name: String
        var data: JSON
        var template: String
        var expected: String
        var partials: [String: String]?
        var testDescription: String { name }
    }

    /// A JSON value as the spec's files hold it.
    indirect enum JSON: Decodable {
        case null, bool(Bool), number(Double), string(String), array([JSON]), object([String: JSON])

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .null }
            else if let flag = try? container.decode(Bool.self) { self = .bool(flag) }
            else if let number = try? container.decode(Double.self) { self = .number(number) }
            else if let text = try? container.decode(String.self) { self = .string(text) }
            else if let list = try? container.decode([JSON].self) { self = .array(list) }
            else { self = .object(try container.decode([String: JSON].self)) }
        }

        /// The value the engine reads: whole numbers as numbers, others as their shortest decimal text; a null
        /// is no value at all.
        var value: TemplateValue? {
            switch self {
            case .null: return nil
            case .bool(let flag): return .flag(flag)
            case .number(let number): return number.rounded() == number && abs(number) < 1e15 ? .number(Int(number)) : .text("\(number)")
            case .string(let text): return .text(text)
            case .array(let list): return .list(list.compactMap(\.value))
            case .object(let object):
                var result = TemplateObject()
                for (name, value) in object.sorted(by: { $0.key < $1.key }) { result[name] = value.value }
                return .object(result)
            }
        }
    }

    static func cases(_ file: String) throws -> [Case] {
        let data = try Data(contentsOf: folder.appendingPathComponent(file + ".json"))
        return try JSONDecoder().decode(SpecFile.self, from: data).tests
    }

    static func render(_ test: Case) throws -> String? {
        var templates = ["test": try CompiledTemplate(test.template)]
        for (name, text) in test.partials ?? [:] { templates[name] = try CompiledTemplate(text) }
        return TemplateRenderer(templates: templates).render(root: test.data.value ?? .flag(false), template: "test")
    }

    @Test(arguments: try ["comments", "interpolation", "inverted", "partials", "sections", "~inheritance"].flatMap { file in
        try cases(file).map { (file, $0) }
    })
    func rendersAsTheSpecSays(_ file: String, _ test: Case) throws {
        let rendered = try Self.render(test)
        #expect(rendered == test.expected, "\(file): \(test.name)")
    }

    @Test(arguments: try cases("delimiters"))
    func refusesToChangeTheDelimiters(_ test: Case) throws {
        let usesDelimiters = ([test.template] + (test.partials ?? [:]).values).contains { $0.contains("{{=") }
        if usesDelimiters {
            #expect(throws: CompiledTemplate.Failure.self) { try Self.render(test) }
        } else {
            #expect(try Self.render(test) == test.expected, "\(test.name)")
        }
    }
}
