import Testing
@testable import CrosscheckCore

/// A phrase in a language, the language it must be told as, and the figure a reader must get.
struct LanguageCase: CustomTestStringConvertible, Sendable {
    let phrase: String
    let language: String
    let lower: Double
    let upper: Double?
    let lowerOpen: Bool
    let upperOpen: Bool
    let family: PhraseFamily
    let metric: String?

    init(_ phrase: String, _ language: String, _ lower: Double, _ upper: Double?, lowerOpen: Bool = false, upperOpen: Bool = false,
         _ family: PhraseFamily, metric: String? = nil) {
        (self.phrase, self.language, self.lower, self.upper) = (phrase, language, lower, upper)
        (self.lowerOpen, self.upperOpen, self.family, self.metric) = (lowerOpen, upperOpen, family, metric)
    }

    var testDescription: String { "\(language): \"\(phrase)\"" }
}

@Suite("Figures in Ukrainian, Russian and German: each family, its forms and digits, the language told")
struct LanguageFigureTests {
    @Test("every family in each language, told from the phrase's words", arguments: [
        // Ukrainian: cases and genders, hundreds as one word, spaces between groups, a decimal comma.
        LanguageCase("23", "en", 23, 23, .exact),
        LanguageCase("двадцяти трьох", "uk", 23, 23, .exact),
        LanguageCase("двісті сорок п'ять", "uk", 245, 245, .exact),
        LanguageCase("п’ятьох загиблих", "uk", 5, 5, .exact, metric: "killed"),
        LanguageCase("двоє поранених", "uk", 2, 2, .exact, metric: "injured"),
        LanguageCase("1 000 осіб", "uk", 1000, 1000, .exact),
        LanguageCase("1,5 тис. людей", "uk", 1500, 1500, .exact),
        LanguageCase("півтори тисячі", "uk", 1500, 1500, .exact),
        LanguageCase("щонайменше 23 загиблих", "uk", 23, nil, .lowerBoundClosed, metric: "killed"),
        LanguageCase("понад 400 дронів", "uk", 400, nil, lowerOpen: true, .lowerBoundOpen, metric: "drones"),
        LanguageCase("до 50 ракет", "uk", 0, 50, .upperBoundClosed, metric: "missiles"),
        LanguageCase("менше 10", "uk", 0, 10, upperOpen: true, .upperBoundOpen),
        LanguageCase("майже 500", "uk", 450, 500, upperOpen: true, .nearBelow),
        LanguageCase("близько 80", "uk", 72, 88, .approximate),
        LanguageCase("від 20 до 25", "uk", 20, 25, .range),
        LanguageCase("десятки загиблих", "uk", 20, 100, upperOpen: true, .vague, metric: "killed"),
        LanguageCase("кілька сотень", "uk", 300, 1000, upperOpen: true, .vague),
        LanguageCase("десятки тисяч", "uk", 20_000, 100_000, upperOpen: true, .vague),
        LanguageCase("жодного загиблого", "uk", 0, 0, .zero, metric: "killed"),
        LanguageCase("23 і більше", "uk", 23, nil, .lowerBoundClosed),
        // Russian.
        LanguageCase("двадцати трёх", "ru", 23, 23, .exact),
        LanguageCase("четыреста сорока четыре", "ru", 444, 444, .exact),
        LanguageCase("три с половиной тысячи", "ru", 3500, 3500, .exact),
        LanguageCase("не менее 23 погибших", "ru", 23, nil, .lowerBoundClosed, metric: "killed"),
        LanguageCase("более 130 раненых", "ru", 130, nil, lowerOpen: true, .lowerBoundOpen, metric: "injured"),
        LanguageCase("свыше 400 беспилотников", "ru", 400, nil, lowerOpen: true, .lowerBoundOpen, metric: "drones"),
        LanguageCase("не более 50", "ru", 0, 50, .upperBoundClosed),
        LanguageCase("менее 10", "ru", 0, 10, upperOpen: true, .upperBoundOpen),
        LanguageCase("почти 500", "ru", 450, 500, upperOpen: true, .nearBelow),
        LanguageCase("около 80", "ru", 72, 88, .approximate),
        LanguageCase("от 20 до 25", "ru", 20, 25, .range),
        LanguageCase("сотни погибших", "ru", 200, 1000, upperOpen: true, .vague, metric: "killed"),
        LanguageCase("несколько десятков", "ru", 30, 100, upperOpen: true, .vague),
        LanguageCase("никто", "ru", 0, 0, .zero),
        LanguageCase("100 с лишним", "ru", 100, 110, lowerOpen: true, .nearAbove),
        // German: compounds, points between groups, the decimal comma, the long scale.
        LanguageCase("dreiundzwanzig", "de", 23, 23, .exact),
        LanguageCase("zweihundertfünfzig Tote", "de", 250, 250, .exact, metric: "killed"),
        LanguageCase("1,5 Millionen", "de", 1_500_000, 1_500_000, .exact),
        LanguageCase("zwei Milliarden", "de", 2e9, 2e9, .exact),
        LanguageCase("anderthalb Millionen", "de", 1_500_000, 1_500_000, .exact),
        LanguageCase("mindestens 28 Tote", "de", 28, nil, .lowerBoundClosed, metric: "killed"),
        LanguageCase("mehr als 130 Verletzte", "de", 130, nil, lowerOpen: true, .lowerBoundOpen, metric: "injured"),
        LanguageCase("bis zu 50 Raketen", "de", 0, 50, .upperBoundClosed, metric: "missiles"),
        LanguageCase("weniger als 10", "de", 0, 10, upperOpen: true, .upperBoundOpen),
        LanguageCase("fast 500", "de", 450, 500, upperOpen: true, .nearBelow),
        LanguageCase("rund 80", "de", 72, 88, .approximate),
        LanguageCase("zwischen 20 und 25", "de", 20, 25, .range),
        LanguageCase("Dutzende Tote", "de", 24, 100, upperOpen: true, .vague, metric: "killed"),
        LanguageCase("Zehntausende", "de", 20_000, 100_000, upperOpen: true, .vague),
        LanguageCase("niemand", "de", 0, 0, .zero),
        LanguageCase("28 oder mehr", "de", 28, nil, .lowerBoundClosed),
    ])
    func family(_ c: LanguageCase) throws {
        let parsed = try FigureParser().parse(c.phrase)
        #expect(parsed.language.code == c.language)
        #expect(parsed.figure.lower == c.lower && parsed.figure.upper == c.upper, "\(parsed.figure.intervalDescription)")
        #expect(parsed.figure.lowerOpen == c.lowerOpen && parsed.figure.upperOpen == c.upperOpen)
        #expect(parsed.family == c.family)
        #expect(parsed.metric == c.metric)
    }

