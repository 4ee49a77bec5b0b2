/// Who a sentence gives its figures to: the speakers its speech cues name ("X said", "said X",
/// "according to X"), each where its cue stands, so that a figure takes the nearest one. A
/// pronoun ("he said") is the speaker named last before it.
struct Speakers {
    struct Speaker {
        /// Where the cue stands, a token index of the sentence.
        var at: Int
        var name: String
    }

    private(set) var found: [Speaker] = []

    /// `previous`: the speaker the sentences before named last, for a pronoun.
    init(_ stream: TokenStream, previous: String?) {
        let tokens = stream.tokens, lexicon = stream.lexicon
        let reading = Reading(stream: stream, previous: previous)
        var i = 0
        while i < tokens.count {
            guard let cue = lexicon.speechCues.match(tokens, at: i) else {
                i += 1
                continue
            }
            if cue.value {
                // "according to X"
                let end = reading.forward(from: cue.end)
                // "according to figures released by Nepali police": the figures are the police's.
                let passedOn = lexicon.speechCues.match(tokens, at: end)?.value == true
                if !passedOn, let name = reading.name(cue.end..<end) {
                    // "Al Jazeera reports citing the Libyan Red Crescent": the figure is the Red Crescent's.
                    if lexicon.citing.match(tokens, at: i) != nil, let last = found.last, i - last.at <= 2 { found.removeLast() }
                    found.append(Speaker(at: i, name: name))
                }
                i = max(end, cue.end)
                continue
            }
            do {
                let verb = cue
                let start = reading.backward(from: i)
                if let name = reading.name(start..<i) {
                    found.append(Speaker(at: i, name: name))
                } else if let name = reading.apposition(before: i) {
                    found.append(Speaker(at: i, name: name))  // "the head of the council, Mykola Lukashuk, said"
                } else if let name = reading.appositionHead(before: i) {
                    found.append(Speaker(at: i, name: name))  // "Marie el-Drese, the IFRC's secretary-general, told"
                } else if start == i, lexicon.listenerVerbs.match(tokens, at: i) == nil {
                    // "…," said Valentyn Reznichenko, the regional governor.
                    let end = reading.forward(from: verb.end)
                    if let name = reading.name(verb.end..<end) { found.append(Speaker(at: i, name: name)) }
                }
                i = verb.end
            }
        }
    }

    /// The speaker nearest to a figure at tokens `figure`, before or after it.
    func nearest(to figure: Range<Int>) -> String? {
        found.min { Self.distance($0.at, figure) < Self.distance($1.at, figure) }?.name
    }

    /// Tokens between a cue and a figure, on either side of it: how near a speaker or a time is.
    static func distance(_ at: Int, _ figure: Range<Int>) -> Int {
        at < figure.lowerBound ? figure.lowerBound - at : at - figure.upperBound
    }

    /// The last speaker named, for the sentences after.
    var last: String? { found.max { $0.at < $1.at }?.name }

    /// The most words a name may have.
    static let longest = 12
}

/// A sentence's stream read for the names of speakers; `previous` is who a pronoun is.
private struct Reading {
    let stream: TokenStream
    let previous: String?
    var tokens: [Token] { stream.tokens }
    var lexicon: Lexicon { stream.lexicon }

    /// A name set off by commas right before a verb: ", Mykola Lukashuk, said".
    func apposition(before verb: Int) -> String? {
        guard verb > 1, tokens[verb - 1].id == lexicon.symbols.comma else { return nil }
        let start = backward(from: verb - 1)
        guard start < verb - 1, start > 0, tokens[start - 1].id == lexicon.symbols.comma else { return nil }
        // "Marie el-Drese, the IFRC's secretary-general, told": a stretch opening with an article is a title.
        if lexicon.info(tokens[start])?.isArticle == true || tokens[start].id == lexicon.symbols.the { return nil }
        return name(start..<verb - 1)
    }

    /// The name before a title set off by commas right before a verb: "Marie el-Drese, the
    /// International Federation's secretary-general, told".
    func appositionHead(before verb: Int) -> String? {
        guard verb > 1, tokens[verb - 1].id == lexicon.symbols.comma else { return nil }
        var comma = verb - 2
        while comma > 0, verb - comma < 24, tokens[comma].id != lexicon.symbols.comma { comma -= 1 }
        guard comma > 0, tokens[comma].id == lexicon.symbols.comma else { return nil }
        let start = backward(from: comma)
        guard start < comma, start == 0 || tokens[start - 1].kind == .symbol else { return nil }
        return name(start..<comma)
    }

    /// Where a name before token `end` starts: back to punctuation, a stop word or a number.
    func backward(from end: Int) -> Int {
        var start = end
        while start > 0, end - start < Speakers.longest, continues(tokens[start - 1], start - 1) { start -= 1 }
        return start
    }

    /// Where a name from token `start` ends: at punctuation, a stop word or a number.
    func forward(from start: Int) -> Int {
        var end = start
        while end < tokens.count, end - start < Speakers.longest, continues(tokens[end], end) { end += 1 }
        return end
    }

    /// Whether a token may be part of a speaker's name: a word that is no stop word, or a bracket
    /// ("the National Disaster Management Authority (NDMA)") or a possessive's apostrophe.
    func continues(_ token: Token, _ index: Int) -> Bool {
        switch token.kind {
        case .number: return false
        case .word: return lexicon.speakerStops.match(tokens, at: index) == nil && lexicon.speechCues.match(tokens, at: index) == nil
        case .symbol:
            return token.id == lexicon.symbols.openBracket || token.id == lexicon.symbols.closeBracket
                || token.id == lexicon.symbols.apostrophe || token.id == lexicon.symbols.rightQuote && !token.spaceBefore
                || token.id == lexicon.symbols.dash && !token.spaceBefore  // "el-Drese", "secretary-general"
        }
    }

    /// The words as a speaker's name, if they can be one: a capitalised word or a party
    /// ("officials", "police"); a pronoun is `previous`.
    func name(_ range: Range<Int>) -> String? {
        var range = range
        // A name never starts or ends with a bracket, nor starts with "by".
        while !range.isEmpty, tokens[range.lowerBound].kind == .symbol { range = range.dropFirst() }
        while !range.isEmpty, tokens[range.upperBound - 1].kind == .symbol,
              tokens[range.upperBound - 1].id != lexicon.symbols.closeBracket { range = range.dropLast() }
        guard !range.isEmpty else { return nil }
        if range.count == 1, lexicon.pronouns.match(tokens, at: range.lowerBound) != nil { return previous }
        // A capitalised word that is no day or month ("on Sunday" names nobody), or a party.
        let named = range.contains { i in
            guard tokens[i].kind == .word else { return false }
            if lexicon.parties.match(tokens, at: i) != nil { return true }
            return tokens[i].capitalised && lexicon.info(tokens[i])?.isMonth != true && lexicon.weekdays.match(tokens, at: i) == nil
        }
        return named ? stream.text(range) : nil
    }
}
