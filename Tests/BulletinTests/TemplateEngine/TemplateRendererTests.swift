import Foundation
import Testing
import ContentLoading
import Diagnostics
import Mustache
@testable import SiteRendering
@testable import TemplateEngine

/// The values as nested dictionaries, for swift-mustache.
extension TemplateValue {
    var plain: Any {
        switch self {
        case .object(let object): return object.dictionary
        case .objects(let list): return list.map(\.dictionary)
        case .list(let list): return list.map(\.plain)
        default: return any
        }
    }
}

extension TemplateObject {
    var dictionary: [String: Any] {
        var dictionary: [String: Any] = [:]
        for (name, value) in values { dictionary[name] = value.plain }
        return dictionary
    }
}

/// The renderer must give exactly what swift-mustache (the reference) gives, for every page of the real site.
@Suite struct TemplateRendererTests {
    @Test func rendersEveryPageByteForByteAsSwiftMustache() throws {
        var diagnostics: [Diagnostic] = []
        let templates = try #require(TemplateSet.load(from: Support.templates, displayFolder: "Templates", diagnostics: &diagnostics))
        let loaded = ContentLoader(root: Support.content, displayRoot: "Content").load()
        let site = try #require(loaded.site)
        let pages = SiteRenderer(site: site, templates: templates).allPageValues()
            + SiteRenderer(site: SampleSite.site, templates: templates).allPageValues()
        #expect(pages.count > 140)
        let library = MustacheLibrary(templates: try templates.sources.mapValues { try MustacheTemplate(string: $0) })
        for (template, values) in pages {
            let fast = templates.render(values, template: template)
            let reference = library.render(values.dictionary, withTemplate: template)
            #expect(fast == reference, "\(template) differs")
        }
    }

    @Test func followsTheMustacheRulesForStandaloneLinesAndIndentedPartials() throws {
        let partial = try CompiledTemplate("<b>{{x}}</b>\n<i>{{y}}</i>\n")
        let page = try CompiledTemplate("""
        <ul>
          {{#items}}
          <li>{{name}}</li>
          {{/items}}
          {{^items}}
          <li>none</li>
          {{/items}}
        </ul>
          {{> part}}
        {{! a comment line }}
        <p>{{{raw}}} {{&raw}} {{escaped}}</p>
        """)
        let renderer = TemplateRenderer(templates: ["page": page, "part": partial])
        let output = renderer.render(["items": [["name": "一"], ["name": "二"]], "x": "X", "y": "Y",
                                      "raw": "<em>", "escaped": "<\"&'>"], template: "page")
        #expect(output == """
        <ul>
          <li>一</li>
          <li>二</li>
        </ul>
          <b>X</b>
          <i>Y</i>
        <p><em> <em> &lt;&quot;&amp;&#39;&gt;</p>
        """)
    }

    @Test func writesTextGivenAsBytesAsItWritesText() throws {
        let page = try CompiledTemplate("{{{svg}}}|{{svg}}|{{#svg}}shown{{/svg}}|{{^svg}}hidden{{/svg}}")
        let renderer = TemplateRenderer(templates: ["page": page])
        let markup = "<svg aria-label=\"图表\">“目标”</svg>"
        let asBytes = renderer.render(["svg": Array(markup.utf8)] as TemplateObject, template: "page")
        let asText = renderer.render(["svg": markup] as TemplateObject, template: "page")
        #expect(asBytes == asText)
        #expect(asBytes == "<svg aria-label=\"图表\">“目标”</svg>|&lt;svg aria-label=&quot;图表&quot;&gt;“目标”&lt;/svg&gt;|shown|")
    }

    @Test func copiesOfValuesChangeApart() {
        let shared: TemplateObject = ["title": "规划", "items": [["name": "一"] as TemplateObject]]
        var page = shared
        page["title"] = "指标"
        page["extra"] = true
        var other = shared
        other["title"] = nil
        #expect(shared["title"] as? String == "规划")
        #expect(shared["extra"] == nil)
        #expect(page["title"] as? String == "指标")
        #expect(page["extra"] as? Bool == true)
        #expect(other["title"] == nil)
        #expect(other["items"] != nil)
    }

    @Test func findsEveryTagWithItsLineAndColumn() throws {
        let template = try CompiledTemplate("一二{{ x }}\n  {{#y}}{{/y}}{{{z}}}{{> p}}{{<layout}}{{$main}}{{/main}}{{/layout}}\n{{! 注 }}{{& raw }}{{a.b}}")
        #expect(template.tags == [
            .init(kind: .variable, name: "x", line: 1, column: 3),
            .init(kind: .section, name: "y", line: 2, column: 3),
            .init(kind: .variable, name: "z", line: 2, column: 15),
            .init(kind: .partial, name: "p", line: 2, column: 22),
            .init(kind: .parent, name: "layout", line: 2, column: 29),
            .init(kind: .variable, name: "raw", line: 3, column: 9),
            .init(kind: .variable, name: "a.b", line: 3, column: 19),
        ])
        // A syntax error is reported at its tag: a delimiter change, a tag left open, a section never closed.
        for (text, line, column) in [("ab\n  {{=<% %>=}}", 2, 3), ("{{x}}\n{{unclosed", 2, 1), ("\n\n 一{{#a}}\n", 3, 3)] {
            #expect(throws: CompiledTemplate.Failure.self) { try CompiledTemplate(text) }
            do { _ = try CompiledTemplate(text) } catch let failure as CompiledTemplate.Failure {
                #expect((failure.line, failure.column) == (line, column), "\(text.debugDescription): \(failure.message)")
            }
        }
        // A template's closure holds every partial and parent it reaches, missing ones too.
        #expect(TemplateSet.closure(of: "page", in: ["page": "{{> a}}{{<b}}{{/b}}", "a": "{{> c}}", "b": "{{> a}}"]) == ["a", "b", "c", "page"])
    }

    @Test func reportsAnUnclosedSectionWhereItIs() {
        #expect(throws: CompiledTemplate.Failure.self) { try CompiledTemplate("<p>\n{{#a}}\n</p>") }
        do {
            _ = try CompiledTemplate("ok\n{{/b}}")
        } catch let failure as CompiledTemplate.Failure {
            #expect(failure.line == 2)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
