import Diagnostics
import Foundation

/// A file read as UTF-8 text, with the path shown in messages.
struct TextFile {
    var displayPath: String
    var text: String

    /// Reads `url`; a missing file, an unreadable file or bytes that are not UTF-8 become a located diagnostic.
    static func read(_ url: URL, displayPath: String, diagnostics: inout [Diagnostic]) -> TextFile? {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            diagnostics.append(.error(at: SourceLocation(file: displayPath), "cannot read the file",
                                      hint: "check that it exists and that you may read it"))
            return nil
        }
        switch decodeUTF8(data) {
        case .success(let text):
            if let warning = bidiControls(in: data, displayPath: displayPath) { diagnostics.append(warning) }
            return TextFile(displayPath: displayPath, text: text)
        case .failure(let position):
            diagnostics.append(.error(
                at: SourceLocation(file: displayPath, line: position.line, column: position.column),
                "the file is not valid UTF-8 (byte 0x\(String(position.byte, radix: 16, uppercase: true)) at offset \(position.offset))",
                hint: "save the file as UTF-8; files saved as GBK or GB18030 must be converted, e.g. `iconv -f GB18030 -t UTF-8`"))
            return nil
        }
    }

    /// The characters that reorder the text after them on screen (U+202A–U+202E embeddings and overrides, U+2066–U+2069
    /// isolates): a title with U+202E shows the rest of its line backwards. They stay text, escaped like any other, but
    /// no plan needs them, so the first is warned of where it is, with how many the file holds (as code hosts warn of
    /// hidden bidirectional text).
    static func bidiControls(in data: Data, displayPath: String) -> Diagnostic? {
        var count = 0
        var first: (line: Int, column: Int, scalar: UInt32)?
        var line = 1, column = 1
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte == 0x0A { line += 1; column = 1; i += 1; continue }
                if byte == 0xE2, i + 2 < bytes.count {
                    let b1 = bytes[i + 1], b2 = bytes[i + 2]
                    if (b1 == 0x80 && (0xAA...0xAE).contains(b2)) || (b1 == 0x81 && (0xA6...0xA9).contains(b2)) {
                        count += 1
                        if first == nil { first = (line, column, 0x2000 | UInt32(b1 & 0x3F) << 6 | UInt32(b2 & 0x3F)) }
                    }
                }
                // A column counts characters: only a byte that starts one moves it.
                if byte & 0xC0 != 0x80 { column += 1 }
                i += 1
            }
        }
        guard let first else { return nil }
        let name = "U+" + String(first.scalar, radix: 16, uppercase: true)
        return .warning(at: SourceLocation(file: displayPath, line: first.line, column: first.column),
                        "a bidirectional control character (\(name)) here reorders the text after it on screen" + (count > 1 ? " (\(count) in the file)" : ""),
                        hint: "delete it: Chinese and English text never needs one; `grep -nP '[\\x{202A}-\\x{202E}\\x{2066}-\\x{2069}]'` finds them")
    }

    struct InvalidByte: Error {
        var offset: Int
        var byte: UInt8
        var line: Int
        var column: Int
    }

    /// Decodes strictly, reporting where the first invalid sequence starts (line and column in scalars).
    static func decodeUTF8(_ data: Data) -> Result<String, InvalidByte> {
        if let text = String(validating: data, as: UTF8.self) {
            return .success(text)
        }
        let bytes = [UInt8](data)
        var line = 1, column = 1, offset = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            let start = offset
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput:
                return .success(String(decoding: bytes, as: UTF8.self))
            case .error:
                return .failure(InvalidByte(offset: start, byte: bytes[min(start, bytes.count - 1)], line: line, column: column))
            }
        }
    }
}
