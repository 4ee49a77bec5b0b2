/// A cumulative toll only rises as counting goes on. Two figures conflict only when the toll must
/// have fallen: a figure surely earlier lies wholly above one surely later, or two figures of the
/// same instant are disjoint. Figures whose times overlap are read in the order that lets the
/// toll rise and listed as unordered. A later, higher figure is an update.
struct TollRule: CheckRule {
    func findings(in group: ComparableGroup, classes: [ComparableGroup.FigureClass]) -> [Finding] {
        guard group.kind == .cumulative else { return [] }
        var findings: [Finding] = []
        let times = group.reports.map(\.time)
        // Each class's reach in time, once: a pair is looked at closely only where they meet.
        let spans = classes.map { Span($0.members, times) }
        // Each class's overlap index, built once, when a pair first needs it.
        var indexes = [OverlapIndex?](repeating: nil, count: classes.count)
        func index(_ position: Int) -> OverlapIndex {
            if let built = indexes[position] { return built }
            let built = OverlapIndex(classes[position].members, times)
            indexes[position] = built
            return built
        }
        // A pair can only be a fall, one instant or unordered if the higher figure was first
        // reported no later than the lower one's last report ended.
        for pair in classes.pairsApart(firstStarts: spans.map(\.firstStart), startingBy: { spans[$0].lastEnd }) {
            let low = classes[pair.low], high = classes[pair.high]
            let lowSpan = spans[pair.low], highSpan = spans[pair.high]
            // Fell: a report of the higher figure surely before one of the lower.
            if highSpan.firstEnd < lowSpan.lastStart {
                let before = high.members.filter { times[$0].latest < lowSpan.lastStart }
                let after = low.members.filter { times[$0].earliest > highSpan.firstEnd }
                findings.append(group.finding(.tollFell, low: low, high: high, sides: before, after))
            }
            // The classes' times do not meet: nothing at one instant, nothing unordered.
            guard highSpan.firstStart <= lowSpan.lastEnd, lowSpan.firstStart <= highSpan.lastEnd else { continue }
            // The same instant, two disjoint figures.
            let shared = Span.sharedInstants(high.members, low.members, times)
            if !shared.isEmpty {
                let sameHigh = high.members.filter { times[$0].instant.map(shared.contains) ?? false }
                let sameLow = low.members.filter { times[$0].instant.map(shared.contains) ?? false }
                findings.append(group.finding(.sameTime, low: low, high: high, sides: sameHigh, sameLow))
            }
            // Times that overlap, not one instant: unordered.
            let overlappingHigh = index(pair.low).matching(high.members)
            let overlappingLow = overlappingHigh.isEmpty ? [] : index(pair.high).matching(low.members)
            if !overlappingHigh.isEmpty {
                findings.append(group.finding(.unordered, low: low, high: high, sides: overlappingHigh, overlappingLow))
            }
        }
        findings += updates(in: group, classes: classes)
        return findings
    }

    /// Where a class's reports start and end in time, at the first and the last.
    struct Span {
        var firstStart = Int64.max, lastStart = Int64.min, firstEnd = Int64.max, lastEnd = Int64.min

        init(_ members: [Int], _ times: [TimeWindow]) {
            for member in members {
                let time = times[member]
                (firstStart, lastStart) = (min(firstStart, time.earliest), max(lastStart, time.earliest))
                (firstEnd, lastEnd) = (min(firstEnd, time.latest), max(lastEnd, time.latest))
            }
        }

        /// The instants both sides report. Most classes hold a report or two: those are compared
        /// pair by pair, without building a set (this runs for every pair of classes that meet in time).
        static func sharedInstants(_ a: [Int], _ b: [Int], _ times: [TimeWindow]) -> Set<Int64> {
            if a.count * b.count <= 16 {
                var shared: Set<Int64> = []
                for x in a {
                    guard let instant = times[x].instant else { continue }
                    for y in b where times[y].instant == instant { shared.insert(instant) }
                }
                return shared
            }
            let left = a.compactMap { times[$0].instant }
            guard !left.isEmpty else { return [] }
            let right = b.compactMap { times[$0].instant }
            guard !right.isEmpty else { return [] }
            return Set(left).intersection(right)
        }
    }

