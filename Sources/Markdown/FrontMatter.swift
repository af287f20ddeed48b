#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A Markdown file split into its YAML front matter and its body.
public struct FrontMatterSplit: Sendable, Equatable {
    /// The YAML between the `---` fences, or nil when the file has none.
    public var yaml: String?
    /// The 1-based line on which the YAML starts (the line after the opening fence).
    public var yamlFirstLine: Int
    /// The Markdown after the closing fence.
    public var body: String
    /// The 1-based line on which the body starts.
    public var bodyFirstLine: Int
    /// Set when an opening fence has no closing fence.
    public var unterminated: Bool

    /// Splits `---` fenced front matter from the start of `text`. A file without an opening fence is all body.
    /// Works on UTF-8 bytes: only the front matter's lines are looked at, however long the body is.
    public static func split(_ text: String) -> FrontMatterSplit {
        var copy = text
        return copy.withUTF8 { split(text, $0) }
    }

    private static func split(_ text: String, _ whole: UnsafeBufferPointer<UInt8>) -> FrontMatterSplit {
        let bom = whole.starts(with: [0xEF, 0xBB, 0xBF])
        let bytes = bom ? UnsafeBufferPointer(rebasing: whole[3...]) : whole
        // Lines as byte ranges, without their line ends.
        func line(at start: Int) -> (content: Range<Int>, next: Int) {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            let next = end < bytes.count ? end + 1 : end
            var contentEnd = end
            if contentEnd > start, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            return (start..<contentEnd, next)
        }
        func isFence(_ range: Range<Int>, dots: Bool = false) -> Bool {
            var slice = bytes[range]
            while let last = slice.last, last == 0x20 || last == 0x09 { slice = slice.dropLast() }
            return slice.elementsEqual("---".utf8) || (dots && slice.elementsEqual("...".utf8))
        }
        func normalisedLines(_ range: Range<Int>) -> String {
            // Line ends become \n, as the lines are joined again. Most files have no \r: copied whole, as a part
            // of the text (already valid UTF-8, not checked again).
            if range.isEmpty || memchr(bytes.baseAddress! + range.lowerBound, 0x0D, range.count) == nil {
                let utf8 = text.utf8, offset = bom ? 3 : 0
                let from = utf8.index(utf8.startIndex, offsetBy: range.lowerBound + offset)
                let to = utf8.index(from, offsetBy: range.count)
                return String(Substring(utf8[from..<to]))
            }
            var out: [UInt8] = []
            out.reserveCapacity(range.count)
            var i = range.lowerBound
            while i < range.upperBound {
                if bytes[i] == 0x0D, i + 1 < range.upperBound, bytes[i + 1] == 0x0A { i += 1; continue }
                out.append(bytes[i])
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
        let first = line(at: 0)
        guard !bytes.isEmpty, isFence(first.content) else {
            return FrontMatterSplit(yaml: nil, yamlFirstLine: 1, body: text, bodyFirstLine: 1, unterminated: false)
        }
        var position = first.next, lineNumber = 2
        while position < bytes.count {
            let current = line(at: position)
            if isFence(current.content, dots: true) {
                var yamlEnd = max(first.next, current.content.lowerBound - 1)  // without the line end before the fence
                if yamlEnd > first.next, bytes[yamlEnd - 1] == 0x0D { yamlEnd -= 1 }
                let yaml = normalisedLines(first.next..<yamlEnd)
                let bodyStart = current.next
                let body = bodyStart < bytes.count ? normalisedLines(bodyStart..<bytes.count) : ""
                return FrontMatterSplit(yaml: position == first.next ? "" : yaml, yamlFirstLine: 2, body: body,
                                        bodyFirstLine: lineNumber + 1, unterminated: false)
            }
            position = current.next
            lineNumber += 1
        }
        return FrontMatterSplit(yaml: nil, yamlFirstLine: 2, body: "", bodyFirstLine: lineNumber, unterminated: true)
    }
}
