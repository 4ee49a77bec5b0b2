/// `json`: the ledger files' format, all events in one document:
/// `{"format": "crosscheck-export/1", "sources": <Sources.json>, "events": [<event files>]}`,
/// each part byte for byte as the workspace files hold it, indented to its place.
public struct JSONExporter: LedgerExporter {
    public static let format = "crosscheck-export/1"
    private var events = 0

    public init() {}

    public var needsCheck: Bool { false }

    public mutating func begin(_ context: ExportContext, _ write: (String) -> Void) {
        write("{\n  \"format\": \"\(Self.format)\",\n  \"sources\": " + Self.indent(LedgerFiles.writeRegistry(context.registry), by: "  ")
            + ",\n  \"events\": ")
    }

    public mutating func add(_ event: ExportedEvent, _ write: (String) -> Void) {
        write((events == 0 ? "[\n    " : ",\n    ") + Self.indent(LedgerFiles.writeEvent(event.ledger), by: "    "))
        events += 1
    }

    public mutating func finish(_ write: (String) -> Void) {
        write(events == 0 ? "[]\n}\n" : "\n  ]\n}\n")
    }

    /// The text with `prefix` after each line break but the last: a document nested in another.
    /// Copies the runs between line breaks whole: this runs over every byte of an export.
    static func indent(_ text: String, by prefix: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        let inserted = Array(prefix.utf8)
        var utf8 = text
        utf8.withUTF8 { source in
            let end = source.last == 0x0A ? source.count - 1 : source.count
            var start = 0
            while start < end {
                let rest = UnsafeBufferPointer(rebasing: source[start..<end])
                guard let offset = rest.firstIndex(of: 0x0A) else {
                    bytes.append(contentsOf: rest)
                    break
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: rest[..<(offset + 1)]))
                bytes.append(contentsOf: inserted)
                start += offset + 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
