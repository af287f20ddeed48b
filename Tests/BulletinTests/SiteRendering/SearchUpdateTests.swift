import Foundation
import Model
import Synchronization
import Testing
@testable import SiteRendering

/// A rebuild mends the last build's search index for the pages whose words changed: the files it writes, laid over
/// the ones it keeps, must be byte for byte the index a full build makes of the same pages.
@Suite struct SearchUpdateTests {
    /// Words for the pages: a few in nearly every passage, so that their passages run on into overflow pages.
    static let common = ["科技", "企业", "创新"]
    static let rare = ["孵化器", "专精特新", "R&D", "5000亿元", "知识产权", "天使投资", "技术合同", "研发投入", "人才", "平台"]

    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        mutating func paragraph() -> String {
            var words = SearchUpdateTests.common.filter { _ in next(10) < 9 }
            for _ in 0..<next(3) { words.append(SearchUpdateTests.rare[next(SearchUpdateTests.rare.count)]) }
            return words.joined(separator: "，") + "。"
        }
        mutating func page() -> [String] { (0..<(1 + next(12))).map { _ in paragraph() } }
    }

    static func html(_ index: Int, _ paragraphs: [String]) -> [UInt8] {
        // `§id|words` is a heading with that id: the passages after it link to it.
        let body = paragraphs.map { item -> String in
            guard item.hasPrefix("§"), let bar = item.firstIndex(of: "|") else { return "<p>\(item)</p>" }
            return "<h2 id=\"\(item[item.index(after: item.startIndex)..<bar])\">\(item[item.index(after: bar)...])</h2>"
        }
        return Array(("<html><body><main id=\"main\"><h1>第\(index)页</h1>" + body.joined() + "</main></body></html>").utf8)
    }

    static func path(_ index: Int) -> String { "plans/p/indicators/i\(index).html" }

    /// The last build's output: its pages and index in a folder, each file's hash recorded.
    struct LastBuild {
        let folder: URL
        var hashes: [String: UInt64] = [:]

        init(pages: [[String]]) throws {
            folder = try Support.scratch()
            let entries = pages.indices.map { SearchIndex.Entry(path: SearchUpdateTests.path($0), context: "规划 · 指标", text: SearchText.page(SearchUpdateTests.html($0, pages[$0]))) }
            let files = SearchIndex.build(entries) + pages.indices.map { RenderedFile(path: SearchUpdateTests.path($0), bytes: SearchUpdateTests.html($0, pages[$0])) }
            for file in files { try write(file) }
        }

        mutating func write(_ file: RenderedFile) throws {
            let url = folder.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.bytes).write(to: url)
            hashes[file.path] = StableHash.of(file.bytes)
        }

        var previous: SearchIndex.Previous {
            let hashes = hashes
            return SearchIndex.Previous(folder: folder) { hashes[$0] }
        }

        func contents(_ path: String) -> [UInt8]? { FileManager.default.contents(atPath: folder.appendingPathComponent(path).path).map { [UInt8]($0) } }
    }

    /// What an update wrote and kept, or nil when it declined.
    static func update(_ pages: [[String]], rendered: Set<Int>, last: LastBuild) -> (written: [RenderedFile], kept: [String])? {
        let entries = pages.indices.map { SearchIndex.Entry(path: path($0), context: "规划 · 指标", text: SearchText.Page(title: "", passages: [])) }
        var read: [Int: SearchText.Page] = [:]
        for index in rendered { read[index] = SearchText.page(html(index, pages[index])) }
        let written = Mutex<[RenderedFile]>([]), kept = Mutex<[String]>([])
        let done = SearchIndex.update(entries, rendered: read, previous: last.previous,
                                      emit: { file in written.withLock { $0.append(file) } }, keep: { path in kept.withLock { $0.append(path) } })
        return done ? (written.withLock { $0 }, kept.withLock { $0 }) : nil
    }

    static func full(_ pages: [[String]]) -> [String: [UInt8]] {
        let entries = pages.indices.map { SearchIndex.Entry(path: path($0), context: "规划 · 指标", text: SearchText.page(html($0, pages[$0]))) }
        return Dictionary(uniqueKeysWithValues: SearchIndex.build(entries).map { ($0.path, $0.bytes) })
    }

    @Test(arguments: [1, 2, 3, 4])
    func aMendedIndexIsTheFullIndexOfTheNewPages(seed: UInt64) throws {
        var random = Generator(state: seed)
        var pages = (0..<400).map { _ in random.page() }
        #expect(pages.joined().count { $0.contains("科技") } > SearchIndex.firstPage + SearchIndex.overflowPage, "a term with two overflow pages")
        var last = try LastBuild(pages: pages)
        defer { Support.remove(last.folder) }
        // Three rebuilds in a row, each mending the last one's index.
        for round in 0..<3 {
            var rendered = Set<Int>()
            for _ in 0..<(1 + random.next(8)) {
                let index = random.next(pages.count)
                rendered.insert(index)
                switch random.next(7) {
                case 0: pages[index][random.next(pages[index].count)] = random.paragraph()      // words changed
                case 1: pages[index] += (0..<(1 + random.next(9))).map { _ in random.paragraph() }  // passages added
                case 2: pages[index] = Array(pages[index].prefix(1))                           // passages gone
                case 3: pages[index].append("新词\(seed)轮\(round)：量子纠缠。")                   // a term no page had
                case 4: pages[index].insert("§h\(round)|科技创新", at: random.next(pages[index].count))  // a heading
                case 5: pages[index] = pages[index].map { $0.hasPrefix("§") ? "§x" + $0.dropFirst() : $0 }  // anchors only
                default: break                                                                 // rendered, the same
                }
            }
            // Early pages changed too, so that every later passage of a common term moves within its pages.
            pages[round] = [random.paragraph()]
            rendered.insert(round)
            let result = try #require(Self.update(pages, rendered: rendered, last: last), "round \(round)")
            let expected = Self.full(pages)
            let written = Set(result.written.map(\.path)), kept = Set(result.kept)
            #expect(written.isDisjoint(with: kept))
            #expect(written.union(kept) == Set(expected.keys), "every file of the index is written or kept")
            #expect(written.count * 4 < expected.count, "\(written.count) of \(expected.count) files written")
            func text(_ bytes: [UInt8]?) -> String { String(decoding: bytes ?? [], as: UTF8.self) }
            for file in result.written { #expect(text(file.bytes) == text(expected[file.path]), "\(file.path) differs from the full index's") }
            for path in kept { #expect(last.contents(path) == expected[path], "\(path) kept but the full index's differs") }
            for file in result.written { try last.write(file) }
            for index in rendered { try last.write(RenderedFile(path: Self.path(index), bytes: Self.html(index, pages[index]))) }
        }
    }

    @Test func anUnchangedPageMendsNothing() throws {
        var random = Generator(state: 9)
        let pages = (0..<50).map { _ in random.page() }
        let last = try LastBuild(pages: pages)
        defer { Support.remove(last.folder) }
        let result = try #require(Self.update(pages, rendered: [3, 7], last: last))
        #expect(result.written.isEmpty && result.kept.count == Self.full(pages).count)
    }

    /// The index is made whole, rather than mended from something this build cannot trust.
    @Test func anythingInDoubtDeclinesTheUpdate() throws {
        var random = Generator(state: 5)
        var pages = (0..<60).map { _ in random.page() }
        var last = try LastBuild(pages: pages)
        defer { Support.remove(last.folder) }
        pages[4] = ["孵化器。"]
        #expect(Self.update(pages, rendered: [4], last: last) != nil)

        // A term file not as the last build recorded it (edited by hand, or half-copied).
        let term = SearchIndex.path(.terms, SearchTokens.bucket("孵化", count: SearchIndex.counts(pages: 60).terms))
        let bytes = try #require(last.contents(term))
        try Data(bytes.dropLast(3)).write(to: last.folder.appendingPathComponent(term))
        #expect(Self.update(pages, rendered: [4], last: last) == nil)
        // Recorded so, but not as this code writes it.
        try last.write(RenderedFile(path: term, bytes: Array(bytes.dropLast(3))))
        #expect(Self.update(pages, rendered: [4], last: last) == nil)
        try last.write(RenderedFile(path: term, bytes: bytes))
        #expect(Self.update(pages, rendered: [4], last: last) != nil)

        // Another list of pages: one more page, or the last build's page gone.
        #expect(Self.update(pages + [["人才。"]], rendered: [4, 60], last: last) == nil)
        last.hashes[Self.path(4)] = nil
        #expect(Self.update(pages, rendered: [4], last: last) == nil)
        last.hashes[Self.path(4)] = StableHash.of(Self.html(4, pages[4]))
        // Too many pages changed: the whole index is cheaper to make.
        var many = pages
        for index in 0..<30 { many[index] = ["平台\(index)。"] }
        #expect(Self.update(many, rendered: Set(0..<30), last: last) == nil)
    }

    @Test func theIndexFilesReadBackAsTheyAreWritten() throws {
        let text = Array("bulletinSearch.more(3,{\"科技\\u00011\":\"1,a,zz\",\n\"a b\\u00012\":\"0\"});\n".utf8)
        let entries = try #require(SearchIndex.entries(of: text, .more, 3))
        #expect(entries.map(\.key) == ["科技\u{1}1", "a b\u{1}2"])
        let (ids, pages) = try #require(SearchIndex.ids(in: entries[0].value))
        #expect(ids == [1, 11, 11 + 35 * 36 + 35] && pages == 0)
        #expect(SearchIndex.ids(in: Array("\"5,2|3\"".utf8)[...])! == ([5, 7], 3))
        #expect(SearchIndex.entries(of: text, .terms, 3) == nil, "another kind")
        #expect(SearchIndex.entries(of: text, .more, 4) == nil, "another number")
        #expect(SearchIndex.entries(of: Array(text.dropLast()), .more, 3) == nil, "cut short")
        #expect(SearchIndex.ids(in: Array("\"5,,2\"".utf8)[...]) == nil)
        let store = Array("bulletinSearch.store(0,{\"1.0\":[\"a.html\",\"题]\",\"\",[[\"\",\"x\\\"]\"]]]});\n".utf8)
        #expect(SearchIndex.entries(of: store, .store, 0)?.map(\.key) == ["1.0"], "brackets inside strings")
    }
}
