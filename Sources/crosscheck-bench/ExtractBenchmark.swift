import Foundation
import CrosscheckCore

/// Extraction throughput on a generated corpus of news-style text, and the memory a scan holds.
enum ExtractBenchmark {
    /// Sentences in the styles of wire copy, live blogs and statements; `{}` takes a random number.
    /// Each comes with how many figures extraction must find in it.
    static let templates: [(String, Int)] = [
        ("Russia launched {} drones and {} missiles overnight, killing at least {} people and injuring over {}.", 4),
        ("The death toll rose to {} on Wednesday, the State Emergency Service said.", 1),
        ("Officials said the attack on June 17 was one of the largest since the 2022 invasion.", 0),
        ("A 45-year-old man was among the dead in a nine-storey building in the Solomianskyi district.", 0),
        ("Ukraine returned {} bodies, Russia {}.", 2),
        ("Nearly {} people were evacuated from the area, and dozens of missiles were shot down.", 2),
        ("The president met European leaders in Brussels to discuss further support for the country's air defences.", 0),
        ("Posted {} hours ago | {} Comments", 0),
        ("At 9:30 a.m. the sirens sounded again across the capital and in the surrounding region.", 0),
        ("Rescue teams worked through the night, clearing rubble and searching for survivors under the debris.", 0),
    ]

    /// The same kinds of sentences in Ukrainian, Russian and German, with how many figures each holds.
    static let otherLanguages: [(name: String, templates: [(String, Int)])] = [
        ("Ukrainian", [
            ("Внаслідок удару загинули щонайменше {} людей, ще {} поранені, повідомили в ДСНС.", 2),
            ("Станом на 09:00 збито {} ударних БпЛА та {} крилатих ракет.", 2),
            ("Росія атакувала Україну 19 червня 2025 року, кількість загиблих зросла до {}.", 1),
            ("Серед поранених є {}-річна жінка та двоє дітей.", 1),
            ("Президент провів зустріч з європейськими лідерами у Брюсселі щодо підтримки протиповітряної оборони.", 0),
            ("Рятувальники працювали всю ніч, розбираючи завали та шукаючи людей під уламками.", 0),
        ]),
        ("Russian", [
            ("В результате удара погибли не менее {} человек, еще {} ранены, сообщили в МЧС.", 2),
            ("За ночь силами ПВО уничтожены {} украинских беспилотников над регионами России.", 1),
            ("Число пострадавших возросло до {} человек, из них {} детей.", 2),
            ("Губернатор заявил, что спасатели продолжают работу на месте происшествия.", 0),
        ]),
        ("German", [
            ("Bei dem Angriff wurden mindestens {} Menschen getötet und mehr als {} verletzt, teilte die Polizei mit.", 2),
            ("Die ukrainische Luftwaffe meldete, dass {} von {} Drohnen abgeschossen wurden.", 2),
            ("Am 19. Juni 2025 stieg die Zahl der Toten auf {}.", 1),
            ("Der Bürgermeister sprach am Sonntag mit Journalisten über die Lage in der Stadt.", 0),
        ]),
    ]

    static func run() {
        let corpus = generate(megabytes: 50)
        let megabytes = Double(corpus.text.utf8.count) / 1_000_000
        var utf8 = corpus.text
        for (context, processors) in [(false, 1), (false, WorkerPool.processors), (true, WorkerPool.processors)] {
            var extractor = Extractor(language: ProcessInfo.processInfo.environment["CC_LANG"].flatMap(Language.init))
            extractor.includesContext = context
            extractor.processors = processors
            // The whole proposal, as annotate asks for it: the event's places and the report's publication.
            extractor.scopes = [Scope(id: "Kyiv", aliases: ["the capital"]), Scope(id: "Solomianskyi district", partOf: "Kyiv"), Scope(id: "Ukraine")]
            extractor.published = try? ReportedTime("2025-06-18T14:00+03:00")
            var found = 0
            let seconds = median(repeats: 3) {
                found = 0
                utf8.withUTF8 { bytes in
                    _ = extractor.scan(bytes, from: Extractor.Position()) { _ in found += 1 }
                }
            }
            verify(found == corpus.figures, "found \(found) figures, the corpus has \(corpus.figures)")
            print("extract (the whole proposal: metric, scope, speaker, time, clause)\(context ? ", with each figure's sentence around it" : ""): \(format(megabytes)) MB of "
                  + "news-style text, \(found) figures, in \(format(seconds, decimals: 3)) s (median of 3): "
                  + "\(format(megabytes / seconds, decimals: 1)) MB/s on \(processors == 1 ? "one core" : "\(processors) cores")")
        }
        firstProposal(corpus.text)
        let before = peakMemoryMB()
        // Another scan that keeps nothing: the peak must not move with the input.
        utf8.withUTF8 { bytes in _ = Extractor().scan(bytes, from: Extractor.Position()) { _ in } }
        print("extract: a scan of \(format(megabytes)) MB that keeps no mentions raised peak memory by "
              + "\(format(peakMemoryMB() - before, decimals: 1)) MB (peak \(format(peakMemoryMB())) MB, the corpus itself included)")
    }

