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
        var position = range.lowerBound
        while position < range.upperBound, let found = first(from: position, atMost: bound), found < range.upperBound {
            visit(found)
            position = found + 1
        }
    }

    /// The first position from `start` on whose value is at most `bound`. A loop, not a recursion:
    /// it runs for every pair of figure classes a rising toll compares.
    private func first(from start: Int, atMost bound: Int64) -> Int? {
        let size = nodes.count / 2
        guard start < size else { return nil }
        var node = size + start
        while nodes[node] > bound {
            // On to the subtree just right of this one: up while this is a right child.
            while node & 1 == 1 {
                node >>= 1
                if node <= 1 { return nil }
            }
            node += 1
        }
        while node < size { node = nodes[2 * node] <= bound ? 2 * node : 2 * node + 1 }
        return node - size
    }
}
