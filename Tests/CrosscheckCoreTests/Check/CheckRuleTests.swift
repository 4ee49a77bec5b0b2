import CrosscheckCore
import Testing

/// A one-event ledger from compact rows: (id, metric, scope, phrase, asOf, source, attributedTo).
private func ledger(
    _ rows: [(String, String, String?, String, String?, String, String?)],
    metrics: [Metric] = [Metric(id: "killed", kind: .cumulative), Metric(id: "drones", kind: .snapshot)],
    scopes: [Scope] = [Scope(id: "Kyiv")]
) throws -> EventLedger {
    let parser = FigureParser()
    let claims = try rows.map { row in
        Claim(id: row.0, metric: row.1, scope: row.2, text: row.3, figure: try parser.parse(row.3).figure,
              asOf: try row.4.map { try ReportedTime($0) }, sources: [Link(source: row.5, quote: row.3, attributedTo: row.6)])
    }
    return EventLedger(event: Event(id: "e", title: "E"), metrics: metrics, scopes: scopes, claims: claims)
}

private let registry = (1...9).map { Source(id: "s\($0)", title: "T", outlet: "Outlet \($0)", reliability: .b) }

private func check(_ ledger: EventLedger) -> CheckReport {
    ConsistencyCheck().run([ledger], sources: registry)
}

private func summary(_ findings: [Finding]) -> [String] {
    findings.map { "\($0.kind.rawValue) \($0.sides.map { $0.joined(separator: ",") }.joined(separator: " | "))" }
}

@Suite("The check's rules, one fixture per rule and boundary")
struct CheckRuleTests {
    @Test("snapshot: disjoint figures conflict whenever reported; overlapping ones agree")
    func snapshot() throws {
        let report = check(try ledger([
            ("a", "drones", "Kyiv", "440", "2025-06-17", "s1", nil),
            ("b", "drones", "Kyiv", "300", "2025-06-19", "s2", nil),
            ("c", "drones", "Kyiv", "more than 400", "2025-06-18", "s3", nil),
        ]))
        // One finding per two figures: 300 against "more than 400", and 300 against 440.
        #expect(summary(report.conflicts) == ["snapshot c | b", "snapshot a | b"])
        #expect(report.conflicts.map(\.severity) == [0.25, (440 - 300) / 440.0])  // the gap over the higher figure's lower end
    }

    @Test("touching intervals: closed ends agree, an open end is a near miss, an approximate figure is not widened again")
    func touching() throws {
        let closed = check(try ledger([("a", "drones", nil, "440", nil, "s1", nil), ("b", "drones", nil, "at least 440", nil, "s2", nil)]))
        #expect(closed.conflicts.isEmpty && closed.nearMisses.isEmpty)
        let open = check(try ledger([("a", "drones", nil, "440", nil, "s1", nil), ("b", "drones", nil, "more than 440", nil, "s2", nil)]))
        #expect(summary(open.nearMisses) == ["near-miss a | b"])
        #expect(open.conflicts.isEmpty)
        // "nearly 3,000" is [2,700, 3,000): it stops at an open end just short of 3,000.
        let nearly = check(try ledger([("a", "drones", nil, "3,000", nil, "s1", nil), ("b", "drones", nil, "nearly 3,000", nil, "s2", nil)]))
        #expect(summary(nearly.nearMisses) == ["near-miss b | a"])
        #expect(nearly.conflicts.isEmpty)
    }

    @Test("an approximate figure carries its tolerance once: about 500 ([450, 550]) and 440 conflict")
    func noSecondWidening() throws {
        let report = check(try ledger([("a", "drones", nil, "about 500", nil, "s1", nil), ("b", "drones", nil, "440", nil, "s2", nil)]))
        #expect(summary(report.conflicts) == ["snapshot a | b"])
        #expect(report.conflicts.map(\.severity) == [(450 - 440) / 450.0])
        let agreeing = check(try ledger([("a", "drones", nil, "about 500", nil, "s1", nil), ("b", "drones", nil, "450", nil, "s2", nil)]))
        #expect(agreeing.conflicts.isEmpty && agreeing.nearMisses.isEmpty)
    }

    @Test("false and retracted claims are set aside: no conflict, no update, no vote, listed apart")
    func setAside() throws {
        var ledger = try ledger([
            ("a", "killed", "Kyiv", "14", "2025-06-17T10:36+03:00", "s1", "Klymenko"),
            ("b", "killed", "Kyiv", "10", "2025-06-17T16:00+03:00", "s2", "Klitschko"),
            ("c", "killed", "Kyiv", "28", "2025-06-18T14:13+03:00", "s3", "SES"),
            ("d", "killed", "Kyiv", "5", "2025-06-18T15:00+03:00", "s4", "Blog"),
        ])
        #expect(summary(check(ledger).conflicts) == ["toll-fell b | d", "toll-fell a | d", "toll-fell c | d", "toll-fell a | b"])
        ledger.claims[1].status = .retracted
        ledger.claims[3].status = .false
        let report = check(ledger)
        #expect(report.conflicts.isEmpty)
        #expect(summary(report.updates) == ["update a | c"])
        #expect(report.setAside == ["b", "d"])
        let consensus = try #require(report.consensus.first)
        #expect((consensus.low, consensus.best, consensus.high, consensus.outliers) == (28, 28, 28, []))
    }

