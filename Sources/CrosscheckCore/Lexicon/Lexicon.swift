/// What the parser knows of one word or symbol.
struct WordInfo: Sendable {
    /// Value of a cardinal word ("seven" → 7), -1 if none.
    var cardinal: Int = -1
    /// Value of a multiplier word ("hundred" → 100, "million", "dozen"), 0 if none.
    var multiplier: Double = 0
    /// Value of a magnitude written after digits ("k", "bn", "mn"), 0 if none.
    var magnitude: Double = 0
    /// Value of an ordinal word ("fourth" → 4), -1 if none.
    var ordinal: Int64 = -1
    /// A magnitude read only when written in capitals ("MM"), 0 if none.
    var capitalMagnitude: Double = 0
    var isOrdinalSuffix = false
    /// "a" and "an" stand for one before it: "a dozen", "a single".
    var takesArticle = false
    /// After a number, makes it a fraction: "thirds", "quarters".
    var isFraction = false
    var isArticle = false
    var isHalf = false
    var isAnd = false
    var isPoint = false
    var isMonth = false
    var isMonthOnlyCapitalised = false
    var isRangeJoiner = false
    /// A dash or tilde between two numbers makes a range: "20-25", "20–25", "20~100".
    var isRangeDash = false
    var isMinus = false
    var isExponent = false
    var isLeadConnector = false
    /// Punctuation that carries no meaning around a figure: quotes, brackets, full stops.
    var isPunctuation = false
    /// The place in `Currencies.symbols` of a currency symbol ("$"), -1 if none: an index, not
    /// the code itself, so that reading a word's info never retains a string.
    var currencySymbolIndex: Int8 = -1

    /// The ISO code of a currency symbol written before a number.
    var currencySymbol: String? {
        currencySymbolIndex >= 0 ? Currencies.symbols[Int(currencySymbolIndex)].code : nil
    }
}

/// The word tables of `Lexicon/`, compiled into lookups over interned word ids.
///
/// Entries are split with the same tokenizer as the phrases they match, so "us$", "approx." and
/// "no-one" match exactly what a reader writes.
final class Lexicon: Sendable {
    let ids: [String: Int32]
    let index: WordIndex
    /// Ids of the ASCII symbols, by byte; -1 where none.
    let asciiSymbolIDs: [Int32]
    let info: [WordInfo]
    let prefixes: PhraseTable<PhraseFamily>
    let suffixes: PhraseTable<PhraseFamily>
    let neutral: PhraseTable<Bool>
    let tooVague: PhraseTable<Bool>
    let zero: PhraseTable<Bool>
    let negative: PhraseTable<Bool>
    let vague: PhraseTable<VagueQuantity>
    let rangeOpeners: PhraseTable<Bool>
    let percent: PhraseTable<Bool>
    let percentagePoints: PhraseTable<Bool>
    let inclusiveSuffixes: PhraseTable<Bool>
    let people: PhraseTable<Bool>
    let auxiliaries: PhraseTable<Bool>
    let furnitureAfter: PhraseTable<Bool>
    let furnitureBefore: PhraseTable<Bool>
    let identifierBefore: PhraseTable<Bool>
    let ageAfter: PhraseTable<Bool>
    let ageBefore: PhraseTable<Bool>
    let clauseEnds: PhraseTable<Bool>
    let asides: PhraseTable<Bool>
    let tollVerbs: PhraseTable<Bool>
    /// Speech verbs (false) and the words that open a speaker after them (true), in one table:
    /// one look-up a word of every sentence that has a figure.
    let speechCues: PhraseTable<Bool>
    let speakerStops: PhraseTable<Bool>
    let parties: PhraseTable<Bool>
    let pronouns: PhraseTable<Bool>
    let eventSubjects: PhraseTable<String>
    /// Days of the week (0 is Monday) and days named by their distance from the report's.
    let weekdays: PhraseTable<Int>
    let relativeDays: PhraseTable<Int>
    /// Each action: the metric it changes, its verbs, and the metric it makes.
    let actions: [(metric: String, verbs: PhraseTable<Bool>, becomes: String)]
    let objects: PhraseTable<String>
    /// The groups of `objects`: what a figure may count without counting a metric.
    let objectGroups: Set<String>
    let peopleVerbs: PhraseTable<String>
    let peopleVerbExceptions: PhraseTable<Bool>
    let listJoins: PhraseTable<Bool>
    let partsAfter: PhraseTable<Bool>
    let durationAfter: PhraseTable<Bool>
    let risesAfter: PhraseTable<Bool>
    let risePeriods: PhraseTable<Bool>
    let modals: PhraseTable<Bool>
    let tollNouns: PhraseTable<Bool>
    let earlier: PhraseTable<Bool>
    let linkingWords: PhraseTable<Bool>
    let citing: PhraseTable<Bool>
    let listenerVerbs: PhraseTable<Bool>
    let currencies: PhraseTable<String>
    let metrics: PhraseTable<String>
    let timeOfDay: PhraseTable<Bool>
    /// Ids of the words and symbols the reader looks for by name.
    let symbols: Symbols

