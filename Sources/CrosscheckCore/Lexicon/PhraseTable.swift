/// A trie of phrases over lexicon word ids, for the longest match at a token.
///
/// The root, where most lookups end, is a dense array indexed by word id; deeper nodes have a
/// handful of children each and are searched in place. No hashing on the hot path.
struct PhraseTable<Value: Sendable>: Sendable {
    private var children: [[(id: Int32, node: Int32)]] = []
    private var values: [Value?] = []
    /// The node of each phrase's first word, by word id; -1 where no phrase starts.
    private var root: [Int32] = []

    /// Adds a phrase; a phrase already present keeps its first value.
    mutating func insert(_ ids: [Int32], _ value: Value) {
        guard let first = ids.first else { return }
        if Int(first) >= root.count { root += Array(repeating: -1, count: Int(first) + 1 - root.count) }
        if root[Int(first)] < 0 { root[Int(first)] = newNode() }
        var node = Int(root[Int(first)])
        for id in ids.dropFirst() {
            if let next = child(of: node, id) {
                node = next
            } else {
                let next = newNode()
                children[node].append((id, next))
                node = Int(next)
            }
        }
        if values[node] == nil { values[node] = value }
    }

    private mutating func newNode() -> Int32 {
        children.append([])
        values.append(nil)
        return Int32(children.count - 1)
    }

    /// The value of the longest phrase starting at `start`, and the token index after it.
    @inline(__always)
    func match(_ tokens: [Token], at start: Int) -> (value: Value, end: Int)? {
        guard start < tokens.count else { return nil }
        let first = tokens[start].id
        guard first >= 0, Int(first) < root.count else { return nil }
        var node = Int(root[Int(first)])
        guard node >= 0 else { return nil }
        var index = start + 1
        var best: (Value, Int)?
        if let value = values[node] { best = (value, index) }
        while index < tokens.count, let next = child(of: node, tokens[index].id) {
            node = next
            index += 1
            if let value = values[node] { best = (value, index) }
        }
        return best
    }

    /// Whether some phrase starts with the token's word.
    @inline(__always)
    func starts(with token: Token) -> Bool {
        token.id >= 0 && Int(token.id) < root.count && root[Int(token.id)] >= 0
    }

    @inline(__always)
    private func child(of node: Int, _ id: Int32) -> Int? {
        for entry in children[node] where entry.id == id { return Int(entry.node) }
        return nil
    }
}
