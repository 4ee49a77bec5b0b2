/// The interval on which the greatest weight of independent reports agree, for one event,
/// metric and scope: a sweep over the ends of every report's interval. Each origin carries one
/// weight (its best report's), shared among its reports, so that five outlets repeating one
/// official count once. For a toll, only each origin's latest reports count.
public struct Consensus: Sendable, Hashable {
    public var event: String
    public var metric: String
    public var scope: String?
    /// Where the greatest weight agrees.
    public var interval: Interval
    /// As casualty datasets publish them: the lowest and highest values the agreeing reports
    /// allow within the consensus, and the weighted median of their coded figures.
    public var low: Double
    public var best: Double
    public var high: Double?
    /// Independent origins whose reports agree with the consensus.
    public var origins: Int
    /// Claims whose figures lie outside it.
    public var outliers: [String]

    public static func of(_ group: ComparableGroup) -> Consensus? {
        guard !group.reports.isEmpty else { return nil }
        // Each origin's reports, the latest only for a toll. Origins are numbered as they come.
        var numbers: [String: Int] = [:]
        var byOrigin: [[Int]] = []
        func note(_ origin: String, _ report: Int) {
            if let number = numbers[origin] {
                byOrigin[number].append(report)
            } else {
                numbers[origin] = byOrigin.count
                byOrigin.append([report])
            }
        }
        for (index, report) in group.reports.enumerated() {
            if report.origins.isEmpty { note("claim:" + report.claim.id, index) }
            for (position, origin) in report.origins.enumerated() where !report.origins[..<position].contains(origin) {
                note(origin, index)
            }
        }
        var shares: [(report: Int, weight: Double, origin: Int)] = []
        shares.reserveCapacity(group.reports.count)
        for (origin, members) in byOrigin.enumerated() {
            var counted = members
            if group.kind == .cumulative {
                var last = Int64.min
                for member in members { last = max(last, group.reports[member].time.latest) }
                counted.removeAll { group.reports[$0].time.latest != last }
            }
            var weight = 0.0
            for member in counted { weight = max(weight, group.reports[member].weight) }
            for member in counted { shares.append((member, weight / Double(counted.count), origin)) }
        }
        // The sweep: at each end point, the weight of the intervals covering it.
        var points: [(value: Double, opening: Bool, open: Bool, weight: Double)] = []
        for share in shares {
            let interval = group.reports[share.report].interval
            points.append((interval.lower, true, interval.lowerOpen, share.weight))
            points.append((interval.upper ?? .infinity, false, interval.upperOpen, share.weight))
        }
        // At one value: open ends close first, then closed ends open, then closed ends close, then open ends open.
        func rank(_ point: (value: Double, opening: Bool, open: Bool, weight: Double)) -> Int {
            switch (point.opening, point.open) {
            case (false, true): 0
            case (true, false): 1
            case (false, false): 2
            case (true, true): 3
            }
        }
        points.sort { ($0.value, rank($0)) < ($1.value, rank($1)) }
        var weight = 0.0, bestWeight = -1.0
        var best = Interval(lower: 0, upper: nil)
        for (index, point) in points.enumerated() {
            weight += point.opening ? point.weight : -point.weight
            guard point.opening, weight > bestWeight + 1e-12 else { continue }
            bestWeight = weight
            // The run of maximum weight ends at the next closing point.
            let next = points[(index + 1)...].first { !$0.opening }
            best = Interval(lower: point.value, upper: next.map(\.value).flatMap { $0.isInfinite ? nil : $0 },
                            lowerOpen: point.open, upperOpen: next?.open ?? false)
        }
        let agreeing = shares.filter { group.reports[$0.report].interval.relation(to: best) == .overlapping }
        // The weighted median of the agreeing reports' coded figures, held within the consensus.
        let coded = agreeing.map { (value: group.reports[$0.report].claim.figure.coded ?? group.reports[$0.report].interval.lower, weight: $0.weight) }
            .sorted { $0.value < $1.value }
        let half = coded.reduce(0) { $0 + $1.weight } / 2
        var running = 0.0
        var median = best.lower
        for item in coded {
            running += item.weight
            if running >= half - 1e-12 {
                median = item.value
                break
            }
        }
        median = max(best.lower, best.upper.map { min($0, median) } ?? median)
        // Outliers among the reports that counted: a toll's superseded reports are not outliers.
        let outliers = Set(shares.map(\.report)).filter { group.reports[$0].interval.relation(to: best) != .overlapping }
        return Consensus(
            event: group.event, metric: group.metric, scope: group.scope, interval: best, low: best.lower, best: median,
            high: best.upper, origins: Set(agreeing.map(\.origin)).count,
            outliers: group.ids(Array(outliers)))
    }
}
