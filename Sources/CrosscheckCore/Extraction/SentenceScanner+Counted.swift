/// Extraction's cue pass for what a figure counts: the counted noun, the verb or toll that
/// governs it, what was done to it, the clause's subject.
extension SentenceScanner {
    /// A metric and the words that decided it, as tokens of the sentence: text is made only for
    /// the one a figure keeps.
    typealias Counted = (id: String, words: Range<Int>)

    /// What a figure counts, and whether it counts something that is no metric.
    func metric(_ start: Int, _ end: Int, previous: Counted?) -> (Counted?, Bool) {
        var metric = countedNoun(after: end) ?? governingWords(before: start) ?? eventSubject(before: start, countingPeopleAt: end)
        if metric == nil, let previous, isBare(after: end) || endsHere(lexicon.asides, at: start) {
            // "Ukraine returned 1,212 bodies, Russia 27"; "killed 35 residents, including two children"
            metric = previous
        }
        guard let counted = metric else { return (nil, false) }
        let done = action(on: counted, start, end)
        // "72 apartments" are no metric unless something was done to them.
        if lexicon.objectGroups.contains(done.id) { return (nil, true) }
        return (done, false)
    }

    /// The metric named after the figure: "440 drones", "32 cruise missiles", "15 people died",
    /// "dozens of missiles", "23 people were killed".
    /// A thing no metric counts by itself comes back as its group ("72 apartments": `buildings`),
    /// for an action to make a metric of; a verb said of people as its metric ("207 of our
    /// people have returned").
    func countedNoun(after end: Int) -> Counted? {
        var i = end
        var unknown = 0
        var steps = 0
        var people = false
        while i < tokens.count, steps < 6 {
            steps += 1
            if let named = lexicon.metrics.match(tokens, at: i) {
                return (named.value, i..<named.end)
            }
            if let object = lexicon.objects.match(tokens, at: i) {
                // "35 residents of the building": the people are counted, the building is where.
                guard people else { return (object.value, i..<object.end) }
                i = object.end
                continue
            }
            if people, let verb = lexicon.peopleVerbs.match(tokens, at: i), lexicon.peopleVerbExceptions.match(tokens, at: verb.end) == nil {
                return (verb.value, i..<verb.end)
            }
            let token = tokens[i]
            if token.id == lexicon.symbols.among {
                // "more than a dozen children were among the 75 people injured": what the other figure counts.
                i += 1
                while i < tokens.count, tokens[i].kind == .number || lexicon.neutral.starts(with: tokens[i]) { i += 1 }
                steps -= 1
                continue
            }
            if token.kind == .number { return nil }
            // "53 з 119 безпілотників", "32 of 46 drones": the figure counts what the whole counts.
            if let of = lexicon.outOf.match(tokens, at: i), of.end < tokens.count, isNumber(of.end) {
                i = of.end
                while i < tokens.count, isNumber(i) { i += 1 }
                continue
            }
            // "16 - поранених", "понад 50 із них – «Шахеди»": a dash or a quote between the figure and its noun.
            if isQuote(i) || (token.spaceBefore && lexicon.info(token)?.isRangeDash == true) {
                i += 1
                continue
            }
            if let neutral = lexicon.neutral.match(tokens, at: i) ?? lexicon.risesAfter.match(tokens, at: i) {
                i = neutral.end  // "170 additional individuals", "37 new deaths"
                continue
            }
            if let match = lexicon.people.match(tokens, at: i) {
                people = true
                i = match.end
            } else if let aside = asideEnd(at: i) {
                i = aside  // "15 people, including three children, were killed"
            } else if let auxiliary = lexicon.auxiliaries.match(tokens, at: i) {
                i = auxiliary.end
            } else if token.kind == .word, token.id < 0 || !lexicon.info[Int(token.id)].isCue, unknown < 2 {
                unknown += 1  // an adjective: "440 Russian drones", "23 Ukrainian servicemen"
                i += 1
            } else {
                return people ? participle(from: i) : nil
            }
        }
        return people ? participle(from: i) : nil
    }

