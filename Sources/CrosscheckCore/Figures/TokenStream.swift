/// The tokens of one stretch of text (a phrase, or one sentence of a report), the bytes they
/// point into and the lexicon that named their words: what the figure parser and each of
/// extraction's passes read, in place, without a copy of either.
struct TokenStream {
    let bytes: UnsafeBufferPointer<UInt8>
    let tokens: [Token]
    let lexicon: Lexicon

    /// No text at all: where a reader stands before its first sentence.
    static func empty(_ lexicon: Lexicon) -> TokenStream {
        TokenStream(bytes: UnsafeBufferPointer(start: nil, count: 0), tokens: [], lexicon: lexicon)
    }

    /// The text's own words of a range of tokens, exactly as written.
    func text(_ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        let start = tokens[range.lowerBound].start
        let end = tokens[range.upperBound - 1].end
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// Whether token `i` is punctuation: where a figure's stretch of words, or its clause, ends.
    func isPunctuation(_ i: Int) -> Bool {
        tokens[i].kind == .symbol && lexicon.info(tokens[i])?.isPunctuation == true
    }

    /// A month's name, written as one ("May" is a month, "may" a verb).
    func isMonth(_ token: Token) -> Bool {
        guard let info = lexicon.info(token), info.isMonth else { return false }
        return token.capitalised || !info.isMonthOnlyCapitalised
    }

    /// Whether a number begins at the token: digits, a number word, "a hundred", "half a million".
    func startsNumber(at i: Int) -> Bool {
        guard i < tokens.count else { return false }
        let token = tokens[i]
        if token.kind == .number { return true }
        guard let info = lexicon.info(token) else { return false }
        if info.cardinal >= 0 || info.ordinal >= 0 || info.multiplier > 0 || info.isOneAndAHalf { return true }
        if info.isPoint, i + 1 < tokens.count, tokens[i + 1].kind == .number { return true }
        if info.isArticle || info.isHalf, i + 1 < tokens.count, let next = lexicon.info(tokens[i + 1]) {
            return next.takesArticle || (info.isHalf && next.isArticle)
        }
        return false
    }
}
