import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Every field that reaches the output holds the same hostile text (a script, an event handler, a `javascript:`
/// link, `]]>`, `</svg>`, a bidi override, a spreadsheet formula). The site is built, and every output is read back:
/// pages hold no tag the text tried to make, XML files parse, JSON parses, CSV cells never start a formula.
@Suite struct HostileSiteTests {
    static let payload = "<script>alert(1)</script>\"'><img src=x onerror=alert(1)><a href=\"javascript:alert(1)\">x</a>]]></svg>\u{202E}=HYPERLINK(\"http://x\")"

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\u{202E}", with: "\\u202E") + "\""
    }

    static func hostileContent() throws -> URL {
        let root = try Support.scratch()
        let content = root.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: Support.fixtures.appendingPathComponent("valid"), to: content)
        let p = quoted(payload)
        try Data("title: \(p)\norganisation: \(p)\ndescription: \(p)\nfooter: \(p)\nas_of: 2025\nurl: https://example.org/bulletin/\n".utf8)
            .write(to: content.appendingPathComponent("site.yaml"))
        let plan = content.appendingPathComponent("plans/demo/plan.yaml")
        var yaml = Support.text(plan)
        yaml = yaml.replacingOccurrences(of: "title: 示例市科技服务业三年行动计划（2023—2025年）", with: "title: \(p)")
        yaml = yaml.replacingOccurrences(of: "short_title: 科技服务业三年行动计划", with: "short_title: \(p)")
        yaml = yaml.replacingOccurrences(of: "issuer: 示例市人民政府办公厅", with: "issuer: \(p)")
        yaml = yaml.replacingOccurrences(of: "    note: 仅用于测试，不是真实文件。", with: "    note: \(p)\nnotice: \(p)\neditorial_notes:\n  - \(p)")
        try Data(yaml.utf8).write(to: plan)
        let indicators = content.appendingPathComponent("plans/demo/indicators.yaml")
        try Data(Support.text(indicators).replacingOccurrences(of: "name: 从业人员", with: "name: \(p)")
            .replacingOccurrences(of: "name: 科技服务业市场主体", with: "name: \(quoted("=HYPERLINK(\"http://x\",\"y\")"))")
            .replacingOccurrences(of: "title: 主要目标", with: "title: \(p)").utf8).write(to: indicators)
        let goals = content.appendingPathComponent("plans/demo/goals.md")
        let text = Support.text(goals)
        try Data(text.replacingOccurrences(of: "title: 发展目标", with: "title: \(p)").appending("\n\n\(payload)\n\n[链接](javascript:alert(1))\n").utf8).write(to: goals)
        try FileManager.default.createDirectory(at: content.appendingPathComponent("releases"), withIntermediateDirectories: true)
        try Data("---\ntitle: \(p)\ndate: 2025-01-01\nsummary: \(p)\n---\n\n\(payload)\n".utf8).write(to: content.appendingPathComponent("releases/2025-hostile.md"))
        return root
    }

    @Test func nothingTheTextHoldsBecomesMarkupCodeOrAFormula() throws {
        let root = try Self.hostileContent()
        defer { Support.remove(root) }
        let (site, siteRoot) = try Support.build(root.appendingPathComponent("Content"))
        defer { Support.remove(siteRoot) }
        var counts: [String: Int] = [:]
        let enumerator = FileManager.default.enumerator(atPath: site.path)
        while let path = enumerator?.nextObject() as? String {
            let url = site.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let kind = url.pathExtension
            counts[kind, default: 0] += 1
            let data = try Data(contentsOf: url)
            let text = String(decoding: data, as: UTF8.self)
            switch kind {
            case "html":
                #expect(!text.contains("<script") && !text.contains("<img") && !text.contains("href=\"javascript:") && !text.contains("onerror=alert(1)>"),
                        "\(path) holds markup the text made")
            case "svg", "xml":
                let parser = XMLParser(data: data)
                #expect(parser.parse(), "\(path) is not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "")")
                #expect(!text.contains("<script") && !text.contains("<img"), "\(path) holds markup the text made")
            case "json":
                #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(path) is not JSON")
            case "csv":
                for line in text.split(separator: "\r\n") {
                    for cell in line.split(separator: ",", omittingEmptySubsequences: false) {
                        let value = cell.hasPrefix("\"") ? cell.dropFirst() : cell
                        #expect(!value.hasPrefix("="), "\(path): a cell starts a formula: \(cell.prefix(40))")
                    }
                }
            default: break
            }
        }
        #expect(counts["html", default: 0] > 15 && counts["svg", default: 0] > 0 && counts["json", default: 0] > 0 && counts["csv", default: 0] > 0)
        #expect(counts["xml", default: 0] == 2, "feed.xml and sitemap.xml")
        // The words are kept, as text: the site shows what the file says.
        let home = Support.text(site.appendingPathComponent("index.html"))
        #expect(home.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }
}