    /// Extraction in Ukrainian, Russian and German.
    static func runLanguages() {
        for (name, templates) in otherLanguages { otherLanguage(name, templates) }
    }

    /// Extraction of 20 MB of text in another language, its language told sentence by sentence.
    static func otherLanguage(_ name: String, _ templates: [(String, Int)]) {
        var corpus = generate(megabytes: 20, from: templates)
        let megabytes = Double(corpus.text.utf8.count) / 1_000_000
        for processors in [1, WorkerPool.processors] {
            var extractor = Extractor()
            extractor.includesContext = false
            extractor.processors = processors
            var found = 0
            let seconds = median(repeats: 3) {
                found = 0
                corpus.text.withUTF8 { bytes in
                    _ = extractor.scan(bytes, from: Extractor.Position()) { _ in found += 1 }
                }
            }
            verify(found == corpus.figures, "\(name): found \(found) figures, the corpus has \(corpus.figures)")
            print("extract in \(name), the language told sentence by sentence: \(format(megabytes)) MB, \(found) figures, in "
                  + "\(format(seconds, decimals: 3)) s (median of 3): \(format(megabytes / seconds, decimals: 1)) MB/s on "
                  + "\(processors == 1 ? "one core" : "\(processors) cores")")
        }
    }

    /// What annotate does before its first proposal, on an article of 5,000 words: the event's own
    /// vocabulary compiled, then the whole text read.
    static func firstProposal(_ corpus: String) {
        var words = 0
        let article = String(corpus.prefix { character in
            if character == " " { words += 1 }
            return words < 5_000
        })
        var mentions = 0
        let seconds = median(repeats: 5) {
            var vocabulary = MetricVocabulary.standard
            vocabulary.add(Metric(id: "sheltering", kind: .snapshot, aliases: ["in shelters"]))
            var extractor = Extractor(vocabulary: vocabulary)
            extractor.scopes = [Scope(id: "Kyiv", aliases: ["the capital"]), Scope(id: "Ukraine")]
            extractor.published = try? ReportedTime("2025-06-18T14:00+03:00")
            mentions = extractor.extract(article).count
        }
        verify(mentions > 0, "no figures in the article")
        print("annotate's first proposal on a 5,000-word article (\(mentions) figures): the event's vocabulary compiled and the "
              + "text read in \(format(seconds * 1_000, decimals: 1)) ms (median of 5)")
    }

    /// Sentences drawn from the templates until the text is `megabytes` long, a paragraph every
    /// few sentences; returns the text and how many figures it holds.
    static func generate(megabytes: Int, from templates: [(String, Int)] = templates) -> (text: String, figures: Int) {
        var random = SplitMix64(state: 17)
        var text = ""
        text.reserveCapacity(megabytes * 1_000_000 + 1_000)
        var figures = 0
        var sentences = 0
        while text.utf8.count < megabytes * 1_000_000 {
            let (template, count) = templates[Int(random.next() % UInt64(templates.count))]
            var sentence = ""
            for piece in template.split(separator: "{}", omittingEmptySubsequences: false).enumerated() {
                if piece.offset > 0 { sentence += String(2 + random.next() % 998) }
                sentence += piece.element
            }
            text += sentence
            figures += count
            sentences += 1
            text += sentences % 5 == 0 ? "\n\n" : " "
        }
        return (text, figures)
    }
}

