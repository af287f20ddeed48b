import Bytes
import Testing

@Suite struct ByteBufferTests {
    @Test func growsPastItsCapacityKeepingEveryByte() {
        let buffer = ByteBuffer(capacity: 16)
        var expected: [UInt8] = []
        for round in 0..<500 {
            let text = "第\(round)行，"
            buffer.append(text)
            expected += text.utf8
            buffer.append(byte: 0x0A)
            expected.append(0x0A)
        }
        buffer.append("<svg>" as StaticString)
        expected += "<svg>".utf8
        #expect(buffer.count == expected.count)
        #expect(buffer.bytes == expected)
        #expect(buffer[0] == expected[0] && buffer[buffer.count - 1] == expected.last)
    }

    @Test func insertsAtTheStartTheMiddleAndTheEnd() {
        let buffer = ByteBuffer(capacity: 16)
        buffer.append("abcdefghij")
        let indent: [UInt8] = Array("  ".utf8)
        indent.withUnsafeBufferPointer { buffer.insert($0, at: 0) }
        indent.withUnsafeBufferPointer { buffer.insert($0, at: 7) }
        // Past the capacity: the moved bytes survive the growth.
        let long = [UInt8](repeating: 0x2D, count: 40)
        long.withUnsafeBufferPointer { buffer.insert($0, at: buffer.count) }
        #expect(String(decoding: buffer.bytes, as: UTF8.self) == "  abcde  fghij" + String(repeating: "-", count: 40))
    }

    @Test func writesInPlace() {
        let buffer = ByteBuffer()
        buffer.append("x=")
        buffer.appendInPlace(3) { out in out[0] = 0x31; out[1] = 0x2E; out[2] = 0x35 }
        #expect(String(decoding: buffer.bytes, as: UTF8.self) == "x=1.5")
    }
}
