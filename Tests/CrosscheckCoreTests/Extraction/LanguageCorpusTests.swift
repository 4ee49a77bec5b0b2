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
        for report in reports {
            #expect(report.url.hasPrefix("http"))
            var occurrences: [String: Int] = [:]
            for label in report.figures {
                let occurrence = occurrences[label.words, default: 0]
                occurrences[label.words] = occurrence + 1
                #expect(ExtractionCorpusTests.span(of: label.words, occurrence: occurrence, in: report.text) != nil, "\(label.words)")
            }
        }
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
}
