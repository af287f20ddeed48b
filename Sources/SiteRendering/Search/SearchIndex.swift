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
        return (0..<terms).map { "search/t/\($0).js" } + (0..<terms).map { "search/o/\($0).js" } + (0..<stores).map { "search/s/\($0).js" }
    }

    struct Entry {
        var path: String
        /// What the page belongs to, shown under its title: the plan's short title, or the kind of page.
        var context: String
        var text: SearchText.Page
    }

    /// The terms of a run of pages, numbered in the order first met: each passage's distinct terms by number.
    private struct Part {
        var names: [String] = []
        /// (passage id, term numbers), in page order.
        var passages: [(id: Int, terms: [Int32])] = []
    }

    /// The manifest, then every term file and passage file. The pages are read into terms in parallel, a run of
    /// pages per job, and the terms are numbered so that the postings are arrays of integers, never a dictionary of
    /// strings per passage: at 1000 plans (28 000 pages searched) that took two minutes on one core.
    static func build(_ entries: [Entry]) -> [RenderedFile] {
        let (termCount, storeCount) = counts(pages: entries.count)
        let jobs = max(1, min(entries.count, ProcessInfo.processInfo.activeProcessorCount * 4))
        let parts = Mutex([Part](repeating: Part(), count: jobs))
        DispatchQueue.concurrentPerform(iterations: jobs) { job in
            var part = Part()
            // By a 64-bit hash of the term's bytes: hashing a Chinese String normalises it first, which was a fifth of
            // the index's time. Two terms with one hash would share their passages (found, then sorted last by the
            // script's check of the words): with 10⁷ terms the chance is about 10⁻⁵.
            var numbers: [UInt64: Int32] = [:]
            for pageIndex in (job * entries.count / jobs)..<((job + 1) * entries.count / jobs) {
                for (local, passage) in entries[pageIndex].text.passages.enumerated() {
                    var terms: [Int32] = []
                    for term in SearchTokens.terms(passage.text) {
                        let key = Self.hash(term)
                        if let number = numbers[key] {
                            terms.append(number)
                        } else {
                            let number = Int32(part.names.count)
                            numbers[key] = number
                            part.names.append(term)
                            terms.append(number)
                        }
                    }
                    terms.sort()
                    var unique: [Int32] = []
                    unique.reserveCapacity(terms.count)
                    for term in terms where unique.last != term { unique.append(term) }
                    part.passages.append((pageIndex * SearchText.passageLimit + local, unique))
                }
            }
            parts.withLock { $0[job] = part }
        }
        // One numbering for the site, the parts taken in page order so that every term's passages ascend.
        var names: [String] = []
        var global: [UInt64: Int] = [:]
        var postings: [[Int]] = []
        for part in parts.withLock({ $0 }) {
            let map = part.names.map { name -> Int in
                let key = Self.hash(name)
                if let number = global[key] { return number }
                global[key] = names.count
                names.append(name)
                postings.append([])
                return names.count - 1
            }
            for passage in part.passages {
                for term in passage.terms { postings[map[Int(term)]].append(passage.id) }
            }
        }
        var termFiles = [[Int]](repeating: [], count: termCount)
        for (number, name) in names.enumerated() { termFiles[SearchTokens.bucket(name, count: termCount)].append(number) }

        var storeFiles = [[(key: String, page: Int, start: Int)]](repeating: [], count: storeCount)
        for (pageIndex, entry) in entries.enumerated() {
            // A page without passages still has its entry, with its address and title.
            var start = 0
            while start < max(entry.text.passages.count, 1) {
                let key = "\(pageIndex).\(start / block)"
                storeFiles[SearchTokens.bucket(key, count: storeCount)].append((key, pageIndex, start))
                start += block
            }
        }

        // Each term's pages beyond the first, by the file they fall in: `term` U+0001 `page number` (from 1).
        var overflowFiles = [[(key: String, term: Int, page: Int)]](repeating: [], count: termCount)
        for (number, ids) in postings.enumerated() where ids.count > firstPage {
            for page in 1...((ids.count - firstPage + overflowPage - 1) / overflowPage) {
                let key = names[number] + "\u{1}\(page)"
                overflowFiles[SearchTokens.bucket(key, count: termCount)].append((key, number, page))
            }
        }
        let byOverflowFile = overflowFiles
        let written = Mutex([RenderedFile?](repeating: nil, count: termCount + storeCount))
        let termNames = names, termPostings = postings, byTermFile = termFiles, byStoreFile = storeFiles
        let overflow = Mutex([RenderedFile?](repeating: nil, count: termCount))
        DispatchQueue.concurrentPerform(iterations: termCount) { index in
            var out = ByteBuffer(capacity: 8192)
            out.append("bulletinSearch.more(\(index),{")
            for (n, item) in byOverflowFile[index].sorted(by: { $0.key < $1.key }).enumerated() {
                if n > 0 { out.append(",\n") }
                appendJSON(item.key, to: &out)
                out.append(":\"")
                let ids = termPostings[item.term], start = firstPage + (item.page - 1) * overflowPage
                appendDeltas(ids[start..<min(ids.count, start + overflowPage)], to: &out)
                out.append("\"")
            }
            out.append("});\n")
            overflow.withLock { $0[index] = RenderedFile(path: "search/o/\(index).js", bytes: out.bytes) }
        }
        DispatchQueue.concurrentPerform(iterations: termCount + storeCount) { index in
            var out = ByteBuffer(capacity: 8192)
            if index < termCount {
                out.append("bulletinSearch.terms(\(index),{")
                for (n, number) in byTermFile[index].sorted(by: { termNames[$0] < termNames[$1] }).enumerated() {
                    if n > 0 { out.append(",\n") }
                    appendJSON(termNames[number], to: &out)
                    out.append(":\"")
                    // Passages by ascending id, as differences in base 36; then `|` and the number of overflow pages.
                    let ids = termPostings[number]
                    appendDeltas(ids[0..<min(ids.count, firstPage)], to: &out)
                    if ids.count > firstPage { out.append("|\((ids.count - firstPage + overflowPage - 1) / overflowPage)") }
                    out.append("\"")
                }
                out.append("});\n")
                written.withLock { $0[index] = RenderedFile(path: "search/t/\(index).js", bytes: out.bytes) }
            } else {
                let store = index - termCount
                out.append("bulletinSearch.store(\(store),{")
                for (n, item) in byStoreFile[store].sorted(by: { $0.key < $1.key }).enumerated() {
                    if n > 0 { out.append(",\n") }
                    let entry = entries[item.page], passages = entry.text.passages
                    appendJSON(item.key, to: &out)
                    out.append(":[")
                    appendJSON(Paths.link(from: page, to: entry.path), to: &out)
                    out.append(",")
                    appendJSON(entry.text.title, to: &out)
                    out.append(",")
                    appendJSON(entry.context, to: &out)
                    out.append(",[")
                    for (k, passage) in passages[min(item.start, passages.count)..<min(item.start + block, passages.count)].enumerated() {
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
                out.append("});\n")
                written.withLock { $0[index] = RenderedFile(path: "search/s/\(store).js", bytes: out.bytes) }
            }
        }
        let manifestFile = RenderedFile(path: manifest, bytes: Array(("bulletinSearch.manifest({\"version\":1,\"terms\":\(termCount),\"stores\":\(storeCount),"
            + "\"block\":\(block),\"limit\":\(SearchText.passageLimit),\"pages\":\(entries.count)});\n").utf8))
        return [manifestFile] + written.withLock { $0 }.compactMap { $0 } + overflow.withLock { $0 }.compactMap { $0 }
    }

    /// Ascending ids as base-36 differences, the first from 0, digits written straight into the buffer.
    static func appendDeltas(_ ids: ArraySlice<Int>, to out: inout ByteBuffer) {
        var previous = 0
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

    /// FNV-1a, 64 bits, over the term's UTF-8.
    static func hash(_ term: String) -> UInt64 {
        var hash: UInt64 = 0xCBF29CE484222325
        for byte in term.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100000001B3 }
        return hash
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
