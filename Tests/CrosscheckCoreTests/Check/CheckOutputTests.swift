import CrosscheckCore
import Testing

@Suite("The check's JSON and its work over many events")
struct CheckOutputTests {
    private let sources = [Source(id: "s1", title: "T", outlet: "Wire \"A\"", published: try! ReportedTime("2025-06-17")),
                           Source(id: "s2", title: "T", outlet: "Outlet 2")]

    private func ledger(_ event: String, _ rows: [(id: String, text: String, lower: Double, quote: String?)]) -> EventLedger {
        let claims = rows.map { row in
            Claim(id: row.id, metric: "drones", scope: nil, text: row.text, figure: .exactly(row.lower),
                  sources: [Link(source: row.id == "a" ? "s1" : "s2", quote: row.quote, attributedTo: nil)])
        }
        return EventLedger(event: Event(id: event, title: "E"), metrics: [Metric(id: "drones", kind: .snapshot)], claims: claims)
    }

    @Test("a finding's bytes: keys in order, quotes and control characters escaped, a missing time and quote null")
    func findingBytes() {
        let event = ledger("e", [(id: "a", text: "440 \"Shahed\"\ndrones", lower: 440, quote: "said:\t\"440\""),
                                 (id: "b", text: "300", lower: 300, quote: nil)])
        let report = ConsistencyCheck().run([event], sources: sources)
        let json = CheckOutput(report, ledgers: [event], sources: sources).json
        let conflicts = json.split(separator: "\n").filter { $0.contains("\"kind\":\"snapshot\"") }.map(String.init)
        #expect(conflicts == [
            #"    {"event":"e","metric":"drones","scope":null,"kind":"snapshot","severity":0.318,"claims":["a","b"],"sides":[["a"],["b"]],"#
                + #""sources":[{"claim":"a","source":"s1","outlet":"Wire \"A\"","text":"440 \"Shahed\"\ndrones","asOf":"2025-06-17","#
                + #""quote":"said:\t\"440\"","attributedTo":null},{"claim":"b","source":"s2","outlet":"Outlet 2","text":"300","asOf":null,"#
                + #""quote":null,"attributedTo":null}]}"#,
        ])
    }

    @Test("sides written from the claims list: one side empty, the other empty, a part and its whole, findings of two scopes in turn")
    func sideBytes() {
        let event = ledger("e", [(id: "a", text: "1", lower: 1, quote: nil), (id: "b", text: "2", lower: 2, quote: nil)])
        var report = CheckReport()
        report.updates = [
            Finding(event: "e", metric: "drones", scope: nil, kind: .update, severity: 0, sides: [[], ["a", "b"]]),
            Finding(event: "e", metric: "drones", scope: "x", otherScope: "y", kind: .partWholeUnordered, severity: 0.5, sides: [["a", "b"], []]),
            Finding(event: "e", metric: "drones", scope: nil, kind: .update, severity: 1, sides: [["b"], ["a"]]),
        ]
        let lines = CheckOutput(report, ledgers: [event], sources: sources).json.split(separator: "\n")
            .filter { $0.contains("\"kind\"") }.map { String($0.split(separator: ",\"sources\"")[0]) }
        #expect(lines == [
            #"    {"event":"e","metric":"drones","scope":null,"kind":"update","severity":0,"claims":["a","b"],"sides":[[],["a","b"]]"#,
            #"    {"event":"e","metric":"drones","scope":"x","wholeScope":"y","kind":"part-whole-unordered","severity":0.5,"claims":["a","b"],"sides":[["a","b"],[]]"#,
            #"    {"event":"e","metric":"drones","scope":null,"kind":"update","severity":1,"claims":["b","a"],"sides":[["b"],["a"]]"#,
        ])
    }

    @Test("a claim in many findings is written the same in each")
    func repeatedClaim() {
        let event = ledger("e", [(id: "a", text: "100", lower: 100, quote: "100"), (id: "b", text: "200", lower: 200, quote: "200"),
                                 (id: "c", text: "300", lower: 300, quote: "300")])
        let report = ConsistencyCheck().run([event], sources: sources)
        let json = CheckOutput(report, ledgers: [event], sources: sources).json
        let item = #"{"claim":"a","source":"s1","outlet":"Wire \"A\"","text":"100","asOf":"2025-06-17","quote":"100","attributedTo":null}"#
        #expect(report.conflicts.count == 3)
        #expect(json.components(separatedBy: item).count - 1 == 2)  // a against b, a against c
    }

    @Test("many events are checked on every core and reported in the order given, as one at a time would")
    func manyEvents() {
        let events = (0..<40).map { number in
            ledger("e\(number)", (0..<(number % 7 + 2)).map { (id: "e\(number)c\($0)", text: "\($0 * 10)", lower: Double($0 * 10), quote: nil) })
        }
        let check = ConsistencyCheck()
        var oneAtATime = CheckReport()
        for event in events { oneAtATime.append(check.run([event], sources: sources)) }
        let together = check.run(events, sources: sources)
        #expect(together == oneAtATime)
        #expect(together.conflicts.map(\.event).first == "e0")
        #expect(together.consensus.map(\.event) == events.map(\.event.id))
    }

    @Test("figure classes: equal intervals together, in order of their ends, open and closed ends apart in order of appearance")
    func figureClasses() throws {
        let parser = FigureParser()
        let phrases = ["at least 400", "300", "more than 400", "at least 400", "300"]
        let reports = try phrases.enumerated().map { index, phrase in
            Report(claim: Claim(id: "c\(index)", metric: "drones", text: phrase, figure: try parser.parse(phrase).figure),
                   sources: [:], origins: OriginNames())
        }
        let group = ComparableGroup(event: "e", metric: "drones", scope: nil, kind: .snapshot, reports: reports)
        #expect(group.classes.map(\.members) == [[1, 4], [0, 3], [2]])
        #expect(group.classes.map(\.interval.lowerOpen) == [false, false, true])
    }
}
