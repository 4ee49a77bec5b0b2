/// Extraction's role pass: whether a figure is the count itself, a part of another, a rise, a
/// projection or an earlier count.
extension SentenceScanner {
    /// What the figure at tokens `start..<end` is beside the count it names: a part ("including
    /// three children", "12 of them"), a rise ("22 more people", "in the last 24 hours"), a
    /// projection ("could reach 20,000") or an earlier count ("previously put … at 5,500"); nil
    /// where it is the count.
    func role(_ start: Int, _ end: Int) -> MentionRole? {
        if endsHere(lexicon.asides, at: start) || lexicon.partsAfter.match(tokens, at: end) != nil { return .part }
        if lexicon.risesAfter.match(tokens, at: end) != nil { return .rise }
        var i = end
        while i < min(tokens.count, end + 12), !stream.isPunctuation(i) {
            if lexicon.risePeriods.match(tokens, at: i) != nil { return .rise }
            i += 1
        }
        // A modal before the verb that governs the figure: "could reach", "may rise to".
        var k = start
        while k > max(0, start - 5) {
            k -= 1
            if lexicon.modals.match(tokens, at: k) != nil { return .projection }
            guard leadsToFigure(k) else { break }
        }
        // "Health authorities previously put the death toll in Derna at 5,500."
        k = start
        let (tokens, sentence) = (self.tokens, self.sentence)
        while k > 0, !Places.endsClause(tokens[k - 1].start, in: sentence) {
            k -= 1
            if lexicon.earlier.match(tokens, at: k) != nil { return .earlier }
        }
        return nil
    }
}
