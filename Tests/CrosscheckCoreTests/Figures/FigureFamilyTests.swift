import Testing
@testable import CrosscheckCore

/// One phrase and the figure a reader must get from it.
struct FigureCase: CustomTestStringConvertible, Sendable {
    let phrase: String
    let figure: Figure
    let family: PhraseFamily
    let metric: String?

    init(_ phrase: String, _ figure: Figure, _ family: PhraseFamily, metric: String? = nil) {
        self.phrase = phrase
        self.figure = figure
        self.family = family
        self.metric = metric
    }

    var testDescription: String { "\"\(phrase)\"" }
}

private func point(_ n: Double) -> Figure { .exactly(n) }

private func interval(
    _ lower: Double, _ upper: Double?, lowerOpen: Bool = false, upperOpen: Bool = false,
    approximate: Bool = false, coded: Double?, kind: FigureKind = .count, unit: String? = nil
) -> Figure {
    Figure(lower: lower, upper: upper, lowerOpen: lowerOpen, upperOpen: upperOpen,
           approximate: approximate, kind: kind, unit: unit, coded: coded)
}

private func check(_ c: FigureCase, tolerance: Double = 0.1) throws {
    let parsed = try FigureParser(tolerance: tolerance).parse(c.phrase)
    #expect(parsed.figure == c.figure, "\(c.phrase)")
    #expect(parsed.family == c.family, "\(c.phrase)")
    #expect(parsed.metric == c.metric, "\(c.phrase)")
}

@Suite("Phrase families, as DESIGN.md's table gives them")
struct FigureFamilyTests {
    @Test("exact: [n, n]", arguments: [
        FigureCase("23", point(23), .exact),
        FigureCase("1,200", point(1200), .exact),
        FigureCase("1 200", point(1200), .exact),
        FigureCase("1\u{2009}200", point(1200), .exact),
        FigureCase("1\u{A0}200\u{A0}000", point(1_200_000), .exact),
        FigureCase("twenty-three", point(23), .exact),
        FigureCase("twenty three", point(23), .exact),
        FigureCase("a dozen", point(12), .exact),
        FigureCase("two dozen", point(24), .exact),
        FigureCase("3 dozen", point(36), .exact),
        FigureCase("half a dozen", point(6), .exact),
        FigureCase("1.5 million", point(1_500_000), .exact),
        FigureCase("3bn", point(3_000_000_000), .exact),
        FigureCase("1.2k", point(1200), .exact),
        FigureCase("2.33 k", point(2330), .exact),
        FigureCase("two hundred and forty", point(240), .exact),
        FigureCase("one hundred twenty-three", point(123), .exact),
        FigureCase("seventeen hundred", point(1700), .exact),
        FigureCase("twenty-five hundred", point(2500), .exact),
        FigureCase("half a million", point(500_000), .exact),
        FigureCase("a hundred", point(100), .exact),
        FigureCase("a thousand", point(1000), .exact),
        FigureCase("one trillion", point(1e12), .exact),
        FigureCase("two hundred thousand", point(200_000), .exact),
        FigureCase("thirty-one million two hundred fifty-six thousand seven hundred twenty-one", point(31_256_721), .exact),
        FigureCase("2 and a half million", point(2_500_000), .exact),
        FigureCase("two and a half million", point(2_500_000), .exact),
        FigureCase("a million and a half", point(1_500_000), .exact),
        FigureCase("one point five million", point(1_500_000), .exact),
        FigureCase("12.5", point(12.5), .exact),
        FigureCase("exactly 42", point(42), .exact),
        FigureCase("an additional 3,000", point(3000), .exact),
        FigureCase("a total of 28", point(28), .exact),
        FigureCase("another 10", point(10), .exact),
        FigureCase("1,212 bodies", point(1212), .exact, metric: "bodies-repatriated"),
        FigureCase("nine fatalities", point(9), .exact, metric: "killed"),
        FigureCase("15 people died", point(15), .exact, metric: "killed"),
        FigureCase("440 drones", point(440), .exact, metric: "drones"),
        FigureCase("32 cruise missiles", point(32), .exact, metric: "missiles"),
        FigureCase("the death toll rose to 28", point(28), .exact, metric: "killed"),
        FigureCase("23 may have died", point(23), .exact, metric: "killed"),
    ])
    func exact(_ c: FigureCase) throws { try check(c) }

