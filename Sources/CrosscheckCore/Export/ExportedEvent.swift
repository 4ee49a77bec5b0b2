/// One event as an exporter sees it: its ledger, what the check found in it, and the sources
/// by id.
public final class ExportedEvent {
    public let ledger: EventLedger
    public let report: CheckReport
    public let sources: [String: Source]
    /// Where the event's bare dates are read (see `TimeWindow.zone`): once, when a format first
    /// asks, not once a claim.
    public private(set) lazy var zone: Int? = TimeWindow.zone(
        of: ledger.claims.compactMap(\.asOf) + ledger.claims.flatMap { $0.sources.compactMap { sources[$0.source]?.published } })

    public init(ledger: EventLedger, report: CheckReport, sources: [String: Source]) {
        (self.ledger, self.report, self.sources) = (ledger, report, sources)
    }
}

extension ExportedEvent {
    /// One metric of the event: its kind and its claims in time order (then by id).
    public struct MetricView: Sendable {
        public var metric: String
        public var kind: MetricKind
        public var claims: [Claim]
    }

    /// The event's metrics by id, each with its claims in time order.
    public var metrics: [MetricView] {
        let declared = Dictionary(ledger.metrics.map { ($0.id, $0.kind) }, uniquingKeysWith: { first, _ in first })
        let windows = Dictionary(ledger.claims.map { ($0.id, window($0)) }, uniquingKeysWith: { first, _ in first })
        return Dictionary(grouping: ledger.claims, by: \.metric).sorted { $0.key < $1.key }.map { metric, claims in
            MetricView(
                metric: metric, kind: declared[metric] ?? MetricVocabulary.standard.metric(metric)?.kind ?? .snapshot,
                claims: claims.sorted { a, b in
                    let (x, y) = (windows[a.id]!.earliest, windows[b.id]!.earliest)
                    return x != y ? x < y : LedgerFiles.naturallyPrecedes(a.id, b.id)
                })
        }
    }

    /// The claims in id order (c2 before c10), however they were read.
    public var claims: [Claim] { ledger.claims.sorted { LedgerFiles.naturallyPrecedes($0.id, $1.id) } }

    /// The time a claim holds at, as the check reads it: its `asOf`, or its earliest source's publication.
    public func time(_ claim: Claim) -> ReportedTime? {
        claim.asOf ?? claim.sources.compactMap { sources[$0.source]?.published }.min()
    }

    /// The claim's time as a span: a bare date is its whole day in the zone of the event's timed reports.
    public func window(_ claim: Claim) -> TimeWindow {
        TimeWindow(time(claim), zone: zone)
    }

    /// The findings of one metric, by list: conflicts, near misses, updates, unordered.
    public func findings(_ metric: String) -> (conflicts: [Finding], nearMisses: [Finding], updates: [Finding], unordered: [Finding]) {
        let mine = { (finding: Finding) in finding.metric == metric }
        return (report.conflicts.filter(mine), report.nearMisses.filter(mine), report.updates.filter(mine), report.unordered.filter(mine))
    }

    /// How many updates, unordered pairs or near misses a report lists for one metric: a toll
    /// reported by many outlets yields thousands, which no reader reads.
    public static let listed = 20

    /// How many of a list a report shows: conflicts up to `conflicts`, the other lists up to `listed`.
    static func shown(_ findings: [Finding], conflicts: Int) -> Int {
        min(findings.count, findings.first?.kind.isConflict == true ? conflicts : listed)
    }

    /// The line that says how many findings of a list were left out, and where to see them all.
    static func unlisted(_ findings: [Finding], shown: Int) -> String? {
        guard let first = findings.first, findings.count > shown else { return nil }
        let flag = first.kind == .unordered || first.kind == .partWholeUnordered ? " --unordered" : ""
        return "… and \(findings.count - shown) more (crosscheck check\(flag) --event \(first.event) lists them all)"
    }

    /// The consensus lines of one metric, by scope.
    public func consensus(_ metric: String) -> [Consensus] {
        report.consensus.filter { $0.metric == metric }.sorted { ($0.scope ?? "") < ($1.scope ?? "") }
    }
}

extension Consensus {
    /// "28", "best 25, 23–28" or "best 400, at least 400": what casualty datasets publish.
    public var rangeDescription: String {
        guard let high else { return "best \(Figure.grouped(best)), at least \(Figure.grouped(low))" }
        return high == low ? Figure.grouped(low) : "best \(Figure.grouped(best)), \(Figure.grouped(low))–\(Figure.grouped(high))"
    }

    /// "2 independent origins".
    public var originsDescription: String { "\(origins) independent \(origins == 1 ? "origin" : "origins")" }
}

extension Source {
    /// "C (fairly reliable)", or "ungraded".
    public var gradeDescription: String { reliability.map { "\($0.rawValue) (\($0.meaning))" } ?? "ungraded" }
}