    /// Where the language puts a clause's participle last ("44 weitere Personen seien in der
    /// Hauptstadt verletzt worden"), the metric it names before the clause ends, if any.
    func participle(from start: Int) -> Counted? {
        guard lexicon.language.participleLast else { return nil }
        var i = start
        var last: Counted?
        while i < min(tokens.count, start + 12), tokens[i].kind != .number, !stream.isPunctuation(i) {
            if let named = lexicon.metrics.match(tokens, at: i) {
                last = (named.value, i..<named.end)
                i = named.end
            } else {
                i += 1
            }
        }
        return last
    }

    /// Digits or a number word: "32", "acht".
    func isNumber(_ i: Int) -> Bool {
        tokens[i].kind == .number || lexicon.info(tokens[i]).map { $0.cardinal >= 0 || $0.multiplier > 0 } == true
    }

    /// A quotation mark: straight, curly or angled.
    func isQuote(_ i: Int) -> Bool {
        let token = tokens[i]
        guard token.kind == .symbol else { return false }
        let first = sentence[token.start]
        if first == 0x22 { return true }
        guard token.end - token.start >= 2 else { return false }
        let second = sentence[token.start + 1]
        if first == 0xC2 { return second == 0xAB || second == 0xBB }
        return first == 0xE2 && second == 0x80 && token.end - token.start == 3 && (0x9C...0x9F).contains(sentence[token.start + 2])
    }

    /// What was done to what the figure counts, where it changes the count: a verb of the
    /// action within four words before the figure or eight after it, in its own clause ("428
    /// drones were shot down", "intercepted 30 missiles", "pulled 15 bodies from the rubble").
    func action(on metric: Counted, _ start: Int, _ end: Int) -> Counted {
        // "sieben von acht Drohnen abgewehrt": the verb is said of the part, not of the whole.
        if (start >= 2 && isNumber(start - 2) && lexicon.outOf.match(tokens, at: start - 1)?.end == start)
            || (start >= 1 && isNumber(start - 1) && lexicon.outOf.match(tokens, at: start) != nil) { return metric }
        // Within the figure's own stretch of words: before it never past another number (but one
        // in a name: "ракети Х-9 збили"), after it past the figures its verb is also said of
        // ("56 der Drohnen und zwei der Raketen zerstört"), and never past punctuation.
        func endsBefore(_ i: Int) -> Bool {
            (tokens[i].kind == .number && !(i > 0 && !tokens[i].spaceBefore && isAttachedToName(i))) || stream.isPunctuation(i)
        }
        var first = start
        while first > max(0, start - 4), !endsBefore(first - 1) { first -= 1 }
        var last = end
        while last < min(tokens.count, end + 8), !stream.isPunctuation(last) { last += 1 }
        for action in lexicon.actions where action.metric == metric.id {
            for i in first..<last where (i < start || i >= end) && !(i > 0 && tokens[i].kind == .number) {
                if let verb = action.verbs.match(tokens, at: i), verb.end <= last { return (action.becomes, i..<verb.end) }
            }
        }
        return metric
    }

    /// The end of an aside between commas that names who was among them (", including three
    /// children,"), or nil.
    func asideEnd(at i: Int) -> Int? {
        guard i + 1 < tokens.count, tokens[i].id == lexicon.symbols.comma,
              lexicon.asides.match(tokens, at: i + 1) != nil else { return nil }
        var k = i + 2
        while k < tokens.count, k < i + 12 {
            if tokens[k].id == lexicon.symbols.comma { return k + 1 }
            k += 1
        }
        return nil
    }

