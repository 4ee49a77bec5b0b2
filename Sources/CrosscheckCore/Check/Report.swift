/// A claim as the check sees it: its figure's interval, the time it holds, and the origins
/// behind it with their weight.
public struct Report: Sendable, Hashable {
    public var claim: Claim
    public var interval: Interval
    public var time: TimeWindow
    /// The parties the figure comes from in the end, normalised, one per link.
    public var origins: [String] { firstOrigin.map { [$0] + otherOrigins } ?? [] }
    /// The first link's origin, kept apart from the others: most claims have one link, and a
    /// list for each would be a million small allocations in a check of a million claims.
    let firstOrigin: String?
    let otherOrigins: [String]
    /// The weight of the best report behind the claim (see `Weights`).
    public var weight: Double

    /// `zone` is where the event's bare dates are read (see `TimeWindow`).
    public init(claim: Claim, sources: [String: Source], origins: OriginNames, zone: Int? = nil) {
        var cache: [String: String] = [:]
        self.init(claim: claim, sources: sources, zone: zone) { origins.origin(of: $0, cache: &cache) }
    }

    /// `origin` names each link's origin; a check passes one that remembers names it has seen.
    init(claim: Claim, sources: [String: Source], zone: Int?, origin: (Link) -> String) {
        self.claim = claim
        interval = Interval(claim.figure)
        // One pass over the links (this runs for every claim of a check): the earliest
        // publication, where a claim without its own time holds; each link's origin; the best weight.
        var published: ReportedTime?
        var firstOrigin: String?
        var otherOrigins: [String] = []
        var weight = claim.sources.isEmpty ? Weights.weight(reliability: nil, credibility: nil) : 0
        for link in claim.sources {
            let source = sources[link.source]
            if let time = source?.published, published.map({ time < $0 }) ?? true { published = time }
            if firstOrigin == nil { firstOrigin = origin(link) } else { otherOrigins.append(origin(link)) }
            weight = max(weight, Weights.weight(reliability: source?.reliability, credibility: link.credibility))
        }
        time = TimeWindow(claim.asOf ?? published, zone: zone)
        (self.firstOrigin, self.otherOrigins) = (firstOrigin, otherOrigins)
        self.weight = weight
    }
}

/// Claims that can be compared: one event, metric and scope. A class, so that handing a group
/// to each rule does not copy (and retain) all of it.
public final class ComparableGroup: Sendable {
    public let event: String
    public let metric: String
    public let scope: String?
    public let kind: MetricKind
    public let reports: [Report]
    /// Each report's place in natural id order (c2 before c10), so that findings list their
    /// claims in that order without sorting ids again and again.
    private let ranks: [Int]
    /// The event, metric and scope every finding of the group names.
    let place: Finding.Place

    /// Reports with the same interval, together: the unit findings are made of.
    public struct FigureClass: Sendable {
        public var interval: Interval
        /// Indices into `reports`.
        public var members: [Int]
    }

    /// The distinct intervals in order of their lower ends, each with its reports.
    public var classes: [FigureClass] {
        // By sorting, not a table of intervals: reports in order of their ends, then of their
        // places, so that equal intervals lie together, each class's members in order, and
        // classes with the same ends (open or closed) in the order they first appear.
        let order = reports.indices.sorted { a, b in
            let x = reports[a].interval, y = reports[b].interval
            if x.lower != y.lower { return x.lower < y.lower }
            let (top, otherTop) = (x.upper ?? .infinity, y.upper ?? .infinity)
            return top != otherTop ? top < otherTop : a < b
        }
        var classes: [FigureClass] = []
        var start = 0
        while start < order.count {
            let first = reports[order[start]].interval
            var end = start + 1
            while end < order.count, reports[order[end]].interval.lower == first.lower,
                  (reports[order[end]].interval.upper ?? .infinity) == (first.upper ?? .infinity) { end += 1 }
            let run = classes.count
            for position in order[start..<end] {
                let interval = reports[position].interval
                if let existing = classes[run...].firstIndex(where: { $0.interval == interval }) {
                    classes[existing].members.append(position)
                } else {
                    classes.append(FigureClass(interval: interval, members: [position]))
                }
            }
            start = end
        }
        return classes
    }

    public init(event: String, metric: String, scope: String?, kind: MetricKind, reports: [Report]) {
        (self.event, self.metric, self.scope, self.kind, self.reports) = (event, metric, scope, kind, reports)
        place = Finding.Place(event: event, metric: metric, scope: scope)
        let precedes = { (a: Int, b: Int) in LedgerFiles.naturallyPrecedes(reports[a].claim.id, reports[b].claim.id) }
        // Reports mostly come in id order already (the store reads them in the order they were
        // added): then a look at each neighbour is enough.
        if reports.indices.dropFirst().allSatisfy({ !precedes($0, $0 - 1) }) {
            ranks = Array(reports.indices)
            return
        }
        var ranks = [Int](repeating: 0, count: reports.count)
        for (rank, index) in reports.indices.sorted(by: precedes).enumerated() { ranks[index] = rank }
        self.ranks = ranks
    }

    func ids(_ members: [Int]) -> [String] {
        var ids: [String] = []
        ids.reserveCapacity(members.count)
        appendIDs(members, to: &ids)
        return ids
    }

    /// Appends the claim ids of `members` in natural id order, sorting only when they are not
    /// in it already (the usual case: members are listed in place order, mostly id order).
    private func appendIDs(_ members: [Int], to ids: inout [String]) {
        if members.indices.dropFirst().allSatisfy({ ranks[members[$0 - 1]] < ranks[members[$0]] }) {
            for member in members { ids.append(reports[member].claim.id) }
        } else {
            for member in members.sorted(by: { ranks[$0] < ranks[$1] }) { ids.append(reports[member].claim.id) }
        }
    }

    func finding(_ kind: Finding.Kind, low: FigureClass, high: FigureClass, sides first: [Int], _ second: [Int]) -> Finding {
        var claims: [String] = []
        claims.reserveCapacity(first.count + second.count)
        appendIDs(first, to: &claims)
        let firstSideCount = claims.count
        appendIDs(second, to: &claims)
        return Finding(place, kind: kind, severity: Interval.severity(low: low.interval, high: high.interval),
                       claims: claims, firstSideCount: firstSideCount)
    }
}
