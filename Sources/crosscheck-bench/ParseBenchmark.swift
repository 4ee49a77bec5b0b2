import CrosscheckCore

/// Parse throughput on a million phrases drawn from every phrase family, on one core.
enum ParseBenchmark {
    /// One phrase per family and kind, with the figure's lower end it must give.
    static let phrases: [(String, Double)] = [
        ("23", 23), ("1,212 bodies", 1212), ("twenty-three", 23), ("1.5 million", 1_500_000), ("3bn", 3e9),
        ("two hundred and forty", 240), ("a dozen", 12), ("at least 23 killed", 23), ("400+ drones", 400),
        ("23 or more", 23), ("more than 400", 400), ("over 130 injured", 130), ("up to 50", 0),
        ("no more than 5", 0), ("fewer than 10", 0), ("nearly 500", 450), ("just over 130", 130),
        ("about 80", 72), ("some 80 wounded", 72), ("an estimated 3,000", 2700), ("between 20 and 25", 20),
        ("20-25", 20), ("between two and three thousand", 2000), ("a few", 2), ("several", 3),
        ("dozens of missiles", 24), ("hundreds", 200), ("tens of thousands", 20_000), ("no one", 0),
        ("none", 0), ("40%", 40), ("$3m", 3e6), ("€1.2bn", 1.2e9), ("fourth", 4), ("12th", 12),
        ("nine fatalities", 9), ("15 people died", 15), ("killing at least 23 people", 23),
        ("the death toll rose to 28", 28), ("more than 440 drones", 440), ("32 cruise missiles", 32),
    ]

    static func run() throws {
        let parser = FigureParser()
        let count = 1_000_000
        let mix = (0..<count).map { phrases[$0 % phrases.count].0 }
        for (phrase, lower) in phrases {
            let parsed = try parser.parse(phrase)
            verify(parsed.figure.lower == lower, "\"\(phrase)\" gave lower \(parsed.figure.lower), not \(lower)")
        }
        var checksum = 0.0
        let seconds = try median(repeats: 5) {
            checksum = 0
            for phrase in mix { checksum += try parser.parse(phrase).figure.lower }
        }
        let expected = (0..<count).reduce(0.0) { $0 + phrases[$1 % phrases.count].1 }
        verify(abs(checksum - expected) < 1e-6 * expected, "checksum \(checksum), expected \(expected)")
        let rate = Double(count) / seconds
        print("parse: \(count) phrases of \(phrases.count) families and kinds in \(format(seconds, decimals: 3)) s "
              + "(median of 5): \(format(rate)) phrases/s, \(format(seconds / Double(count) * 1e9)) ns/phrase, one core")
    }
}
