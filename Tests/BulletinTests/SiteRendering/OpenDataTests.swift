import Foundation
import Model
@testable import SiteRendering
import Testing
import ZIPFoundation

/// The downloads as a spreadsheet and a script read them.
@Suite struct OpenDataTests {
    @Test(arguments: [
        ("=1+1", "'=1+1"), ("+86 23", "'+86 23"), ("-rm", "'-rm"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
        ("-0.5", "-0.5"), ("-12", "-12"), ("1.28", "1.28"), ("市科技局", "市科技局"), ("", ""), ("-", "'-"), ("-.5", "'-.5"),
    ])
    func cellsThatWouldRunAsFormulasAreNeutralised(_ cell: String, _ written: String) {
        #expect(CSVTable.neutralised(cell) == written)
    }

    @Test func aCSVHasABOMCRLFAndQuotesWhatNeedsQuoting() {
        var table = CSVTable(header: ["a", "b"])
        table.append(["市统计局, 公报", "说“是”\"的\""])
        table.append(["=cmd|' /C calc'!A0", "two\nlines"])
        let text = String(decoding: table.bytes, as: UTF8.self)
        #expect(table.bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(text == "\u{FEFF}a,b\r\n\"市统计局, 公报\",\"说“是”\"\"的\"\"\"\r\n'=cmd|' /C calc'!A0,\"two\nlines\"\r\n")
    }

    @Test func jsonKeepsNumbersAsWrittenAndEscapesWhatCouldBreakOut() {
        let value = JSONValue.object([("a", .figure(Figure(1.28, text: "1.28"))), ("b", .figure(nil)), ("c", .string("</script><b>\u{2028}\"\\")),
                                      ("d", .double(0.1 + 0.2)), ("e", .figure(Figure(5, text: "05")))])
        #expect(value.text == #"{"a":1.28,"b":null,"c":"\u003c/script\u003e\u003cb\u003e\u2028\"\\","d":0.3,"e":5}"#)
    }

    @Test func theZipHoldsEveryFileWithTheSameBytesOnEveryBuild() throws {
        let files: [(String, [UInt8])] = [("a.csv", Array("x,y\r\n".utf8)), ("b.json", Array(repeating: 0x41, count: 10_000))]
        let first = ZipFile.make(files), second = ZipFile.make(files)
        #expect(first == second)
        let archive = try Archive(data: Data(first), accessMode: .read)
        var read: [String: Data] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            read[entry.path] = data
        }
        #expect(read == ["a.csv": Data("x,y\r\n".utf8), "b.json": Data(repeating: 0x41, count: 10_000)])
    }
}
