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
            return TextFile(displayPath: displayPath, text: text)
        case .failure(let position):
            diagnostics.append(.error(
                at: SourceLocation(file: displayPath, line: position.line, column: position.column),
                "the file is not valid UTF-8 (byte 0x\(String(position.byte, radix: 16, uppercase: true)) at offset \(position.offset))",
                hint: "save the file as UTF-8; files saved as GBK or GB18030 must be converted, e.g. `iconv -f GB18030 -t UTF-8`"))
            return nil
        }
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
