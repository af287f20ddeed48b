import Bytes
import Foundation
import Synchronization

/// The site's search index, made at build time from the built pages and read by `assets/search.js`.
///
/// Files (each a script, so that the index loads from `file://` as well as over HTTP, where `fetch` would be refused):
/// - `search/index.js`: the manifest, the number of each kind of file;
/// - `search/t/<n>.js`: the terms (`SearchTokens`) whose hash falls in file n, each with the passages holding it;
/// - `search/o/<n>.js`: the passages of common terms beyond their first 256, in pages;
/// - `search/s/<n>.js`: the passages' words, four passages of a page to an entry, with the page's address and title.
/// A query loads the manifest, the term files of its terms, then the passage files of the results it shows: never the
/// whole index. The number of files follows the number of pages, fixed before anything is rendered.
public struct SearchIndex {
    static let manifest = "search/index.js"
    static let page = "search.html"
    /// Passages of a page per entry of a passage file.
    static let block = 4
    /// A term's first passages are in its term file; the rest, in pages of `overflowPage`, in the overflow files
    /// (`search/o/<n>.js`, by the hash of the term and the page's number), loaded only when a query needs them. At 1000
    /// plans a common pair is in 100 000 passages: its whole list in the term file made the first query 0.9 MB.
    static let firstPage = 256
    static let overflowPage = 2048

    /// The pages searched, in the order results are given when they are otherwise alike: each plan's page, its
    /// sections and its indicators, then the offices, the releases and the method.
    public static func pages(in outputs: [String]) -> [String] {
        var groups: [[String]] = [[], [], [], []]
        for path in outputs { if let group = group(of: path) { groups[group].append(path) } }
        return groups.flatMap { $0 }
    }

    /// Which of those groups a page is in (plans, offices, releases, the method), or nil when it is not searched.
    static func group(of path: String) -> Int? {
        guard path.hasSuffix(".html") else { return nil }
        if path.hasPrefix("plans/") { return path.contains("/data/") ? nil : 0 }
        if path.hasPrefix("departments/") { return path == Paths.departments ? nil : 1 }
        if path.hasPrefix("releases/") { return path == Paths.releases ? nil : 2 }
        return path == Paths.progressMethod ? 3 : nil
    }

    /// How many term files and passage files a site of `pages` pages has: about 6 KB each at this site's size.
    static func counts(pages: Int) -> (terms: Int, stores: Int) {
        // Measured on Content/ (171 pages searched): 256 term files of 4.5 KB on average and 1024 passage files of
        // about 2 KB, so a query of five pairs loads about 22 KB of terms and ten results about 20 KB of passages.
        func power(_ n: Int, _ low: Int, _ high: Int) -> Int {
            var value = low
            while value < n, value < high { value *= 2 }
            return value
        }
        return (power(pages, 16, 8192), power(pages * 4, 32, 65536))
    }

    static func files(pages: Int) -> [String] {
        let (terms, stores) = counts(pages: pages)
        return (0..<terms).map { path(.terms, $0) } + (0..<terms).map { path(.more, $0) } + (0..<stores).map { path(.store, $0) }
    }

    struct Entry {
        var path: String
        /// What the page belongs to, shown under its title: the plan's short title, or the kind of page.
        var context: String
        var text: SearchText.Page
    }

    /// The terms of a run of pages, numbered in the order first met, and each passage's distinct terms by number.
    private struct Part {
        var names: [String] = []
        var keys: [UInt64] = []
        /// Passage ids in page order, and where each one's terms end in `terms`.
        var ids: [UInt32] = []
        var ends: [Int] = []
        var terms: [Int32] = []
    }

    /// Every term of the site, with the passages holding it: term `n`'s ascending passage ids are
    /// `ids[starts[n]..<starts[n + 1]]`, one array for all of them.
    struct Postings {
        var names: [String] = []
        var starts: [Int] = [0]
        var ids: [UInt32] = []
        func of(_ term: Int) -> ArraySlice<UInt32> { ids[starts[term]..<starts[term + 1]] }
    }

    /// The manifest, then every term file and passage file (for tests and `check`: the build hands each to `emit`).
    static func build(_ entries: [Entry]) -> [RenderedFile] {
        let files = Mutex<[RenderedFile]>([])
        build(entries) { file in files.withLock { $0.append(file) } }
        return files.withLock { $0 }.sorted { $0.path < $1.path }
    }

