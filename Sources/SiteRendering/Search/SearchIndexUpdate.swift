import Bytes
import Foundation
import Model

/// A rebuild's search index, made from the last build's index and the pages whose words changed, not from every page.
///
/// Every file of the index is a function of all the searched pages, so a full index reads them all: at 1000 plans a
/// one-indicator rebuild read 28 000 pages back from the last build's output and rewrote 82 000 files. But when the
/// searched pages are the same pages in the same order (the manifest's `list` says so), a passage's id is the same in
/// both builds, and only the pages rendered now can have changed: each one's words are read from the old output and
/// the new, and where they differ, the files holding those pages' terms and passages are read from the last build,
/// mended, and written again; the rest are kept as they are. The result is byte for byte the full index (tested by
/// `SearchUpdateTests` against a full build of the same content).
///
/// Any doubt ends in the full index: a file of the last build missing, not as recorded, or not as this code writes;
/// another list of pages; or more than an eighth of the pages changed (mending most files costs more than writing them).
extension SearchIndex {
    /// The last build's output folder, and the hash the build recorded for each of its files.
    public struct Previous: Sendable {
        public var folder: URL
        public var recorded: @Sendable (String) -> UInt64?

        public init(folder: URL, recorded: @Sendable @escaping (String) -> UInt64?) {
            self.folder = folder
            self.recorded = recorded
        }

