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
    var isNumberEnding = false
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
    /// The month a month's name names, 1 to 12; 0 if none.
    var month: Int8 = 0
    /// One and a half as one word: "півтора", "anderthalb".
    var isOneAndAHalf = false
    /// The word has a part in the figure parser's grammar or begins a phrase of a cue table (a
    /// metric's or a thing's words aside): a word without one is passed over as an adjective.
    var isCue = false
    /// The languages whose words the word is, one bit each by place in `LanguageTables.all`:
    /// what tells a sentence's language.
    var languages: UInt8 = 0
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

/// One language's word tables (`LanguageTables`), compiled into lookups over interned word ids.
///
/// Entries are split with the same tokenizer as the phrases they match, so "us$", "approx." and
/// "no-one" match exactly what a reader writes.
final class Lexicon: Sendable {
    /// The tables compiled: the language's digit conventions and calendar are read from them.
    let language: LanguageTables
    /// The language's place in `LanguageTables.all`.
    let languageIndex: Int
    let ids: [String: Int32]
    let index: WordIndex
    /// The bytes that set off groups of digits, and decimals, one bit each by byte (all below 64).
    let groupMarks: UInt64
    let decimalMarks: UInt64
    /// A compound number's pieces, longest first, when the language writes numbers as one word.
    let compoundPieces: [CompoundNumbers.Piece]
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
    let andAHalf: PhraseTable<Bool>
    let outOf: PhraseTable<Bool>
    let ago: PhraseTable<Bool>
    let periodStarts: PhraseTable<Bool>
    /// Ids of the words and symbols the reader looks for by name.
    let symbols: Symbols

    struct Symbols: Sendable {
        var of: Int32 = -1, openBracket: Int32 = -1, closeBracket: Int32 = -1, plus: Int32 = -1
        var slash: Int32 = -1, comma: Int32 = -1, single: Int32 = -1, hash: Int32 = -1
        var at: Int32 = -1, dash: Int32 = -1, semicolon: Int32 = -1, colon: Int32 = -1, apostrophe: Int32 = -1
        var rightQuote: Int32 = -1, among: Int32 = -1, the: Int32 = -1, period: Int32 = -1
    }