    @Test("digits read by the language's conventions when it is given", arguments: [
        ("1.000", "en", 1.0), ("1.000", "de", 1000), ("1,5", "de", 1.5), ("1,5", "uk", 1.5), ("1,500", "en", 1500),
        ("1,500", "de", 1.5), ("1 000", "ru", 1000), ("3М", "ru", 3_000_000), ("100к", "uk", 100_000), ("3 М", "ru", 3_000_000),
    ] as [(String, String, Double)])
    func digits(_ phrase: String, _ code: String, _ value: Double) throws {
        let parsed = try FigureParser(language: Language(code)).parse(phrase)
        #expect(parsed.figure.lower == value && parsed.figure.upper == value)
    }

    @Test("a word a language does not know is refused by name, never dropped", arguments: [
        ("mindestens 28", "en", "\"mindestens 28\": \"mindestens\" is not understood here"),
        ("щонайменше 23", "de", "\"щонайменше 23\": \"щонайменше\" is not understood here"),
        ("багато загиблих", "uk", "\"багато загиблих\": \"багато\" is too vague to give a figure"),
        ("viele Tote", "de", "\"viele Tote\": \"viele\" is too vague to give a figure"),
        ("от 30 до 20", "ru", "\"от 30 до 20\": reversed range: 30 is above 20"),
        ("мінус 5", "uk", "\"мінус 5\": \"мінус 5\" is negative; a figure is never below zero"),
    ])
    func refused(_ phrase: String, _ code: String, _ message: String) {
        #expect(throws: FigureError.self) { try FigureParser(language: Language(code)).parse(phrase) }
        do {
            _ = try FigureParser(language: Language(code)).parse(phrase)
        } catch {
            #expect(error.message == message)
        }
    }

    @Test("a language is named by its code or its English name, in any case")
    func names() {
        #expect(Language("UK")?.code == "uk")
        #expect(Language("German")?.code == "de")
        #expect(Language("fr") == nil)
        #expect(Language.all.map(\.code) == ["en", "uk", "ru", "de"])
    }

    @Test("every language's tables compile, and every built-in metric word names a metric of the vocabulary")
    func tables() {
        let known = Set(MetricVocabulary.standard.metrics.map(\.id))
        for language in LanguageTables.all {
            #expect(Lexicon(language, vocabulary: .standard).language.code == language.code)
            for (metric, _) in language.metricWords { #expect(known.contains(metric), "\(language.code): \(metric)") }
            for action in language.actions { #expect(known.contains(action.becomes), "\(language.code): \(action.becomes)") }
        }
    }
}
