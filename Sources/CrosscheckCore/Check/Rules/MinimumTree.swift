/// The minimum of every span of an array, as a tree: all the positions in a range whose value is
/// at most a bound are found in time that grows with how many there are, not with the range.
struct MinimumTree {
    private let count: Int
    private var nodes: [Int64]

    init(_ values: [Int64]) {
        count = values.count
        var size = 1
        while size < max(1, count) { size *= 2 }
        nodes = [Int64](repeating: .max, count: 2 * size)
        for (index, value) in values.enumerated() { nodes[size + index] = value }
        for node in stride(from: size - 1, through: 1, by: -1) { nodes[node] = min(nodes[2 * node], nodes[2 * node + 1]) }
    }

    /// Calls `visit` with each position in `range` whose value is at most `bound`, in order.
    func forEach(in range: Range<Int>, atMost bound: Int64, _ visit: (Int) -> Void) {
        guard !range.isEmpty else { return }
        let size = nodes.count / 2
        func descend(_ node: Int, _ span: Range<Int>) {
            guard nodes[node] <= bound, span.overlaps(range) else { return }
            if span.count == 1 {
                visit(span.lowerBound)
                return
            }
            let middle = (span.lowerBound + span.upperBound) / 2
            descend(2 * node, span.lowerBound..<middle)
            descend(2 * node + 1, middle..<span.upperBound)
        }
        descend(1, 0..<size)
    }
}
