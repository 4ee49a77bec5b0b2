/// Writes one JSON object with its keys in the order they are added, so that output is stable
/// byte for byte (no untyped dictionaries, no reordering). Bytes are gathered in a buffer and
/// become a String once, at the end: millions of mentions are written this way.
public struct JSONObjectWriter: Sendable {
    private var bytes: [UInt8]
    private var empty = true
    private let spaced: Bool

    /// `spaced` writes `{ "a": 1, "b": 2 }` for files people read; otherwise `{"a":1,"b":2}`.
    public init(spaced: Bool = false) {
        self.spaced = spaced
        bytes = [UInt8(ascii: "{")]
        bytes.reserveCapacity(256)
        if spaced { bytes.append(0x20) }
    }

    public mutating func add(_ key: String, _ value: String?) {
        addKey(key)
        if let value { JSONText.appendString(value, to: &bytes) } else { bytes += JSONText.null }
    }

    public mutating func add(_ key: String, _ value: Double?) {
        addKey(key)
        if let value { JSONText.appendNumber(value, to: &bytes) } else { bytes += JSONText.null }
    }

    /// A value already written as JSON: an array or object built elsewhere.
    public mutating func add(_ key: String, json: String) {
        addKey(key)
        bytes += Array(json.utf8)
    }

    /// A value written in place by `write`: an array or object, without a string of its own.
    public mutating func add(_ key: String, writing write: (inout [UInt8]) -> Void) {
        addKey(key)
        write(&bytes)
    }

    /// An array of strings.
    public mutating func add(_ key: String, strings: [String]) {
        addKey(key)
        bytes += Array(JSONText.array(strings).utf8)
    }

    public mutating func add(_ key: String, _ value: Bool) {
        addKey(key)
        bytes += value ? JSONText.true : JSONText.false
    }

    /// The object, closed.
    public var result: String {
        var closed = bytes
        if spaced && !empty { closed.append(0x20) }
        closed.append(UInt8(ascii: "}"))
        return String(decoding: closed, as: UTF8.self)
    }

    /// Writes one object at the end of `buffer`, in place: whole files are written this way
    /// without a string for each object.
    public static func append(to buffer: inout [UInt8], spaced: Bool = false, _ fill: (inout JSONObjectWriter) -> Void) {
        var writer = JSONObjectWriter(spaced: spaced, bytes: [])
        swap(&writer.bytes, &buffer)
        writer.bytes.append(UInt8(ascii: "{"))
        if spaced { writer.bytes.append(0x20) }
        fill(&writer)
        if spaced && !writer.empty { writer.bytes.append(0x20) }
        writer.bytes.append(UInt8(ascii: "}"))
        swap(&writer.bytes, &buffer)
    }

    private init(spaced: Bool, bytes: [UInt8]) {
        self.spaced = spaced
        self.bytes = bytes
    }

    private mutating func addKey(_ key: String) {
        if !empty {
            bytes.append(UInt8(ascii: ","))
            if spaced { bytes.append(0x20) }
        }
        empty = false
        JSONText.appendString(key, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        if spaced { bytes.append(0x20) }
    }
}

public enum JSONText {
    static let null = Array("null".utf8), `true` = Array("true".utf8), `false` = Array("false".utf8)

    /// A number as JSON: integers without a fraction ("23", not "23.0"), others in the
    /// shortest form that reads back to the same Double.
    public static func number(_ value: Double) -> String {
        var bytes: [UInt8] = []
        appendNumber(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func appendNumber<Sink: ByteSink & ~Copyable>(_ value: Double, to bytes: inout Sink) {
        guard value == value.rounded(), abs(value) < 1e15 else {
            var text = value.description
            text.withUTF8 { bytes.append(bytes: $0) }
            return
        }
        var integer = Int64(value)
        if integer < 0 {
            bytes.append(UInt8(ascii: "-"))
            integer = -integer
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(integer % 10) + 0x30
                integer /= 10
                count += 1
            } while integer > 0
            for k in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[k]) }
        }
    }

    /// A JSON array of strings, without spaces: `["a","b"]`.
    public static func array(_ strings: [String]) -> String {
        "[" + strings.map(string).joined(separator: ",") + "]"
    }

    /// The strings of a JSON array of strings, as `array(_:)` writes it; nil for other text.
    public static func strings(_ text: String) -> [String]? {
        // Most lists of aliases are empty: no parse for them.
        text == "[]" ? [] : (try? JSONReader.parse(text))?.strings
    }

    /// A JSON string literal.
    public static func string(_ text: String) -> String {
        var bytes: [UInt8] = []
        appendString(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends a JSON string literal, escaping quotes, backslashes and control characters.
    static func appendString<Sink: ByteSink & ~Copyable>(_ string: String, to bytes: inout Sink) {
        var string = string
        string.withUTF8 { utf8 in
            bytes.append(UInt8(ascii: "\""))
            // Most text needs no escape: copy it whole.
            var plain = true
            for byte in utf8 where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                plain = false
                break
            }
            if plain {
                bytes.append(bytes: utf8)
            } else {
                for byte in utf8 { appendEscaped(byte, to: &bytes) }
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }

    private static func appendEscaped<Sink: ByteSink & ~Copyable>(_ byte: UInt8, to bytes: inout Sink) {
        switch byte {
        case UInt8(ascii: "\""): bytes.append(raw: "\\\"")
        case UInt8(ascii: "\\"): bytes.append(raw: "\\\\")
        case 0x0A: bytes.append(raw: "\\n")
        case 0x0D: bytes.append(raw: "\\r")
        case 0x09: bytes.append(raw: "\\t")
        case 0..<0x20:
            bytes.append(raw: "\\u00")
            bytes.append(hexDigits[Int(byte >> 4)])
            bytes.append(hexDigits[Int(byte & 0xF)])
        default: bytes.append(byte)
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
