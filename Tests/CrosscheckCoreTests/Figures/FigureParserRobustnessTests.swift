import Testing
@testable import CrosscheckCore

@Suite("Never a crash: any string gives a figure or an error")
struct FigureParserRobustnessTests {
    /// Pieces that push at the parser's edges: digits, separators, the words it knows, other
    /// scripts, control characters, and symbols it does not.
    static let pieces: [String] = [
        "0", "7", "23", "1,200", "999999999999999", "9999999999999999999999", "00", "1.5", ".", ",", " ",
        "\u{2009}", "\u{A0}", "\u{202F}", "-", "–", "—", "+", "~", "%", "$", "€", "/", ":", "'", "\"",
        "at least", "more than", "about", "nearly", "between", "and", "to", "or", "or more", "a", "an",
        "half", "point", "dozen", "dozens", "hundred", "thousand", "million", "billion", "trillion",
        "k", "bn", "m", "th", "e", "killed", "drones", "people", "of", "no", "none", "several", "a few",
        "twenty", "three", "first", "June", "May", "a.m.", "٣", "１", "〇", "中", "ж", "\u{0}", "\u{7}",
        "\u{1B}[31m", "\u{7F}", "\u{85}", "\u{200B}", "\u{FEFF}", "Ⅻ", "🙂", "e\u{301}", "\u{10FFFF}", "ǅ",
    ]

    @Test("random phrases built from known and hostile pieces")
    func randomPieces() {
        let parser = FigureParser()
        var random = SplitMix64(state: 20_251_125)
        for _ in 0..<20_000 {
            let count = Int.random(in: 1...8, using: &random)
            let phrase = (0..<count).map { _ in Self.pieces.randomElement(using: &random)! }
                .joined(separator: Bool.random(using: &random) ? " " : "")
            assertResultOrError(parser, phrase)
        }
    }

    @Test("random Unicode scalars")
    func randomScalars() {
        let parser = FigureParser()
        var random = SplitMix64(state: 42)
        for _ in 0..<5_000 {
            var phrase = ""
            for _ in 0..<Int.random(in: 1...24, using: &random) {
                let value = Bool.random(using: &random)
                    ? UInt32.random(in: 0...0x7F, using: &random)
                    : UInt32.random(in: 0...0x10FFFF, using: &random)
                if let scalar = Unicode.Scalar(value) { phrase.unicodeScalars.append(scalar) }
            }
            assertResultOrError(parser, phrase)
        }
    }

    @Test("long inputs finish and are refused or read")
    func long() {
        let phrases = [
            String(repeating: "9", count: 100_000),
            String(repeating: "1,000", count: 20_000),
            "at least " + String(repeating: "very ", count: 10_000) + "23",
            String(repeating: "twenty ", count: 10_000),
            String(repeating: "a ", count: 10_000) + "dozen",
            String(repeating: "-", count: 50_000) + "5",
            "0." + String(repeating: "0", count: 50_000) + "1",
            String(repeating: "〇Ⅻ", count: 10_000),
        ]
        for phrase in phrases { assertResultOrError(FigureParser(), phrase) }
    }

    private func assertResultOrError(_ parser: FigureParser, _ phrase: String) {
        do {
            let parsed = try parser.parse(phrase)
            let figure = parsed.figure
            #expect(figure.lower >= 0 && figure.lower.isFinite, "\(phrase.debugDescription)")
            if let upper = figure.upper { #expect(upper >= figure.lower && upper.isFinite, "\(phrase.debugDescription)") }
        } catch {
            #expect(!error.message.isEmpty && !error.message.contains("\n"), "\(phrase.debugDescription)")
        }
    }
}