    @Test("a toll that fell is a conflict; a later higher figure is an update")
    func tollFell() throws {
        let report = check(try ledger([
            ("a", "killed", "Kyiv", "14", "2025-06-17T10:36+03:00", "s1", nil),
            ("b", "killed", "Kyiv", "10", "2025-06-17T16:00+03:00", "s2", nil),
            ("c", "killed", "Kyiv", "28", "2025-06-18T14:13+03:00", "s3", nil),
        ]))
        #expect(summary(report.conflicts) == ["toll-fell a | b"])
        #expect(summary(report.updates) == ["update b | c"])
        #expect(report.unordered.isEmpty)
    }

    @Test("same instant: disjoint figures conflict; the same day without times is unordered, not a conflict")
    func sameInstantAndSameDay() throws {
        let instant = check(try ledger([
            ("a", "killed", "Kyiv", "14", "2025-06-17T16:00+03:00", "s1", nil),
            ("b", "killed", "Kyiv", "10", "2025-06-17T13:00Z", "s2", nil),  // the same instant, another offset
        ]))
        #expect(summary(instant.conflicts) == ["same-time a | b"])
        let day = check(try ledger([
            ("a", "killed", "Kyiv", "14", "2025-06-17", "s1", nil),
            ("b", "killed", "Kyiv", "10", "2025-06-17T16:00+03:00", "s2", nil),
        ]))
        #expect(day.conflicts.isEmpty)
        #expect(summary(day.unordered) == ["unordered a | b"])
    }

    @Test("bare dates are read in the zone of the event's timed reports: two days apart are ordered")
    func bareDates() throws {
        let report = check(try ledger([
            ("a", "killed", "Kyiv", "14", "2025-06-17", "s1", nil),
            ("b", "killed", "Kyiv", "10", "2025-06-19", "s2", nil),
            ("c", "killed", "Kyiv", "12", "2025-06-18T01:00+03:00", "s3", nil),
        ]))
        // 17 June in Kyiv ends at 21:00 UTC, before c's 22:00 UTC: 14 then 12 then 10, falls both.
        #expect(summary(report.conflicts) == ["toll-fell c | b", "toll-fell a | b", "toll-fell a | c"])
        #expect(report.unordered.isEmpty)
    }

    @Test("offsets across midnight: 23:30 in Kyiv comes before 00:30 in London the next day… or not")
    func offsets() throws {
        // 2025-06-17T23:30+03:00 is 20:30 UTC; 2025-06-18T00:30+01:00 is 23:30 UTC: surely later.
        let ordered = check(try ledger([
            ("a", "killed", "Kyiv", "14", "2025-06-17T23:30+03:00", "s1", nil),
            ("b", "killed", "Kyiv", "10", "2025-06-18T00:30+01:00", "s2", nil),
        ]))
        #expect(summary(ordered.conflicts) == ["toll-fell a | b"])
        // 2025-06-18T00:30+05:00 is 19:30 UTC on the 17th: surely earlier, so the toll rose.
        let reversed = check(try ledger([
            ("a", "killed", "Kyiv", "14", "2025-06-17T23:30+03:00", "s1", nil),
            ("b", "killed", "Kyiv", "10", "2025-06-18T00:30+05:00", "s2", nil),
        ]))
        #expect(reversed.conflicts.isEmpty)
        #expect(summary(reversed.updates) == ["update b | a"])
    }

    @Test("one source contradicting itself at one time is a conflict; revising over the day is updates")
    func selfContradiction() throws {
        let report = check(try ledger([
            ("a", "drones", "Kyiv", "100", "2025-06-17", "s1", nil),
            ("b", "drones", "Kyiv", "200", "2025-06-17", "s1", nil),
        ]))
        #expect(summary(report.conflicts) == ["self-contradiction b | a"])
        let revised = check(try ledger([
            ("a", "killed", "Kyiv", "10", "2025-06-17T09:00+03:00", "s1", nil),
            ("b", "killed", "Kyiv", "14", "2025-06-17T18:00+03:00", "s1", nil),
        ]))
        #expect(revised.conflicts.isEmpty)
        #expect(summary(revised.updates) == ["update a | b"])
    }

