import CrosscheckCore
import CrosscheckSession
import Testing

@Suite("The session's command tree: parsing, help and completion")
struct CommandTreeTests {
    let tree = CommandTree.standard

    @Test("a line becomes its command, arguments and options; quotes keep spaces")
    func parse() throws {
        let command = try #require(try tree.parse(#"claim add "at least 23 killed" --scope Kyiv --confidence "very likely" --credibility 2"#))
        #expect(command.name == "claim add")
        #expect(command.argument("PHRASE") == "at least 23 killed")
        #expect(command.option("--scope") == "Kyiv" && command.option("--confidence") == "very likely" && command.option("--credibility") == "2")
        let metric = try #require(try tree.parse("metric add drones --kind snapshot --alias UAVs --alias Shaheds"))
        #expect(metric.values("--alias") == ["UAVs", "Shaheds"])
        #expect(try tree.parse("   ") == nil)
        #expect(try tree.parse("help claim add")?.argument("COMMAND") == "claim add")
    }

    @Test("bad lines get one line that says what is wrong", arguments: [
        ("bogus", "bogus: no such command; help lists them"),
        ("claim", "claim: say which: add, set, remove, merge"),
        ("claim add", "claim add needs PHRASE: claim add PHRASE [--metric METRIC] [--scope SCOPE] [--as-of DATE] [--attributed TEXT] [--credibility 1-6] [--quote TEXT] [--confidence WORD] [--span START,END]"),
        ("claim add 23 --scope", "--scope needs a value (SCOPE)"),
        ("claim add 23 --colour red", "claim add: unknown option --colour; it takes --metric, --scope, --as-of, --attributed, --credibility, --quote, --confidence, --span"),
        ("claim add 23 --credibility 9", "--credibility: \"9\" is not one of 1, 2, 3, 4, 5, 6"),
        ("source grade ap G", "GRADE: \"G\" is not one of A, B, C, D, E, F"),
        ("metric add drones", "metric add needs --kind cumulative|snapshot"),
        ("claim add \"23", "a quote is not closed"),
        ("show c1 c2", "show: unexpected \"c2\"; usage: show CLAIM"),
        ("scope add a --part-of x --part-of y", "--part-of is given twice"),
    ])
    func errors(line: String, message: String) {
        #expect(throws: SessionError(message)) { try tree.parse(line) }
    }

    @Test("help lists every command; help COMMAND gives its usage")
    func help() throws {
        let all = try tree.help()
        for spec in tree.commands { #expect(all.contains(spec.words.joined(separator: " ") + " ")) }
        #expect(try tree.help("scope add") == "scope add ID [--part-of SCOPE] [--alias TEXT…]\n    a scope of the current event, with the other names reports give it\n")
        #expect(try tree.help("source").split(separator: "\n").filter { $0.hasPrefix("source ") }.count == 5)
        #expect(try tree.help("claim merge") == "claim merge KEEP OTHER…\n    one figure carried by several reports: the others' links move onto KEEP, the others go\n")
    }

    @Test("completion: commands, options, values and ids, from the line alone", arguments: [
        ("", ["annotate", "check", "claim", "event", "events", "export", "help", "history", "link", "list", "metric", "plot", "quit", "scope", "show", "source", "sources", "undo", "unlink"]),
        ("cl", ["claim"]),
        ("claim ", ["add", "merge", "remove", "set"]),
        ("claim s", ["set"]),
        ("claim set ", ["c1", "c10", "c2"]),
        ("claim set c1", ["c1", "c10"]),
        ("claim set c2 --", ["--as-of", "--confidence", "--figure", "--metric", "--scope", "--status"]),
        ("claim merge c1 c", ["c1", "c10", "c2"]),
        ("link set c1 ", ["ap", "reuters"]),
        ("claim set c2 --status ", ["corroborated", "disputed", "false", "open", "retracted", "verified"]),
        ("claim set c2 --status v", ["verified"]),
        ("claim set c2 --confidence very", ["\"very likely\"", "\"very unlikely\""]),
        ("claim add \"23\" --scope ", ["Kyiv", "Ukraine"]),
        ("claim add \"23\" --scope K", ["Kyiv"]),
        ("source use ", ["ap", "reuters"]),
        ("source grade ap ", ["A", "B", "C", "D", "E", "F"]),
        ("metric add x --kind ", ["cumulative", "snapshot"]),
        ("metric add x --kind snapshot --alias a --", ["--alias"]),
        ("link c1 r", ["reuters"]),
        ("help cl", ["claim add", "claim merge", "claim remove", "claim set"].map { "\"\($0)\"" }),
        ("event use ", ["kyiv"]),
    ])
    func completion(line: String, expected: [String]) {
        let context = CompletionContext(ids: [
            .claim: ["c1", "c2", "c10"], .source: ["ap", "reuters"], .scope: ["Kyiv", "Ukraine"], .event: ["kyiv"], .metric: ["killed"],
        ])
        #expect(tree.completions(for: line, context: context) == expected)
    }
}

@Suite("The terminal plot")
struct TimelinePlotTests {
    @Test("a row a claim in time order, bars on one axis, the consensus shaded, conflicts marked")
    func plot() throws {
        let parser = FigureParser()
        func claim(_ id: String, _ phrase: String, _ time: String) throws -> Claim {
            Claim(id: id, metric: "killed", scope: "Kyiv", text: phrase, figure: try parser.parse(phrase).figure, asOf: try ReportedTime(time),
                  sources: [Link(source: "s\(id)")])
        }
        let ledger = EventLedger(event: Event(id: "e", title: "E"), metrics: [Metric(id: "killed", kind: .cumulative)], scopes: [Scope(id: "Kyiv")],
                                 claims: [try claim("c2", "10", "2025-06-17T16:00Z"), try claim("c1", "14", "2025-06-17T10:00Z"),
                                          try claim("c3", "more than 20", "2025-06-18T10:00Z")])
        let report = ConsistencyCheck().run([ledger], sources: [])
        let text = TimelinePlot(ledger: ledger, metric: "killed", report: report).render(width: 80)
        // Every line within the 80 columns. 10 at column 22, 14 at 31 and 20 at 44 of 49 (0 to 22
        // across). A toll's consensus is the count now: 14 and 10 are updated by "more than 20" the
        // next day, so the band is that report's, from 20 on.
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(text == """
            e · killed
            Kyiv
            ✗ c1 2025-06-17T10:00Z       │                               █            ▒▒▒▒▒│
            ✗ c2 2025-06-17T16:00Z       │                      █                     ▒▒▒▒▒│
              c3 2025-06-18T10:00Z       │                                            ▓▓▓▓▶│
                                         0                      11                      22
            █ exact  ▓ bound or range  ░ approximate  ▶ no upper bound  ▒ consensus
            ✗ in a conflict

            """)
    }
}
