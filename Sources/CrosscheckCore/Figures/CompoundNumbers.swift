/// Numbers written as one word, as German writes them ("dreiundzwanzig", "zweihundertfünfzig",
/// "siebenhunderteinundzwanzigtausendundzwölf"), read from the pieces a language's own number
/// words give: its cardinals, hundred and the scales above it, the words that join them, halves.
enum CompoundNumbers {
    struct Piece: Sendable {
        enum Role: Sendable { case number(Double), hundred, scale(Double), joiner }
        var bytes: [UInt8]
        var role: Role
    }

    /// The pieces of a language's compounds, longest first, so that "achtzehn" is one piece and
    /// not "acht" "zehn".
    static func pieces(of language: LanguageTables) -> [Piece] {
        func bytes(_ word: String) -> [UInt8] { Array(word.lowercased().utf8) }
        var pieces = language.cardinals.filter { $0.value < 100 }.map { Piece(bytes: bytes($0.word), role: .number(Double($0.value))) }
        pieces += language.oneAndAHalf.map { Piece(bytes: bytes($0), role: .number(1.5)) }
        pieces += language.halfWords.map { Piece(bytes: bytes($0), role: .number(0.5)) }
        for (word, value) in language.multipliers where value >= 100 {
            pieces.append(Piece(bytes: bytes(word), role: value == 100 ? .hundred : .scale(value)))
        }
        pieces += language.compoundJoiners.map { Piece(bytes: bytes($0), role: .joiner) }
        return pieces.filter { !$0.bytes.isEmpty }.sorted { $0.bytes.count > $1.bytes.count }
    }

    /// The value of a lower-case word made wholly of number pieces, and whether an ordinal
    /// ending closes it; nil for any other word, and for a word of one piece (its table reads it).
    static func read(_ word: UnsafeBufferPointer<UInt8>, pieces: [Piece], ordinalEndings: [String]) -> (value: Double, ordinal: Bool)? {
        if let value = value(word, pieces: pieces, fewest: 2) { return (value, false) }
        for ending in ordinalEndings where word.count > ending.utf8.count {
            let stem = word.count - ending.utf8.count
            guard word[stem...].elementsEqual(ending.utf8), let value = value(UnsafeBufferPointer(rebasing: word[..<stem]), pieces: pieces, fewest: 1) else {
                continue
            }
            return (value, true)
        }
        return nil
    }

    private static func value(_ word: UnsafeBufferPointer<UInt8>, pieces: [Piece], fewest: Int) -> Double? {
        var total = 0.0, group = 0.0
        var count = 0
        var joined = true  // nothing before: a joiner may not start the word
        var i = 0
        reading: while i < word.count {
            for piece in pieces where piece.bytes.count <= word.count - i && piece.bytes[0] == word[i]
                && word[i..<i + piece.bytes.count].elementsEqual(piece.bytes) {
                switch piece.role {
                case .number(let n): group += n
                case .hundred: group = (group == 0 ? 1 : group) * 100
                case .scale(let scale):
                    total += (group == 0 ? 1 : group) * scale
                    group = 0
                case .joiner:
                    guard !joined else { return nil }
                }
                if case .joiner = piece.role { joined = true } else {
                    joined = false
                    count += 1
                }
                i += piece.bytes.count
                continue reading
            }
            return nil
        }
        guard !joined, count >= fewest else { return nil }
        return total + group
    }
}