    @Test("part above whole through a three-level partOf chain; the whole reported earlier is not a conflict")
    func partWhole() throws {
        let scopes = [Scope(id: "Ukraine"), Scope(id: "Kyiv", partOf: "Ukraine"), Scope(id: "block", partOf: "Kyiv")]
        let report = check(try ledger([
            ("a", "killed", "block", "30", "2025-06-18T12:00+03:00", "s1", nil),
            ("b", "killed", "Ukraine", "23", "2025-06-18T15:00+03:00", "s2", nil),
            ("c", "killed", "Kyiv", "20", "2025-06-17T12:00+03:00", "s3", nil),
        ], scopes: scopes))
        #expect(summary(report.conflicts) == ["part-above-whole a | b"])
        #expect(report.conflicts.first?.scope == "block" && report.conflicts.first?.otherScope == "Ukraine")
    }

    @Test("an origin repeated by five outlets counts once in the consensus")
    func origins() throws {
        var rows: [(String, String, String?, String, String?, String, String?)] = (1...5).map {
            ("r\($0)", "drones", nil, "500", nil, "s\($0)", $0 % 2 == 0 ? "President Zelensky" : "Zelensky")
        }
        rows += [("x", "drones", nil, "at least 300", nil, "s6", "Air Force"), ("y", "drones", nil, "between 300 and 400", nil, "s7", "Ministry"),
                 ("z", "drones", nil, "350", nil, "s8", "Governor Smith")]
        let report = check(try ledger(rows))
        let consensus = try #require(report.consensus.first)
        // Five copies of 500 weigh as one origin: the three independent ones around 350 win.
        #expect(consensus.interval == Interval(lower: 350, upper: 350))
        #expect((consensus.low, consensus.best, consensus.high, consensus.origins) == (350, 350, 350, 3))
        #expect(consensus.outliers == ["r1", "r2", "r3", "r4", "r5"])
        #expect(OriginNames.normalise("President Zelensky") == "zelensky")
        #expect(OriginNames.normalise("Ukraine's Interior Minister Klymenko") == "ukraine interior minister klymenko")
        #expect(OriginNames([Origin(id: "Zelensky", aliases: ["Ukraine's president"])]).origin(of: Link(source: "s1", attributedTo: "Ukraine's President"))
                == OriginNames().origin(of: Link(source: "s2", attributedTo: "President Zelensky")))
        #expect(OriginNames(aliases: ["Ukraine's president": "Zelensky"]).origin(of: Link(source: "s1", attributedTo: "Ukraine’s President")) == "zelensky")
    }

    @Test("a toll's consensus takes each origin's latest report")
    func latestPerOrigin() throws {
        let report = check(try ledger([
            ("a", "killed", "Kyiv", "10", "2025-06-17T09:00+03:00", "s1", "SES"),
            ("b", "killed", "Kyiv", "28", "2025-06-18T09:00+03:00", "s2", "SES"),
            ("c", "killed", "Kyiv", "28", "2025-06-18T10:00+03:00", "s3", "Mayor"),
        ]))
        let consensus = try #require(report.consensus.first)
        #expect((consensus.low, consensus.high, consensus.origins, consensus.outliers) == (28, 28, 2, []))
    }

    @Test("a toll's consensus is the count now: a report a later one updates no longer votes, whatever its origin")
    func stateOfTheCount() throws {
        // AP at 09:40 on 17 June; Reuters the next afternoon, twice. Both grade B.
        let report = check(try ledger([
            ("a", "killed", "Kyiv", "15 killed", "2025-06-17T09:40+03:00", "s1", nil),
            ("b", "killed", "Kyiv", "28 killed", "2025-06-18T14:13+03:00", "s2", nil),
            ("c", "killed", "Kyiv", "at least 28 killed", "2025-06-18T14:13+03:00", "s2", nil),
        ]))
        #expect(summary(report.updates) == ["update a | b", "update a | c"])
        let consensus = try #require(report.consensus.first)
        #expect((consensus.low, consensus.best, consensus.high, consensus.origins, consensus.outliers) == (28, 28, 28, 1, []))
        // Two reports of the same day without a time: neither surely first, so both still vote.
        let sameDay = check(try ledger([
            ("a", "killed", "Kyiv", "15", "2025-06-17", "s1", nil), ("b", "killed", "Kyiv", "28", "2025-06-17", "s2", nil),
        ]))
        #expect(try #require(sameDay.consensus.first).outliers.count == 1)
    }

    @Test("low, best and high are numbers reports gave, never outside the reports that support them")
    func consensusNumbers() throws {
        let dozens = try #require(check(try ledger([("a", "killed", "Kyiv", "dozens injured", nil, "s1", nil)])).consensus.first)
        #expect((dozens.low, dozens.best, dozens.high) == (24, 24, 100))
        #expect(dozens.interval == Interval(lower: 24, upper: 100, upperOpen: true))
        let hundreds = try #require(check(try ledger([("a", "drones", nil, "hundreds", nil, "s1", nil)])).consensus.first)
        #expect((hundreds.low, hundreds.high) == (200, 1000))
        let about = try #require(check(try ledger([("a", "drones", nil, "about 500", nil, "s1", nil)])).consensus.first)
        #expect((about.low, about.best, about.high) == (450, 500, 550))
    }
}
