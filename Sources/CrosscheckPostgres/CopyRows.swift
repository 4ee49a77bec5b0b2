import CrosscheckStore

/// Rows for `COPY … FROM STDIN` in PostgreSQL's text format, built a value at a time into
/// chunks of bytes: tabs between values, a line feed after each row, `\N` for null, and
/// backslash, tab, line feed and carriage return escaped.
struct CopyRows: Sendable, ClaimColumnSink {
    let table: String
    let columns: [String]
    private(set) var chunks: [[UInt8]] = []
    private var current: [UInt8] = []
    private var started = false
    private(set) var count = 0

    init(table: String, columns: [String]) {
        (self.table, self.columns) = (table, columns)
        current.reserveCapacity(Self.chunkSize)
    }

    static let chunkSize = 1 << 16

    var isEmpty: Bool { count == 0 }

    mutating func add(_ value: String?) {
        if started { current.append(0x09) }
        started = true
        guard let value else {
            current.append(contentsOf: [0x5C, 0x4E])
            return
        }
        for byte in value.utf8 {
            switch byte {
            case 0x5C: current.append(contentsOf: [0x5C, 0x5C])
            case 0x09: current.append(contentsOf: [0x5C, 0x74])
            case 0x0A: current.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: current.append(contentsOf: [0x5C, 0x72])
            default: current.append(byte)
            }
        }
    }

    /// A bytea value, in hex: `\x` and two digits a byte (its backslash escaped for the text format).
    mutating func add(bytes: [UInt8]) {
        if started { current.append(0x09) }
        started = true
        current.append(contentsOf: [0x5C, 0x5C, 0x78])
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        current.reserveCapacity(current.count + bytes.count * 2)
        for byte in bytes {
            current.append(digits[Int(byte >> 4)])
            current.append(digits[Int(byte & 15)])
        }
    }

    mutating func add(_ value: Double?) { add(value.map(Self.text)) }
    mutating func add(_ value: Int?) { add(value.map(String.init)) }
    mutating func add(_ value: Int64?) { add(value.map(String.init)) }
    mutating func add(_ value: Bool) { add(value ? "t" : "f") }

    mutating func endRow() {
        current.append(0x0A)
        started = false
        count += 1
        if current.count >= Self.chunkSize {
            chunks.append(current)
            current.removeAll(keepingCapacity: true)
        }
    }

    /// The rows so far, every chunk closed.
    func finished() -> CopyRows {
        var copy = self
        if !copy.current.isEmpty {
            copy.chunks.append(copy.current)
            copy.current = []
        }
        return copy
    }

    /// A double as PostgreSQL reads it back to the same value: Swift's shortest exact text.
    private static func text(_ value: Double) -> String {
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        return value.isNaN ? "NaN" : "\(value)"
    }
}