    /// The members of each side whose time overlaps some member of the other side's, leaving
    /// out pairs of one instant (a conflict, not an open order). n log n, not a test of every pair.
    static func overlapping(_ a: [Int], _ b: [Int], _ times: [TimeWindow]) -> ([Int], [Int]) {
        (OverlapIndex(b, times).matching(a), OverlapIndex(a, times).matching(b))
    }

    /// Windows sorted by start, with the furthest end among each prefix: whether some window
    /// overlaps a given one is a binary search. Two instants overlap only when they are one
    /// instant, which does not count here, so instants are matched against days alone.
    struct OverlapIndex {
        /// Each window's start, in order, with the furthest end among it and those before it.
        private typealias Prefix = [(start: Int64, furthest: Int64)]
        private let all: Prefix
        private let days: Prefix
        private let times: [TimeWindow]

        init(_ members: [Int], _ times: [TimeWindow]) {
            self.times = times
            let sorted = members.sorted { times[$0].earliest < times[$1].earliest }
            var all: Prefix = [], days: Prefix = []
            all.reserveCapacity(sorted.count)
            for member in sorted {
                let window = times[member]
                all.append((window.earliest, max(all.last?.furthest ?? .min, window.latest)))
                if window.instant == nil { days.append((window.earliest, max(days.last?.furthest ?? .min, window.latest))) }
            }
            (self.all, self.days) = (all, days)
        }

        func matching(_ members: [Int]) -> [Int] {
            members.filter { member in
                let window = times[member]
                let prefix = window.instant == nil ? all : days
                let low = prefix.partitionPoint { $0.start > window.latest }
                return low > 0 && prefix[low - 1].furthest >= window.earliest
            }
        }
    }

    /// Each report against the latest report surely before it: where it lies wholly above, the
    /// toll rose. Steps with the same two figures are one update.
    private func updates(in group: ComparableGroup, classes: [ComparableGroup.FigureClass]) -> [Finding] {
        var classOf = [Int](repeating: 0, count: group.reports.count)
        for (index, figureClass) in classes.enumerated() { for member in figureClass.members { classOf[member] = index } }
        let byEnd = group.reports.indices.sorted { group.reports[$0].time.latest < group.reports[$1].time.latest }
        var steps: [(low: Int, high: Int, earlier: Int, later: Int)] = []
        // By index, not by copies of each report (a copy retains its claim's text).
        for index in group.reports.indices {
            // The last report (by end) that ends before this one starts.
            let start = group.reports[index].time.earliest
            let low = byEnd.partitionPoint { group.reports[$0].time.latest >= start }
            guard low > 0 else { continue }
            let previous = byEnd[low - 1]
            guard group.reports[index].interval.relation(to: group.reports[previous].interval) == .above else { continue }
            steps.append((classOf[previous], classOf[index], previous, index))
        }
        // Steps between the same two classes, together: one update each.
        steps.sort { ($0.low, $0.high) < ($1.low, $1.high) }
        var findings: [Finding] = []
        steps.forEachRun(where: { ($0.low, $0.high) == ($1.low, $1.high) }) { range in
            let run = steps[range]
            findings.append(group.finding(.update, low: classes[run.first!.low], high: classes[run.first!.high],
                                          sides: Self.distinct(run.map(\.earlier)), Self.distinct(run.map(\.later))))
        }
        return findings
    }

    private static func distinct(_ members: [Int]) -> [Int] {
        guard members.count > 1 else { return members }
        var sorted = members.sorted()
        var kept = 1
        for index in 1..<sorted.count where sorted[index] != sorted[kept - 1] {
            sorted[kept] = sorted[index]
            kept += 1
        }
        return Array(sorted.prefix(kept))
    }
}
