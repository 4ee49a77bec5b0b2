import CrosscheckCore
import Foundation
import Testing

/// The labelled corpus of real reporting (`Corpus/english.json`): short clauses of real reports
/// of several events, every figure labelled by hand as the text says it before the extractor was
/// run on them. The test reports how much of it extraction gets right and holds the floors.
struct LabelledCorpus: Decodable {
    struct Scope: Decodable {
        var id: String
        var partOf: String?
        var aliases: [String]?
    }

    struct Label: Decodable {
        var words: String
        var lower: Double
        var upper: Double?
        var lowerOpen: Bool
        var upperOpen: Bool
        var metric: String?
        var scope: String?
        var attributedTo: String?
        var asOf: String?
    }

    struct Report: Decodable {
        var url: String
        var published: String?
        var text: String
        var figures: [Label]
        /// Numbers of the text that are no figure (dates, times, ages, ordinals), each to be skipped
        /// wherever its words stand.
        var nonFigures: [String]?
    }

    struct EventReports: Decodable {
        var id: String
        var kind: String
        /// Labelled after the rules were tuned on the others, and measured before any was tuned on it.
        var unseen: Bool?
        var scopes: [Scope]
        var reports: [Report]
    }

    var events: [EventReports]

    static func load(_ name: String = "english") throws -> LabelledCorpus {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Corpus"))
        return try JSONDecoder().decode(LabelledCorpus.self, from: Data(contentsOf: url))
    }
}

/// What extraction got right of the corpus, by question.
struct CorpusScore: CustomStringConvertible {
    var figures = 0, found = 0
    var metrics = 0, metricsRight = 0
    var scopes = 0, scopesRight = 0, attributions = 0, attributionsRight = 0, times = 0
    /// A scope or a speaker proposed where the text gives none.
    var scopesInvented = 0, attributionsInvented = 0
    var timesRight = 0, timesInvented = 0
    /// Mentions that are no labelled figure: proposals an analyst would have to skip.
    var extra = 0
    /// Numbers labelled as no figure, and how many of them no mention covers.
    var nonFigures = 0, nonFiguresSkipped = 0
    var misses: [String] = []

    func rate(_ right: Int, _ all: Int) -> Double { all == 0 ? 1 : Double(right) / Double(all) }

    var description: String {
        func percent(_ right: Int, _ all: Int) -> String { String(format: "%d/%d (%.1f%%)", right, all, 100 * rate(right, all)) }
        return "corpus: figures found \(percent(found, figures)), metric right \(percent(metricsRight, metrics)), "
            + "scope right \(percent(scopesRight, scopes)) (\(scopesInvented) where the text names none), "
            + "attribution right \(percent(attributionsRight, attributions)) (\(attributionsInvented) where the outlet speaks for itself); "
            + "as-of right \(percent(timesRight, times)) (\(timesInvented) where the text gives none); "
            + "\(extra) proposals that are no labelled figure"
    }
}

@Suite("Extraction measured on a labelled corpus of real reporting")
struct ExtractionCorpusTests {
    /// Where a label's words stand in its text: the n-th time those words occur, n counting the
    /// labels before it with the same words. Offsets in Unicode scalars, as mentions give them.
    /// `avoiding`: the spans of numbers labelled as no figure, which a figure's words never stand in
    /// ("9" is not the 9 of "Х-9").
    static func span(of words: String, occurrence: Int, in text: String, avoiding: [Range<Int>] = []) -> Range<Int>? {
        let haystack = Array(text.unicodeScalars), needle = Array(words.unicodeScalars)
        var seen = 0
        var start = 0
        while start + needle.count <= haystack.count {
            // Whole words only: "18" is not the end of "3,218".
            let bounded = (start == 0 || !isWordScalar(haystack[start - 1]))
                && (start + needle.count == haystack.count || !isWordScalar(haystack[start + needle.count]))
                && !avoiding.contains { $0.overlaps(start..<start + needle.count) }
            if bounded, Array(haystack[start..<start + needle.count]) == needle {
                if seen == occurrence { return start..<start + needle.count }
                seen += 1
                start += needle.count
            } else {
                start += 1
            }
        }
        return nil
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
    }