    struct Symbols: Sendable {
        var of: Int32 = -1, openBracket: Int32 = -1, closeBracket: Int32 = -1, plus: Int32 = -1
        var slash: Int32 = -1, comma: Int32 = -1, single: Int32 = -1, ago: Int32 = -1, hash: Int32 = -1
        var at: Int32 = -1, dash: Int32 = -1, semicolon: Int32 = -1, colon: Int32 = -1, apostrophe: Int32 = -1
        var rightQuote: Int32 = -1, among: Int32 = -1, the: Int32 = -1
    }

    /// The lexicon of the standard metric vocabulary, compiled once.
    static let standard = Lexicon(vocabulary: .standard)

    /// The lexicon of a vocabulary: the standard one shared, any other compiled for it.
    static func compiled(for vocabulary: MetricVocabulary) -> Lexicon {
        vocabulary == .standard ? standard : Lexicon(vocabulary: vocabulary)
    }

    init(vocabulary: MetricVocabulary) {
        var builder = Builder()
        func table<V>(_ entries: [(String, V)]) -> PhraseTable<V> {
            var table = PhraseTable<V>()
            for (phrase, value) in entries { table.insert(builder.intern(phrase), value) }
            return table
        }

        func set(_ phrases: [String]) -> PhraseTable<Bool> { table(phrases.map { ($0, true) }) }

        builder.describeWords()

        prefixes = table(QuantityWords.prefixes)
        suffixes = table(QuantityWords.suffixes)
        neutral = set(QuantityWords.neutral)
        tooVague = set(QuantityWords.tooVague)
        zero = set(QuantityWords.zero)
        negative = set(QuantityWords.negative)
        vague = table(VagueQuantities.all)
        rangeOpeners = set(QuantityWords.rangeOpeners)
        percent = set(QuantityWords.percent)
        percentagePoints = set(QuantityWords.percentagePoints)
        inclusiveSuffixes = set(QuantityWords.inclusiveSuffixes)
        people = set(ExtractionWords.people)
        auxiliaries = set(ExtractionWords.auxiliaries)
        furnitureAfter = set(ExtractionWords.furnitureAfter)
        furnitureBefore = set(ExtractionWords.furnitureBefore)
        identifierBefore = set(ExtractionWords.identifierBefore)
        ageAfter = set(ExtractionWords.ageAfter)
        ageBefore = set(ExtractionWords.ageBefore)
        clauseEnds = set(ExtractionWords.clauseEnds)
        asides = set(ExtractionWords.asides)
        tollVerbs = set(ExtractionWords.tollVerbs)
        speechCues = table(ExtractionWords.speechVerbs.map { ($0, false) }
                           + (ExtractionWords.speakerOpeners + ExtractionWords.citing).map { ($0, true) })
        speakerStops = set(ExtractionWords.speakerStops)
        parties = set(ExtractionWords.parties)
        pronouns = set(ExtractionWords.pronouns)
        eventSubjects = table(ExtractionWords.eventSubjects)
        weekdays = table(CalendarWords.weekdays.enumerated().map { ($0.element, $0.offset) })
        relativeDays = table(CalendarWords.relativeDays.map { ($0.key, $0.value) })
        actions = ExtractionWords.actions.map { ($0.metric, set($0.verbs), $0.becomes) }
        objects = table(ExtractionWords.objects)
        objectGroups = Set(ExtractionWords.objects.map(\.group))
        peopleVerbs = table(ExtractionWords.peopleVerbs)
        peopleVerbExceptions = set(ExtractionWords.peopleVerbExceptions)
        listJoins = set(ExtractionWords.listJoins)
        partsAfter = set(ExtractionWords.partsAfter)
        durationAfter = set(ExtractionWords.durationAfter)
        risesAfter = set(ExtractionWords.risesAfter)
        risePeriods = set(ExtractionWords.risePeriods)
        modals = set(ExtractionWords.modals)
        tollNouns = set(ExtractionWords.tollNouns)
        earlier = set(ExtractionWords.earlier)
        linkingWords = set(ExtractionWords.linkingWords)
        citing = set(ExtractionWords.citing)
        listenerVerbs = set(ExtractionWords.listenerVerbs)
        currencies = table(Currencies.words)
        timeOfDay = set(CalendarWords.timeOfDay)
        metrics = table(vocabulary.metrics.flatMap { metric in
            ([metric.id] + metric.aliases).map { ($0.lowercased(), metric.id) }
        })
        symbols = Symbols(of: builder.id("of"), openBracket: builder.id("("), closeBracket: builder.id(")"),
                          plus: builder.id("+"), slash: builder.id("/"), comma: builder.id(","), single: builder.id("single"),
                          ago: builder.id(ExtractionWords.ago), hash: builder.id("#"), at: builder.id("@"), dash: builder.id("-"),
                          semicolon: builder.id(";"), colon: builder.id(":"), apostrophe: builder.id("'"), rightQuote: builder.id("’"), among: builder.id("among"), the: builder.id("the"))
        ids = builder.ids
        index = WordIndex(builder.ids)
        info = builder.info
        asciiSymbolIDs = (0..<128).map { byte in builder.ids[String(UnicodeScalar(UInt8(byte)))] ?? -1 }
    }