    @Test("lower bound, closed: [n, ∞), coded n", arguments: [
        FigureCase("at least 23", interval(23, nil, coded: 23), .lowerBoundClosed),
        FigureCase("at least 23 killed", interval(23, nil, coded: 23), .lowerBoundClosed, metric: "killed"),
        FigureCase("no fewer than 10", interval(10, nil, coded: 10), .lowerBoundClosed),
        FigureCase("no less than thirty", interval(30, nil, coded: 30), .lowerBoundClosed),
        FigureCase("a minimum of 5", interval(5, nil, coded: 5), .lowerBoundClosed),
        FigureCase("23 or more", interval(23, nil, coded: 23), .lowerBoundClosed),
        FigureCase("400+", interval(400, nil, coded: 400), .lowerBoundClosed),
        FigureCase("400+ drones", interval(400, nil, coded: 400), .lowerBoundClosed, metric: "drones"),
        FigureCase("400-plus", interval(400, nil, coded: 400), .lowerBoundClosed),
        FigureCase("400 plus drones", interval(400, nil, coded: 400), .lowerBoundClosed, metric: "drones"),
        FigureCase("killing at least 23 people", interval(23, nil, coded: 23), .lowerBoundClosed, metric: "killed"),
    ])
    func lowerClosed(_ c: FigureCase) throws { try check(c) }

    @Test("lower bound, open: (n, ∞), coded n+1", arguments: [
        FigureCase("more than 400", interval(400, nil, lowerOpen: true, coded: 401), .lowerBoundOpen),
        FigureCase("over 130", interval(130, nil, lowerOpen: true, coded: 131), .lowerBoundOpen),
        FigureCase("upwards of 50", interval(50, nil, lowerOpen: true, coded: 51), .lowerBoundOpen),
        FigureCase("in excess of 1,000", interval(1000, nil, lowerOpen: true, coded: 1001), .lowerBoundOpen),
        FigureCase("above 20", interval(20, nil, lowerOpen: true, coded: 21), .lowerBoundOpen),
        FigureCase("exceeding 3000", interval(3000, nil, lowerOpen: true, coded: 3001), .lowerBoundOpen),
        FigureCase("more than 440 drones", interval(440, nil, lowerOpen: true, coded: 441), .lowerBoundOpen, metric: "drones"),
        FigureCase("more than a dozen", interval(12, nil, lowerOpen: true, coded: 13), .lowerBoundOpen),
        FigureCase("displaced more than 6 million", interval(6e6, nil, lowerOpen: true, coded: 6e6 + 1), .lowerBoundOpen, metric: "displaced"),
    ])
    func lowerOpen(_ c: FigureCase) throws { try check(c) }

    @Test("upper bound, closed: [0, n], no coded figure", arguments: [
        FigureCase("up to 50", interval(0, 50, coded: nil), .upperBoundClosed),
        FigureCase("at most 7", interval(0, 7, coded: nil), .upperBoundClosed),
        FigureCase("no more than 5", interval(0, 5, coded: nil), .upperBoundClosed),
        FigureCase("a maximum of 300", interval(0, 300, coded: nil), .upperBoundClosed),
        FigureCase("50 or fewer", interval(0, 50, coded: nil), .upperBoundClosed),
        FigureCase("as many as 60 people killed", interval(0, 60, coded: nil), .upperBoundClosed, metric: "killed"),
    ])
    func upperClosed(_ c: FigureCase) throws { try check(c) }

    @Test("upper bound, open: [0, n), no coded figure", arguments: [
        FigureCase("fewer than 10", interval(0, 10, upperOpen: true, coded: nil), .upperBoundOpen),
        FigureCase("less than 3.5", interval(0, 3.5, upperOpen: true, coded: nil), .upperBoundOpen),
        FigureCase("under 170", interval(0, 170, upperOpen: true, coded: nil), .upperBoundOpen),
        FigureCase("below 1,500", interval(0, 1500, upperOpen: true, coded: nil), .upperBoundOpen),
    ])
    func upperOpen(_ c: FigureCase) throws { try check(c) }

    @Test("near, below: [n(1−δ), n), coded ⌈n(1−δ)⌉", arguments: [
        FigureCase("nearly 500", interval(450, 500, upperOpen: true, approximate: true, coded: 450), .nearBelow),
        FigureCase("almost 3,000", interval(2700, 3000, upperOpen: true, approximate: true, coded: 2700), .nearBelow),
        FigureCase("nearly 3,000", interval(2700, 3000, upperOpen: true, approximate: true, coded: 2700), .nearBelow),
        FigureCase("just under 95", interval(85.5, 95, upperOpen: true, approximate: true, coded: 86), .nearBelow),
        FigureCase("close to 1 million", interval(900_000, 1e6, upperOpen: true, approximate: true, coded: 900_000), .nearBelow),
    ])
    func nearBelow(_ c: FigureCase) throws { try check(c) }