    /// Every term of the pages with its passages. The pages are read into terms in parallel, a run of pages per job;
    /// the terms are numbered (by a 64-bit hash of their bytes: hashing a Chinese `String` normalises it first, which
    /// was a fifth of the index's time) so that the postings are arrays of integers, never a dictionary of strings
    /// per passage: at 1000 plans (28 000 pages searched) that took two minutes on one core. Two terms with one hash
    /// would share their passages (found, then sorted last by the script's check of the words): with 10⁷ terms the
    /// chance is about 10⁻⁵.
    static func postings(_ entries: [Entry]) -> Postings {
        precondition(entries.count < Int(UInt32.max) / SearchText.passageLimit, "too many pages for the search index's passage ids")
        let all = inRuns(entries.count) { run -> Part in
            var part = Part()
            var numbers: [UInt64: Int32] = [:]
            var reader = SearchTokens.Reader()
            var terms: [Int32] = []
            for pageIndex in run {
                for (local, passage) in entries[pageIndex].text.passages.enumerated() {
                    reader.read(passage.text)
                    terms.removeAll(keepingCapacity: true)
                    for (index, key) in reader.hashes.enumerated() {
                        if let number = numbers[key] {
                            terms.append(number)
                        } else {
                            let number = Int32(part.names.count)
                            numbers[key] = number
                            part.names.append(reader.term(index))
                            part.keys.append(key)
                            terms.append(number)
                        }
                    }
                    terms.sort()
                    for term in terms where part.terms.count == (part.ends.last ?? 0) || part.terms.last != term { part.terms.append(term) }
                    part.ids.append(UInt32(pageIndex * SearchText.passageLimit + local))
                    part.ends.append(part.terms.count)
                }
            }
            return part
        }
        // One numbering for the site; the parts are taken in page order, so that every term's passages ascend.
        var postings = Postings()
        var global: [UInt64: Int] = [:]
        var maps: [[Int]] = []
        for part in all {
            maps.append(part.keys.enumerated().map { local, key -> Int in
                if let number = global[key] { return number }
                global[key] = postings.names.count
                postings.names.append(part.names[local])
                return postings.names.count - 1
            })
        }
        var counts = [Int](repeating: 0, count: postings.names.count + 1)
        for (part, map) in zip(all, maps) { for term in part.terms { counts[map[Int(term)] + 1] += 1 } }
        for index in counts.indices.dropFirst() { counts[index] += counts[index - 1] }
        postings.starts = counts
        var next = counts
        postings.ids = [UInt32](repeating: 0, count: counts.last ?? 0)
        postings.ids.withUnsafeMutableBufferPointer { ids in
            for (part, map) in zip(all, maps) {
                var start = 0
                for (passage, end) in zip(part.ids, part.ends) {
                    for term in part.terms[start..<end] {
                        let number = map[Int(term)]
                        ids[next[number]] = passage
                        next[number] += 1
                    }
                    start = end
                }
            }
        }
        return postings
    }

    /// Writes the manifest, then every term file and passage file, handing each to `emit` (from several threads).
    static func build(_ entries: [Entry], emit: @Sendable (RenderedFile) -> Void) {
        let (termCount, storeCount) = counts(pages: entries.count)
        let postings = postings(entries)
        let names = postings.names
        var termFiles = [[Int]](repeating: [], count: termCount)
        for (number, name) in names.enumerated() { termFiles[SearchTokens.bucket(name, count: termCount)].append(number) }

        var storeFiles = [[(key: String, page: Int, start: Int)]](repeating: [], count: storeCount)
        for (pageIndex, entry) in entries.enumerated() {
            for (key, start) in blocks(page: pageIndex, passages: entry.text.passages.count) {
                storeFiles[SearchTokens.bucket(key, count: storeCount)].append((key, pageIndex, start))
            }
        }

        var overflowFiles = [[(key: String, term: Int, page: Int)]](repeating: [], count: termCount)
        for number in names.indices {
            for (page, key) in overflowKeys(names[number], count: postings.of(number).count) {
                overflowFiles[SearchTokens.bucket(key, count: termCount)].append((key, number, page))
            }
        }
        let byOverflowFile = overflowFiles, byTermFile = termFiles, byStoreFile = storeFiles
        DispatchQueue.concurrentPerform(iterations: 2 * termCount + storeCount) { index in
            if index < termCount {
                let items = byTermFile[index].sorted { names[$0] < names[$1] }
                emit(file(.terms, index, keys: items.map { names[$0] }) { n, out in termValue(postings.of(items[n]), into: &out) })
            } else if index < 2 * termCount {
                let items = byOverflowFile[index - termCount].sorted { $0.key < $1.key }
                emit(file(.more, index - termCount, keys: items.map(\.key)) { n, out in
                    overflowValue(postings.of(items[n].term), page: items[n].page, into: &out)
                })
            } else {
                let items = byStoreFile[index - 2 * termCount].sorted { $0.key < $1.key }
                emit(file(.store, index - 2 * termCount, keys: items.map(\.key)) { n, out in
                    storeValue(entries[items[n].page], start: items[n].start, into: &out)
                })
            }
        }
        emit(manifestFile(entries))
    }

    /// The kinds of index file: the function each calls, and its folder.
    enum Kind: String {
        case terms, more, store
        var folder: String {
            switch self {
            case .terms: "t"
            case .more: "o"
            case .store: "s"
            }
        }
    }

    static func path(_ kind: Kind, _ index: Int) -> String { "search/\(kind.folder)/\(index).js" }

    /// One index file: `bulletinSearch.<kind>(<index>,{` then each key (in the order given) with its value, one to a
    /// line, then `});`.
    static func file(_ kind: Kind, _ index: Int, keys: [String], value: (Int, inout ByteBuffer) -> Void) -> RenderedFile {
        var out = ByteBuffer(capacity: 8192)
        out.append("bulletinSearch.\(kind.rawValue)(\(index),{")
        for (n, key) in keys.enumerated() {
            if n > 0 { out.append(",\n") }
            appendJSON(key, to: &out)
            out.append(":")
            value(n, &out)
        }
        out.append("});\n")
        return RenderedFile(path: path(kind, index), bytes: out.bytes)
    }

