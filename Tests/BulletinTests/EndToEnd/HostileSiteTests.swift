import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Every field that reaches the output holds the same hostile text (a script, an event handler, a `javascript:`
/// link, a `data:` frame, `]]>`, `</svg>`, a bidi override, a spreadsheet formula). The site is built, and every output is read back:
/// pages hold no tag the text tried to make, XML files parse, JSON parses, CSV cells never start a formula.
@Suite struct HostileSiteTests {
    /// The fixture `Fixtures/hostile`: the valid demo site with the hostile text in every field, and raw HTML,
    /// `javascript:`, `data:` and `vbscript:` links in its Markdown. `.ci/check-hostile.py` opens the same site in
    /// headless Chromium and reads it with an HTML parser.
    static func hostileContent() throws -> URL {
        let root = try Support.scratch()
        try FileManager.default.copyItem(at: Support.fixtures.appendingPathComponent("hostile"), to: root.appendingPathComponent("Content"))
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
                let scripts = text.components(separatedBy: "<script").count - 1
                #expect(scripts == (path == "search.html" ? 1 : 0) && !text.contains("<img") && !text.contains("<iframe") && !text.contains("<svg onload")
                        && !text.lowercased().contains("href=\"javascript:") && !text.contains("href=\"data:text") && !text.contains("onerror=alert(1)>"),
                        "\(path) holds markup the text made")
            case "svg", "xml":
                let parser = XMLParser(data: data)
                #expect(parser.parse(), "\(path) is not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "")")
                #expect(!text.contains("<script") && !text.contains("<img"), "\(path) holds markup the text made")
            case "js" where path.hasPrefix("search/"):
                // The search index: one call with JSON, which never holds `<` (a `</script>` could end it elsewhere).
                #expect(!text.contains("<") && !text.contains("\u{2028}"), "\(path) holds < or a line separator")
                let call = try #require(text.firstMatch(of: /^bulletinSearch\.(manifest|terms|more|store)\((?:\d+,)?([\s\S]*)\);\n$/), "\(path)")
                #expect((try? JSONSerialization.jsonObject(with: Data(call.output.2.utf8))) != nil, "\(path) is not one call with JSON")
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
        #expect(counts["js", default: 0] > 30, "the search index's files")
        // The words are kept, as text: the site shows what the file says.
        let home = Support.text(site.appendingPathComponent("index.html"))
        #expect(home.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }
}