    /// The id of a lower-case word or symbol, -1 if the lexicon does not know it.
    @inline(__always)
    func id(of word: String) -> Int32 { ids[word] ?? -1 }

    @inline(__always)
    func info(_ token: Token) -> WordInfo? {
        token.id >= 0 && token.kind != .number ? info[Int(token.id)] : nil
    }

    private struct Builder {
        var ids: [String: Int32] = [:]
        var info: [WordInfo] = []

        mutating func id(_ word: String) -> Int32 {
            if let id = ids[word] { return id }
            let id = Int32(info.count)
            ids[word] = id
            info.append(WordInfo())
            return id
        }

        mutating func update(_ word: String, _ change: (inout WordInfo) -> Void) {
            change(&info[Int(id(word))])
        }

        /// What each number word, calendar word and symbol is, for the figure parser.
        mutating func describeWords() {
            for (word, value) in NumberWords.cardinals { update(word) { $0.cardinal = value } }
            for (word, value) in NumberWords.multipliers { update(word) { $0.multiplier = value } }
            for (word, value) in NumberWords.magnitudeSuffixes { update(word) { $0.magnitude = value } }
            for (word, value) in NumberWords.multipliers where value >= 1000 {
                update(word) { $0.magnitude = value }
            }
            for (word, value) in NumberWords.ordinals { update(word) { $0.ordinal = Int64(value) } }
            // Tens and units written as one word: "twentyfive", "thirtyfirst".
            for (tens, tensValue) in NumberWords.cardinals where tensValue >= 20 && tensValue % 10 == 0 {
                for (unit, unitValue) in NumberWords.cardinals where (1...9).contains(unitValue) {
                    update(tens + unit) { $0.cardinal = tensValue + unitValue }
                }
                for (unit, unitValue) in NumberWords.ordinals where (1...9).contains(unitValue) {
                    update(tens + unit) { $0.ordinal = Int64(tensValue + unitValue) }
                }
            }
            for (word, value) in NumberWords.capitalMagnitudes { update(word) { $0.capitalMagnitude = value } }
            for (word, _) in NumberWords.multipliers { update(word) { $0.takesArticle = true } }
            update("single") { $0.takesArticle = true }
            for word in NumberWords.fractionWords { update(word) { $0.isFraction = true } }
            for word in NumberWords.ordinalSuffixes { update(word) { $0.isOrdinalSuffix = true } }
            for word in NumberWords.indefiniteArticles { update(word) { $0.isArticle = true } }
            update("half") { $0.isHalf = true }
            update("and") { $0.isAnd = true }
            update("&") { $0.isAnd = true }
            update("point") { $0.isPoint = true }
            update("e") { $0.isExponent = true }
            for word in CalendarWords.months { update(word) { $0.isMonth = true } }
            for word in CalendarWords.monthsOnlyCapitalised { update(word) { $0.isMonthOnlyCapitalised = true } }
            for word in QuantityWords.rangeJoiners { update(word) { $0.isRangeJoiner = true } }
            for symbol in ["-", "–", "—", "‒", "~", "‐", "‑"] { update(symbol) { $0.isRangeDash = true } }
            for symbol in ["-", "−", "‐", "‑", "–"] { update(symbol) { $0.isMinus = true } }
            for word in QuantityWords.metricConnectors { update(word) { $0.isLeadConnector = true } }
            for symbol in QuantityWords.punctuation { update(String(symbol)) { $0.isPunctuation = true } }
            for (index, (symbol, _)) in Currencies.symbols.enumerated() {
                update(String(symbol)) { $0.currencySymbolIndex = Int8(index) }
            }
        }

        /// The ids of the words and symbols of an entry, split as the tokenizer splits a phrase.
        mutating func intern(_ phrase: String) -> [Int32] {
            PhraseTokenizer.pieces(of: phrase.lowercased()).map { id($0) }
        }
    }
}