    /// The metric named before the figure: a verb ("killing at least 23", "wounding 17",
    /// "displaced more than 6 million") or a toll ("the death toll rose to 28", "bringing the
    /// number of victims to 14"), or, past a toll verb, the toll that is the clause's subject
    /// ("the death toll from the strike on the building in Dnipro has risen to 35").
    func governingWords(before start: Int) -> Counted? {
        var boundary = start
        var steps = 0
        // A figure written with its verb ("nears 1,300", "passed 800") has passed one already.
        var tollVerb = lexicon.tollVerbs.match(tokens, at: start) != nil
        var linked = false
        while boundary > 0, steps < 6 {
            for from in max(0, boundary - 5)..<boundary {
                if let named = lexicon.metrics.match(tokens, at: from), named.end == boundary {
                    return (named.value, from..<boundary)
                }
            }
            let token = tokens[boundary - 1]
            if let day = dayBefore(boundary) {
                boundary = day  // "the death toll rose Wednesday to 9,500"
                continue
            }
            // "погибли в общей сложности пять": a phrase that leaves the figure as it is.
            if let neutral = (max(0, boundary - 4)..<boundary - 1).first(where: { lexicon.neutral.match(tokens, at: $0)?.end == boundary }) {
                boundary = neutral
                steps += 1
                continue
            }
            guard leadsToFigure(boundary - 1) else { break }
            if lexicon.tollVerbs.starts(with: token) { tollVerb = true }
            if lexicon.linkingWords.starts(with: token) { linked = true }
            boundary -= 1
            steps += 1
        }
        if tollVerb { return subject(before: boundary, in: lexicon.metrics).map { ($0.id, $0.range) } }
        // "was 5,500", "at 5,500" say whose figure it is only of a toll: "the previous death toll … was 5,500".
        guard linked, let toll = subject(before: boundary, in: lexicon.metrics),
              toll.range.contains(where: { lexicon.tollNouns.match(tokens, at: $0) != nil }) else { return nil }
        return (toll.id, toll.range)
    }

    /// Where a day named right before token `end` starts ("Wednesday", "on Monday"), or nil.
    func dayBefore(_ end: Int) -> Int? {
        for from in max(0, end - 2)..<end {
            if let day = lexicon.weekdays.match(tokens, at: from) ?? lexicon.relativeDays.match(tokens, at: from), day.end == end {
                return from
            }
        }
        return nil
    }

    /// What the event a clause is about counts, for a figure of people: "the swap, which took
    /// place on June 19, involved hundreds of soldiers".
    func eventSubject(before start: Int, countingPeopleAt end: Int) -> Counted? {
        // "hundreds of soldiers": a vague figure's "of" before its people.
        let people = end < tokens.count && tokens[end].id == lexicon.symbols.of ? end + 1 : end
        guard isPeople(at: people), let event = subject(before: start, in: lexicon.eventSubjects) else { return nil }
        return (event.id, event.range)
    }

    /// The first phrase of `table` in the clause before a token, its subject ("the death toll
    /// from the missile strike on the building has risen to 35": the toll, not the missile): from
    /// the last comma, else from the sentence's start, a semicolon or a colon, at most 30 words
    /// back ("Tens of thousands of people still missing, and the death toll could reach 20,000":
    /// the toll, not the missing).
    func subject(before end: Int, in table: PhraseTable<String>) -> (id: String, range: Range<Int>)? {
        var start = end
        var comma: Int?
        while start > 0, end - start < 30, tokens[start - 1].id != lexicon.symbols.semicolon,
              tokens[start - 1].id != lexicon.symbols.colon {
            if comma == nil, tokens[start - 1].id == lexicon.symbols.comma { comma = start }
            start -= 1
        }
        for from in [comma, start].compactMap({ $0 }) {
            for i in from..<end {
                if let named = table.match(tokens, at: i), named.end <= end { return (named.value, i..<named.end) }
            }
        }
        return nil
    }

    /// Nothing but people or the end of the clause follows the figure: it counts what the figure
    /// before it counted.
    func isBare(after end: Int) -> Bool {
        var i = end
        if let people = lexicon.people.match(tokens, at: i) { i = people.end }
        guard i < tokens.count else { return true }
        if tokens[i].kind == .symbol { return stream.isPunctuation(i) }
        return lexicon.clauseEnds.match(tokens, at: i) != nil
    }

    func isPeople(at i: Int) -> Bool { lexicon.people.match(tokens, at: i) != nil }

    /// A word that may stand between a figure and the verb or toll that governs it ("rose to",
    /// "killing at least"): a connector or a word that says nothing of what is counted.
    func leadsToFigure(_ i: Int) -> Bool {
        lexicon.info(tokens[i])?.isLeadConnector == true || lexicon.neutral.starts(with: tokens[i])
    }
}