        /// The last build's file at `path`, when it is there and holds what that build wrote.
        func read(_ path: String) -> [UInt8]? {
            guard let expected = recorded(path), let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path)
            else { return nil }
            let bytes = [UInt8](data)
            return StableHash.of(bytes) == expected ? bytes : nil
        }
    }

    /// The fingerprint of the searched pages and what is shown under each title, in order: two builds with the same
    /// fingerprint number their passages alike.
    static func listFingerprint(_ entries: [Entry]) -> String {
        var hash = StableHash()
        for entry in entries {
            hash.combine(entry.path)
            hash.combine(entry.context)
        }
        let digits = String(hash.value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    static func manifestFile(_ entries: [Entry]) -> RenderedFile {
        let (terms, stores) = counts(pages: entries.count)
        return RenderedFile(path: manifest, bytes: Array(("bulletinSearch.manifest({\"version\":1,\"terms\":\(terms),\"stores\":\(stores),"
            + "\"block\":\(block),\"limit\":\(SearchText.passageLimit),\"pages\":\(entries.count),\"list\":\"\(listFingerprint(entries))\"});\n").utf8))
    }

    /// Updates the last build's index for the pages rendered now (`rendered`, by page number: their words as read
    /// now). `entries` holds every searched page's address and context; the text only of those rendered. Each file
    /// written goes to `emit`, each kept as it was to `keep`. False, with nothing emitted or kept, when the index must
    /// be made whole instead.
    static func update(_ entries: [Entry], rendered: [Int: SearchText.Page], previous: Previous,
                       emit: @Sendable (RenderedFile) -> Void, keep: @Sendable (String) -> Void) -> Bool {
        guard let oldManifest = previous.read(manifest), oldManifest == manifestFile(entries).bytes else { return false }
        // The pages whose words changed, with their old words: read in parallel (after a template's edit, thousands).
        let pages = rendered.sorted { $0.key < $1.key }
        let runs = inRuns(pages.count) { run -> [Int: SearchText.Page]? in
            var part: [Int: SearchText.Page] = [:]
            for (index, page) in pages[run] {
                guard let bytes = previous.read(entries[index].path) else { return nil }
                let was = SearchText.page(bytes)
                if was != page { part[index] = was }
            }
            return part
        }
        guard runs.allSatisfy({ $0 != nil }) else { return false }
        let old = runs.reduce(into: [Int: SearchText.Page]()) { all, part in all.merge(part!) { a, _ in a } }
        if old.count > max(8, entries.count / 8) { return false }
        let (termCount, storeCount) = counts(pages: entries.count)
        guard var mended = Mending(entries, rendered: rendered, old: old, termCount: termCount, storeCount: storeCount, previous: previous)
        else { return false }
        guard let files = mended.files() else { return false }
        let written = Set(files.map(\.path))
        let kept = ([manifest] + Self.files(pages: entries.count)).filter { !written.contains($0) }
        // Each kept file must still be there, as the last build recorded it, to be kept.
        guard kept.allSatisfy({ previous.recorded($0) != nil }) else { return false }
        for file in files { emit(file) }
        for path in kept { keep(path) }
        return true
    }

    /// The work of one update: which terms and passage blocks the changed pages touch, and the files holding them.
    private struct Mending {
        let entries: [Entry]
        /// The passages whose words changed, came or went.
        var moved = Set<UInt32>()
        let termCount: Int, storeCount: Int
        let previous: Previous
        /// Every term of the changed pages' old or new words, with its passages among the new words.
        var added: [String: [UInt32]] = [:]
        /// The changed pages' passage blocks, old and new, by the passage file they are in.
        var blocks: [Int: Set<String>] = [:]
        let rendered: [Int: SearchText.Page]

        init?(_ entries: [Entry], rendered: [Int: SearchText.Page], old: [Int: SearchText.Page], termCount: Int, storeCount: Int,
              previous: Previous) {
            self.entries = entries
            self.rendered = rendered
            self.termCount = termCount
            self.storeCount = storeCount
            self.previous = previous
            // Only the passages that differ (or are there in one build only) move: their old words lose the
            // passage's id, their new words gain it. An edited figure touches the terms of its passage, not of its page.
            var reader = SearchTokens.Reader()
            var moved = Set<UInt32>()
            for page in old.keys.sorted() {
                guard let now = rendered[page], let was = old[page] else { return nil }
                for local in 0..<max(was.passages.count, now.passages.count) {
                    let before = local < was.passages.count ? was.passages[local] : nil
                    let after = local < now.passages.count ? now.passages[local] : nil
                    guard before?.text != after?.text else { continue }
                    let id = UInt32(page * SearchText.passageLimit + local)
                    moved.insert(id)
                    if let before {
                        reader.read(before.text)
                        for index in reader.hashes.indices where added[reader.term(index)] == nil { added[reader.term(index)] = [] }
                    }
                    if let after {
                        reader.read(after.text)
                        for index in reader.hashes.indices {
                            let term = reader.term(index)
                            if added[term]?.last != id { added[term, default: []].append(id) }
                        }
                    }
                }
                // A block is written again when its page's title changed, or any of its passages (words, anchor, marks).
                let oldBlocks = SearchIndex.blocks(page: page, passages: was.passages.count).count
                let newBlocks = SearchIndex.blocks(page: page, passages: now.passages.count).count
                for block in 0..<max(oldBlocks, newBlocks) {
                    let range = (block * SearchIndex.block)..<((block + 1) * SearchIndex.block)
                    let same = block < oldBlocks && block < newBlocks && was.title == now.title
                        && was.passages[range.clamped(to: was.passages.indices)] == now.passages[range.clamped(to: now.passages.indices)]
                    if !same {
                        let key = "\(page).\(block)"
                        blocks[SearchTokens.bucket(key, count: storeCount), default: []].insert(key)
                    }
                }
            }
            self.moved = moved
        }

        /// The files that change, or nil when one of the last build's cannot be read as this code writes it.
        mutating func files() -> [RenderedFile]? {
            var out: [RenderedFile] = []
            var byTermFile: [Int: [String]] = [:]
            for term in added.keys { byTermFile[SearchTokens.bucket(term, count: termCount), default: []].append(term) }
            // Each touched term's passages now, and before.
            var lists: [String: [UInt32]] = [:]
            var oldLists: [String: [UInt32]] = [:]
            var overflowFiles: [Int: [String: ArraySlice<UInt8>]] = [:]
            func overflow(_ index: Int) -> [String: ArraySlice<UInt8>]? {
                if let parsed = overflowFiles[index] { return parsed }
                guard let bytes = previous.read(path(.more, index)), let parsed = SearchIndex.entries(of: bytes, .more, index) else { return nil }
                let values = Dictionary(parsed.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
                overflowFiles[index] = values
                return values
            }
            for (index, terms) in byTermFile.sorted(by: { $0.key < $1.key }) {
                guard let bytes = previous.read(path(.terms, index)), let parsed = SearchIndex.entries(of: bytes, .terms, index) else { return nil }
                var values: [String: ArraySlice<UInt8>] = [:]
                for entry in parsed { values[entry.key] = entry.value }
                for term in terms {
                    var ids: [UInt32] = []
                    if let value = values[term] {
                        guard let (first, pages) = SearchIndex.ids(in: value) else { return nil }
                        ids = first
                        for page in 0..<pages {
                            let key = term + "\u{1}\(page + 1)"
                            guard let file = overflow(SearchTokens.bucket(key, count: termCount)),
                                  let value = file[key], let (more, _) = SearchIndex.ids(in: value)
                            else { return nil }
                            ids += more
                        }
                        oldLists[term] = ids
                    }
                    let kept = ids.filter { !moved.contains($0) }
                    lists[term] = Self.merge(kept, added[term] ?? [])
                }
                var keys = Array(values.keys)
                for term in terms where values[term] == nil && !(lists[term] ?? []).isEmpty { keys.append(term) }
                keys = keys.filter { lists[$0] == nil || !lists[$0]!.isEmpty }.sorted()
                out.append(SearchIndex.file(.terms, index, keys: keys) { n, buffer in
                    if let ids = lists[keys[n]] { SearchIndex.termValue(ids[...], into: &buffer) } else { values[keys[n]]!.withUnsafeBufferPointer { buffer.append($0) } }
                })
            }
            // The overflow pages that differ, before or after: a page holds its own run of ids (its first one
            // absolute), so a change early in a common term's list leaves its later pages as they were unless ids
            // came or went.
            var touched: [Int: [String: (term: String, page: Int)]] = [:]
            for (term, ids) in lists {
                let old = oldLists[term] ?? []
                let before = SearchIndex.overflowKeys(term, count: old.count), after = SearchIndex.overflowKeys(term, count: ids.count)
                for page in stride(from: 1, through: max(before.count, after.count), by: 1) {
                    let start = firstPage + (page - 1) * overflowPage, range = start..<(start + overflowPage)
                    guard page > before.count || page > after.count || old[range.clamped(to: old.indices)] != ids[range.clamped(to: ids.indices)]
                    else { continue }
                    let key = term + "\u{1}\(page)"
                    touched[SearchTokens.bucket(key, count: termCount), default: [:]][key] = (term, page)
                }
            }
            for (index, keys) in touched.sorted(by: { $0.key < $1.key }) {
                guard let parsed = overflow(index) else { return nil }
                let values = parsed.filter { keys[$0.key] == nil }
                let made = keys.filter { $0.value.page <= SearchIndex.overflowKeys($0.value.term, count: lists[$0.value.term]!.count).count }
                let all = (Array(values.keys) + Array(made.keys)).sorted()
                out.append(SearchIndex.file(.more, index, keys: all) { n, buffer in
                    if let (term, page) = made[all[n]] {
                        SearchIndex.overflowValue(lists[term]![...], page: page, into: &buffer)
                    } else {
                        values[all[n]]!.withUnsafeBufferPointer { buffer.append($0) }
                    }
                })
            }
            for (index, keys) in blocks.sorted(by: { $0.key < $1.key }) {
                guard let bytes = previous.read(path(.store, index)), let parsed = SearchIndex.entries(of: bytes, .store, index) else { return nil }
                var values: [String: ArraySlice<UInt8>] = [:]
                for entry in parsed where !keys.contains(entry.key) { values[entry.key] = entry.value }
                var made: [String: (page: Int, start: Int)] = [:]
                for key in keys {
                    guard let page = key.split(separator: ".").first.flatMap({ Int($0) }), let now = rendered[page] else { return nil }
                    if let block = SearchIndex.blocks(page: page, passages: now.passages.count).first(where: { $0.key == key }) {
                        made[key] = (page, block.start)
                    }
                }
                let all = (Array(values.keys) + Array(made.keys)).sorted()
                out.append(SearchIndex.file(.store, index, keys: all) { n, buffer in
                    if let (page, start) = made[all[n]] {
                        var entry = entries[page]
                        entry.text = rendered[page]!
                        SearchIndex.storeValue(entry, start: start, into: &buffer)
                    } else {
                        values[all[n]]!.withUnsafeBufferPointer { buffer.append($0) }
                    }
                })
            }
            return out
        }

        /// Two ascending lists of ids, as one.
        static func merge(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
            var merged: [UInt32] = []
            merged.reserveCapacity(a.count + b.count)
            var i = 0, j = 0
            while i < a.count || j < b.count {
                if j == b.count || (i < a.count && a[i] < b[j]) { merged.append(a[i]); i += 1 } else { merged.append(b[j]); j += 1 }
            }
            return merged
        }
    }

    /// The entries of an index file as `file` writes it: each key with the bytes of its value, in the file's order;
    /// nil when the file is not that.
    static func entries(of bytes: [UInt8], _ kind: Kind, _ index: Int) -> [(key: String, value: ArraySlice<UInt8>)]? {
        let head = Array("bulletinSearch.\(kind.rawValue)(\(index),{".utf8), tail = Array("});\n".utf8)
        guard bytes.count >= head.count + tail.count, bytes.starts(with: head), bytes.suffix(tail.count).elementsEqual(tail) else { return nil }
        var entries: [(key: String, value: ArraySlice<UInt8>)] = []
        var at = head.count
        let end = bytes.count - tail.count
        while at < end {
            if !entries.isEmpty {
                guard at + 1 < end, bytes[at] == 0x2C, bytes[at + 1] == 0x0A else { return nil }
                at += 2
            }
            guard let (key, afterKey) = jsonString(bytes, at), afterKey < end, bytes[afterKey] == 0x3A else { return nil }
            let start = afterKey + 1
            guard let valueEnd = valueEnd(bytes, start, end) else { return nil }
            entries.append((key, bytes[start..<valueEnd]))
            at = valueEnd
        }
        return at == end ? entries : nil
    }

    /// A JSON string at `at` (as `JSONValue.escape` writes them), and where it ends.
    static func jsonString(_ bytes: [UInt8], _ at: Int) -> (String, Int)? {
        guard at < bytes.count, bytes[at] == 0x22 else { return nil }
        var out: [UInt8] = []
        var i = at + 1
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x22 { return (String(decoding: out, as: UTF8.self), i + 1) }
            if b != 0x5C {
                out.append(b)
                i += 1
                continue
            }
            guard i + 1 < bytes.count else { return nil }
            switch bytes[i + 1] {
            case 0x22: out.append(0x22)
            case 0x5C: out.append(0x5C)
            case 0x2F: out.append(0x2F)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                guard i + 5 < bytes.count, let value = UInt32(String(decoding: bytes[(i + 2)...(i + 5)], as: UTF8.self), radix: 16),
                      let scalar = Unicode.Scalar(value) else { return nil }
                out += Array(String(scalar).utf8)
                i += 4
            default: return nil
            }
            i += 2
        }
        return nil
    }

    /// Where a value that starts at `at` ends: a string, or an array (whose strings may hold brackets).
    private static func valueEnd(_ bytes: [UInt8], _ at: Int, _ end: Int) -> Int? {
        guard at < end else { return nil }
        if bytes[at] == 0x22 { return jsonString(bytes, at)?.1 }
        guard bytes[at] == 0x5B else { return nil }
        var depth = 0, i = at
        while i < end {
            switch bytes[i] {
            case 0x22:
                guard let after = jsonString(bytes, i)?.1 else { return nil }
                i = after
                continue
            case 0x5B: depth += 1
            case 0x5D:
                depth -= 1
                if depth == 0 { return i + 1 }
            default: break
            }
            i += 1
        }
        return nil
    }

    /// The ids of a term or overflow value (`"<base-36 differences>[|<pages>]"`), and its number of overflow pages.
    static func ids(in value: ArraySlice<UInt8>) -> ([UInt32], Int)? {
        guard value.count >= 2, value.first == 0x22, value.last == 0x22 else { return nil }
        var ids: [UInt32] = []
        var current: UInt64 = 0, previous: UInt64 = 0, digits = 0, pages: Int?
        for b in value.dropFirst().dropLast() {
            if pages != nil {
                guard (0x30...0x39).contains(b) else { return nil }
                pages = pages! * 10 + Int(b - 0x30)
                continue
            }
            switch b {
            case 0x30...0x39, 0x61...0x7A:
                current = current * 36 + UInt64(b <= 0x39 ? b - 0x30 : b - 0x57)
                digits += 1
                guard current <= UInt64(UInt32.max) else { return nil }
            case 0x2C, 0x7C:
                guard digits > 0 else { return nil }
                previous += current
                guard previous <= UInt64(UInt32.max) else { return nil }
                ids.append(UInt32(previous))
                current = 0
                digits = 0
                if b == 0x7C { pages = 0 }
            default: return nil
            }
        }
        if pages == nil {
            guard digits > 0 else { return nil }
            previous += current
            guard previous <= UInt64(UInt32.max) else { return nil }
            ids.append(UInt32(previous))
        }
        return (ids, pages ?? 0)
    }
}