    static func score(_ corpus: LabelledCorpus, only include: (LabelledCorpus.EventReports) -> Bool = { _ in true }) -> CorpusScore {
        var score = CorpusScore()
        for event in corpus.events where include(event) {
            var extractor = Extractor()
            extractor.scopes = event.scopes.map { Scope(id: $0.id, partOf: $0.partOf, aliases: $0.aliases ?? []) }
            for report in event.reports {
                extractor.published = report.published.flatMap { try? ReportedTime($0) }
                let mentions = extractor.extract(report.text)
                var matched = Set<Int>()
                let notFigures = (report.nonFigures ?? []).flatMap { words in
                    (0...).lazy.map { span(of: words, occurrence: $0, in: report.text) }.prefix { $0 != nil }.compactMap { $0 }
                }
                var occurrences: [String: Int] = [:]
                for label in report.figures {
                    let occurrence = occurrences[label.words, default: 0]
                    occurrences[label.words] = occurrence + 1
                    score.figures += 1
                    if label.metric != nil { score.metrics += 1 }
                    if label.scope != nil { score.scopes += 1 }
                    if label.attributedTo != nil { score.attributions += 1 }
                    if label.asOf != nil { score.times += 1 }
                    guard let span = span(of: label.words, occurrence: occurrence, in: report.text, avoiding: notFigures),
                          let index = mentions.indices.first(where: { mentions[$0].start < span.upperBound && span.lowerBound < mentions[$0].end }) else {
                        score.misses.append("\(event.id): \"\(label.words)\" not found")
                        continue
                    }
                    matched.insert(index)
                    let figure = mentions[index].figure
                    guard figure.lower == label.lower, figure.upper == label.upper, figure.lowerOpen == label.lowerOpen,
                          figure.upperOpen == label.upperOpen else {
                        score.misses.append("\(event.id): \"\(label.words)\" read as \(figure.intervalDescription)")
                        continue
                    }
                    score.found += 1
                    let mention = mentions[index]
                    if let scope = label.scope {
                        if mention.scope == scope { score.scopesRight += 1 } else {
                            score.misses.append("\(event.id): \"\(label.words)\" scope \(mention.scope ?? "none"), labelled \(scope)")
                        }
                    } else if mention.scope != nil {
                        score.scopesInvented += 1
                    }
                    if let speaker = label.attributedTo {
                        if let proposed = mention.attributedTo, Self.sameParty(proposed, speaker) { score.attributionsRight += 1 } else {
                            score.misses.append("\(event.id): \"\(label.words)\" attributed to \(mention.attributedTo ?? "none"), labelled \(speaker)")
                        }
                    } else if mention.attributedTo != nil {
                        score.attributionsInvented += 1
                    }
                    if let time = label.asOf {
                        if mention.asOf?.description == time { score.timesRight += 1 } else {
                            score.misses.append("\(event.id): \"\(label.words)\" as of \(mention.asOf?.description ?? "none"), labelled \(time)")
                        }
                    } else if mention.asOf != nil {
                        score.timesInvented += 1
                    }
                    if let metric = label.metric {
                        if mentions[index].metric == metric {
                            score.metricsRight += 1
                        } else {
                            score.misses.append("\(event.id): \"\(label.words)\" metric \(mentions[index].metric ?? "none"), labelled \(metric)")
                        }
                    }
                }
                score.extra += mentions.indices.filter { !matched.contains($0) }.count
                for words in report.nonFigures ?? [] {
                    var occurrence = 0
                    while let span = span(of: words, occurrence: occurrence, in: report.text) {
                        occurrence += 1
                        score.nonFigures += 1
                        if let mention = mentions.first(where: { $0.start < span.upperBound && span.lowerBound < $0.end }) {
                            score.misses.append("\(event.id): \"\(words)\" is no figure, proposed as \"\(mention.text)\"")
                        } else {
                            score.nonFiguresSkipped += 1
                        }
                    }
                }
            }
        }
        return score
    }

    /// One party named two ways: the words of one name stand in the other ("Sheriff Joseph
    /// Lombardo" in "Sheriff Joseph Lombardo of the Las Vegas Metropolitan Police Department").
    static func sameParty(_ a: String, _ b: String) -> Bool {
        func words(_ text: String) -> [String] {
            text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init).filter { $0 != "the" && $0 != "s" }
        }
        let (x, y) = (words(a), words(b))
        guard !x.isEmpty, !y.isEmpty else { return false }
        func contains(_ long: [String], _ short: [String]) -> Bool {
            long.count >= short.count && (0...(long.count - short.count)).contains { Array(long[$0..<$0 + short.count]) == short }
        }
        return contains(x, y) || contains(y, x)
    }

    @Test("every label names a scope of its event and words its text holds")
    func labelsAreWellFormed() throws {
        let corpus = try LabelledCorpus.load()
        #expect(corpus.events.count >= 5)
        Self.expectWellFormed(corpus)
    }

    /// Every report has its address, and every label words its text holds and a scope of its event.
    static func expectWellFormed(_ corpus: LabelledCorpus) {
        for event in corpus.events {
            let scopes = Set(event.scopes.map(\.id))
            for report in event.reports {
                #expect(report.url.hasPrefix("http"))
                var occurrences: [String: Int] = [:]
                for label in report.figures {
                    let occurrence = occurrences[label.words, default: 0]
                    occurrences[label.words] = occurrence + 1
                    #expect(span(of: label.words, occurrence: occurrence, in: report.text) != nil, "\(label.words)")
                    #expect(label.scope.map(scopes.contains) ?? true, "\(event.id): \(label.scope ?? "")")
                }
            }
        }
    }

    @Test("figures found, metrics, scopes, attributions and times right hold their floors")
    func rates() throws {
        let corpus = try LabelledCorpus.load()
        let score = Self.score(corpus)
        print(score)
        for miss in score.misses { print("  " + miss) }
        print("unseen part, " + Self.score(corpus, only: { $0.unseen == true }).description)
        #expect(score.rate(score.found, score.figures) >= CorpusFloors.found)
        #expect(score.rate(score.metricsRight, score.metrics) >= CorpusFloors.metric)
        #expect(score.rate(score.scopesRight, score.scopes) >= CorpusFloors.scope)
        #expect(score.rate(score.attributionsRight, score.attributions) >= CorpusFloors.attribution)
        #expect(score.rate(score.timesRight, score.times) >= CorpusFloors.asOf)
    }
}

/// Just under what extraction reaches today: a change that reads the corpus worse fails.
enum CorpusFloors {
    // On 60 reports of 15 events (224 figures): found 221, metric 178/183, scope 130/151,
    // attribution 121/137, as-of 37/39. The five events marked `unseen` (15 reports, 69 figures),
    // measured before any rule was tuned on them, first gave found 95.7%, metric 72.7%, scope
    // 71.9%, attribution 68.4%, as-of 8/8.
    static let found = 0.98
    static let metric = 0.97
    static let scope = 0.85
    static let attribution = 0.88
    static let asOf = 0.94
}
