import Testing
@testable import CrosscheckCore

/// One expected mention: where it stands, its words, and what it counts.
struct Expected: Equatable, CustomStringConvertible {
    let start: Int, end: Int, text: String, metric: String?, words: String?
    init(_ start: Int, _ end: Int, _ text: String, _ metric: String?, _ words: String?) {
        (self.start, self.end, self.text, self.metric, self.words) = (start, end, text, metric, words)
    }
    var description: String { "\(start)..<\(end) \"\(text)\" \(metric ?? "-") (\(words ?? "-"))" }
}

private func mentions(_ text: String) -> [Expected] {
    Extractor().extract(text).map { Expected($0.start, $0.end, $0.text, $0.metric, $0.metricWords) }
}

@Suite("Extraction from news-style texts")
struct ExtractorTests {
    static let wire = """
KYIV, June 17 (Reuters) - Russia pounded Kyiv with more than 400 drones and dozens of missiles overnight, killing at least 23 people and injuring over 130, Ukrainian officials said on Tuesday.

It was one of the deadliest attacks on the capital since the 2022 invasion. A nine-storey building in the Solomianskyi district partially collapsed, and rescuers pulled 14 survivors from the rubble.

President Volodymyr Zelensky said Russia had launched 440 drones and 32 cruise missiles. Ukraine's air force said it shot down 428 of them.
"""

    @Test("a toll named as the clause's subject gives its figure through its verb, however far", arguments: [
        ("The death toll from Saturday's strike on the shopping centre in the city of Kremenchuk has risen to 21.", "21", "killed"),
        ("Death toll following the floods across the province nears 1,300, officials said.", "nears 1,300", "killed"),
        ("The number of people injured in the blast at the port has now climbed to 412.", "412", "injured"),
        ("The official tally of the missing, kept by the regional authorities, stood at 64.", "64", "missing"),
        // The subject is the clause's first metric, not a later one that only modifies a noun.
        ("The death toll from the weekend missile strike on the tower block in Zaporizhzhia has risen to 17.", "17", "killed"),
    ])
    func tollSubject(text: String, figure: String, metric: String) {
        #expect(mentions(text).map { [$0.text, $0.metric ?? "-"] } == [[figure, metric]])
    }

    @Test("a toll noun right before its figure: \"the injuries tally 12,850\"")
    func tally() {
        #expect(mentions("The national death toll has reached 1,545 and the injuries tally 12,850.").map { $0.metric ?? "-" } == ["killed", "injured"])
    }

