/// One rule of the check over one comparable group. Rules run in the order `ConsistencyCheck`
/// lists them; a finding whose claims an earlier rule already reported in the same way is dropped.
protocol CheckRule: Sendable {
    func findings(in group: ComparableGroup, classes: [ComparableGroup.FigureClass]) -> [Finding]
}

extension Array where Element == ComparableGroup.FigureClass {
    /// Pairs of classes in which the second lies wholly above the first, found without looking
    /// at every pair: classes are sorted by their lower ends, so those above a class form a suffix.
    func pairsApart() -> [(low: Int, high: Int)] {
        var pairs: [(Int, Int)] = []
        for (i, low) in enumerated() {
            guard let top = low.interval.upper else { continue }
            // At or above the top: lower == top may still lie above an open upper end, which relation() decides.
            var j = partitionPoint { $0.interval.lower >= top }
            while j < count {
                if self[j].interval.relation(to: low.interval) == .above { pairs.append((i, j)) }
                j += 1
            }
        }
        return pairs
    }

    /// The same pairs, but only those where the higher class's first report starts no later
    /// than `starts(low)`: `firstStarts` holds each class's first start. Pairs that cannot
    /// meet in time are never looked at, so a toll rising through ten thousand figures costs
    /// what its findings cost.
    func pairsApart(firstStarts: [Int64], startingBy bound: (Int) -> Int64) -> [(low: Int, high: Int)] {
        let tree = MinimumTree(firstStarts)
        var pairs: [(Int, Int)] = []
        for (i, low) in enumerated() {
            guard let top = low.interval.upper else { continue }
            tree.forEach(in: partitionPoint { $0.interval.lower >= top }..<count, atMost: bound(i)) { j in
                if self[j].interval.relation(to: low.interval) == .above { pairs.append((i, j)) }
            }
        }
        return pairs
    }

    /// Pairs that only touch at an open end.
    func pairsTouching() -> [(low: Int, high: Int)] {
        var pairs: [(Int, Int)] = []
        for (i, low) in enumerated() {
            guard let top = low.interval.upper else { continue }
            // At or above the top: lower == top may still lie above an open upper end, which relation() decides.
            var j = partitionPoint { $0.interval.lower >= top }
            while j < count, self[j].interval.lower == top {
                if j != i, self[j].interval.relation(to: low.interval) == .touching { pairs.append((i, j)) }
                j += 1
            }
        }
        return pairs
    }
}
