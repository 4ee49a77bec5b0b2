/// The scopes of an event as a text names them: each scope by its id and its aliases, found in a
/// sentence without regard to case, whole words only.
struct Places: Sendable {
    private let names: [(name: [UInt8], id: String)]
    private let parents: [String: String]

    init(_ scopes: [Scope]) {
        names = scopes.flatMap { scope in ([scope.id] + scope.aliases).map { (Array($0.utf8).map(Self.lower), scope.id) } }
            .filter { !$0.name.isEmpty }
        parents = Dictionary(scopes.compactMap { scope in scope.partOf.map { (scope.id, $0) } }, uniquingKeysWith: { first, _ in first })
    }

    var isEmpty: Bool { names.isEmpty }

    /// Where each scope is named in a sentence: byte ranges, in order.
    func named(in sentence: UnsafeBufferPointer<UInt8>) -> [(range: Range<Int>, id: String)] {
        var found: [(range: Range<Int>, id: String)] = []
        for (name, id) in names where name.count <= sentence.count {
            let first = name[0]
            var start = 0
            while start + name.count <= sentence.count {
                // The first byte, then the rest: most places are no place name at all.
                guard Self.lower(sentence[start]) == first, Self.matches(name, at: start, in: sentence) else {
                    start += 1
                    continue
                }
                if (start == 0 || !Self.isWordByte(sentence[start - 1]))
                    && (start + name.count == sentence.count || !Self.isWordByte(sentence[start + name.count]))
                    && !Self.isDateline(start..<start + name.count, in: sentence) {
                    found.append((start..<start + name.count, id))
                    start += name.count
                } else {
                    start += 1
                }
            }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// The scope of a figure at bytes `figure`: the place named in its clause (between commas),
    /// after it first, else before it; else the nearest named before it in the sentence. Where a
    /// part and its whole are both named in the clause, the part.
    /// `figures` are the byte ranges of the figures before it in the sentence: a place named
    /// after one of them in its clause is that figure's.
    func scope(of figure: Range<Int>, in sentence: UnsafeBufferPointer<UInt8>, named: [(range: Range<Int>, id: String)],
               figures: [Range<Int>]) -> String? {
        guard !named.isEmpty else { return nil }
        func attached(_ place: Range<Int>) -> Bool {
            var start = place.lowerBound
            while start > 0, !Self.endsClause(sentence[start - 1]) { start -= 1 }
            return figures.contains { $0.lowerBound >= start && $0.upperBound <= place.lowerBound }
        }
        var clauseStart = figure.lowerBound, clauseEnd = figure.upperBound
        while clauseStart > 0, !Self.endsClause(sentence[clauseStart - 1]) { clauseStart -= 1 }
        while clauseEnd < sentence.count, !Self.endsClause(sentence[clauseEnd]) { clauseEnd += 1 }
        let inClause = named.filter { $0.range.lowerBound >= clauseStart && $0.range.upperBound <= clauseEnd }
        let chosen = inClause.first { $0.range.lowerBound >= figure.upperBound }
            ?? inClause.last { $0.range.upperBound <= figure.lowerBound && !attached($0.range) }
            ?? named.last { $0.range.upperBound <= figure.lowerBound && !attached($0.range) }
        guard let chosen else { return nil }
        // The most specific place the clause names within the chosen one.
        return inClause.first { isPart($0.id, of: chosen.id) }?.id ?? chosen.id
    }

    private func isPart(_ id: String, of whole: String) -> Bool {
        var next = parents[id]
        var steps = 0
        while let current = next, steps < 16 {
            if current == whole { return true }
            next = parents[current]
            steps += 1
        }
        return false
    }

    /// "KYIV (AP) —": where a report was filed, in capitals at its start, is not where its figures are.
    private static func isDateline(_ range: Range<Int>, in sentence: UnsafeBufferPointer<UInt8>) -> Bool {
        range.lowerBound <= 2 && range.contains { sentence[$0] >= 0x41 && sentence[$0] <= 0x5A }
            && !range.contains { sentence[$0] >= 0x61 && sentence[$0] <= 0x7A }
    }

    private static func endsClause(_ byte: UInt8) -> Bool { byte == 0x2C || byte == 0x3B || byte == 0x3A }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte >= 0x30 && byte <= 0x39 || byte >= 0x80
    }

    private static func matches(_ name: [UInt8], at start: Int, in sentence: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 1
        while i < name.count {
            if lower(sentence[start + i]) != name[i] { return false }
            i += 1
        }
        return true
    }

    private static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
}