    @Test("an exchange or an evacuation named as the subject counts the people its figure counts; other subjects do not")
    func eventSubject() {
        #expect(mentions("The prisoner exchange, agreed last week in Abu Dhabi, returned 90 servicemen to each side.").map(\.metric)
                == ["prisoners-exchanged"])
        #expect(mentions("The swap involved hundreds of soldiers.").map(\.metric) == ["prisoners-exchanged"])
        #expect(mentions("The evacuation brought 3,400 residents out of the town.").map(\.metric) == ["evacuated"])
        // Not people: no metric from the subject (and "3 hours", a duration, is no figure).
        #expect(mentions("The exchange took 3 hours of talks and 40 trucks.").map(\.metric) == [nil])
        #expect(mentions("The attack involved 300 soldiers.").map(\.metric) == [nil])
    }

    @Test("who says so: the speaker nearest the figure, before or after it, a pronoun the one named before")
    func speakers() {
        func speakers(_ text: String) -> [String] { Extractor().extract(text).map { $0.attributedTo ?? "-" } }
        #expect(speakers("At least 12 people were killed, the regional governor said.") == ["the regional governor"])
        #expect(speakers("According to the State Emergency Service, 40 were injured.") == ["the State Emergency Service"])
        #expect(speakers("The mayor, Ihor Terekhov, said 7 people died.") == ["Ihor Terekhov"])
        #expect(speakers("Police said on Monday that 3 people were arrested. He said 5 more were missing.") == ["Police", "Police"])
        #expect(speakers("\"Nine people died,\" said Oleh Syniehubov, the governor.") == ["Oleh Syniehubov"])
        // The outlet speaking for itself, or an unnamed "it", gives no speaker.
        #expect(speakers("The strike killed 9 people.") == ["-"])
        // A document someone released is theirs; whom a speaker told is not the speaker; a cited source is the origin.
        #expect(speakers("Around 8,300 people were injured, according to figures released by Nepali police.") == ["Nepali police"])
        #expect(speakers("Marie el-Drese, the IFRC's secretary-general, told The Associated Press another 10,100 people are missing.")
                == ["Marie el-Drese"])
        #expect(speakers("The death toll has soared to 11,300, Al Jazeera reports citing the Libyan Red Crescent.") == ["the Libyan Red Crescent"])
    }

    @Test("where: the place its clause names among the event's scopes and aliases, a part before its whole, datelines aside")
    func places() {
        var extractor = Extractor()
        extractor.scopes = [Scope(id: "Kharkiv", aliases: ["the city"]), Scope(id: "Saltivka", partOf: "Kharkiv"), Scope(id: "Odesa")]
        func scopes(_ text: String) -> [String] { extractor.extract(text).map { $0.scope ?? "-" } }
        #expect(scopes("Four people were killed in Saltivka, a district of Kharkiv.") == ["Saltivka"])
        #expect(scopes("Twelve were injured in the city, and 3 in Odesa.") == ["Kharkiv", "Odesa"])
        #expect(scopes("In Odesa, where 5 people died, the port was hit.") == ["Odesa"])
        // The dateline is where the report was filed; a figure before any place is the event's whole.
        #expect(scopes("ODESA (Reuters) - Russia launched 20 drones overnight.") == ["Kharkiv"])
        // A figure set aside as who was among the counted keeps the scope of the figure it is part of.
        #expect(scopes("The attack killed 8 people in Saltivka, including two children.") == ["Saltivka", "Saltivka"])
    }

    @Test("where, when the clause names no place: the event's whole, its national words, the whole of the parts named beside it")
    func wholeScope() {
        var extractor = Extractor()
        extractor.scopes = [Scope(id: "Pakistan"), Scope(id: "Sindh", partOf: "Pakistan"), Scope(id: "Punjab", partOf: "Pakistan"), Scope(id: "India")]
        func scopes(_ text: String) -> [String] { extractor.extract(text).map { $0.scope ?? "-" } }
        #expect(scopes("The death toll has risen to 1,731 along with 12,867 injuries in Pakistan.") == ["Pakistan", "Pakistan"])
        #expect(scopes("In all, 40 people died. In India, 61 died. The national toll rose to 1,545.") == ["Pakistan", "India", "Pakistan"])
        #expect(scopes("A total of 759 people died in Sindh, 221 in Punjab, while 12,867 have been injured.") == ["Sindh", "Punjab", "Pakistan"])
        #expect(scopes("At least 23 died, the health department of Sindh said.") == ["Sindh"])
        // Two places, neither the other's whole: no whole to fall back on.
        extractor.scopes = [Scope(id: "Kyiv"), Scope(id: "Odesa")]
        #expect(scopes("The death toll rose to 28.") == ["-"])
    }

    @Test("a part of another figure, a rise and a projection are told from the count itself")
    func roles() {
        let extractor = Extractor()
        func roles(_ text: String) -> [String] { extractor.extract(text).map { "\($0.text) \($0.metric ?? "-") \($0.role?.rawValue ?? "count")" } }
        #expect(roles("The strike killed 35 residents, including two children.") == ["35 killed count", "two killed part"])
        #expect(roles("30 people were injured, 12 of them hospitalised.") == ["30 injured count", "12 hospitalized part"])
        #expect(roles("The toll rose to 1,508 as 22 more people died. It added 26 deaths in the last 24 hours.")
                == ["1,508 killed count", "22 killed rise", "26 killed rise"])
        #expect(roles("The death toll could reach 20,000, the mayor said, and 5,500 have died.") == ["20,000 killed projection", "5,500 killed count"])
        #expect(roles("13 bodies were recovered, including nine Nepalis and four foreigners.")
                == ["13 bodies-recovered count", "nine bodies-recovered part", "four bodies-recovered part"])
        #expect(roles("The toll is 11,300. Officials previously put the death toll at 5,500.") == ["11,300 killed count", "5,500 killed earlier"])
    }

    @Test("as of when: the day and time the sentence gives, read against the publication; never a period's start or the event's own day")
    func times() throws {
        var extractor = Extractor()
        extractor.published = try ReportedTime("2025-03-10T18:00+02:00")  // a Monday
        func times(_ text: String) -> [String] { extractor.extract(text).map { $0.asOf?.description ?? "-" } }
        #expect(times("On Saturday, 14 people were killed, officials said.") == ["2025-03-08"])
        #expect(times("Police said yesterday that 3 were arrested.") == ["2025-03-09"])
        #expect(times("As of 16:00, 27 people were in hospital.") == ["2025-03-10T16:00+02:00"])
        #expect(times("On 3 March, 12 were injured.") == ["2025-03-03"])
        #expect(times("The ministry said on Monday 40 were injured.") == ["2025-03-10"])
        #expect(times("At least 9 people have died since March 1.") == ["-"])
        #expect(times("The March 8 attack killed 14 people.") == ["-"])
        #expect(times("Saturday's strike killed 9 people.") == ["-"])
        extractor.published = try ReportedTime("2025-01-02")
        #expect(times("On December 30, 5 people died.") == ["2024-12-30"])
        extractor.published = nil
        #expect(times("On Saturday, 14 people were killed.") == ["-"])
    }

    @Test("what was done to it: drones and missiles shot down, bodies pulled from the rubble, each its own metric")
    func actions() {
        func metrics(_ text: String) -> [String] { Extractor().extract(text).map { $0.metric ?? "-" } }
        #expect(metrics("Russia launched 440 drones and 32 missiles overnight; 428 drones were shot down.")
                == ["drones", "missiles", "drones-downed"])
        #expect(metrics("Air defence forces intercepted 30 cruise missiles over the region.") == ["missiles-downed"])
        #expect(metrics("Emergency workers pulled 15 bodies from the rubble.") == ["bodies-recovered"])
        #expect(metrics("Ukraine returned 1,212 bodies, Russia 27.") == ["bodies-repatriated", "bodies-repatriated"])
    }

    @Test("a number that is a step of a web path is page furniture")
    func pathFurniture() {
        #expect(mentions("Hot Posts\n\n6/recent/ticker-posts\n\nAt least 23 people were killed.").map(\.text) == ["At least 23"])
    }

    @Test("wire: every figure, its span and its metric")
    func wireMentions() {
        #expect(mentions(Self.wire) == [
            Expected(51, 64, "more than 400", "drones", "drones"),
            Expected(76, 82, "dozens", "missiles", "missiles"),
            Expected(114, 125, "at least 23", "killed", "killing"),
            Expected(146, 154, "over 130", "injured", "injuring"),
            Expected(363, 365, "14", nil, nil),
            Expected(448, 451, "440", "drones", "drones"),
            Expected(463, 465, "32", "missiles", "cruise missiles"),
            Expected(521, 524, "428", "drones-downed", "shot down"),
        ])
    }

    static let liveblog = """
Live: Russian attack on Kyiv
Updated 2 hours ago | 12 Comments

08:15 — The death toll has risen to 15, Mayor Vitali Klitschko said on Telegram.

10:36 — Interior Minister Ihor Klymenko said 14 people were killed and 99 wounded.

16:00 — Klitschko now says 10 people died in the capital, a figure later revised.

20:05 — The State Emergency Service says the number of victims has reached 28, including a 62-year-old American citizen. Nearly 3,000 people were evacuated.
"""

    @Test("liveblog: every figure, its span and its metric")
    func liveblogMentions() {
        #expect(mentions(Self.liveblog) == [
            Expected(100, 102, "15", "killed", "death toll"),
            Expected(191, 193, "14", "killed", "were killed"),
            Expected(217, 219, "99", "injured", "wounded"),
            Expected(257, 259, "10", "killed", "died"),
            Expected(388, 390, "28", "killed", "number of victims"),
            Expected(434, 446, "Nearly 3,000", "evacuated", "evacuated"),
        ])
    }

    static let ministry = """
STATEMENT of the Ministry of Defence, 19 June 2025

In accordance with the agreements reached in Istanbul, on 11 June 2025 the Russian side transferred to Ukraine 1,212 bodies of fallen servicemen. Ukraine returned 27 bodies, Russia also offered an additional 3,000.

Hotline: +380-44-454-4141. Details: www.mil.gov.ua/news/2025/06/19.
"""

    @Test("ministry: every figure, its span and its metric")
    func ministryMentions() {
        #expect(mentions(Self.ministry) == [
            Expected(163, 168, "1,212", "bodies-repatriated", "bodies"),
            Expected(215, 217, "27", "bodies-repatriated", "bodies"),
            Expected(260, 265, "3,000", "bodies-repatriated", "bodies"),
        ])
    }

    static let recap = """
In all, the strike on Kyiv killed 28 people, wounded 134 and left several hundred homeless, bringing the number of victims to 14 in the Solomianskyi district alone. No one was killed in Lviv, where some 80 people were hurt. Between 20 and 25 missiles were intercepted, about 40% of those fired.
"""

    @Test("recap: every figure, its span and its metric")
    func recapMentions() {
        #expect(mentions(Self.recap) == [
            Expected(34, 36, "28", "killed", "killed"),
            Expected(53, 56, "134", "injured", "wounded"),
            Expected(66, 81, "several hundred", "displaced", "homeless"),
            Expected(126, 128, "14", "killed", "number of victims"),
            Expected(165, 171, "No one", "killed", "was killed"),
            Expected(198, 205, "some 80", "injured", "hurt"),
            Expected(224, 241, "Between 20 and 25", "missiles-downed", "intercepted"),
            Expected(269, 278, "about 40%", nil, nil),
        ])
    }


    @Test("what is not a count is skipped", arguments: [
        "The attack came on June 19.", "It happened on 19 June 2025.", "Filed 2025-06-19.",
        "On Tuesday, June 17, the sirens sounded.", "Since 2014 the war has changed.",
        "It was the worst since the 2022 invasion.", "At 9:30 a.m. the sirens sounded.",
        "Sirens sounded at 08:00 and again at 16:00.", "It was the fourth attack this month.",
        "It was the 12th alarm.", "A 45-year-old man was detained.", "She was aged 45.",
        "A nine-storey building collapsed.", "Call +1-222-2222-2222 now.", "Call 044-454-4141.",
        "See https://example.com/2025/06/17/item-123 for more.", "Read www.site.org/a/400.",
        "Follow #Kyiv2025 and @user123.", "Su-34 jets and MH17 were mentioned.", "0 Comments",
        "Posted 6 hours ago", "12 shares", "5 min read", "Article 5 applies.", "Resolution 2758 passed.",
        "Flight 752 was hit.", "No. 5 was next.", "It happened several times.", "There was no doubt.",
        "One of them spoke.", "The ٢٣ digits are Arabic.",
    ])
    func skipped(_ sentence: String) {
        #expect(mentions(sentence) == [], "\(sentence)")
    }

    @Test("each mention carries the whole figure")
    func figures() throws {
        let found = Extractor().extract("Officials said nearly 500 homes were damaged and about 80 people wounded.")
        #expect(found.map(\.text) == ["nearly 500", "about 80"])
        #expect(found[0].figure == Figure(lower: 450, upper: 500, upperOpen: true, approximate: true, coded: 450))
        #expect(found[0].family == .nearBelow)
        #expect(found[1].figure == Figure(lower: 72, upper: 88, approximate: true, coded: 80))
        #expect(found[1].metric == "injured")
    }

    @Test("offsets count Unicode scalars, across pieces read one after the other")
    func offsetsAcrossPieces() {
        let first = "Київ — «at least 23 killed»\n", second = "Вінниця: 5 wounded\n"
        var mentions: [Mention] = []
        let extractor = Extractor()
        var position = Extractor.Position()
        for piece in [first, second] {
            var piece = piece
            piece.withUTF8 { bytes in position = extractor.scan(bytes, from: position) { mentions.append($0) } }
        }
        let whole = Array((first + second).unicodeScalars)
        #expect(mentions.map { String(String.UnicodeScalarView(whole[$0.start..<$0.end])) } == ["at least 23", "5"])
        #expect(mentions.map(\.line) == [1, 2])
        #expect(mentions.map(\.metric) == ["killed", "injured"])
        #expect(position == Extractor.Position(scalar: whole.count, line: 3))
    }

    @Test("hostile text: the figures it holds and nothing else, never a crash", arguments: [
        // Too many digits to be a count; qualifiers with no number; sentences with no figure.
        (String(repeating: "7", count: 200_000), []),
        (String(repeating: "at least ", count: 20_000), []),
        (String(repeating: "a. ", count: 30_000), []),
        // Replacement characters and a NUL between words: the numbers around them still read.
        ("killed \u{FFFD}\u{FFFD} 23 people\u{0} and 40 injured", ["23", "40"]),
        (String(repeating: "1,000 ", count: 20_000), Array(repeating: "1,000", count: 20_000)),
        (String(repeating: "-", count: 100_000) + "5", ["5"]),
    ] as [(String, [String])])
    func hostile(_ text: String, figures: [String]) {
        let mentions = Extractor().extract(text)
        #expect(mentions.map(\.text) == figures)
        #expect(mentions.allSatisfy { $0.figure.lower.isFinite && $0.figure.lower <= ($0.figure.upper ?? .infinity) })
    }

    @Test("metrics through asides, coordination, ellipsis and number words", arguments: [
        ("At least 15 people, including three children, were killed and 62 others wounded in the strike.",
         [("At least 15", "killed"), ("three", "killed"), ("62", "injured")]),
        ("Kyiv's military administration said 30 people were injured, 12 of them hospitalised.",
         [("30", "injured"), ("12", "hospitalized")]),
        // A list counts one thing: forward from a member that names it, or back to it.
        ("A total of 646 people have died in Sindh since June 14, followed by 306 in Punjab, and 294 in Balochistan.",
         [("646", "killed"), ("306", "killed"), ("294", "killed")]),
        ("Punjab and Sindh reported 308 and 223 deaths, respectively.", [("308", "killed"), ("223", "killed")]),
        ("95 soldiers, 56 national guardsmen and one police officer have now been released.",
         [("95", "prisoners-exchanged"), ("56", "prisoners-exchanged"), ("one", "prisoners-exchanged")]),
        ("Two hundred and seven of our people have returned home. 14 people were released from hospital.",
         [("Two hundred and seven", "prisoners-exchanged"), ("14", nil)]),
        // What was done to a thing makes it a count of something: apartments destroyed, not apartments.
        ("The mayor said 72 apartments were destroyed. The block has 120 apartments.",
         [("72", "buildings-damaged"), ("120", nil)]),
        // A toll verb in any form; lives taken and lives saved; the other figure a group is among.
        ("India has seen the death toll rise to 61 people. The attack took the lives of 35 residents of the building.",
         [("61", "killed"), ("35", "killed")]),
        ("Rescuers saved 30 lives. More than a dozen children were among the 75 people injured.",
         [("30", "rescued"), ("More than a dozen", "injured"), ("75", "injured")]),
        ("The fate of another 35 residents is unknown, and 1,126 dead bodies have been pulled out.",
         [("35", "missing"), ("1,126", "bodies-recovered")]),
        ("Authorities reported 2 dead and 11 injured. The attack left 4 dead.",
         [("2", "killed"), ("11", "injured"), ("4", "killed")]),
        ("Eight people died and 20 were injured on Monday, 16 June 2025, at around 3 a.m.",
         [("Eight", "killed"), ("20", "injured")]),
        ("The Ukrainian Air Force said it had downed 366 of 400 drones.", [("366", "drones-downed"), ("400", "drones")]),
        ("Ukraine received 6,057 bodies in total; Russia got 78.", [("6,057", "bodies-repatriated"), ("78", "bodies-repatriated")]),
    ] as [(String, [(String, String?)])])
    func metrics(_ sentence: String, _ expected: [(String, String?)]) {
        let found = Extractor().extract(sentence)
        #expect(found.map(\.text) == expected.map(\.0))
        #expect(found.map(\.metric) == expected.map(\.1))
    }

    @Test("a long text read in pieces on several processors gives the mentions of one reading, speakers and places carried across pieces")
    func pieces() {
        // No speaker for the first pieces (a pronoun with no one before it), then speakers and
        // places named once, each followed by pieces' worth of sentences that only refer back.
        var lines = Array(repeating: "He said 5 more were missing.", count: 10_000)
        for (speaker, place) in [("the regional governor", "the capital"), ("Mayor Andriy Sadovyi", "Lviv"), ("police", "Kyiv")] {
            lines.append("At least 12 people were killed in \(place), \(speaker) said.")
            lines += Array(repeating: "He said 5 more were missing. Rescuers searched the rubble through the night.", count: 4_000)
        }
        let text = lines.joined(separator: "\n")
        #expect(text.utf8.count > 4 * Extractor.pieceLength)
        func read(on processors: Int) -> [Mention] {
            var extractor = Extractor()
            extractor.scopes = [Scope(id: "Ukraine"), Scope(id: "Kyiv", partOf: "Ukraine", aliases: ["the capital"]),
                                Scope(id: "Lviv", partOf: "Ukraine")]
            extractor.processors = processors
            return extractor.extract(text)
        }
        let one = read(on: 1)
        #expect(one.count == 10_000 + 3 * 4_001)
        #expect(one.first?.attributedTo == nil && one.first?.scope == "Ukraine")
        #expect(one[10_000].attributedTo == "the regional governor" && one[10_001].attributedTo == "the regional governor")
        #expect(one[10_001].scope == "Kyiv")
        #expect(one.last?.attributedTo == "police" && one.last?.scope == "Kyiv" && one.last?.line == lines.count)
        for processors in [2, 3] {
            let many = read(on: processors)
            #expect(many.count == one.count)
            #expect(many == one, "read on \(processors) processors")
        }
    }
}
