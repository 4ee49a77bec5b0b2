/// The formats `export` writes, each one exporter.
public enum ExportFormat: String, Sendable, CaseIterable {
    case json, csv, markdown, html, claimreview

    /// A new exporter of this format.
    public func exporter() -> any LedgerExporter {
        switch self {
        case .json: JSONExporter()
        case .csv: CSVExporter()
        case .markdown: MarkdownExporter()
        case .html: HTMLExporter()
        case .claimreview: ClaimReviewExporter()
        }
    }
}

/// What every export is written with, besides the events.
public struct ExportContext: Sendable {
    /// `Sources.json`: every source and the declared origins.
    public var registry: SourceRegistry
    /// The day the export is made (`YYYY-MM-DD`): the reviews' `datePublished`, the report's date.
    public var date: String
    /// Where the published report lives; ClaimReview's `url` is this plus `#claim-ID`, the
    /// claim's row in the HTML report.
    public var baseURL: String
    /// Who publishes the reviews.
    public var author: String

    public init(registry: SourceRegistry, date: String, baseURL: String = "", author: String = "crosscheck") {
        (self.registry, self.date, self.baseURL, self.author) = (registry, date, baseURL, author)
    }
}

/// Writes the ledger in one format, an event at a time, so that an export of a million claims
/// holds one event, not the ledger. `write` takes each piece of the output in order.
public protocol LedgerExporter {
    /// Whether the format shows the check's findings: the check of each event runs only then.
    var needsCheck: Bool { get }
    mutating func begin(_ context: ExportContext, _ write: (String) -> Void)
    mutating func add(_ event: ExportedEvent, _ write: (String) -> Void)
    mutating func finish(_ write: (String) -> Void)
}

extension LedgerExporter {
    /// The whole export of `ledgers` as one string, the check run in memory: for tests and small ledgers.
    public mutating func render(_ ledgers: [EventLedger], context: ExportContext) -> String {
        var output = ""
        let sink = { (piece: String) in output += piece }
        let sources = Dictionary(context.registry.sources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let check = ConsistencyCheck(origins: OriginNames(context.registry.origins))
        var names: [String: String] = [:]
        begin(context, sink)
        for ledger in ledgers {
            let report = needsCheck ? check.run(ledger, sources: sources, names: &names) : CheckReport()
            add(ExportedEvent(ledger: ledger, report: report, sources: sources), sink)
        }
        finish(sink)
        return output
    }
}
