import CrosscheckCore

/// What differs between two versions of one event, record by record: what a store deletes and
/// writes again so that a change costs what it changed, not the event's size.
public struct EventDifference: Sendable {
    /// The event's own fields changed (title, date).
    public let eventChanged: Bool
    /// Claims to delete: gone, or changed (written again from `addedClaims`).
    public let removedClaims: [String]
    /// Claims to write: new, or changed.
    public let addedClaims: [Claim]
    public let removedMetrics: [Metric]
    public let addedMetrics: [Metric]
    public let removedScopes: [Scope]
    public let addedScopes: [Scope]

    /// The difference, metrics as stored: a standard metric the claims use declared with its kind.
    public init(from old: EventLedger, to new: EventLedger) {
        eventChanged = old.event != new.event
        // By id, both sides: a change to an event of thousands of claims looks each one up once.
        let oldClaims = Dictionary(old.claims.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newClaims = Dictionary(new.claims.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        removedClaims = old.claims.filter { newClaims[$0.id] != $0 }.map(\.id)
        addedClaims = new.claims.filter { oldClaims[$0.id] != $0 }
        let metrics = (old: old.declaringStandardMetrics().metrics, new: new.declaringStandardMetrics().metrics)
        removedMetrics = metrics.old.filter { !metrics.new.contains($0) }
        addedMetrics = metrics.new.filter { !metrics.old.contains($0) }
        removedScopes = old.scopes.filter { !new.scopes.contains($0) }
        addedScopes = new.scopes.filter { !old.scopes.contains($0) }
    }
}