    @Test("near, above: (n, n(1+δ)], coded n+1", arguments: [
        FigureCase("just over 130", interval(130, 143, lowerOpen: true, approximate: true, coded: 131), .nearAbove),
        FigureCase("slightly more than 20", interval(20, 22, lowerOpen: true, approximate: true, coded: 21), .nearAbove),
        FigureCase("40-odd", interval(40, 44, lowerOpen: true, approximate: true, coded: 41), .nearAbove),
    ])
    func nearAbove(_ c: FigureCase) throws { try check(c) }

    @Test("approximate: [n(1−δ), n(1+δ)], coded n", arguments: [
        FigureCase("about 80", interval(72, 88, approximate: true, coded: 80), .approximate),
        FigureCase("around 130", interval(117, 143, approximate: true, coded: 130), .approximate),
        FigureCase("roughly 1,000", interval(900, 1100, approximate: true, coded: 1000), .approximate),
        FigureCase("approximately 50", interval(45, 55, approximate: true, coded: 50), .approximate),
        FigureCase("some 80 wounded", interval(72, 88, approximate: true, coded: 80), .approximate, metric: "injured"),
        FigureCase("an estimated 3,000", interval(2700, 3300, approximate: true, coded: 3000), .approximate),
        FigureCase("~100", interval(90, 110, approximate: true, coded: 100), .approximate),
        FigureCase("circa 100", interval(90, 110, approximate: true, coded: 100), .approximate),
        FigureCase("100 or so", interval(90, 110, approximate: true, coded: 100), .approximate),
        FigureCase("a dozen or so", interval(10.8, 13.2, approximate: true, coded: 12), .approximate),
    ])
    func approximate(_ c: FigureCase) throws { try check(c) }

    @Test("range: [a, b], coded a", arguments: [
        FigureCase("between 20 and 25", interval(20, 25, coded: 20), .range),
        FigureCase("20-25", interval(20, 25, coded: 20), .range),
        FigureCase("20–25", interval(20, 25, coded: 20), .range),
        FigureCase("20 - 25", interval(20, 25, coded: 20), .range),
        FigureCase("20 to 25", interval(20, 25, coded: 20), .range),
        FigureCase("from 20 to 25", interval(20, 25, coded: 20), .range),
        FigureCase("20 or 25", interval(20, 25, coded: 20), .range),
        FigureCase("one or two", interval(1, 2, coded: 1), .range),
        FigureCase("between two and three thousand", interval(2000, 3000, coded: 2000), .range),
        FigureCase("2-3 million", interval(2e6, 3e6, coded: 2e6), .range),
        FigureCase("between 500 and 2 thousand", interval(500, 2000, coded: 500), .range),
        FigureCase("5k-20k", interval(5000, 20_000, coded: 5000), .range),
        FigureCase("between 20 and 25 killed", interval(20, 25, coded: 20), .range, metric: "killed"),
        FigureCase("about 20 to 25", interval(18, 27.5, approximate: true, coded: 20), .range),
    ])
    func range(_ c: FigureCase) throws { try check(c) }

    @Test("vague: the table of DESIGN.md, approximate", arguments: [
        FigureCase("a couple", interval(2, 3, approximate: true, coded: 2), .vague),
        FigureCase("a couple of", interval(2, 3, approximate: true, coded: 2), .vague),
        FigureCase("a few", interval(2, 5, approximate: true, coded: 2), .vague),
        FigureCase("several", interval(3, 9, approximate: true, coded: 3), .vague),
        FigureCase("a handful", interval(3, 9, approximate: true, coded: 3), .vague),
        FigureCase("dozens", interval(24, 100, upperOpen: true, approximate: true, coded: 12), .vague),
        FigureCase("dozens of missiles", interval(24, 100, upperOpen: true, approximate: true, coded: 12), .vague, metric: "missiles"),
        FigureCase("a few dozen", interval(24, 72, approximate: true, coded: 24), .vague),
        FigureCase("several dozen", interval(36, 108, approximate: true, coded: 36), .vague),
        FigureCase("scores", interval(40, 100, upperOpen: true, approximate: true, coded: 40), .vague),
        FigureCase("tens", interval(20, 100, upperOpen: true, approximate: true, coded: 10), .vague),
        FigureCase("hundreds", interval(200, 1000, upperOpen: true, approximate: true, coded: 100), .vague),
        FigureCase("several hundred", interval(300, 1000, upperOpen: true, approximate: true, coded: 300), .vague),
        FigureCase("thousands", interval(2000, 10_000, upperOpen: true, approximate: true, coded: 1000), .vague),
        FigureCase("tens of thousands", interval(20_000, 100_000, upperOpen: true, approximate: true, coded: 10_000), .vague),
        FigureCase("hundreds of thousands", interval(200_000, 1e6, upperOpen: true, approximate: true, coded: 100_000), .vague),
        FigureCase("millions", interval(2e6, 1e7, upperOpen: true, approximate: true, coded: 1e6), .vague),
        // The rules carried to magnitudes outside the table.
        FigureCase("several thousand", interval(3000, 10_000, upperOpen: true, approximate: true, coded: 3000), .vague),
        FigureCase("a few hundred", interval(200, 600, approximate: true, coded: 200), .vague),
        FigureCase("a couple of hundred", interval(200, 300, approximate: true, coded: 200), .vague),
        FigureCase("tens of millions", interval(2e7, 1e8, upperOpen: true, approximate: true, coded: 1e7), .vague),
        FigureCase("at least dozens", interval(24, nil, approximate: true, coded: 12), .vague),
    ])
    func vague(_ c: FigureCase) throws { try check(c) }