    /// The passage blocks of page `page`: each one's key in the passage files and its first passage. A page without
    /// passages still has its entry, with its address and title.
    static func blocks(page: Int, passages: Int) -> [(key: String, start: Int)] {
        stride(from: 0, to: max(passages, 1), by: block).map { ("\(page).\($0 / block)", $0) }
    }

    /// The keys of a term's overflow pages (`term` U+0001 `page number`, from 1) when it is in `count` passages.
    static func overflowKeys(_ term: String, count: Int) -> [(page: Int, key: String)] {
        guard count > firstPage else { return [] }
        return (1...((count - firstPage + overflowPage - 1) / overflowPage)).map { ($0, term + "\u{1}\($0)") }
    }

    /// A term file's value: the term's first passages by ascending id, as differences in base 36; then `|` and the
    /// number of overflow pages.
    static func termValue(_ ids: ArraySlice<UInt32>, into out: inout ByteBuffer) {
        out.append(byte: 0x22)
        appendDeltas(ids.prefix(firstPage), to: &out)
        if ids.count > firstPage { out.append("|\((ids.count - firstPage + overflowPage - 1) / overflowPage)") }
        out.append(byte: 0x22)
    }

    /// An overflow file's value: page `page` of the term's passages after the first ones.
    static func overflowValue(_ ids: ArraySlice<UInt32>, page: Int, into out: inout ByteBuffer) {
        let start = ids.startIndex + firstPage + (page - 1) * overflowPage
        out.append(byte: 0x22)
        appendDeltas(ids[start..<min(ids.endIndex, start + overflowPage)], to: &out)
        out.append(byte: 0x22)
    }

    /// A passage file's value: the page's address, title and context, and the block's passages (anchor, words, and
    /// the marks inside them).
    static func storeValue(_ entry: Entry, start: Int, into out: inout ByteBuffer) {
        let passages = entry.text.passages
        out.append("[")
        appendJSON(Paths.link(from: page, to: entry.path), to: &out)
        out.append(",")
        appendJSON(entry.text.title, to: &out)
        out.append(",")
        appendJSON(entry.context, to: &out)
        out.append(",[")
        for (k, passage) in passages[min(start, passages.count)..<min(start + block, passages.count)].enumerated() {
            if k > 0 { out.append(",") }
            out.append("[")
            appendJSON(passage.anchor, to: &out)
            out.append(",")
            appendJSON(passage.text, to: &out)
            if !passage.marks.isEmpty {
                out.append(",[")
                for (m, mark) in passage.marks.enumerated() {
                    if m > 0 { out.append(",") }
                    out.append("[\(mark.offset),")
                    appendJSON(mark.id, to: &out)
                    out.append("]")
                }
                out.append("]")
            }
            out.append("]")
        }
        out.append("]]")
    }

    /// Ascending ids as base-36 differences, the first from 0, digits written straight into the buffer.
    static func appendDeltas(_ ids: ArraySlice<UInt32>, to out: inout ByteBuffer) {
        var previous: UInt32 = 0
        var digits = [UInt8](repeating: 0, count: 16)
        for (k, id) in ids.enumerated() {
            if k > 0 { out.append(byte: 0x2C) }
            var value = id - previous, count = 0
            repeat {
                let digit = UInt8(value % 36)
                digits[count] = digit < 10 ? 0x30 + digit : 0x57 + digit
                count += 1
                value /= 36
            } while value > 0
            while count > 0 { count -= 1; out.append(byte: digits[count]) }
            previous = id
        }
    }

    /// `body` over `0..<count` in runs, four jobs a core, in parallel: each run's result, in order.
    static func inRuns<Result: Sendable>(_ count: Int, _ body: @Sendable (Range<Int>) -> Result) -> [Result] {
        let jobs = max(1, min(count, ProcessInfo.processInfo.activeProcessorCount * 4))
        let results = Mutex([Result?](repeating: nil, count: jobs))
        DispatchQueue.concurrentPerform(iterations: jobs) { job in
            let result = body((job * count / jobs)..<((job + 1) * count / jobs))
            results.withLock { $0[job] = result }
        }
        return results.withLock { $0 }.map { $0! }
    }

    /// FNV-1a, 64 bits, over the term's UTF-8: the hash `SearchTokens.Reader` gives each term.
    static func hash(_ term: String) -> UInt64 {
        SearchTokens.Reader.hash(ArraySlice(term.utf8), from: SearchTokens.Reader.offsetBasis)
    }

    /// A JSON string (the open data's escaping: `<`, `>`, `&` and the line separators too, so a script file can
    /// never be ended or broken by the text) into a buffer.
    static func appendJSON(_ text: String, to out: inout ByteBuffer) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 2)
        JSONValue.escape(text, into: &bytes)
        bytes.withUnsafeBufferPointer { out.append($0) }
    }


}
