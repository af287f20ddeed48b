import Foundation
import Testing
@testable import SiteRendering

/// The search index's parts: how text becomes terms (the same in the reader's browser: `.ci/search-test.py` runs the
/// same cases through `assets/search.js`), what of a page is read, and the files a query loads.
@Suite struct SearchTests {
    /// Text and the units it must give, shared with the browser's test.
    static let cases: [(String, [String])] = {
        let data = FileManager.default.contents(atPath: Support.fixtures.appendingPathComponent("search/units.json").path) ?? Data()
        let list = (try? JSONSerialization.jsonObject(with: data)) as? [[Any]] ?? []
        return list.map { ($0[0] as? String ?? "", $0[1] as? [String] ?? []) }
    }()

    @Test func textBecomesTheSameUnitsHowEverItIsWritten() {
        #expect(Self.cases.count >= 10)
        for (text, units) in Self.cases {
            #expect(SearchTokens.units(text) == units, "\(text)")
        }
        // 5000亿, 5000亿元 and 5000 亿元 meet: the query's one pair is a term of each text.
        #expect(SearchTokens.queryTerms("5000亿") == ["5000 亿"])
        for text in ["5000亿", "5000亿元", "5000 亿元", "５０００亿元以上"] { #expect(SearchTokens.terms(text).contains("5000 亿"), "\(text)") }
        #expect(SearchTokens.queryTerms("高新技术") == ["高新", "新技", "技术"])
        #expect(SearchTokens.queryTerms("局") == ["局"], "one character is looked up alone")
        #expect(SearchTokens.pair("a", "b") != SearchTokens.units("ab").first)
    }

    /// The index reads terms as hashes without making their strings: the same terms, in the same order, as `terms`.
    @Test func theIndexsReaderGivesTheTermsOfTheTextAsHashes() {
        let alphabet: [String] = ["5", "０", "９", ".", "．", "A", "Ａ", "z", "ｚ", "高", "新", "𠀀", "〇", " ", "、", "é", "-", "亿"]
        var state: UInt64 = 12345
        var texts = Self.cases.map(\.0) + ["", "5.", ".5", "1.2.3", "1．２", "a.b", "高新技术企业5000亿元"]
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<(Int(state % 12)) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += alphabet[Int((state >> 33) % UInt64(alphabet.count))]
            }
            texts.append(text)
        }
        var reader = SearchTokens.Reader()
        for text in texts {
            reader.read(text)
            let terms = SearchTokens.terms(text)
            #expect(reader.hashes == terms.map(SearchIndex.hash), "\(text)")
            #expect(terms.indices.map(reader.term) == terms, "\(text)")
        }
    }

    @Test func aPageIsReadAsItsReaderSeesItsMainText() {
        let html = """
        <html><head><title>不读</title></head><body><nav>导航</nav>
        <main id="main"><nav class="breadcrumbs">首页</nav><p class="eyebrow" data-search="skip">规划简称 · 指标</p>
        <h1>科技服务业市场主体</h1>
        <p>到2025年，<span class="quote-anchor" id="q-a-2025">市场主体达5.6万家</span><a class="figure-chip" data-search="skip" href="x">○暂无数据</a>。</p>
        <h2 id="data">数据</h2><table><tr><th>年份</th><td>2025</td></tr></table>
        <figure><svg><text>图中文字</text></svg><figcaption>图：&lt;说明&gt; &amp; 来源</figcaption></figure>
        <!-- 注释 --><script>var x = "<p>";</script></main><footer>页脚</footer></body></html>
        """
        let page = SearchText.page(Array(html.utf8))
        #expect(page.title == "科技服务业市场主体")
        #expect(page.passages.map(\.text) == ["科技服务业市场主体", "到2025年，市场主体达5.6万家。", "数据", "年份 2025", "图：<说明> & 来源"])
        #expect(page.passages[1].anchor == "main" && page.passages[1].marks == [SearchText.Mark(offset: 7, id: "q-a-2025")])
        #expect(page.passages[3].anchor == "data", "a passage after a heading links to the heading")
    }

    @Test func aQueryFindsItsPassagesInTheFilesItsTermsNameAndNothingLeaks() throws {
        let pages = (0..<40).map { index in
            SearchIndex.Entry(path: "plans/p/indicators/i\(index).html", context: "规划",
                              text: SearchText.Page(title: "指标\(index)", passages: [.init(anchor: "", text: "指标\(index)"),
                                                                                   .init(anchor: "q", text: index == 7 ? "高新技术企业</script>达1万家" : "其他")]))
        }
        let files = SearchIndex.build(pages)
        #expect(Set(files.map(\.path)) == Set([SearchIndex.manifest] + SearchIndex.files(pages: 40)), "the files planned before rendering")
        let (terms, stores) = SearchIndex.counts(pages: 40)
        let term = "高新"
        let file = try #require(files.first { $0.path == "search/t/\(SearchTokens.bucket(term, count: terms)).js" })
        let text = String(decoding: file.bytes, as: UTF8.self)
        // Page 7, passage 1: 7 × 1024 + 1 = 7169, in base 36.
        #expect(text.contains("\"高新\":\"\(String(7 * SearchText.passageLimit + 1, radix: 36))\""))
        let store = try #require(files.first { $0.path == "search/s/\(SearchTokens.bucket("7.0", count: stores)).js" })
        let stored = String(decoding: store.bytes, as: UTF8.self)
        #expect(stored.contains("\"7.0\":[\"plans/p/indicators/i7.html\",\"指标7\",\"规划\",[[\"\",\"指标7\"],[\"q\",\"高新技术企业\\u003c/script\\u003e达1万家\"]]]"))
        #expect(!files.contains { String(decoding: $0.bytes, as: UTF8.self).contains("</script") })
    }

    /// A term in more passages than a term file holds: its first 256 there, with the number of pages after `|`, and
    /// the rest in an overflow file, first id absolute, so that a query reads on only when it needs more.
    @Test func aCommonTermsPassagesGoOnInOverflowPages() throws {
        let count = SearchIndex.firstPage + 44
        let pages = (0..<count).map { index in
            SearchIndex.Entry(path: "departments/d\(index).html", context: "责任单位",
                              text: SearchText.Page(title: "科技", passages: [.init(anchor: "", text: "科技")]))
        }
        let files = SearchIndex.build(pages)
        let (terms, _) = SearchIndex.counts(pages: count)
        let termFile = try #require(files.first { $0.path == "search/t/\(SearchTokens.bucket("科技", count: terms)).js" })
        let value = try #require(String(decoding: termFile.bytes, as: UTF8.self).firstMatch(of: /"科技":"([^"]*)"/)?.output.1)
        #expect(value.hasSuffix("|1") && value.split(separator: ",").count == SearchIndex.firstPage)
        let key = "科技\u{1}1"
        let overflow = try #require(files.first { $0.path == "search/o/\(SearchTokens.bucket(key, count: terms)).js" })
        let more = try #require(String(decoding: overflow.bytes, as: UTF8.self).firstMatch(of: /"科技\\u00011":"([^"]*)"/)?.output.1)
        let ids = more.split(separator: ",").map { Int($0, radix: 36)! }
        #expect(ids.count == 44 && ids.first == SearchIndex.firstPage * SearchText.passageLimit && ids.dropFirst().allSatisfy { $0 == SearchText.passageLimit })
    }
}
