/// Everything the check found, by list, in the order of the ledger: events, then metrics and
/// scopes, then the rules.
public struct CheckReport: Sendable, Hashable {
    public var conflicts: [Finding] = []
    public var updates: [Finding] = []
    public var unordered: [Finding] = []
    public var nearMisses: [Finding] = []
    public var consensus: [Consensus] = []

    public init() {}

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
    }
}
