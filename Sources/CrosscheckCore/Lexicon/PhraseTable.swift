/// A trie of phrases over lexicon word ids, for the longest match at a token.
struct PhraseTable<Value: Sendable>: Sendable {
    private var children: [[Int32: Int32]] = [[:]]
    private var values: [Value?] = [nil]

    /// Adds a phrase; a phrase already present keeps its first value.
    mutating func insert(_ ids: [Int32], _ value: Value) {
        var node = 0
        for id in ids {
            if let next = children[node][id] {
                node = Int(next)
            } else {
                children.append([:])
                values.append(nil)
                children[node][id] = Int32(children.count - 1)
                node = children.count - 1
            }
        }
        if values[node] == nil { values[node] = value }
    }

    /// The value of the longest phrase starting at `start`, and the token index after it.
    func match(_ tokens: [Token], at start: Int) -> (value: Value, end: Int)? {
        var node = 0
        var best: (Value, Int)?
        var index = start
        while index < tokens.count, let next = children[node][tokens[index].id] {
            node = Int(next)
            index += 1
            if let value = values[node] { best = (value, index) }
        }
        return best
    }

    /// Whether some phrase starts with the token's word.
    func starts(with token: Token) -> Bool { children[0][token.id] != nil }
}
