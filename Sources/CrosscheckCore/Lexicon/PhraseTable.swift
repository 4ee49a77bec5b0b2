/// A trie of phrases over lexicon word ids, for the longest match at a token.
///
/// The root, where most lookups end, is a dense array indexed by word id; deeper nodes have a
/// handful of children each and are searched in place. No hashing on the hot path.
struct PhraseTable<Value: Sendable>: Sendable {
    private var children: [[(id: Int32, node: Int32)]] = [[]]
    private var values: [Value?] = [nil]
    private var root: [Int32] = []

    /// Adds a phrase; a phrase already present keeps its first value.
    mutating func insert(_ ids: [Int32], _ value: Value) {
        var node = 0
        for id in ids {
            if let next = child(of: node, id) {
                node = next
            } else {
                children.append([])
                values.append(nil)
                children[node].append((id, Int32(children.count - 1)))
                node = children.count - 1
            }
        }
        if values[node] == nil { values[node] = value }
    }

    /// Builds the dense root once every word has its id.
    mutating func finalize(wordCount: Int) {
        root = Array(repeating: -1, count: wordCount)
        for (id, node) in children[0] { root[Int(id)] = node }
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

    @inline(__always)
    private func child(of node: Int, _ id: Int32) -> Int? {
        for entry in children[node] where entry.id == id { return Int(entry.node) }
        return nil
    }
}
