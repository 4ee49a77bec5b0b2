@testable import CrosscheckCore
import Testing

@Suite("ByteWriter")
struct ByteWriterTests {
    @Test("grows past its first capacity and keeps every byte in order")
    func growth() {
        var writer = ByteWriter(capacity: 16)
        for number in 0..<1_000 { JSONText.appendNumber(Double(number), to: &writer) }
        #expect(writer.count == (0..<1_000).map { String($0) }.joined().utf8.count)
        #expect(text(writer) == (0..<1_000).map { String($0) }.joined())
    }

    @Test("writes JSON strings as an array does, escapes included")
    func sameAsArray() {
        let texts = ["plain", "quote \" and \\ backslash", "line\nbreak\ttab\r", "\u{1}\u{1F}", "Київ — 400+", ""]
        var writer = ByteWriter(capacity: 16)
        var array: [UInt8] = []
        for text in texts {
            JSONText.appendString(text, to: &writer)
            JSONText.appendString(text, to: &array)
        }
        #expect(text(writer) == String(decoding: array, as: UTF8.self))
        #expect(text(writer).hasPrefix(#""plain""quote \" and \\ backslash""line\nbreak\ttab\r""\u0001\u001f""#))
    }

    @Test("repeats a range written before, from another writer")
    func rangeOfAnother() {
        var items = ByteWriter(capacity: 16)
        items.append(raw: "0123456789abcdefghij")
        var out = ByteWriter(capacity: 16)
        out.append(raw: "[")
        out.append(items, 10..<20)
        out.append(items, 0..<3)
        out.append(raw: "]")
        #expect(text(out) == "[abcdefghij012]")
    }

    @Test("repeats a range of its own, growing while it copies")
    func ownRange() {
        var out = ByteWriter(capacity: 16)
        out.append(raw: "[0123456789abcd")
        out.appendCopy(of: 1..<15)
        out.appendCopy(of: 3..<3)
        out.appendCopy(of: 0..<29)
        #expect(text(out) == "[0123456789abcd0123456789abcd[0123456789abcd0123456789abcd")
    }

    private func text(_ writer: borrowing ByteWriter) -> String { String(decoding: writer.bytes, as: UTF8.self) }
}
