/// Everything crosscheck knows of one language, as data: its number words and digit conventions
/// (what `parse` reads), its qualifiers and vague quantities (how a number becomes an interval),
/// and the cue words of extraction's passes (what is counted, where, who says so, as of when).
///
/// Every language fills the same fields; `Lexicon` compiles one into lookups, and no code names
/// a word. A language is added by writing its tables and listing them in `all`.
struct LanguageTables: Sendable {
    /// ISO 639-1: "en", "uk", "ru", "de".
    var code: String
    var name: String
    var script: Script
    /// Letters of its script that only this language of those crosscheck reads writes ("ї" is
    /// Ukrainian, "ы" Russian): strong evidence when the language is told.
    var ownLetters: String = ""
    /// Common words that tell the language, beside the words of its other tables.
    var markers: [String] = []

    // MARK: Digits

    /// What sets off groups of three digits ("1,200", "1.200", "1 200"); spaces always do.
    var groupMarks: [UInt8]
    /// What sets off the decimals ("1.5", "1,5"). Where a mark is both, a group of exactly three
    /// digits after it is a group ("1.000" in German), anything else decimals.
    var decimalMarks: [UInt8]
    /// Numbers written as one word ("dreiundzwanzig", "zweihundertfünfzig"), read from the
    /// cardinals, multipliers and `compoundJoiners`.
    var compoundNumbers = false
    /// Pieces that join a compound's parts ("und" of "dreiundzwanzig").
    var compoundJoiners: [String] = []
    /// Endings that make a compound an ordinal ("dreiundzwanzigste").
    var compoundOrdinalEndings: [String] = []

    // MARK: Number words

    /// Cardinal words with every case and gender form, by value; values of 100 and more are
    /// hundreds written as one word ("двісті", "триста").
    var cardinals: [(word: String, value: Int)]
    /// Words that multiply what stands before them: "hundred", "тисяча", "Millionen".
    var multipliers: [(word: String, value: Double)]
    /// Magnitudes written after digits: "3bn", "1,5 тис.", "2 Mio.".
    var magnitudeSuffixes: [(word: String, value: Double)]
    /// Magnitudes read only in capitals ("3М" is three million, "3 м" three metres).
    var capitalMagnitudes: [(word: String, value: Double)] = []
    var ordinals: [(word: String, value: Int)]
    /// Letters written after digits to make an ordinal: "1st", "23-го", "3-й".
    var ordinalSuffixes: [String]
    /// Case endings written after digits that leave a cardinal: "5-ти", "2-х".
    var numberEndings: [String] = []
    /// Words that make the number before them a fraction.
    var fractionWords: [String]
    /// Words that stand for one before a multiplier: "a hundred", "eine Million".
    var indefiniteArticles: [String]
    var halfWords: [String]
    /// One and a half as one word: "півтора", "полторы", "anderthalb".
    var oneAndAHalf: [String] = []
    /// "and a half" after a number: "two and a half million", "три с половиной".
    var andAHalf: [String]
    var andWords: [String]
    /// The word for the decimal point, spoken: "point", "крапка", "Komma".
    var pointWords: [String]
    /// "of" between a quantity and what it counts: "dozens of missiles".
    var of: String?
    /// "among" before the other figure a clause is part of.
    var among: String?
    /// The definite article, where the language has one word for it.
    var the: String?

    // MARK: Qualifiers and quantities

    var prefixes: [(phrase: String, family: PhraseFamily)]
    var suffixes: [(phrase: String, family: PhraseFamily)]
    var neutral: [String]
    var tooVague: [String]
    var zero: [String]
    var inclusiveSuffixes: [String]
    var negative: [String]
    var rangeJoiners: [String]
    var rangeOpeners: [String]
    var percent: [String]
    var percentagePoints: [String]
    var metricConnectors: [String]
    var vague: [(phrase: String, quantity: VagueQuantity)]
    var currencies: [(phrase: String, code: String)]

    // MARK: Extraction's cues

    /// Built-in metrics' words in this language, by metric id; a workspace's own aliases are read
    /// in every language.
    var metricWords: [(metric: String, words: [String])]
    var people: [String]
    var auxiliaries: [String]
    var furnitureAfter: [String]
    var furnitureBefore: [String]
    var ago: [String]
    var identifierBefore: [String]
    var ageAfter: [String]
    var ageBefore: [String]
    var durationAfter: [String]
    var asides: [String]
    var tollVerbs: [String]
    var tollNouns: [String]
    var linkingWords: [String]
    var eventSubjects: [(phrase: String, metric: String)]
    var speechVerbs: [String]
    var citing: [String]
    var listenerVerbs: [String]
    var speakerOpeners: [String]
    var speakerStops: [String]
    var parties: [String]
    var pronouns: [String]
    var actions: [(metric: String, verbs: [String], becomes: String)]
    var objects: [(phrase: String, group: String)]
    /// "of" between a part and its whole: "32 of 46 drones", "53 з 119".
    var outOf: [String] = []
    /// Participles stand last in their clause ("… in der Hauptstadt verletzt worden"): a figure's
    /// metric may be read to the clause's end.
    var participleLast = false
    var peopleVerbs: [(phrase: String, metric: String)]
    var peopleVerbExceptions: [String]
    var wholeScope: [String]
    var partsAfter: [String]
    var risesAfter: [String]
    var risePeriods: [String]
    var earlier: [String]
    var modals: [String]
    var clauseEnds: [String]
    var listJoins: [String]
    /// Words that end with a full stop without ending a sentence: "Mr.", "Nr.", "тис.".
    var abbreviations: [String]

    // MARK: Calendar

    /// Month names in every form, with the month's number: "червня" is June.
    var months: [(word: String, month: Int)]
    /// Months that are months only when capitalised ("May", not "may").
    var monthsOnlyCapitalised: [String]
    /// Days of the week, Monday first, each with its forms.
    var weekdays: [[String]]
    var relativeDays: [(word: String, shift: Int)]
    var periodStarts: [String]
    var timeOfDay: [String]

    enum Script: Sendable { case latin, cyrillic }

    /// The languages crosscheck reads, English first: the language a text is read in when
    /// nothing tells another.
    static let all: [LanguageTables] = [.english, .ukrainian, .russian, .german]
}
