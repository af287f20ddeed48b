import Foundation
import Testing
import BulletinCore
import Diagnostics

/// Templates are checked before anything is rendered: mistakes that swift-mustache would render as empty
/// text are build errors with a location.
@Suite struct TemplateTests {
    /// Builds the valid fixture with a copy of Templates/ in which `file` is replaced by `text`.
    func check(replacing file: String, with text: String?) throws -> Builder.Report {
        let scratch = try Support.scratch()
        defer { Support.remove(scratch) }
        try FileManager.default.copyItem(at: Support.fixtures.appendingPathComponent("valid"), to: scratch.appendingPathComponent("Content"))
        let templates = scratch.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: Support.templates, to: templates)
        let target = templates.appendingPathComponent(file)
        if let text {
            try Data(text.utf8).write(to: target)
        } else {
            try FileManager.default.removeItem(at: target)
        }
        return Builder(options: .init(workingDirectory: scratch)).build()
    }

    @Test func theRealTemplatesPassTheCheck() throws {
        let report = try check(replacing: "assets/site.css", with: "body {}")
        #expect(report.succeeded, "\(report.diagnostics)")
    }

    @Test func anUnknownValueIsAnErrorWithItsLocation() throws {
        let report = try check(replacing: "partials/breadcrumbs.mustache", with: "<nav>\n  {{#breadcrumbs}}{{titel}}{{/breadcrumbs}}\n</nav>\n")
        #expect(report.diagnostics.map(\.description) == [
            "Templates/partials/breadcrumbs.mustache:2:19: error: the template uses an unknown value `titel`\n  hint: did you mean `title`? the values a template can use are listed in docs/templates.md",
        ])
    }

    @Test func aMissingPartialIsAnError() throws {
        let report = try check(replacing: "home.mustache", with: "{{<layout}}{{$main}}\n{{> partials/nav}}{{/main}}{{/layout}}")
        #expect(report.diagnostics.map(\.headline) == [
            "Templates/home.mustache:2:1: error: the template names a partial `partials/nav` that does not exist",
        ])
    }

    @Test func aSyntaxErrorIsReportedWhereItIs() throws {
        let report = try check(replacing: "home.mustache", with: "<main>\n{{#plans}}\n<p>{{title}}</p>\n</main>\n")
        #expect(!report.succeeded)
        let first = try #require(report.diagnostics.first)
        #expect(first.location.file == "Templates/home.mustache")
        #expect(first.message.hasPrefix("template syntax error"))
    }

    @Test func aMissingPageTemplateIsAnError() throws {
        let report = try check(replacing: "section.mustache", with: nil)
        #expect(report.diagnostics.map(\.headline) == [
            "Templates/section.mustache:1:1: error: the template `section` is missing",
        ])
    }
}

@Suite struct OneRunReportsEverythingTests {
    @Test func contentAndTemplateProblemsAreReportedTogether() throws {
        let scratch = try Support.scratch()
        defer { Support.remove(scratch) }
        let content = scratch.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: Support.fixtures.appendingPathComponent("valid"), to: content)
        let templates = scratch.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: Support.templates, to: templates)
        func edit(_ url: URL, _ old: String, _ new: String) throws {
            let text = Support.text(url).replacingOccurrences(of: old, with: new)
            try Data(text.utf8).write(to: url)
        }
        try edit(content.appendingPathComponent("plans/demo/goals.md"), "kind: goals", "kind: goal")
        try edit(content.appendingPathComponent("plans/demo/indicators.yaml"), "value: 5.6\n", "value: 5.6万\n")
        try edit(templates.appendingPathComponent("partials/breadcrumbs.mustache"), "{{title}}", "{{titel}}")

        let report = Builder(options: .init(workingDirectory: scratch)).build()
        #expect(report.diagnostics.map(\.headline) == [
            "Content/plans/demo/goals.md:2:7: error: unknown kind `goal` in section front matter",
            "Content/plans/demo/indicators.yaml:12:16: error: `value` of target of indicator `market-entities` is not a number: `5.6万`",
            "Templates/partials/breadcrumbs.mustache:3:43: error: the template uses an unknown value `titel`",
        ])
        #expect(!FileManager.default.fileExists(atPath: scratch.appendingPathComponent("Site").path))
    }
}
