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
        let spans = classes.map { figureClass in
            (firstStart: figureClass.members.map { times[$0].earliest }.min()!, lastStart: figureClass.members.map { times[$0].earliest }.max()!,
             firstEnd: figureClass.members.map { times[$0].latest }.min()!, lastEnd: figureClass.members.map { times[$0].latest }.max()!,
             instants: Set(figureClass.members.compactMap { times[$0].instant }))
        }
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
                findings.append(group.finding(.tollFell, low: low, high: high, sides: [before, after]))
            }
            // The classes' times do not meet: nothing at one instant, nothing unordered.
            guard highSpan.firstStart <= lowSpan.lastEnd, lowSpan.firstStart <= highSpan.lastEnd else { continue }
            // The same instant, two disjoint figures.
            if !highSpan.instants.isDisjoint(with: lowSpan.instants) {
                let shared = highSpan.instants.intersection(lowSpan.instants)
                let sameHigh = high.members.filter { times[$0].instant.map(shared.contains) ?? false }
                let sameLow = low.members.filter { times[$0].instant.map(shared.contains) ?? false }
                findings.append(group.finding(.sameTime, low: low, high: high, sides: [sameHigh, sameLow]))
            }
            // Times that overlap, not one instant: unordered.
            let overlappingHigh = index(pair.low).matching(high.members)
            let overlappingLow = overlappingHigh.isEmpty ? [] : index(pair.high).matching(low.members)
            if !overlappingHigh.isEmpty {
                findings.append(group.finding(.unordered, low: low, high: high, sides: [overlappingHigh, overlappingLow]))
            }
        }
        findings += updates(in: group, classes: classes)
        return findings
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
        private var all: (starts: [Int64], furthest: [Int64])
        private var days: (starts: [Int64], furthest: [Int64])
        private let times: [TimeWindow]

        init(_ members: [Int], _ times: [TimeWindow]) {
            self.times = times
            func build(_ windows: [TimeWindow]) -> ([Int64], [Int64]) {
                let sorted = windows.sorted { $0.earliest < $1.earliest }
                var furthest: [Int64] = []
                furthest.reserveCapacity(sorted.count)
                for window in sorted { furthest.append(max(furthest.last ?? .min, window.latest)) }
                return (sorted.map(\.earliest), furthest)
            }
            all = build(members.map { times[$0] })
            days = build(members.map { times[$0] }.filter { $0.instant == nil })
        }

        func matching(_ members: [Int]) -> [Int] {
            members.filter { member in
                let window = times[member]
                let (starts, furthest) = window.instant == nil ? all : days
                var (low, high) = (0, starts.count)
                while low < high {
                    let middle = (low + high) / 2
                    if starts[middle] <= window.latest { low = middle + 1 } else { high = middle }
                }
                return low > 0 && furthest[low - 1] >= window.earliest
            }
        }
    }

    /// Each report against the latest report surely before it: where it lies wholly above, the
    /// toll rose. Steps with the same two figures are one update.
    private func updates(in group: ComparableGroup, classes: [ComparableGroup.FigureClass]) -> [Finding] {
        var classOf = [Int](repeating: 0, count: group.reports.count)
        for (index, figureClass) in classes.enumerated() { for member in figureClass.members { classOf[member] = index } }
        let byEnd = group.reports.indices.sorted { group.reports[$0].time.latest < group.reports[$1].time.latest }
        var steps: [Pair: (earlier: Set<Int>, later: Set<Int>)] = [:]
        for (index, report) in group.reports.enumerated() {
            // The last report (by end) that ends before this one starts.
            var (low, high) = (0, byEnd.count)
            while low < high {
                let middle = (low + high) / 2
                if group.reports[byEnd[middle]].time.latest < report.time.earliest { low = middle + 1 } else { high = middle }
            }
            guard low > 0 else { continue }
            let previous = byEnd[low - 1]
            guard report.interval.relation(to: group.reports[previous].interval) == .above else { continue }
            let key = Pair(low: classOf[previous], high: classOf[index])
            steps[key, default: ([], [])].earlier.insert(previous)
            steps[key, default: ([], [])].later.insert(index)
        }
        return steps.keys.sorted { ($0.low, $0.high) < ($1.low, $1.high) }.map { key in
            group.finding(.update, low: classes[key.low], high: classes[key.high],
                          sides: [Array(steps[key]!.earlier), Array(steps[key]!.later)])
        }
    }

    private struct Pair: Hashable {
        var low: Int
        var high: Int
    }
}
