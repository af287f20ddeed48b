import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// One line of the source as the importer reads it, with where it came from (a line of a text file, a
/// paragraph of a `.docx`).
public struct SourceLine: Sendable, Equatable {
    public var number: Int
    public var text: String

    public init(number: Int, text: String) {
        self.number = number
        self.text = text
    }
}

/// What went wrong reading the input, said so that the editor can act on it.
public struct ImportFailure: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Reads a plan's published text: plain text (UTF-8), a Word `.docx`, or a PDF through `pdftotext`.
public enum ImportInput {
    public enum Format: String, Sendable { case text, docx, pdf }

    public static func format(of url: URL) -> Format {
        switch url.pathExtension.lowercased() {
        case "docx": return .docx
        case "pdf": return .pdf
        default: return .text
        }
    }

    public static func lines(of url: URL) throws -> [SourceLine] {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ImportFailure("\(url.path): cannot be read (\(error.localizedDescription))")
        }
        switch format(of: url) {
        case .text: return try textLines(data, path: url.path)
        case .docx: return try docxLines(data, path: url.path)
        case .pdf: return try pdfLines(url)
        }
    }

    /// UTF-8 text, with a byte-order mark, CRLF or lone CR allowed. Malformed UTF-8 is refused at its line and column.
    public static func textLines(_ data: Data, path: String) throws -> [SourceLine] {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let (line, column) = firstInvalidUTF8(bytes)
            throw ImportFailure("\(path):\(line):\(column): the text is not valid UTF-8; save it as UTF-8 (for a GB 18030 file: iconv -f GB18030 -t UTF-8)")
        }
        let unified = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        return unified.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
            SourceLine(number: $0.offset + 1, text: String($0.element))
        }
    }

    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (Int, Int) {
        var line = 1, column = 1, i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length = b < 0x80 ? 1 : b >> 5 == 0b110 ? 2 : b >> 4 == 0b1110 ? 3 : b >> 3 == 0b11110 ? 4 : 0
            guard length > 0, i + length <= bytes.count,
                  String(validating: bytes[i..<(i + length)], as: UTF8.self) != nil else { return (line, column) }
            if b == 0x0A { line += 1; column = 1 } else { column += 1 }
            i += length
        }
        return (line, column)
    }

    /// The paragraphs of `word/document.xml`, in order. A paragraph inside a table cell becomes `cell |`, the form
    /// a web page's table takes when it is copied as text, so that both read as one table.
    static func docxLines(_ data: Data, path: String) throws -> [SourceLine] {
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch {
            throw ImportFailure("\(path): not a .docx file (it is not a zip archive)")
        }
        guard let entry = archive["word/document.xml"] else {
            throw ImportFailure("\(path): not a .docx file (it has no word/document.xml)")
        }
        var xml = Data()
        do { _ = try archive.extract(entry, skipCRC32: false) { xml.append($0) } } catch {
            throw ImportFailure("\(path): word/document.xml cannot be unpacked (\(error))")
        }
        let reader = DocumentXMLReader()
        let parser = XMLParser(data: xml)
        parser.delegate = reader
        parser.shouldResolveExternalEntities = false
        guard parser.parse() else {
            throw ImportFailure("\(path): word/document.xml is not well-formed XML (line \(parser.lineNumber), column \(parser.columnNumber))")
        }
        return reader.paragraphs.enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) }
    }

    static func pdfLines(_ url: URL) throws -> [SourceLine] {
        let candidates = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map { "\($0)/pdftotext" }
        guard let tool = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw ImportFailure("\(url.path): reading a PDF needs `pdftotext` (Debian: apt-get install poppler-utils), or import the plan's text or .docx instead")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-enc", "UTF-8", "-nopgbrk", url.path, "-"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ImportFailure("\(url.path): pdftotext could not read it (exit status \(process.terminationStatus)); is it a PDF with a text layer?")
        }
        return try textLines(data, path: url.path)
    }
}

/// Collects the text of each `w:p`; `w:tab` and `w:br` become a space and a line break.
final class DocumentXMLReader: NSObject, XMLParserDelegate {
    var paragraphs: [String] = []
    private var current: String?
    private var inText = false
    private var cellDepth = 0

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "w:p": current = ""
        case "w:t": inText = true
        case "w:tab": current? += " "
        case "w:br", "w:cr": current? += "\n"
        case "w:tc": cellDepth += 1
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "w:t": inText = false
        case "w:tc": cellDepth -= 1
        case "w:p":
            if let text = current {
                for piece in text.split(separator: "\n", omittingEmptySubsequences: false) {
                    paragraphs.append(cellDepth > 0 ? "\(piece) |" : String(piece))
                }
            }
            current = nil
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current? += string }
    }
}
