import Foundation
import Testing
@testable import CrosscheckCore

private let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
private let eventFiles = ["kyiv-strike-2025-06-17", "pow-exchange-2025-06-19", "bodies-repatriation-2025-06"]

private func sample(_ path: String) throws -> String {
    try String(contentsOf: repository.appendingPathComponent(path), encoding: .utf8)
}

/// A minimal event file around one claim, to try one bad field at a time.
private func eventFile(claim: String, scopes: String = "[]") -> String {
    """
    { "format": "crosscheck-claims/1", "event": { "id": "e1", "title": "E" },
      "metrics": [{ "id": "killed", "kind": "cumulative" }], "scopes": \(scopes), "claims": [\(claim)] }
    """
}

@Suite("The ledger files: read with errors that name the place, written byte for byte the same")
struct LedgerFilesTests {
    @Test("the sample reads and writes back to the same bytes", arguments: eventFiles)
    func sampleRoundTrip(_ name: String) throws {
        let text = try sample("Claims/\(name).json")
        let ledger = try LedgerFiles.readEvent(text)
        #expect(LedgerFiles.writeEvent(ledger) == text)
        #expect(try LedgerFiles.readEvent(LedgerFiles.writeEvent(ledger)) == ledger)
    }

    @Test("Sources.json reads and writes back to the same bytes, with every source of SAMPLE.md")
    func sourcesRoundTrip() throws {
        let text = try sample("Sources.json")
        let registry = try LedgerFiles.readRegistry(text)
        let sources = registry.sources
        #expect(LedgerFiles.writeRegistry(registry) == text)
        #expect(sources.count == 13)
        #expect(registry.origins == [Origin(id: "State Emergency Service", aliases: ["SES", "DSNS", "Ukraine's State Emergency Service"]),
                                     Origin(id: "Zelensky", aliases: ["Volodymyr Zelensky", "Ukraine's president"])])
        #expect(sources.first { $0.id == "pravda-2025-06-17-b" }?.published?.description == "2025-06-17T16:00+03:00")
    }

    @Test("a fetched source's fetch time is written after its text and read back; a bad one is refused by its path")
    func fetched() throws {
        let source = Source(id: "wire", title: "Kyiv", outlet: "Wire", url: "https://wire.example/kyiv", text: "23 killed.\n",
                            fetched: try ReportedTime("2025-06-17T09:14:03Z"))
        let written = LedgerFiles.writeSources([source])
        #expect(written.contains(#""text": "23 killed.\n", "fetched": "2025-06-17T09:14:03Z" }"#))
        #expect(try LedgerFiles.readRegistry(written).sources == [source])
        let bad = written.replacingOccurrences(of: "2025-06-17T09:14:03Z", with: "yesterday")
        #expect(throws: LedgerError.self) { try LedgerFiles.readRegistry(bad) }
    }

    @Test("the sample's claims link to sources of the registry, and figures parse from their words")
    func sampleLinks() throws {
        let sources = Set(try LedgerFiles.readSources(try sample("Sources.json")).map(\.id))
        var claims = 0
        for name in eventFiles {
            let ledger = try LedgerFiles.readEvent(try sample("Claims/\(name).json"))
            try LedgerFiles.checkLinks(ledger, sources: sources)
            for claim in ledger.claims {
                #expect(try FigureParser().parse(claim.text).figure == claim.figure, "\(claim.id)")
            }
            claims += ledger.claims.count
        }
        #expect(claims == 24)
    }

    @Test("a change to one claim changes only its lines")
    func oneClaimOneDiff() throws {
        let text = try sample("Claims/kyiv-strike-2025-06-17.json")
        var ledger = try LedgerFiles.readEvent(text)
        let index = try #require(ledger.claims.firstIndex { $0.id == "c9" })
        ledger.claims[index].status = .disputed
        let before = text.split(separator: "\n", omittingEmptySubsequences: false)
        let after = LedgerFiles.writeEvent(ledger).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(before.count == after.count)
        let changed = zip(before, after).filter { $0 != $1 }
        #expect(changed.map(\.1) == [#"      "status": "disputed","#])
    }

    @Test("a missing figure is parsed from the claim's words; claims are written in id order, c2 before c10")
    func figureFromText() throws {
        let ledger = try LedgerFiles.readEvent(eventFile(claim: """
            { "id": "c10", "metric": "killed", "text": "nearly 500" }, { "id": "c2", "metric": "killed", "text": "23" }
            """))
        #expect(ledger.claims[0].figure == Figure(lower: 450, upper: 500, upperOpen: true, approximate: true, coded: 450))
        let written = LedgerFiles.writeEvent(ledger)
        let c2 = try #require(written.range(of: "\"c2\""))
        let c10 = try #require(written.range(of: "\"c10\""))
        #expect(c2.lowerBound < c10.lowerBound)
    }

    @Test("a link's span is read and written back as [start, end]; a link without one is written as before")
    func span() throws {
        let ledger = try LedgerFiles.readEvent(eventFile(claim: """
            { "id": "c1", "metric": "killed", "text": "23", "sources": [{ "source": "s1", "span": [40, 42] }, { "source": "s2" }] }
            """))
        #expect(ledger.claims[0].sources.map(\.span) == [40..<42, nil])
        let written = LedgerFiles.writeEvent(ledger)
        #expect(written.contains(#"{ "source": "s1", "quote": null, "attributedTo": null, "credibility": null, "span": [40, 42] }"#))
        #expect(written.contains(#"{ "source": "s2", "quote": null, "attributedTo": null, "credibility": null }"#))
        #expect(try LedgerFiles.readEvent(written) == ledger)
    }

    @Test("bad input: the JSON path and what is wrong", arguments: [
        ("{ \"format\": \"crosscheck-claims/1\", ", "malformed JSON: line 1, column 36: the document ends inside an object"),
        ("{ \"format\": \"crosscheck-claims/2\" }", "format: unknown format \"crosscheck-claims/2\"; this version reads crosscheck-claims/1"),
        (eventFile(claim: #"{ "id": "c1", "metric": "killed", "text": "23", "sources": [{ "source": "s1", "credibility": 9 }] }"#),
         "claims[0].sources[0].credibility: 9 is not in 1–6"),
        (eventFile(claim: #"{ "id": "c1", "metric": "killed", "text": "23", "sources": [{ "source": "s1", "span": [40, 12, 3] }] }"#),
         "claims[0].sources[0].span: [start, end] with start ≤ end was expected, not 3 numbers"),
        (eventFile(claim: #"{ "id": "c1", "metric": "killed", "text": "23", "sources": [{ "source": "s1", "span": [-1, 4] }] }"#),
         "claims[0].sources[0].span[0]: -1 is not in 0, 1, 2, …"),
        (eventFile(claim: #"{ "id": "c1", "metric": "killed", "text": "23" }, { "id": "c1", "metric": "killed", "text": "4" }"#),
         "claims[1].id: the id \"c1\" is used twice"),
        (eventFile(claim: #"{ "id": "c1", "metric": "killed", "text": "23", "asOf": "17/06/2025" }"#),
         "claims[0].asOf: \"17/06/2025\" is not a date (2025-06-17) or a date-time with its offset (2025-06-17T16:00+03:00)"),
        (eventFile(claim: #"{ "id": "c1", "metric": "killed", "text": "23", "asOf": "2025-06-17T16:00" }"#),
         "claims[0].asOf: \"2025-06-17T16:00\" has no offset from UTC; write it as 2025-06-17T16:00+03:00 or with Z"),
        (eventFile(claim: #"{ "id": "c1", "metric": "killed", "text": "23", "asOf": "2025-02-30" }"#),
         "claims[0].asOf: \"2025-02-30\" is not a real date or time"),
        (eventFile(claim: #"{ "id": "c1", "metric": "sheep", "text": "23" }"#), "claims[0].metric: no metric \"sheep\""),
        (eventFile(claim: #"{ "id": "../../etc", "metric": "killed", "text": "23" }"#),
         "claims[0].id: \"../../etc\" is not an id: use lower-case letters, digits and hyphens, starting with a letter or digit"),
        (eventFile(claim: #"{ "id": "c1", "metric": "killed", "text": "lots" }"#),
         "claims[0].text: \"lots\" is too vague to give a figure"),
        (eventFile(claim: #"{ "id": "c1", "metric": "killed", "text": "23", "credibilty": 2 }"#),
         "claims[0].credibilty: unknown field \"credibilty\""),
        (eventFile(claim: #"{ "id": "c1", "metric": "killed", "text": "23", "confidence": "sure" }"#),
         "claims[0].confidence: \"sure\" is not one of almost no chance, very unlikely, unlikely, roughly even chance, likely, very likely, almost certain"),
        (eventFile(claim: #"{ "id": "c1", "metric": "killed", "text": "23", "scope": "Lviv" }"#), "claims[0].scope: no scope \"Lviv\""),
        (eventFile(claim: "", scopes: #"[{ "id": "a", "partOf": "b" }, { "id": "b", "partOf": "a" }]"#),
         "scopes[0].partOf: \"a\" is part of itself through partOf"),
        (eventFile(claim: #"{ "id": "c1", "metric": "killed", "text": "23", "figure": { "lower": 30, "upper": 20 } }"#),
         "claims[0].figure.upper: 20 is not in 30 (lower) and above"),
    ])
    func badEvent(_ text: String, _ message: String) {
        #expect(throws: LedgerError.self) { try LedgerFiles.readEvent(text) }
        do {
            _ = try LedgerFiles.readEvent(text)
        } catch {
            #expect(error.message == message)
        }
    }

    @Test("bad sources: grades and duplicates")
    func badSources() {
        let grade = #"{ "format": "crosscheck-sources/1", "sources": [{ "id": "s1", "title": "T", "outlet": "O", "reliability": "G" }] }"#
        #expect(throws: LedgerError(.unknownValue("G", allowed: ["A", "B", "C", "D", "E", "F"]), path: "sources[0].reliability")) {
            try LedgerFiles.readSources(grade)
        }
        let twice = #"{ "format": "crosscheck-sources/1", "sources": [{ "id": "s1", "title": "T", "outlet": "O" }, { "id": "s1", "title": "T", "outlet": "O" }] }"#
        #expect(throws: LedgerError(.duplicate("s1"), path: "sources[1].id")) { try LedgerFiles.readSources(twice) }
        let shared = #"{ "format": "crosscheck-sources/1", "sources": [], "origins": [{ "id": "Zelensky", "aliases": ["the President"] }, { "id": "Putin", "aliases": ["President"] }] }"#
        #expect(throws: LedgerError(.duplicate("President"), path: "origins[1].aliases[0]")) { try LedgerFiles.readRegistry(shared) }
    }

    @Test("links to missing sources are refused by the cross-file check")
    func missingSource() throws {
        let ledger = try LedgerFiles.readEvent(eventFile(claim: #"{ "id": "c1", "metric": "killed", "text": "23", "sources": [{ "source": "nowhere" }] }"#))
        #expect(throws: LedgerError(.missing(kind: "source", id: "nowhere"), path: "claims[0].sources[0].source")) {
            try LedgerFiles.checkLinks(ledger, sources: ["s1"])
        }
    }
}

@Suite("Reported times keep their precision")
struct ReportedTimeTests {
    @Test("a date is the whole day anywhere; a date-time is an instant")
    func precision() throws {
        let day = try ReportedTime("2025-06-17")
        let instant = try ReportedTime("2025-06-17T16:00+03:00")
        #expect(day.precision == .day && instant.precision == .instant)
        #expect(instant.earliest == 1_750_165_200 && instant.latest == instant.earliest)
        #expect(day.earliest == 1_750_118_400 - 14 * 3600 && day.latest == 1_750_118_400 + 86_400 + 12 * 3600 - 1)
        #expect(try ReportedTime("2025-06-17T13:00:00Z").earliest == instant.earliest)
        #expect(try ReportedTime("2025-06-17T16:00:00+03:00").description == "2025-06-17T16:00:00+03:00")
        #expect(try ReportedTime("2024-02-29").day == 29)
    }

    @Test("each field keeps its value at the ends of its range, stored in the bytes it needs")
    func fieldRanges() throws {
        let last = try ReportedTime("9999-12-31T23:59:59-14:59")
        let fields: [Int] = [last.year, last.month, last.day, last.hour, last.minute, last.second]
        #expect(fields == [9999, 12, 31, 23, 59, 59])
        #expect(last.offsetMinutes == -(14 * 60 + 59))
        #expect(last.earliest == 253_402_300_799 + (14 * 60 + 59) * 60)
        let first = try ReportedTime("0000-01-01T00:00+14:00")
        #expect(first.year == 0 && first.offsetMinutes == 840)
        #expect(first.earliest == -62_167_219_200 - 840 * 60)
        let day = try ReportedTime("1969-12-31")
        #expect(day.earliest == -86_400 - 14 * 3600)
        #expect(day.latest == 12 * 3600 - 1)
    }

    @Test("fractions of a second are refused rather than dropped")
    func fractions() {
        #expect(throws: LedgerError(.fractionalSeconds("2025-06-17T16:00:00.5Z"))) { try ReportedTime("2025-06-17T16:00:00.5Z") }
    }
}

@Suite("The JSON reader")
struct JSONReaderTests {
    @Test("strict, with positions", arguments: [
        ("{\"a\": 1, \"a\": 2}", "line 1, column 13: the key \"a\" appears twice"),
        ("[1,]", "line 1, column 4: a value was expected"),
        ("{\"a\": 01}", "line 1, column 7: a number cannot start with 0"),
        ("\"\\ud800\"", "line 1, column 8: a lone surrogate in \\u escape"),
        (String(repeating: "[", count: 100), "line 1, column 65: nested more than 64 levels deep"),
        ("[1e999]", "line 1, column 2: the number 1e999 is out of range"),
        ("{\"a\": \"x\ny\"}", "line 1, column 9: a control character inside a string; write it as an escape"),
    ])
    func errors(_ text: String, _ message: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONReader.parse(text) }
        do {
            _ = try JSONReader.parse(text)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("bytes that are not UTF-8 inside a string are refused, with or without an escape beside them; UTF-8 beyond ASCII is kept")
    func utf8() throws {
        let invalid: [[UInt8]] = [[0xFF], [0xC3], [0xE0, 0x80, 0x80], [0xF0, 0x90, 0x80], [0xED, 0xA0, 0x80]]
        for bytes in invalid {
            for document in [Array(#"["ab"#.utf8) + bytes + Array(#"c"]"#.utf8), Array(#"["a\n"#.utf8) + bytes + Array(#"c"]"#.utf8)] {
                #expect(throws: JSONSyntaxError.self) { try JSONReader.parse(document) }
                do { _ = try JSONReader.parse(document) } catch { #expect(error.reason == "the string is not valid UTF-8") }
            }
        }
        #expect(try JSONReader.parse(Array(#"["Київ", "Zu\#u{308}rich\n", "😀"]"#.utf8))
            == .array([.string("Київ"), .string("Zu\u{308}rich\n"), .string("😀")]))
    }

    @Test("keys keep their order; escapes and surrogate pairs decode")
    func values() throws {
        #expect(try JSONReader.parse(#"{"b": [true, null, -1.5e2], "a": "\u00e9\ud83d\ude00\n"}"#)
            == .object([("b", .array([.bool(true), .null, .number(-150)])), ("a", .string("é😀\n"))]))
    }
}

@Suite("Natural order of ids")
struct NaturalOrderTests {
    @Test("comparing ids in place agrees with comparing their keys")
    func agrees() {
        var random = SplitMix64(state: 7)
        let pieces = ["c", "e", "0", "00", "7", "10", "2", "-", "a1", "012", "999", "1000"]
        let ids = (0..<400).map { _ in (0..<Int(random.next() % 4 + 1)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined() }
        for a in ids.prefix(60) {
            for b in ids {
                #expect(LedgerFiles.naturallyPrecedes(a, b) == LedgerFiles.naturalKey(a).lexicographicallyPrecedes(LedgerFiles.naturalKey(b)), "\(a) \(b)")
            }
        }
    }
}
