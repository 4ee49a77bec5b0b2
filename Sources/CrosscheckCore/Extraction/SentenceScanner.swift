/// Reads one sentence at a time for `Extractor`: finds where figures start, reads each with the
/// figure parser, skips what is not a count, and decides what each counts.
struct SentenceScanner {
    let extractor: Extractor
    let bytes: UnsafeBufferPointer<UInt8>
    private let lexicon: Lexicon
    private var tokens: [Token] = []
    /// The sentence's mentions until its lists are read, kept from sentence to sentence.
    private var pending: [Pending] = []
    /// The sentence being read; token offsets are within it.
    private var sentence = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    private var line: Int
    /// Scalars before `cursorByte`: offsets are counted once, moving forward only.
    private var cursorByte = 0
    private var cursorScalar: Int
    /// The speaker the sentences before named last: who "he said" is.
    private var lastSpeaker: String?
    /// The scope of the last figure before: a sentence that names no place goes on about it.
    /// Before any, the event's whole.
    private var lastScope: String?

    init(extractor: Extractor, bytes: UnsafeBufferPointer<UInt8>, position: Extractor.Position) {
        self.extractor = extractor
        self.lexicon = extractor.lexicon
        self.bytes = bytes
        self.line = position.line
        self.cursorScalar = position.scalar
        self.lastScope = extractor.places.whole
        tokens.reserveCapacity(256)
    }

    mutating func newLine() {
        line += 1
    }

    mutating func finish() -> Extractor.Position {
        Extractor.Position(scalar: scalar(at: bytes.count), line: line)
    }

    /// The scalar offset of a byte offset at or after the last one asked for.
    private mutating func scalar(at byte: Int) -> Int {
        // An empty text may have no address at all.
        guard cursorByte < byte, let start = bytes.baseAddress else { return cursorScalar }
        let base = UnsafeRawPointer(start)
        // Eight ASCII bytes at a time, the common case, then byte by byte.
        while cursorByte + 8 <= byte, base.loadUnaligned(fromByteOffset: cursorByte, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
            cursorByte += 8
            cursorScalar += 8
        }
        while cursorByte < byte {
            if bytes[cursorByte] & 0xC0 != 0x80 { cursorScalar += 1 }
            cursorByte += 1
        }
        return cursorScalar
    }

    /// A mention read but not yet handed on: the sentence's list of figures may still give it
    /// its metric.
    private struct Pending {
        var mention: Mention
        var tokens: Range<Int>
        /// A vague word, zero or "one" that is a figure only if a metric makes it one.
        var needsMetric: Bool
        /// It counts something that is no metric ("72 apartments"): a list does not give it one.
        var countsOther: Bool
    }

