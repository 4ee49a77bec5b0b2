import CrosscheckCore
import Foundation
import Testing

/// The labelled corpora of real Ukrainian, Russian and German reports (`Corpus/ukrainian.json`,
/// `russian.json`, `german.json`), read as a user reads them, with the language told sentence by
/// sentence: the figures found, their metrics, and the numbers that are no figure skipped.
@Suite("Extraction in Ukrainian, Russian and German, measured on labelled real reports")
struct LanguageCorpusTests {
    /// The floors each language holds: DESIGN's goals.
    static let floors = (found: 0.95, metric: 0.85, skipped: 0.90)

    @Test("each corpus holds forty figures or more, every label's words in its text", arguments: ["ukrainian", "russian", "german"])
    func wellFormed(_ name: String) throws {
        let corpus = try LabelledCorpus.load(name)
        let reports = corpus.events.flatMap(\.reports)
        #expect(reports.reduce(0) { $0 + $1.figures.count } >= 40)
        #expect(reports.reduce(0) { $0 + ($1.nonFigures?.count ?? 0) } >= 10)
        ExtractionCorpusTests.expectWellFormed(corpus)
    }

    @Test("figures found, metrics right and non-figures skipped hold their floors", arguments: ["ukrainian", "russian", "german"])
    func rates(_ name: String) throws {
        let score = ExtractionCorpusTests.score(try LabelledCorpus.load(name))
        let skipped = score.rate(score.nonFiguresSkipped, score.nonFigures)
        print("\(name) \(score); non-figures skipped \(score.nonFiguresSkipped)/\(score.nonFigures) (\(String(format: "%.1f", 100 * skipped))%)")
        for miss in score.misses { print("  \(miss)") }
        #expect(score.rate(score.found, score.figures) >= Self.floors.found, "\(name): figures found")
        #expect(score.rate(score.metricsRight, score.metrics) >= Self.floors.metric, "\(name): metrics right")
        #expect(skipped >= Self.floors.skipped, "\(name): non-figures skipped")
    }

    @Test("dates, times, years, ages and storeys in each language are no figures; the figures beside them are", arguments: [
        ("Станом на 19.06 о 12.00 у 2025 році загинули 23 людини, серед них 45-річний чоловік.", ["23"]),
        ("9 августа в 8.00 мск сбиты 7 БПЛА, погибла 50-летняя женщина.", ["7"]),
        ("Am 19. Juni 2025 um 16 Uhr wurden 23 Menschen getötet, darunter Kinder im Alter von 5 Jahren.", ["23"]),
        ("Двоє дітей 7 і 9 років поранені, пошкоджено 5-поверховий будинок.", ["Двоє"]),
    ])
    func notFigures(_ text: String, _ figures: [String]) {
        #expect(Extractor().extract(text).map(\.text) == figures)
    }

    @Test("the language of each sentence is told from its own words, whatever the one before it was")
    func toldBySentence() {
        let mentions = Extractor().extract("Загинули 23 людини. Погибли 23 человека. 23 Menschen starben. 23 people died.")
        #expect(mentions.map(\.language.code) == ["uk", "ru", "de", "en"])
        #expect(mentions.map(\.metric) == ["killed", "killed", "killed", "killed"])
        let given = Extractor(language: Language("en")).extract("Bei dem Angriff starben mindestens 28 Menschen.")
        #expect(given.map(\.figure.lower) == [28] && given.first?.family == .exact && given.first?.metric == nil)
    }

    @Test("what each figure counts, from its noun, its verb or its toll, in each language", arguments: [
        ("Кількість загиблих зросла до 32 людей, серед них шестеро дітей.", ["killed", "killed"]),
        ("У ніч на 10 вересня ворог атакував 415 ударними БпЛА та 40 ракетами, з них збито 386 дронів.",
         ["drones", "missiles", "drones-downed"]),
        ("По данным Минздрава, пострадали 29 человек, из них 11 госпитализированы.", ["injured", "hospitalized"]),
        ("Число погибших при обрушении дома возросло до 17 человек.", ["killed"]),
        ("Die Zahl der Todesopfer stieg am Montag auf 45.", ["killed"]),
        ("Mehr als 70 Menschen wurden verletzt, darunter 15 Kinder.", ["injured", "injured"]),
    ])
    func counted(_ text: String, _ metrics: [String]) {
        #expect(Extractor().extract(text).map(\.metric) == metrics)
    }
}
