/// `csv`: one row per claim–source link (a claim without a source gets one row with the source
/// columns empty), a header row, RFC 4180 quoting and CRLF line ends. The columns never change
/// order; new ones are only ever added at the end.
///
/// A text cell that a spreadsheet would run as a formula (one starting with `=`, `+`, `-`, `@`,
/// a tab or a carriage return) gets a leading `'`, so that opening an export never runs
/// something an article or a source's title carried in.
public struct CSVExporter: LedgerExporter {
    public static let columns = [
        "event", "claim", "metric", "scope", "text", "lower", "upper", "lowerOpen", "upperOpen", "approximate", "kind", "unit",
        "coded", "asOf", "confidence", "status", "source", "outlet", "title", "url", "published", "reliability", "quote",
        "attributedTo", "credibility",
    ]

    public init() {}

    public var needsCheck: Bool { false }

    public mutating func begin(_ context: ExportContext, _ write: (String) -> Void) {
        write(Self.columns.joined(separator: ",") + "\r\n")
    }

    public mutating func add(_ event: ExportedEvent, _ write: (String) -> Void) {
        // One byte buffer an event: a million rows are written without a string a cell.
        var out: [UInt8] = []
        out.reserveCapacity(event.ledger.claims.count * 320)
        for claim in event.claims {
            let figure = claim.figure
            let head: [String?] = [
                event.ledger.event.id, claim.id, claim.metric, claim.scope, claim.text,
                JSONText.number(figure.lower), figure.upper.map(JSONText.number), String(figure.lowerOpen), String(figure.upperOpen),
                String(figure.approximate), figure.kind.rawValue, figure.unit, figure.coded.map(JSONText.number),
                claim.asOf?.description, claim.confidence?.rawValue, claim.status?.rawValue,
            ]
            let links: [Link?] = claim.sources.isEmpty ? [nil] : claim.sources
            for link in links {
                let source = link.flatMap { event.sources[$0.source] }
                let tail: [String?] = [
                    link?.source, source?.outlet, source?.title, source?.url, source?.published?.description, source?.reliability?.rawValue,
                    link?.quote, link?.attributedTo, link?.credibility.map { String($0.rawValue) },
                ]
                for (index, value) in (head + tail).enumerated() {
                    if index > 0 { out.append(UInt8(ascii: ",")) }
                    if let value { Self.appendCell(value, to: &out) }
                }
                out += [0x0D, 0x0A]
            }
        }
        write(String(decoding: out, as: UTF8.self))
    }

    public mutating func finish(_ write: (String) -> Void) {}

    /// One cell: neutralised if a spreadsheet would read it as a formula, quoted if it holds a
    /// comma, a quote or a line break (quotes doubled). Bytes, not characters: this runs for
    /// every cell of a million-row export.
    static func appendCell(_ value: String, to out: inout [UInt8]) {
        var value = value
        value.withUTF8 { bytes in
            let formula = bytes.first.map { $0 == 0x3D || $0 == 0x2B || $0 == 0x2D || $0 == 0x40 || $0 == 0x09 || $0 == 0x0D } ?? false
            let quoted = bytes.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            if quoted { out.append(0x22) }
            if formula { out.append(UInt8(ascii: "'")) }
            if quoted {
                for byte in bytes {
                    out.append(byte)
                    if byte == 0x22 { out.append(0x22) }
                }
                out.append(0x22)
            } else {
                out.append(contentsOf: bytes)
            }
        }
    }
}
