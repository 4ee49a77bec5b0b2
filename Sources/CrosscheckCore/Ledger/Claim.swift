/// One figure about (event, metric, scope), and the sources that carry it.
public struct Claim: Sendable, Hashable {
    /// Unique in the workspace; the session numbers new claims c1, c2, …
    public var id: String
    public var metric: String
    public var scope: String?
    /// The words as written: "at least 23 people".
    public var text: String
    public var figure: Figure
    /// The time the figure refers to; the source's publication time when not given.
    public var asOf: ReportedTime?
    public var confidence: Confidence?
    public var status: ClaimStatus?
    public var sources: [Link]

    public init(id: String, metric: String, scope: String? = nil, text: String, figure: Figure, asOf: ReportedTime? = nil,
                confidence: Confidence? = nil, status: ClaimStatus? = nil, sources: [Link] = []) {
        (self.id, self.metric, self.scope, self.text, self.figure) = (id, metric, scope, text, figure)
        (self.asOf, self.confidence, self.status, self.sources) = (asOf, confidence, status, sources)
    }

    /// Whether the check leaves the claim out: a figure found false or withdrawn by its source
    /// settles the dispute it was in.
    public var isSetAside: Bool { status == .false || status == .retracted }
}

/// A claim ↔ source link: the exact quote, who the source attributes the figure to, how
/// credible that report is, and where the figure stands in the source's text.
public struct Link: Sendable, Hashable {
    public var source: String
    public var quote: String?
    public var attributedTo: String?
    public var credibility: Credibility?
    /// The figure's place in the source's text, in Unicode scalars as extraction gives it, when
    /// the claim came from the text: what a second `annotate` knows is done.
    public var span: Range<Int>?

    public init(source: String, quote: String? = nil, attributedTo: String? = nil, credibility: Credibility? = nil,
                span: Range<Int>? = nil) {
        (self.source, self.quote, self.attributedTo, self.credibility, self.span) = (source, quote, attributedTo, credibility, span)
    }
}

/// One event's file, `Claims/<event-id>.json`: the event, the metrics and scopes its claims
/// use, and the claims.
public struct EventLedger: Sendable, Hashable {
    public var event: Event
    public var metrics: [Metric]
    public var scopes: [Scope]
    public var claims: [Claim]

    public init(event: Event, metrics: [Metric] = [], scopes: [Scope] = [], claims: [Claim] = []) {
        (self.event, self.metrics, self.scopes, self.claims) = (event, metrics, scopes, claims)
    }

    /// Whether claims of the event may count `metric`: the event declares it, or it is standard.
    public func knows(metric: String) -> Bool {
        metrics.contains { $0.id == metric } || MetricVocabulary.standard.metric(metric) != nil
    }

    /// The scope a name means: its id, else the scope that has it as an alias.
    public func scope(named name: String) -> Scope? {
        scopes.first { $0.id == name } ?? scopes.first { $0.isNamed(name) }
    }

    /// The ledger as it is stored: a standard metric that claims name but the file does not
    /// declare gets its definition (kind, no aliases), so that its kind travels with the file.
    public func declaringStandardMetrics(_ vocabulary: MetricVocabulary = .standard) -> EventLedger {
        var declared = Set(metrics.map(\.id))
        var result = self
        for claim in claims where !declared.contains(claim.metric) {
            guard let standard = vocabulary.metric(claim.metric) else { continue }
            declared.insert(claim.metric)
            result.metrics.append(Metric(id: claim.metric, kind: standard.kind))
        }
        return result
    }
}
