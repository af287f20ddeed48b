import Foundation
import Testing
import ContentLoading
import Diagnostics
@testable import SiteRendering

/// The fast renderer must give exactly what swift-mustache gives, for every page of the real site.
@Suite struct TemplateRendererTests {
    @Test func rendersEveryPageByteForByteAsSwiftMustache() throws {
        var diagnostics: [Diagnostic] = []
        let templates = try #require(TemplateSet.load(from: Support.templates, displayFolder: "Templates", diagnostics: &diagnostics))
        let loaded = ContentLoader(root: Support.content, displayRoot: "Content").load()
        let site = try #require(loaded.site)
        let pages = SiteRenderer(site: site, templates: templates).allPageValues()
            + SiteRenderer(site: SampleSite.site, templates: templates).allPageValues()
        #expect(pages.count > 140)
        for (template, values) in pages {
            let fast = templates.render(values, template: template)
            let reference = templates.renderWithSwiftMustache(values, template: template)
            #expect(fast == reference, "\(template) differs")
        }
    }

    /// Page values are `TemplateObject`s all the way down: a dictionary (what a bare literal becomes) would be
    /// hashed when read, and a `[String: String]` converted, element by element, every time.
    @Test func pageValuesNeedNoConversionWhenRead() throws {
        var diagnostics: [Diagnostic] = []
        let templates = try #require(TemplateSet.load(from: Support.templates, displayFolder: "Templates", diagnostics: &diagnostics))
        let site = try #require(ContentLoader(root: Support.content, displayRoot: "Content").load().site)
        var converted: Set<String> = []
        var objects = 0
        func walk(_ value: Any, _ path: String) {
            if let object = value as? TemplateObject {
                objects += 1
                for (key, child) in object.entries { walk(child, path + "." + key) }
            } else if value is [String: Any] || value is [String: String] {
                converted.insert(path + " (\(type(of: value)))")
            } else if let list = value as? [Any], !(value is [String]) {
                if type(of: value) != [TemplateObject].self, type(of: value) != [Any].self { converted.insert(path + " (\(type(of: value)))") }
                for child in list { walk(child, path + "[]") }
            }
        }
        for (template, values) in SiteRenderer(site: site, templates: templates).allPageValues()
            + SiteRenderer(site: SampleSite.site, templates: templates).allPageValues() {
            walk(values, template)
        }
        #expect(objects > 1000)
        #expect(converted.isEmpty, "values converted on every read: \(converted.sorted())")
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

    @Test func findsEveryTagWithItsLineAndColumnInScalars() {
        let tags = MustacheTags.scan("一二{{ x }}\n  {{#y}}{{/y}}{{{z}}}{{> p}}{{<layout}}{{$main}}{{/main}}{{/layout}}\n{{! 注 }}{{& raw }}{{=<% %>=}}{{unclosed")
        #expect(tags == [
            .init(kind: .variable, name: "x", line: 1, column: 3),
            .init(kind: .section, name: "y", line: 2, column: 3),
            .init(kind: .other, name: "/y", line: 2, column: 9),
            .init(kind: .variable, name: "z", line: 2, column: 15),
            .init(kind: .partial, name: "p", line: 2, column: 22),
            .init(kind: .parent, name: "layout", line: 2, column: 29),
            .init(kind: .other, name: "$main", line: 2, column: 40),
            .init(kind: .other, name: "/main", line: 2, column: 49),
            .init(kind: .other, name: "/layout", line: 2, column: 58),
            .init(kind: .other, name: "! 注", line: 3, column: 1),
            .init(kind: .variable, name: "raw", line: 3, column: 9),
            .init(kind: .delimiterChange, name: "=<% %>=", line: 3, column: 19),
            .init(kind: .variable, name: "unclosed", line: 3, column: 30),
        ])
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
