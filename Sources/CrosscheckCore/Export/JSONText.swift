/// Writes one JSON object with its keys in the order they are added, so that output is stable
/// byte for byte (no untyped dictionaries, no reordering).
public struct JSONObjectWriter: Sendable {
    private var text = "{"
    private var empty = true

    public init() {}

    public mutating func add(_ key: String, _ value: String?) {
        addKey(key)
        if let value { JSONText.appendString(value, to: &text) } else { text += "null" }
    }

    public mutating func add(_ key: String, _ value: Double?) {
        addKey(key)
        text += value.map(JSONText.number) ?? "null"
    }

    public mutating func add(_ key: String, _ value: Bool) {
        addKey(key)
        text += value ? "true" : "false"
    }

    /// The object, closed.
    public var result: String { text + "}" }

    private mutating func addKey(_ key: String) {
        if !empty { text += "," }
        empty = false
        JSONText.appendString(key, to: &text)
        text += ":"
    }
}

public enum JSONText {
    /// A number as JSON: integers without a fraction ("23", not "23.0"), others in the
    /// shortest form that reads back to the same Double.
    public static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return value.description
    }

    /// Appends a JSON string literal, escaping quotes, backslashes and control characters.
    public static func appendString(_ string: String, to text: inout String) {
        text += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
