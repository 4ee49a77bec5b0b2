/// The scopes of an event as a text names them: each scope by its id and its aliases, found in a
/// sentence without regard to case, whole words only.
struct Places: Sendable {
    private var names: [(name: [UInt8], id: String)]
    /// The names by their first byte, lower-cased.
    private var byFirstByte: [[Int]] = Array(repeating: [], count: 256)
    private let parents: [String: String]
    /// The scope the event as a whole happened in: the one scope that is part of nothing and has
    /// parts ("Nepal" with its districts, beside "India" and "Tibet" where the quake was also
    /// felt). What a report means by a figure before it has named any place. An event of one
    /// place without parts has none: "Russia launched 440 drones" in a report on Kyiv is not Kyiv's.
    let whole: String?

    init(_ scopes: [Scope]) {
        names = scopes.flatMap { scope in ([scope.id] + scope.aliases).map { (Array($0.utf8).map(Self.lower), scope.id) } }
            .filter { !$0.name.isEmpty }
        parents = Dictionary(scopes.compactMap { scope in scope.partOf.map { (scope.id, $0) } }, uniquingKeysWith: { first, _ in first })
        let wholes = scopes.filter { $0.partOf == nil }.map(\.id).filter { root in scopes.contains { $0.partOf == root } }
        whole = wholes.count == 1 ? wholes[0] : nil
        if let whole {
            names += LanguageTables.all.flatMap(\.wholeScope).map { (Array($0.utf8), whole) }
        }
        for (index, name) in names.enumerated() { byFirstByte[Int(name.name[0])].append(index) }
    }

    var isEmpty: Bool { names.isEmpty }

    /// Where each scope is named in a sentence: byte ranges, in order. Each word is tried against
    /// the names that begin with its first letter only: most words are no place name.
    func named(in stream: TokenStream) -> [(range: Range<Int>, id: String)] {
        let sentence = stream.bytes
        var found: [(range: Range<Int>, id: String)] = []
        for token in stream.tokens where token.kind == .word {
            let start = token.start
            guard start == 0 || !Self.isWordByte(sentence[start - 1]) else { continue }
            for index in byFirstByte[Int(Self.lower(sentence[start]))] {
                let (name, id) = names[index]
                guard start + name.count <= sentence.count, Self.matches(name, at: start, in: sentence),
                      start + name.count == sentence.count || !Self.isWordByte(sentence[start + name.count]),
                      !Self.isDateline(start..<start + name.count, in: sentence) else { continue }
                found.append((start..<start + name.count, id))
            }
        }
        // A name inside a longer one is part of it: "Turkey" in "Turkey and Syria".
        let sorted = found.sorted { ($0.range.lowerBound, -$0.range.count) < ($1.range.lowerBound, -$1.range.count) }
        var kept: [(range: Range<Int>, id: String)] = []
        for place in sorted where !kept.contains(where: { $0.range.lowerBound <= place.range.lowerBound && place.range.upperBound <= $0.range.upperBound }) {
            kept.append(place)
        }
        return kept
    }

    /// The scope of a figure at bytes `figure`: the place named in its clause (between commas),
    /// after it first, else before it; else the nearest named before it in the sentence; else
    /// the first named after it with no other number between. Where a part and its whole are
    /// both named in the clause, the part. A figure whose sentence names only the places of other
    /// figures ("759 in Sindh, 308 in Khyber Pakhtunkhwa … while 12,867 have been injured") is
    /// about their whole.
    /// `figures` are the byte ranges of the figures before it in the sentence: a place named
    /// after one of them in its clause is that figure's.
    func scope(of figure: Range<Int>, in sentence: UnsafeBufferPointer<UInt8>, named: [(range: Range<Int>, id: String)],
               figures: [Range<Int>]) -> String? {
        guard !named.isEmpty else { return nil }
        func attached(_ place: Range<Int>) -> Bool {
            var start = place.lowerBound
            while start > 0, !Self.endsClause(start - 1, in: sentence) { start -= 1 }
            return figures.contains { $0.lowerBound >= start && $0.upperBound <= place.lowerBound }
        }
        var clauseStart = figure.lowerBound, clauseEnd = figure.upperBound
        while clauseStart > 0, !Self.endsClause(clauseStart - 1, in: sentence) { clauseStart -= 1 }
        while clauseEnd < sentence.count, !Self.endsClause(clauseEnd, in: sentence) { clauseEnd += 1 }
        let inClause = named.filter { $0.range.lowerBound >= clauseStart && $0.range.upperBound <= clauseEnd }
        // The most specific place the clause names within the one it names first.
        if let chosen = inClause.first(where: { $0.range.lowerBound >= figure.upperBound })
            ?? inClause.last(where: { $0.range.upperBound <= figure.lowerBound && !attached($0.range) }) {
            return inClause.first { isPart($0.id, of: chosen.id) }?.id ?? chosen.id
        }
        let chosen = named.last { $0.range.upperBound <= figure.lowerBound && !attached($0.range) }
            ?? named.first { $0.range.lowerBound >= figure.upperBound
                && !(figure.upperBound..<$0.range.lowerBound).contains { sentence[$0] >= 0x30 && sentence[$0] <= 0x39 } }
        guard let chosen else { return commonWhole(of: named.map(\.id)) }
        // Beyond the clause, a part named before the figure within the chosen place: "a high
        // school in St. Louis, … wounding six others" is the school's.
        return named.last { $0.range.upperBound <= figure.lowerBound && isPart($0.id, of: chosen.id) && !attached($0.range) }?.id
            ?? chosen.id
    }

    /// The narrowest scope every one of `ids` is or is part of.
    private func commonWhole(of ids: [String]) -> String? {
        guard var candidate = ids.first else { return nil }
        var steps = 0
        while !ids.allSatisfy({ $0 == candidate || isPart($0, of: candidate) }) {
            guard let parent = parents[candidate], steps < 16 else { return nil }
            candidate = parent
            steps += 1
        }
        return candidate
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

    /// A comma, semicolon or colon, but not one between digits ("12,867", "08:15").
    static func endsClause(_ i: Int, in sentence: UnsafeBufferPointer<UInt8>) -> Bool {
        let byte = sentence[i]
        guard byte == 0x2C || byte == 0x3B || byte == 0x3A else { return false }
        func isDigit(_ j: Int) -> Bool { j >= 0 && j < sentence.count && sentence[j] >= 0x30 && sentence[j] <= 0x39 }
        return !(isDigit(i - 1) && isDigit(i + 1))
    }

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