    mutating func scan(_ range: Range<Int>, emit: (Mention) -> Void) {
        sentence = UnsafeBufferPointer(rebasing: bytes[range])
        PhraseTokenizer.tokenizeText(sentence, lexicon: lexicon, into: &tokens)
        var previous: (id: String, words: String)?
        // Who and where, worked out once a sentence, when it has a figure.
        var speakers: Speakers?
        var places: [(range: Range<Int>, id: String)]?
        var times: Times?
        var figures: [Range<Int>] = []
        pending.removeAll(keepingCapacity: true)
        defer { if let last = speakers?.last { lastSpeaker = last } }
        var j = 0
        while j < tokens.count {
            guard mayStartFigure(j) else {
                j += 1
                continue
            }
            var reader = PhraseReader(phrase: "", bytes: sentence, tokens: tokens, lexicon: lexicon,
                                      tolerance: extractor.tolerance)
            reader.index = j
            let parsed: ParsedPhrase?
            do {
                parsed = try reader.readMention()
            } catch {
                // A date, a time, a fraction, a number too long: not a figure. Go past it, and
                // past the digits joined to it ("08:15", "+380-44-454-4141").
                j = pastDigitChain(max(j + 1, reader.index))
                continue
            }
            guard let parsed, reader.index > j else {
                j += 1
                continue
            }
            let start = j, end = reader.index
            j = end
            if isNotACount(parsed, start, end) {
                j = pastDigitChain(end)
                continue
            }

            let (metric, countsOther) = self.metric(start, end, previous: previous)
            if let metric { previous = metric }

            let byteStart = range.lowerBound + tokens[start].start
            let byteEnd = range.lowerBound + tokens[end - 1].end
            let scalarStart = scalar(at: byteStart)
            let scalarEnd = scalar(at: byteEnd)
            var figure = parsed
            figure.text = text(start..<end)
            if speakers == nil { speakers = Speakers(tokens: tokens, sentence: sentence, lexicon: lexicon, previous: lastSpeaker) }
            if places == nil { places = extractor.places.isEmpty ? [] : extractor.places.named(in: sentence) }
            if times == nil, let published = extractor.published {
                times = Times(tokens: tokens, sentence: sentence, lexicon: lexicon, published: published)
            }
            let when = times?.nearest(to: start..<end)
            let bytes = tokens[start].start..<tokens[end - 1].end
            let scope = self.scope(of: bytes, at: start, places: places ?? [], figures: figures)
            if !extractor.places.isEmpty { figures.append(bytes) }
            if scope != nil { lastScope = scope }
            pending.append(Pending(mention: Mention(
                start: scalarStart, end: scalarEnd, line: line, text: figure.text, figure: figure.figure,
                family: figure.family, metric: metric?.id, metricWords: metric?.words, scope: scope,
                attributedTo: speakers?.nearest(to: start..<end), asOf: when?.time, asOfWords: when?.words,
                clause: clause(around: bytes), role: role(start, end),
                before: extractor.includesContext ? context(before: tokens[start].start) : "",
                after: extractor.includesContext ? context(after: tokens[end - 1].end) : ""),
                tokens: start..<end, needsMetric: needsMetric(parsed, start, end), countsOther: countsOther))
        }
        if pending.count > 1 { shareMetrics() }
        for item in pending where item.mention.metric != nil || !item.needsMetric { emit(item.mention) }
    }

    // MARK: - Parts, rises, projections

    /// What the figure at tokens `start..<end` is beside the count it names: a part ("including
    /// three children", "12 of them"), a rise ("22 more people", "in the last 24 hours"), a
    /// projection ("could reach 20,000") or an earlier count ("previously put … at 5,500"); nil
    /// where it is the count.
    private func role(_ start: Int, _ end: Int) -> MentionRole? {
        if endsHere(lexicon.asides, at: start) || lexicon.partsAfter.match(tokens, at: end) != nil { return .part }
        if lexicon.risesAfter.match(tokens, at: end) != nil { return .rise }
        var i = end
        while i < min(tokens.count, end + 12), !(tokens[i].kind == .symbol && lexicon.info(tokens[i])?.isPunctuation == true) {
            if lexicon.risePeriods.match(tokens, at: i) != nil { return .rise }
            i += 1
        }
        // A modal before the verb that governs the figure: "could reach", "may rise to".
        var k = start
        while k > max(0, start - 5) {
            k -= 1
            if lexicon.modals.match(tokens, at: k) != nil { return .projection }
            guard let info = lexicon.info(tokens[k]), info.isLeadConnector || lexicon.neutral.starts(with: tokens[k]) else { break }
        }
        // "Health authorities previously put the death toll in Derna at 5,500."
        k = start
        while k > 0, !Places.endsClause(tokens[k - 1].start, in: sentence) {
            k -= 1
            if lexicon.earlier.match(tokens, at: k) != nil { return .earlier }
        }
        return nil
    }

    // MARK: - Lists

    /// Figures of one list count one thing: a member that names no metric takes the nearest
    /// one's, before it first ("759 died in Sindh, 308 in Khyber Pakhtunkhwa"), else after it
    /// ("308 and 223 deaths", "95 soldiers … and one police officer have been released").
    private mutating func shareMetrics() {
        var listStart = 0
        for k in 0..<pending.count {
            // A share or a sum beside a count is no member of its list ("about 40% of those fired").
            let endsList = k + 1 == pending.count || pending[k].mention.figure.kind != .count
                || pending[k + 1].mention.figure.kind != .count || !joined(pending[k].tokens, pending[k + 1].tokens)
            guard endsList else { continue }
            let list = listStart...k
            listStart = k + 1
            guard list.count > 1 else { continue }
            let named = list.filter { pending[$0].mention.metric != nil }
            guard !named.isEmpty else { continue }
            for member in list where pending[member].mention.metric == nil && !pending[member].countsOther {
                let source = named.last { $0 < member } ?? named.first { $0 > member }!
                pending[member].mention.metric = pending[source].mention.metric
                pending[member].mention.metricWords = pending[source].mention.metricWords
            }
            // The members after a part are parts too: "including nine Nepalis and four foreigners".
            for member in list.dropFirst() where pending[member - 1].mention.role == .part && pending[member].mention.role == nil {
                pending[member].mention.role = .part
            }
        }
    }

