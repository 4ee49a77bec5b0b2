/// Everything the check found, by list, in the order of the ledger: events, then metrics and
/// scopes, then the rules.
public struct CheckReport: Sendable, Hashable {
    public var conflicts: [Finding] = []
    public var updates: [Finding] = []
    public var unordered: [Finding] = []
    public var nearMisses: [Finding] = []
    public var consensus: [Consensus] = []
    /// Claims whose status is `false` or `retracted`: they take no part in the check.
    public var setAside: [String] = []

    public init() {}

    /// The reports of many events one after another, joined at their final size, each let go
    /// once copied: a large ledger's findings are held once, not twice.
    public init(joining parts: consuming [CheckReport]) {
        let lists: [WritableKeyPath<CheckReport, [Finding]>] = [\.conflicts, \.updates, \.unordered, \.nearMisses]
        for list in lists { self[keyPath: list].reserveCapacity(parts.reduce(0) { $0 + $1[keyPath: list].count }) }
        consensus.reserveCapacity(parts.reduce(0) { $0 + $1.consensus.count })
        setAside.reserveCapacity(parts.reduce(0) { $0 + $1.setAside.count })
        for index in parts.indices {
            append(parts[index])
            parts[index] = CheckReport()
        }
    }

    mutating func add(_ findings: [Finding]) {
        for finding in findings { add(finding) }
    }

    mutating func add(_ finding: Finding) {
        switch finding.kind {
        case .snapshot, .tollFell, .sameTime, .selfContradiction, .partAboveWhole: conflicts.append(finding)
        case .update: updates.append(finding)
        case .unordered, .partWholeUnordered: unordered.append(finding)
        case .nearMiss: nearMisses.append(finding)
        }
    }

    public mutating func append(_ other: CheckReport) {
        conflicts += other.conflicts
        updates += other.updates
        unordered += other.unordered
        nearMisses += other.nearMisses
        consensus += other.consensus
        setAside += other.setAside
    }
}
