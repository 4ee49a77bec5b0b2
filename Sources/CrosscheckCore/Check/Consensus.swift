/// The interval on which the greatest weight of independent reports agree, for one event,
/// metric and scope: a sweep over the ends of every report's interval. Each origin carries one
/// weight (its best report's), shared among its reports, so that five outlets repeating one
/// official count once. For a toll the consensus is the state of the count now: a report that a
/// later one updates (surely earlier, and wholly below it) no longer votes, and of the rest only
/// each origin's latest reports do.
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
        let superseded = group.kind == .cumulative ? Self.superseded(group.reports) : []
        // Each origin's reports, the latest only for a toll. Origins are numbered as they come;
        // (origin, report) pairs sorted by origin stand in for a list of reports an origin.
        var numbers: [String: Int] = [:]
        var notes: [(origin: Int, report: Int)] = []
        notes.reserveCapacity(group.reports.count)
        func note(_ origin: String, _ report: Int) {
            // One look-up: the next number is stored when the origin is new.
            let next = numbers.count
            notes.append((Self.value(&numbers[origin, default: next]), report))
        }
        for index in group.reports.indices where superseded.isEmpty || !superseded[index] {
            guard let first = group.reports[index].firstOrigin else {
                note("claim:" + group.reports[index].claim.id, index)
                continue
            }
            note(first, index)
            let others = group.reports[index].otherOrigins
            for (position, origin) in others.enumerated() where origin != first && !others[..<position].contains(origin) {
                note(origin, index)
            }
        }
        notes.sort { ($0.origin, $0.report) < ($1.origin, $1.report) }
        var shares: [(report: Int, weight: Double, origin: Int)] = []
        shares.reserveCapacity(notes.count)
        notes.forEachRun(where: { $0.origin == $1.origin }) { run in
            var last = Int64.min
            if group.kind == .cumulative { for note in notes[run] { last = max(last, group.reports[note.report].time.latest) } }
            let counts = { (report: Int) in group.kind != .cumulative || group.reports[report].time.latest == last }
            var weight = 0.0, counted = 0
            for note in notes[run] where counts(note.report) {
                weight = max(weight, group.reports[note.report].weight)
                counted += 1
            }
            for note in notes[run] where counts(note.report) {
                shares.append((note.report, weight / Double(counted), note.origin))
            }
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
        var outlying = [Bool](repeating: false, count: group.reports.count)
        for share in shares where group.reports[share.report].interval.relation(to: best) != .overlapping { outlying[share.report] = true }
        var agreeingOrigins = [Bool](repeating: false, count: numbers.count)
        for share in agreeing { agreeingOrigins[share.origin] = true }
        return Consensus(
            event: group.event, metric: group.metric, scope: group.scope, interval: best, low: best.lower, best: median,
            high: best.upper, origins: agreeingOrigins.count { $0 },
            outliers: group.ids(outlying.indices.filter { outlying[$0] }))
    }

    /// Which reports a later report updates: surely earlier, and wholly below it. Reports in
    /// order of their earliest time, with the highest lower end among those from each place
    /// on, answer each report with one binary search.
    static func superseded(_ reports: [Report]) -> [Bool] {
        let earliest = reports.map(\.time.earliest)
        let order = reports.indices.sorted { earliest[$0] < earliest[$1] }
        // The highest lower end from each place on; an open end stands above a closed one there.
        var highest = [(lower: Double, open: Bool)](repeating: (-.infinity, false), count: order.count + 1)
        for position in order.indices.reversed() {
            let interval = reports[order[position]].interval
            let next = highest[position + 1]
            let higher = interval.lower > next.lower || interval.lower == next.lower && interval.lowerOpen
            highest[position] = higher ? (interval.lower, interval.lowerOpen) : next
        }
        return reports.map { report in
            guard let upper = report.interval.upper else { return false }
            // The first report whose earliest time is after this one's latest.
            let above = highest[order.partitionPoint { earliest[$0] > report.time.latest }]
            return above.lower > upper || above.lower == upper && (above.open || report.interval.upperOpen)
        }
    }

    /// A value read in place: with `table[key, default: next]` the key is looked up once, and
    /// `next` stored when it is new.
    private static func value(_ stored: inout Int) -> Int { stored }
}
