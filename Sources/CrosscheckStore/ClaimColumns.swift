import CrosscheckCore

/// Where a claim's columns go, a value at a time: SQLite's bound statement or PostgreSQL's COPY rows.
public protocol ClaimColumnSink {
    mutating func add(_ text: String?)
    mutating func add(_ number: Double?)
    mutating func add(_ number: Int64?)
    mutating func add(_ flag: Bool)
}

extension Claim {
    /// The columns of the `claim` table, in both stores' order: id, event, metric, scope, text,
    /// lower, upper, lowerOpen, upperOpen, approximate, kind, unit, coded, asOf, asOfEarliest,
    /// asOfLatest, confidence, status.
    @inlinable
    public func addColumns<Sink: ClaimColumnSink>(event: String, to sink: inout Sink) {
        sink.add(id); sink.add(event); sink.add(metric); sink.add(scope); sink.add(text)
        sink.add(figure.lower); sink.add(figure.upper); sink.add(figure.lowerOpen); sink.add(figure.upperOpen)
        sink.add(figure.approximate); sink.add(figure.kind.rawValue); sink.add(figure.unit); sink.add(figure.coded)
        sink.add(asOf?.description); sink.add(asOf?.earliest); sink.add(asOf?.latest)
        sink.add(confidence?.rawValue); sink.add(status?.rawValue)
    }
}

extension RowWriter.Values: ClaimColumnSink {}