    init(_ language: LanguageTables, vocabulary: MetricVocabulary) {
        self.language = language
        languageIndex = LanguageTables.all.firstIndex { $0.code == language.code } ?? 0
        var builder = Builder()
        func table<V>(_ entries: [(String, V)], cues: Bool = true) -> PhraseTable<V> {
            var table = PhraseTable<V>()
            for (phrase, value) in entries {
                let ids = builder.intern(phrase)
                if cues, let first = ids.first { builder.info[Int(first)].isCue = true }
                table.insert(ids, value)
            }
            return table
        }

        func set(_ phrases: [String], cues: Bool = true) -> PhraseTable<Bool> { table(phrases.map { ($0, true) }, cues: cues) }

        builder.describeWords(language)

        prefixes = table(language.prefixes)
        suffixes = table(language.suffixes)
        neutral = set(language.neutral)
        tooVague = set(language.tooVague)
        zero = set(language.zero)
        negative = set(language.negative)
        vague = table(language.vague)
        rangeOpeners = set(language.rangeOpeners)
        percent = set(language.percent)
        percentagePoints = set(language.percentagePoints)
        inclusiveSuffixes = set(language.inclusiveSuffixes)
        people = set(language.people)
        auxiliaries = set(language.auxiliaries)
        furnitureAfter = set(language.furnitureAfter)
        furnitureBefore = set(language.furnitureBefore)
        identifierBefore = set(language.identifierBefore)
        ageAfter = set(language.ageAfter)
        ageBefore = set(language.ageBefore)
        clauseEnds = set(language.clauseEnds)
        asides = set(language.asides)
        tollVerbs = set(language.tollVerbs)
        speechCues = table(language.speechVerbs.map { ($0, false) } + (language.speakerOpeners + language.citing).map { ($0, true) })
        speakerStops = set(language.speakerStops)
        parties = set(language.parties)
        pronouns = set(language.pronouns)
        eventSubjects = table(language.eventSubjects)
        weekdays = table(language.weekdays.enumerated().flatMap { day in day.element.map { ($0, day.offset) } })
        relativeDays = table(language.relativeDays)
        // Verbs of an action may stand before the noun as its adjective ("три збиті ракети").
        actions = language.actions.map { ($0.metric, set($0.verbs, cues: false), $0.becomes) }
        outOf = set(language.outOf)
        objects = table(language.objects, cues: false)
        objectGroups = Set(language.objects.map(\.group))
        peopleVerbs = table(language.peopleVerbs)
        peopleVerbExceptions = set(language.peopleVerbExceptions)
        listJoins = set(language.listJoins)
        partsAfter = set(language.partsAfter)
        durationAfter = set(language.durationAfter)
        risesAfter = set(language.risesAfter)
        risePeriods = set(language.risePeriods)
        modals = set(language.modals)
        tollNouns = set(language.tollNouns)
        earlier = set(language.earlier)
        linkingWords = set(language.linkingWords)
        citing = set(language.citing)
        listenerVerbs = set(language.listenerVerbs)
        currencies = table(language.currencies + Currencies.codes)
        timeOfDay = set(language.timeOfDay)
        andAHalf = set(language.andAHalf)
        ago = set(language.ago)
        periodStarts = set(language.periodStarts)
        // The workspace's own words in every language; the built-in metrics' in this one.
        let known = Set(vocabulary.metrics.map(\.id))
        metrics = table(vocabulary.metrics.flatMap { metric in
            ([metric.id] + metric.aliases).map { ($0.lowercased(), metric.id) }
        } + language.metricWords.filter { known.contains($0.metric) }.flatMap { entry in entry.words.map { ($0, entry.metric) } }, cues: false)
        builder.markLanguages(of: language.script)
        symbols = Symbols(of: builder.id(language.of), openBracket: builder.id("("), closeBracket: builder.id(")"),
                          plus: builder.id("+"), slash: builder.id("/"), comma: builder.id(","), single: builder.id("single"),
                          hash: builder.id("#"), at: builder.id("@"), dash: builder.id("-"),
                          semicolon: builder.id(";"), colon: builder.id(":"), apostrophe: builder.id("'"), rightQuote: builder.id("’"),
                          among: builder.id(language.among), the: builder.id(language.the), period: builder.id("."))
        groupMarks = language.groupMarks.reduce(0) { $0 | 1 << UInt64($1) }
        decimalMarks = language.decimalMarks.reduce(0) { $0 | 1 << UInt64($1) }
        compoundPieces = language.compoundNumbers ? CompoundNumbers.pieces(of: language) : []
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

        /// The id of an optional word; -1 for none.
        mutating func id(_ word: String?) -> Int32 { word.map { id($0) } ?? -1 }

        mutating func update(_ word: String, _ change: (inout WordInfo) -> Void) {
            let id = Int(id(word))
            info[id].isCue = true
            change(&info[id])
        }

        /// What each number word, calendar word and symbol is, for the figure parser.
        mutating func describeWords(_ language: LanguageTables) {
            for (word, value) in language.cardinals { update(word) { $0.cardinal = value } }
            for (word, value) in language.multipliers { update(word) { $0.multiplier = value } }
            for (word, value) in language.magnitudeSuffixes { update(word) { $0.magnitude = value } }
            for (word, value) in language.multipliers where value >= 1000 {
                update(word) { $0.magnitude = value }
            }
            for (word, value) in language.ordinals { update(word) { $0.ordinal = Int64(value) } }
            if !language.compoundNumbers {
                // Tens and units written as one word: "twentyfive", "thirtyfirst".
                for (tens, tensValue) in language.cardinals where tensValue >= 20 && tensValue < 100 && tensValue % 10 == 0 {
                    for (unit, unitValue) in language.cardinals where (1...9).contains(unitValue) {
                        update(tens + unit) { $0.cardinal = tensValue + unitValue }
                    }
                    for (unit, unitValue) in language.ordinals where (1...9).contains(unitValue) {
                        update(tens + unit) { $0.ordinal = Int64(tensValue + unitValue) }
                    }
                }
            }
            for (word, value) in language.capitalMagnitudes { update(word) { $0.capitalMagnitude = value } }
            for (word, _) in language.multipliers { update(word) { $0.takesArticle = true } }
            update("single") { $0.takesArticle = true }
            for word in language.fractionWords { update(word) { $0.isFraction = true } }
            for word in language.ordinalSuffixes { update(word) { $0.isOrdinalSuffix = true } }
            for word in language.numberEndings { update(word) { $0.isNumberEnding = true } }
            for word in language.indefiniteArticles { update(word) { $0.isArticle = true } }
            for word in language.halfWords { update(word) { $0.isHalf = true } }
            for word in language.oneAndAHalf { update(word) { $0.isOneAndAHalf = true } }
            for word in language.andWords { update(word) { $0.isAnd = true } }
            for word in language.pointWords { update(word) { $0.isPoint = true } }
            update("e") { $0.isExponent = true }
            for (word, month) in language.months {
                update(word) {
                    $0.isMonth = true
                    $0.month = Int8(month)
                }
            }
            for word in language.monthsOnlyCapitalised { update(word) { $0.isMonthOnlyCapitalised = true } }
            for word in language.rangeJoiners { update(word) { $0.isRangeJoiner = true } }
            for symbol in ["-", "–", "—", "‒", "~", "‐", "‑"] { update(symbol) { $0.isRangeDash = true } }
            for symbol in ["-", "−", "‐", "‑", "–"] { update(symbol) { $0.isMinus = true } }
            for word in language.metricConnectors { update(word) { $0.isLeadConnector = true } }
            for symbol in QuantityWords.punctuation { update(String(symbol)) { $0.isPunctuation = true } }
            for (index, (symbol, _)) in Currencies.symbols.enumerated() {
                update(String(symbol)) { $0.currencySymbolIndex = Int8(index) }
            }
        }

        /// The telling words of every language of a script, known in the lexicon of each: a
        /// sentence is read with one lexicon, and its words tell which language of the script it
        /// is in (the script itself is told by its letters).
        mutating func markLanguages(of script: LanguageTables.Script) {
            for (index, words) in LanguageTables.tellingWords.enumerated() where LanguageTables.all[index].script == script {
                for word in words { info[Int(id(word))].languages |= 1 << UInt8(index) }
            }
        }

        /// The ids of the words and symbols of an entry, split as the tokenizer splits a phrase.
        mutating func intern(_ phrase: String) -> [Int32] {
            PhraseTokenizer.pieces(of: phrase.lowercased()).map { id($0) }
        }
    }
}
