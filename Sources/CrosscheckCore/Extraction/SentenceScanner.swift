/// Reads one sentence at a time for `Extractor`, in passes over the sentence's tokens, one file
/// each: the figures (`+Figures`: where one may start, read by the figure parser, and what is no
/// count), the cues of each (`+Counted` for what it counts; `Places`, `Speakers` and `Times` for
/// where, who says so and as of when; `+Roles` for whether it is the count itself), then the
/// sentence's lists (`+Lists`), and the proposal handed on.
struct SentenceScanner {
    let extractor: Extractor
    let bytes: UnsafeBufferPointer<UInt8>
    /// The lexicon of the sentence's language: the one given, else the one its words tell.
    private(set) var lexicon: Lexicon
    /// The sentence being read, as the figure parser and every pass read it; token offsets are
    /// within the sentence.
    private(set) var stream: TokenStream
    var tokens: [Token] { stream.tokens }
    var sentence: UnsafeBufferPointer<UInt8> { stream.bytes }
    /// The sentence's mentions until its lists are read, kept from sentence to sentence.
    var pending: [Pending] = []
    var line: Int
    /// Scalars before `cursorByte`: offsets are counted once, moving forward only.
    var cursorByte = 0
    var cursorScalar: Int
    /// Who spoke and where the text was, from the sentences before.
    private(set) var carried: Carried

    init(extractor: Extractor, bytes: UnsafeBufferPointer<UInt8>, position: Extractor.Position, carried: Carried) {
        self.extractor = extractor
        self.lexicon = extractor.lexicons[extractor.language ?? .english]
        self.bytes = bytes
        self.line = position.line
        self.cursorScalar = position.scalar
        self.carried = carried
        self.stream = .empty(lexicon)
    }

    mutating func newLine() {
        line += 1
    }

    mutating func finish() -> Extractor.Position {
        Extractor.Position(scalar: scalar(at: bytes.count), line: line)
    }

    /// The scalar offset of a byte offset at or after the last one asked for.
    mutating func scalar(at byte: Int) -> Int {
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

    /// What a sentence passes on to the sentences after it.
    struct Carried {
        /// The speaker the sentences before named last: who "he said" is.
        var speaker: String?
        /// The scope of the last figure before: a sentence that names no place goes on about it.
        var scope: String?

        /// What a piece of a text read on its own starts from: markers that stand for the values
        /// the text before it carries, put in their place once that is read.
        static let unknown = Carried(speaker: "\u{1}the speaker before", scope: "\u{1}the scope before")

        /// A speaker read with `unknown`'s marker, this one in its place.
        func resolved(speaker value: String?) -> String? { value == Self.unknown.speaker ? speaker : value }

        /// A scope read with `unknown`'s marker, this one in its place.
        func resolved(scope value: String?) -> String? { value == Self.unknown.scope ? scope : value }
    }

    /// A mention read but not yet handed on: the sentence's list of figures may still give it
    /// its metric.
    struct Pending {
        var mention: Mention
        var tokens: Range<Int>
        /// A vague word, zero or "one" that is a figure only if a metric makes it one.
        var needsMetric: Bool
        /// It counts something that is no metric ("72 apartments"): a list does not give it one.
        var countsOther: Bool
    }

    mutating func scan(_ range: Range<Int>, emit: (Mention) -> Void) {
        let sentence = UnsafeBufferPointer(rebasing: bytes[range])
        // The last sentence's buffer, taken back from the stream so that it is reused, not copied.
        var tokens = stream.tokens
        stream = .empty(lexicon)
        if extractor.language == nil {
            lexicon = extractor.lexicons.split(sentence, from: lexicon, into: &tokens) { lexicon, tokens in
                PhraseTokenizer.tokenizeText(sentence, lexicon: lexicon, into: &tokens)
            }
        } else {
            PhraseTokenizer.tokenizeText(sentence, lexicon: lexicon, into: &tokens)
        }
        stream = TokenStream(bytes: sentence, tokens: tokens, lexicon: lexicon)
        var previous: Counted?
        // Who and where, worked out once a sentence, when it has a figure.
        var speakers: Speakers?
        var places: [(range: Range<Int>, id: String)]?
        var times: Times?
        var figures: [Range<Int>] = []
        pending.removeAll(keepingCapacity: true)
        defer { if let last = speakers?.last { carried.speaker = last } }
        var j = 0
        while j < tokens.count {
            guard mayStartFigure(j) else {
                j += 1
                continue
            }
            var reader = PhraseReader(stream, from: j, tolerance: extractor.tolerance)
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
            if speakers == nil { speakers = Speakers(stream, previous: carried.speaker) }
            if places == nil { places = extractor.places.isEmpty ? [] : extractor.places.named(in: stream) }
            if times == nil, let published = extractor.published {
                times = Times(stream, published: published)
            }
            let when = times?.nearest(to: start..<end)
            let bytes = tokens[start].start..<tokens[end - 1].end
            let scope = self.scope(of: bytes, at: start, places: places ?? [], figures: figures)
            if !extractor.places.isEmpty { figures.append(bytes) }
            if scope != nil { carried.scope = scope }
            pending.append(Pending(mention: Mention(
                start: scalarStart, end: scalarEnd, line: line, text: stream.text(start..<end), figure: parsed.figure,
                family: parsed.family, metric: metric?.id, metricWords: metric.map { stream.text($0.words) }, scope: scope,
                attributedTo: speakers?.nearest(to: start..<end), asOf: when?.time, asOfWords: when?.words,
                clause: clause(around: bytes), role: role(start, end),
                before: extractor.includesContext ? context(before: tokens[start].start) : "",
                after: extractor.includesContext ? context(after: tokens[end - 1].end) : "",
                language: Language(index: lexicon.languageIndex)),
                tokens: start..<end, needsMetric: needsMetric(parsed, start, end), countsOther: countsOther))
        }
        if pending.count > 1 { shareMetrics() }
        for k in pending.indices where pending[k].mention.metric != nil || !pending[k].needsMetric { emit(pending[k].mention) }
    }

    // MARK: - Where

    /// The scope the figure's clause names; a figure in an aside ("including two children") takes
    /// the scope of the figure it is part of, and one in a sentence that names no place the
    /// scope the text was last about.
    func scope(of bytes: Range<Int>, at start: Int, places: [(range: Range<Int>, id: String)], figures: [Range<Int>]) -> String? {
        guard !extractor.places.isEmpty else { return nil }
        if start > 0, lexicon.asides.match(tokens, at: start - 1) != nil { return carried.scope }
        guard !places.isEmpty else { return carried.scope }
        return extractor.places.scope(of: bytes, in: sentence, named: places, figures: figures)
    }

    // MARK: - Text

    /// The clause around a figure's bytes: to the commas, semicolons, colons or dashes that bound
    /// it, or the sentence's ends, without the spaces and closing punctuation at its ends.
    func clause(around figure: Range<Int>) -> String {
        // The buffer once, not the stream's on every byte.
        let sentence = self.sentence
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
    func context(before end: Int) -> String {
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
    func context(after start: Int) -> String {
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
