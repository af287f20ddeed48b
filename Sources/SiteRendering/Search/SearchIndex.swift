import Foundation

/// The site's search index, made at build time from the built pages and read by `assets/search.js`.
///
/// Files (each a script, so that the index loads from `file://` as well as over HTTP, where `fetch` would be refused):
/// - `search/index.js`: the manifest, the number of each kind of file;
/// - `search/t/<n>.js`: the terms (`SearchTokens`) whose hash falls in file n, each with the passages holding it;
/// - `search/s/<n>.js`: the passages' words, four passages of a page to an entry, with the page's address and title.
/// A query loads the manifest, the term files of its terms, then the passage files of the results it shows: never the
/// whole index. The number of files follows the number of pages, fixed before anything is rendered.
struct SearchIndex {
    static let manifest = "search/index.js"
    static let page = "search.html"
    /// Passages of a page per entry of a passage file.
    static let block = 4

    /// The pages searched, in the order results are given when they are otherwise alike: each plan's page, its
    /// sections and its indicators, then the offices, the releases and the method.
    static func pages(in outputs: [String]) -> [String] {
        var plans: [String] = [], departments: [String] = [], releases: [String] = [], other: [String] = []
        for path in outputs where path.hasSuffix(".html") {
            if path.hasPrefix("plans/"), !path.contains("/data/") { plans.append(path) }
            else if path.hasPrefix("departments/"), path != Paths.departments { departments.append(path) }
            else if path.hasPrefix("releases/"), path != Paths.releases { releases.append(path) }
            else if path == Paths.progressMethod { other.append(path) }
        }
        return plans + departments + releases + other
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
        return (power(pages, 16, 8192), power(pages * 4, 32, 16384))
    }

    static func files(pages: Int) -> [String] {
        let (terms, stores) = counts(pages: pages)
        return (0..<terms).map { "search/t/\($0).js" } + (0..<stores).map { "search/s/\($0).js" }
    }

    struct Entry {
        var path: String
        /// What the page belongs to, shown under its title: the plan's short title, or the kind of page.
        var context: String
        var text: SearchText.Page
    }

    /// The manifest, then every term file and passage file.
    static func build(_ entries: [Entry]) -> [RenderedFile] {
        let (termCount, storeCount) = counts(pages: entries.count)
        var postings: [String: [Int]] = [:]
        var stores = [[(key: String, value: String)]](repeating: [], count: storeCount)
        for (pageIndex, entry) in entries.enumerated() {
            let passages = entry.text.passages
            for (local, passage) in passages.enumerated() {
                let id = pageIndex * SearchText.passageLimit + local
                var seen = Set<String>()
                for term in SearchTokens.terms(passage.text) where seen.insert(term).inserted {
                    postings[term, default: []].append(id)
                }
            }
            // The page's title is its passage 0 when the page has none (a title is searched like text).
            var start = 0
            while start < max(passages.count, 1) {
                let key = "\(pageIndex).\(start / block)"
                let slice = passages.isEmpty ? [] : Array(passages[start..<min(start + block, passages.count)])
                let value = "[" + [json(Paths.link(from: page, to: entry.path)), json(entry.text.title), json(entry.context),
                                   "[" + slice.map { passage in
                                       "[" + json(passage.anchor) + "," + json(passage.text)
                                           + (passage.marks.isEmpty ? "" : ",[" + passage.marks.map { "[\($0.offset),\(json($0.id))]" }.joined(separator: ",") + "]")
                                           + "]"
                                   }.joined(separator: ",") + "]"]
                    .joined(separator: ",") + "]"
                stores[SearchTokens.bucket(key, count: storeCount)].append((key, value))
                start += block
            }
        }
        var terms = [[(key: String, value: String)]](repeating: [], count: termCount)
        for (term, ids) in postings {
            // Passages by ascending id, as differences in base 36.
            var previous = 0
            let encoded = ids.map { id -> String in defer { previous = id }; return String(id - previous, radix: 36) }.joined(separator: ",")
            terms[SearchTokens.bucket(term, count: termCount)].append((term, encoded))
        }
        var files: [RenderedFile] = []
        files.append(RenderedFile(path: manifest, bytes: Array(("bulletinSearch.manifest({\"version\":1,\"terms\":\(termCount),\"stores\":\(storeCount),"
            + "\"block\":\(block),\"limit\":\(SearchText.passageLimit),\"pages\":\(entries.count)});\n").utf8)))
        // `raw`: the values are JSON already (a passage file's entries); otherwise strings to quote (a term's passages).
        func file(_ path: String, _ call: String, _ index: Int, _ entries: [(key: String, value: String)], raw: Bool) -> RenderedFile {
            let body = entries.sorted { $0.key < $1.key }.map { json($0.key) + ":" + (raw ? $0.value : json($0.value)) }
            return RenderedFile(path: path, bytes: Array("bulletinSearch.\(call)(\(index),{\(body.joined(separator: ",\n"))});\n".utf8))
        }
        for (index, entries) in terms.enumerated() { files.append(file("search/t/\(index).js", "terms", index, entries, raw: false)) }
        for (index, entries) in stores.enumerated() { files.append(file("search/s/\(index).js", "store", index, entries, raw: true)) }
        return files
    }

    /// A JSON string that is also safe inside a script file: `<`, `>`, `&` and the line separators escaped.
    static func json(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