    /// Whether the figure at `b` follows the one at `a` in a list: only what the first counts and
    /// where stand between them, then a comma or a joining word, with no stop, speaker or aside.
    /// Numbers between them were no figures ("died in Sindh since June 14, followed by 306").
    private func joined(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard b.lowerBound - a.upperBound <= 14, b.lowerBound > a.upperBound else { return false }
        var joins = tokens[b.lowerBound - 1].id == lexicon.symbols.comma
        for from in max(a.upperBound, b.lowerBound - 3)..<b.lowerBound where !joins {
            if let join = lexicon.listJoins.match(tokens, at: from), join.end == b.lowerBound { joins = true }
        }
        guard joins else { return false }
        for k in a.upperBound..<b.lowerBound {
            let token = tokens[k]
            if token.kind == .symbol, token.id != lexicon.symbols.comma, lexicon.info(token)?.isPunctuation == true { return false }
            if lexicon.speechCues.match(tokens, at: k) != nil || lexicon.asides.match(tokens, at: k) != nil { return false }
        }
        return true
    }

    // MARK: - What is counted

    /// What a figure counts, and whether it counts something that is no metric.
    private func metric(_ start: Int, _ end: Int, previous: (id: String, words: String)?) -> ((id: String, words: String)?, Bool) {
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

    // MARK: - Where

    /// The scope the figure's clause names; a figure in an aside ("including two children") takes
    /// the scope of the figure it is part of, and one in a sentence that names no place the
    /// scope the text was last about.
    private func scope(of bytes: Range<Int>, at start: Int, places: [(range: Range<Int>, id: String)], figures: [Range<Int>]) -> String? {
        guard !extractor.places.isEmpty else { return nil }
        if start > 0, lexicon.asides.match(tokens, at: start - 1) != nil { return lastScope }
        guard !places.isEmpty else { return lastScope }
        return extractor.places.scope(of: bytes, in: sentence, named: places, figures: figures)
    }

    // MARK: - Where figures start

    /// A number, a number word, or a word that can open a figure ("at least", "dozens", "no").
    private func mayStartFigure(_ i: Int) -> Bool {
        let token = tokens[i]
        if token.kind == .number { return true }
        guard token.id >= 0 else { return false }
        let info = lexicon.info[Int(token.id)]
        if info.cardinal >= 0 || info.multiplier > 0 || info.isArticle || info.isHalf || info.currencySymbolIndex >= 0 {
            return true
        }
        return lexicon.prefixes.starts(with: token) || lexicon.vague.starts(with: token)
            || lexicon.zero.starts(with: token) || lexicon.rangeOpeners.starts(with: token)
    }

    // MARK: - What is not a count

    /// Years, identifiers, phone numbers, ages, durations, modifiers, page furniture, references, ordinals.
    private func isNotACount(_ parsed: ParsedPhrase, _ start: Int, _ end: Int) -> Bool {
        if parsed.figure.kind == .ordinal { return true }
        if let first = (start..<end).first(where: { tokens[$0].kind == .number }) {
            let token = tokens[first]
            if first > 0, !token.spaceBefore, isAttachedToName(first) { return true }
            // A step of a web path: "6/recent/ticker-posts".
            if first + 2 < tokens.count, tokens[first + 1].id == lexicon.symbols.slash, !tokens[first + 1].spaceBefore,
               tokens[first + 2].kind == .word, !tokens[first + 2].spaceBefore { return true }
            if isPhoneNumber(first, end) { return true }
            // A year: four bare digits, 1800–2100, that count nothing ("since 2014", "the 2022 invasion").
            if parsed.family == .exact, end - start == 1, token.integerDigits == 4, token.end - token.start == 4,
               (1800...2100).contains(parsed.figure.lower), countedNoun(after: end) == nil, !isPeople(at: end) {
                return true
            }
        }
        if start > 0, isMonth(tokens[start - 1]) { return true }  // "June 19"
        if end < tokens.count, tokens[end].joined { return true }  // "a nine-storey building", "45-year-old"
        if lexicon.ageAfter.match(tokens, at: end) != nil || lexicon.durationAfter.match(tokens, at: end) != nil { return true }
        if let furniture = lexicon.furnitureAfter.match(tokens, at: end), furniture.end > end { return true }
        if (end..<min(end + 3, tokens.count)).contains(where: { tokens[$0].id == lexicon.symbols.ago }) { return true }
        return endsHere(lexicon.ageBefore, at: start) || endsHere(lexicon.furnitureBefore, at: start)
            || endsHere(lexicon.identifierBefore, at: start)
    }

    /// "MH17", "Su-34", "#Kyiv2025", "@user123", "v2": digits joined to a name are part of it.
    private func isAttachedToName(_ i: Int) -> Bool {
        let before = tokens[i - 1]
        if before.kind == .word { return true }
        guard before.kind == .symbol else { return false }
        let info = lexicon.info(before)
        if info?.currencySymbolIndex ?? -1 >= 0 { return false }
        if info?.isRangeDash == true {
            // "Su-34": a dash joined to a name on its left; "20 -34" or "x - 34" is not.
            return !before.spaceBefore && i >= 2 && tokens[i - 2].kind == .word
        }
        return [lexicon.symbols.hash, lexicon.symbols.at, lexicon.symbols.slash, lexicon.symbols.plus].contains(before.id)
            || before.id < 0
    }

    /// After digits that were not a count, the groups joined to them ("-2222-2222"), which are not either.
    private func pastDigitChain(_ end: Int) -> Int {
        var i = end
        while i + 1 < tokens.count, tokens[i].kind == .symbol, !tokens[i].spaceBefore,
              tokens[i + 1].kind == .number, !tokens[i + 1].spaceBefore {
            i += 2
        }
        return i
    }

    /// "+1-222-2222-2222", "044-123-4567": three or more groups of digits joined by dashes.
    private func isPhoneNumber(_ first: Int, _ end: Int) -> Bool {
        var groups = 1
        var i = first + 1
        while i + 1 < tokens.count, lexicon.info(tokens[i])?.isRangeDash == true, !tokens[i].spaceBefore,
              tokens[i + 1].kind == .number, !tokens[i + 1].spaceBefore {
            groups += 1
            i += 2
        }
        return groups >= 3
    }

    /// Whether a phrase of `table` ends right before token `start` ("Article 5", "No. 5", "aged 45").
    private func endsHere(_ table: PhraseTable<Bool>, at start: Int) -> Bool {
        for from in max(0, start - 3)..<start {
            if let match = table.match(tokens, at: from), match.end == start { return true }
        }
        return false
    }

    private func isMonth(_ token: Token) -> Bool {
        guard let info = lexicon.info(token), info.isMonth else { return false }
        return token.capitalised || !info.isMonthOnlyCapitalised
    }

    /// Vague words, zero and "one" are figures only where a metric makes them one: "several
    /// times", "no doubt" and "one of them" are not.
    private func needsMetric(_ parsed: ParsedPhrase, _ start: Int, _ end: Int) -> Bool {
        switch parsed.family {
        case .vague, .zero: return true
        default: return tokens[start].kind == .word && parsed.figure.lower <= 1 && end - start <= 2
        }
    }

    /// The metric named after the figure: "440 drones", "32 cruise missiles", "15 people died",
    /// "dozens of missiles", "23 people were killed".
    /// A thing no metric counts by itself comes back as its group ("72 apartments": `buildings`),
    /// for an action to make a metric of; a verb said of people as its metric ("207 of our
    /// people have returned").
    private func countedNoun(after end: Int) -> (id: String, words: String)? {
        var i = end
        var unknown = 0
        var steps = 0
        var people = false
        while i < tokens.count, steps < 6 {
            steps += 1
            if let named = lexicon.metrics.match(tokens, at: i) {
                return (named.value, text(i..<named.end))
            }
            if let object = lexicon.objects.match(tokens, at: i) {
                // "35 residents of the building": the people are counted, the building is where.
                guard people else { return (object.value, text(i..<object.end)) }
                i = object.end
                continue
            }
            if people, let verb = lexicon.peopleVerbs.match(tokens, at: i), lexicon.peopleVerbExceptions.match(tokens, at: verb.end) == nil {
                return (verb.value, text(i..<verb.end))
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
            } else if token.kind == .word, token.id < 0, unknown < 2 {
                unknown += 1  // an adjective: "440 Russian drones", "23 Ukrainian servicemen"
                i += 1
            } else {
                return nil
            }
        }
        return nil
    }

    /// What was done to what the figure counts, where it changes the count: a verb of the
    /// action within four words before the figure or eight after it, in its own clause ("428 drones were shot down",
    /// "intercepted 30 missiles", "pulled 15 bodies from the rubble").
    private func action(on metric: (id: String, words: String), _ start: Int, _ end: Int) -> (id: String, words: String) {
        // Within the figure's own stretch of words: never past another number or punctuation.
        func ends(_ i: Int) -> Bool { tokens[i].kind == .number || tokens[i].kind == .symbol && lexicon.info(tokens[i])?.isPunctuation == true }
        var first = start
        while first > max(0, start - 4), !ends(first - 1) { first -= 1 }
        var last = end
        while last < min(tokens.count, end + 8), !ends(last) { last += 1 }
        for action in lexicon.actions where action.metric == metric.id {
            for i in first..<last where i < start || i >= end {
                if let verb = action.verbs.match(tokens, at: i), verb.end <= last { return (action.becomes, text(i..<verb.end)) }
            }
        }
        return metric
    }

    /// The end of an aside between commas that names who was among them (", including three
    /// children,"), or nil.
    private func asideEnd(at i: Int) -> Int? {
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
    private func governingWords(before start: Int) -> (id: String, words: String)? {
        var boundary = start
        var steps = 0
        // A figure written with its verb ("nears 1,300", "passed 800") has passed one already.
        var tollVerb = lexicon.tollVerbs.match(tokens, at: start) != nil
        var linked = false
        while boundary > 0, steps < 6 {
            for from in max(0, boundary - 5)..<boundary {
                if let named = lexicon.metrics.match(tokens, at: from), named.end == boundary {
                    return (named.value, text(from..<boundary))
                }
            }
            let token = tokens[boundary - 1]
            if let day = dayBefore(boundary) {
                boundary = day  // "the death toll rose Wednesday to 9,500"
                continue
            }
            guard let info = lexicon.info(token), info.isLeadConnector || lexicon.neutral.starts(with: token) else { break }
            if lexicon.tollVerbs.starts(with: token) { tollVerb = true }
            if lexicon.linkingWords.starts(with: token) { linked = true }
            boundary -= 1
            steps += 1
        }
        if tollVerb { return subject(before: boundary, in: lexicon.metrics).map { ($0.id, text($0.range)) } }
        // "was 5,500", "at 5,500" say whose figure it is only of a toll: "the previous death toll … was 5,500".
        guard linked, let toll = subject(before: boundary, in: lexicon.metrics),
              toll.range.contains(where: { lexicon.tollNouns.match(tokens, at: $0) != nil }) else { return nil }
        return (toll.id, text(toll.range))
    }

    /// Where a day named right before token `end` starts ("Wednesday", "on Monday"), or nil.
    private func dayBefore(_ end: Int) -> Int? {
        for from in max(0, end - 2)..<end {
            if let day = lexicon.weekdays.match(tokens, at: from) ?? lexicon.relativeDays.match(tokens, at: from), day.end == end {
                return from
            }
        }
        return nil
    }


    /// What the event a clause is about counts, for a figure of people: "the swap, which took
    /// place on June 19, involved hundreds of soldiers".
    private func eventSubject(before start: Int, countingPeopleAt end: Int) -> (id: String, words: String)? {
        // "hundreds of soldiers": a vague figure's "of" before its people.
        let people = end < tokens.count && tokens[end].id == lexicon.symbols.of ? end + 1 : end
        guard isPeople(at: people), let event = subject(before: start, in: lexicon.eventSubjects) else { return nil }
        return (event.id, text(event.range))
    }

    /// The first phrase of `table` in the clause before a token, its subject ("the death toll
    /// from the missile strike on the building has risen to 35": the toll, not the missile): from
    /// the last comma, else from the sentence's start, a semicolon or a colon, at most 30 words
    /// back ("Tens of thousands of people still missing, and the death toll could reach 20,000":
    /// the toll, not the missing).
    private func subject(before end: Int, in table: PhraseTable<String>) -> (id: String, range: Range<Int>)? {
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
    private func isBare(after end: Int) -> Bool {
        var i = end
        if let people = lexicon.people.match(tokens, at: i) { i = people.end }
        guard i < tokens.count else { return true }
        let token = tokens[i]
        if token.kind == .symbol { return lexicon.info(token)?.isPunctuation == true }
        return lexicon.clauseEnds.match(tokens, at: i) != nil
    }

    private func isPeople(at i: Int) -> Bool { lexicon.people.match(tokens, at: i) != nil }

    // MARK: - Text

    /// The sentence's own text of a range of tokens.
    private func text(_ range: Range<Int>) -> String {
        let bytes = sentence[tokens[range.lowerBound].start..<tokens[range.upperBound - 1].end]
        return String(decoding: UnsafeBufferPointer(rebasing: bytes), as: UTF8.self)
    }

    /// The clause around a figure's bytes: to the commas, semicolons, colons or dashes that bound
    /// it, or the sentence's ends, without the spaces and closing punctuation at its ends.
    private func clause(around figure: Range<Int>) -> String {
        func bounds(_ i: Int) -> Bool { Places.endsClause(i, in: sentence) }
        var start = figure.lowerBound, end = figure.upperBound
        while start > 0, !bounds(start - 1) { start -= 1 }
        while end < sentence.count, !bounds(end) { end += 1 }
        // Spaces (a no-break space too, as pages save them) and a full stop at the ends, as bytes.
        func isSpace(_ i: Int) -> Bool { sentence[i] <= 0x20 }
        func isNoBreakSpaceEnd(_ i: Int) -> Bool { i > start && sentence[i] == 0xA0 && sentence[i - 1] == 0xC2 }
        while start < end {
            if isSpace(start) { start += 1 } else if start + 1 < end, sentence[start] == 0xC2, sentence[start + 1] == 0xA0 { start += 2 } else { break }
        }
        while end > start {
            if isSpace(end - 1) || sentence[end - 1] == 0x2E { end -= 1 } else if isNoBreakSpaceEnd(end - 1) { end -= 2 } else { break }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: sentence[start..<end]), as: UTF8.self)
    }

    /// The sentence before a byte offset, at most `Mention.contextLength` scalars of it.
    private func context(before end: Int) -> String {
        var start = end, scalars = 0
        while start > 0, scalars < Mention.contextLength {
            start -= 1
            if sentence[start] & 0xC0 != 0x80 { scalars += 1 }
        }
        let cut = start > 0
        while start < end, sentence[start] <= 0x20 { start += 1 }
        let words = String(decoding: UnsafeBufferPointer(rebasing: sentence[start..<end]), as: UTF8.self)
        return cut ? "…" + words : words
    }

    /// The sentence after a byte offset, at most `Mention.contextLength` scalars of it.
    private func context(after start: Int) -> String {
        var end = start, scalars = 0
        while end < sentence.count, scalars < Mention.contextLength || sentence[end] & 0xC0 == 0x80 {
            if sentence[end] & 0xC0 != 0x80 { scalars += 1 }
            end += 1
        }
        var trimmed = end
        while trimmed > start, sentence[trimmed - 1] <= 0x20 { trimmed -= 1 }
        let words = String(decoding: UnsafeBufferPointer(rebasing: sentence[start..<trimmed]), as: UTF8.self)
        return end < sentence.count ? words + "…" : words
    }
}
