/// What a sorted collection answers: where a value falls in it, and its runs of equal keys.
extension RandomAccessCollection where Index == Int {
    /// The first index whose element `isPast`, where every element that is comes after every
    /// one that is not (as in a collection sorted by what `isPast` looks at): a binary search.
    /// `endIndex` when none is.
    @inline(__always)
    func partitionPoint(where isPast: (Element) -> Bool) -> Int {
        var (low, high) = (startIndex, endIndex)
        while low < high {
            let middle = low + (high - low) / 2
            if isPast(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// Calls `body` with each run of neighbouring elements that `same` holds between, in order:
    /// the groups of a collection sorted by their key.
    @inline(__always)
    func forEachRun(where same: (Element, Element) -> Bool, _ body: (Range<Int>) throws -> Void) rethrows {
        var start = startIndex
        while start < endIndex {
            var end = start + 1
            while end < endIndex, same(self[start], self[end]) { end += 1 }
            try body(start..<end)
            start = end
        }
    }
}
