import Synchronization

/// The consistency check of a ledger: which figures truly conflict, which are a toll rising,
/// which only touch, and what the weight of independent reports supports.
public struct ConsistencyCheck: Sendable {
    public var origins: OriginNames

    /// The rules over one comparable group, in order; a finding an earlier rule made about the
    /// same claims is not repeated by a later one.
    static let rules: [any CheckRule] = [SelfContradictionRule(), SnapshotRule(), TollRule(), NearMissRule()]

    public init(origins: OriginNames = OriginNames()) {
        self.origins = origins
    }

    /// Checks every event of `ledgers` against the source registry. Events are independent:
    /// each core checks every other one, and the reports are joined in the order of `ledgers`.
    public func run(_ ledgers: [EventLedger], sources: [Source]) -> CheckReport {
        let registry = Dictionary(sources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let reports = Mutex([CheckReport](repeating: CheckReport(), count: ledgers.count))
        WorkerPool.run(items: ledgers.count) { mine in
            var names: [String: String] = [:]
            for index in mine {
                let report = run(ledgers[index], sources: registry, names: &names)
                reports.withLock { $0[index] = report }
            }
        }
        return CheckReport(joining: reports.withLock { taken in
            var parts: [CheckReport] = []
            swap(&parts, &taken)
            return parts
        })
    }

    /// Checks one event: each (metric, scope) group by the rules, each part against every whole
    /// above it, and the consensus of each group.
    public func run(_ ledger: EventLedger, sources: [String: Source]) -> CheckReport {
        var names: [String: String] = [:]
        return run(ledger, sources: sources, names: &names)
    }

    /// The same, with `names` remembering the normal form of each name seen so far: a ledger
    /// names few parties many times, so a check of many events passes one along.
    public func run(_ ledger: EventLedger, sources: [String: Source], names: inout [String: String]) -> CheckReport {
        let groups = self.groups(ledger, sources: sources, names: &names)
        var report = CheckReport()
        report.setAside = LedgerFiles.naturallySorted(ledger.claims.filter { $0.isSetAside }).map(\.id)
        for group in groups.values.sorted(by: Self.order) {
            report.append(check(group))
        }
        // Parts against their wholes, through every level of partOf.
        let parents = Dictionary(ledger.scopes.map { ($0.id, $0.partOf) }, uniquingKeysWith: { first, _ in first })
        for part in groups.values.sorted(by: Self.order) {
            var seen: Set<String> = []
            var next = part.scope.flatMap { parents[$0] ?? nil }
            while let wholeScope = next, seen.insert(wholeScope).inserted {
                if let whole = groups[GroupKey(metric: part.metric, scope: wholeScope)] {
                    report.add(PartWholeRule().findings(part: part, whole: whole))
                }
                next = parents[wholeScope] ?? nil
            }
        }
        return report
    }

    /// One (event, metric, scope) group: the incremental check after a change to it.
    public func check(_ group: ComparableGroup) -> CheckReport {
        var report = CheckReport()
        let classes = group.classes
        // A conflict two rules find is reported once. Its sides as one text: a set of nested
        // arrays hashes every id of every side again, and a large ledger has a million conflicts.
        var reported: Set<String> = []
        for rule in Self.rules {
            for finding in rule.findings(in: group, classes: classes)
            where !finding.kind.isConflict || reported.insert(Self.sides(finding)).inserted {
                report.add(finding)
            }
        }
        if let consensus = Consensus.of(group) { report.consensus.append(consensus) }
        return report
    }

    /// A conflict's two sides, each in order, as one text (claim ids hold no control characters).
    private static func sides(_ finding: Finding) -> String {
        finding.firstSide.sorted().joined(separator: "\u{1}") + "\u{0}" + finding.secondSide.sorted().joined(separator: "\u{1}")
    }

    /// The event's comparable groups, by metric and scope: what `check(_:)` takes.
    public func groups(of ledger: EventLedger, sources: [String: Source]) -> [ComparableGroup] {
        var names: [String: String] = [:]
        return groups(ledger, sources: sources, names: &names).values.sorted(by: Self.order)
    }

    struct GroupKey: Hashable {
        var metric: String
        var scope: String?
    }

    /// The event's claims by (metric, scope), each with its metric's kind.
    func groups(_ ledger: EventLedger, sources: [String: Source], names: inout [String: String]) -> [GroupKey: ComparableGroup] {
        let kinds = Dictionary(ledger.metrics.map { ($0.id, $0.kind) }, uniquingKeysWith: { first, _ in first })
        // One pass for the zone of the event's times and each claim's group. Claims come grouped
        // as the store reads them (by metric and scope): a key is hashed only where it changes.
        var zones = TimeWindow.Zones()
        var numbers: [GroupKey: Int] = [:]
        var keys: [GroupKey] = []
        var sizes: [Int] = []
        var groupOf: [Int] = []
        groupOf.reserveCapacity(ledger.claims.count)
        var current = -1
        for claim in ledger.claims where !claim.isSetAside {
            zones.count(claim.asOf)
            for link in claim.sources { zones.count(sources[link.source]?.published) }
            if current < 0 || keys[current].metric != claim.metric || keys[current].scope != claim.scope {
                let key = GroupKey(metric: claim.metric, scope: claim.scope)
                if let known = numbers[key] {
                    current = known
                } else {
                    current = keys.count
                    numbers[key] = current
                    keys.append(key)
                    sizes.append(0)
                }
            }
            groupOf.append(current)
            sizes[current] += 1
        }
        let zone = zones.zone
        var reports: [[Report]] = sizes.map { size in
            var members: [Report] = []
            members.reserveCapacity(size)
            return members
        }
        for (claim, group) in zip(ledger.claims.lazy.filter { !$0.isSetAside }, groupOf) {
            reports[group].append(Report(claim: claim, sources: sources, zone: zone) { origins.origin(of: $0, cache: &names) })
        }
        var groups: [GroupKey: ComparableGroup] = [:]
        for (key, members) in zip(keys, reports) {
            let kind = kinds[key.metric] ?? MetricVocabulary.standard.metric(key.metric)?.kind ?? .snapshot
            groups[key] = ComparableGroup(event: ledger.event.id, metric: key.metric, scope: key.scope, kind: kind, reports: members)
        }
        return groups
    }

    static func order(_ a: ComparableGroup, _ b: ComparableGroup) -> Bool {
        (a.metric, a.scope ?? "") < (b.metric, b.scope ?? "")
    }
}