    @Test("zero: [0, 0], coded 0", arguments: [
        FigureCase("no one", point(0), .zero),
        FigureCase("no-one", point(0), .zero),
        FigureCase("none", point(0), .zero),
        FigureCase("nobody", point(0), .zero),
        FigureCase("zero", point(0), .zero),
        FigureCase("0", point(0), .zero),
        FigureCase("no deaths", point(0), .zero, metric: "killed"),
        FigureCase("no one was killed", point(0), .zero, metric: "killed"),
        FigureCase("not a single drone", point(0), .zero, metric: "drones"),
    ])
    func zero(_ c: FigureCase) throws { try check(c) }

    @Test("kinds: percent, money with its unit, ordinal", arguments: [
        FigureCase("40%", .exactly(40, kind: .percent), .exact),
        FigureCase("12.5 per cent", .exactly(12.5, kind: .percent), .exact),
        FigureCase("forty percent", .exactly(40, kind: .percent), .exact),
        FigureCase("more than 40%", interval(40, nil, lowerOpen: true, coded: 41, kind: .percent), .lowerBoundOpen),
        FigureCase("10-20%", interval(10, 20, coded: 10, kind: .percent), .range),
        FigureCase("5 percentage points", .exactly(5, kind: .percent, unit: "percentage points"), .exact),
        FigureCase("$3m", .exactly(3e6, kind: .money, unit: "USD"), .exact),
        FigureCase("€1.2bn", .exactly(1.2e9, kind: .money, unit: "EUR"), .exact),
        FigureCase("£40", .exactly(40, kind: .money, unit: "GBP"), .exact),
        FigureCase("100k€", .exactly(100_000, kind: .money, unit: "EUR"), .exact),
        FigureCase("US$ 1MM", .exactly(1e6, kind: .money, unit: "USD"), .exact),
        FigureCase("3 million dollars", .exactly(3e6, kind: .money, unit: "USD"), .exact),
        FigureCase("UAH 100 million", .exactly(1e8, kind: .money, unit: "UAH"), .exact),
        FigureCase("$10-$20", interval(10, 20, coded: 10, kind: .money, unit: "USD"), .range),
        FigureCase("fourth", .exactly(4, kind: .ordinal), .ordinal),
        FigureCase("12th", .exactly(12, kind: .ordinal), .ordinal),
        FigureCase("twenty-first", .exactly(21, kind: .ordinal), .ordinal),
        FigureCase("one hundred and first", .exactly(101, kind: .ordinal), .ordinal),
    ])
    func kinds(_ c: FigureCase) throws { try check(c) }

    @Test("δ is a parameter")
    func tolerance() throws {
        let parser = FigureParser(tolerance: 0.2)
        #expect(try parser.parse("about 80").figure == interval(64, 96, approximate: true, coded: 80))
        #expect(try parser.parse("nearly 500").figure == interval(400, 500, upperOpen: true, approximate: true, coded: 400))
        #expect(try parser.parse("just over 130").figure == interval(130, 156, lowerOpen: true, approximate: true, coded: 131))
        let exact = FigureParser(tolerance: 0)
        #expect(try exact.parse("about 80").figure == interval(80, 80, approximate: true, coded: 80))
    }

    @Test("users extend the metric vocabulary")
    func extendedVocabulary() throws {
        var vocabulary = MetricVocabulary.standard
        vocabulary.add(Metric(id: "shelters", kind: .snapshot, aliases: ["bomb shelters", "shelters opened"]))
        let parser = FigureParser(vocabulary: vocabulary)
        #expect(try parser.parse("at least 40 bomb shelters").metric == "shelters")
        #expect(try FigureParser().parse("at least 40 bomb shelters").metric == nil)
    }
}
