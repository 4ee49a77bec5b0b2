import Foundation
import Testing

@Suite("crosscheck check, as a user and a CI pipeline run it")
struct CheckCommandTests {
    @Test("conflicts: exit 1, and --json has every list with the documented fields")
    func conflicts() throws {
        let result = try Binary.run(["check", "--json", "--workspace", try Binary.sampleWorkspace()])
        #expect(result.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(document.keys) == ["conflicts", "updates", "unordered", "nearMisses", "consensus", "setAside"])
        #expect(document["setAside"] as? [String] == [])
        let conflicts = try #require(document["conflicts"] as? [[String: Any]])
        #expect(conflicts.count == 2)
        let first = try #require(conflicts.first)
        #expect(first["event"] as? String == "kyiv-strike-2025-06-17" && first["metric"] as? String == "killed" && first["scope"] as? String == "Kyiv")
        #expect(first["kind"] as? String == "toll-fell" && first["severity"] as? Double == 0.286)
        #expect(first["claims"] as? [String] == ["c8", "c9"] && first["sides"] as? [[String]] == [["c8"], ["c9"]])
        let sources = try #require(first["sources"] as? [[String: Any]])
        #expect(sources.map { $0["source"] as? String } == ["pravda-2025-06-17-a", "pravda-2025-06-17-b"])
        #expect(sources.map { $0["quote"] as? String } == ["14", "10"])
        let consensus = try #require(document["consensus"] as? [[String: Any]])
        #expect(consensus.allSatisfy { Set($0.keys).isSuperset(of: ["event", "metric", "scope", "lower", "upper", "low", "best", "high", "origins", "outliers"]) })
    }

    @Test("a consistent event: exit 0 and a readable report; a bad event: one line, exit 2")
    func exitCodes() throws {
        let workspace = try Binary.sampleWorkspace()
        let consistent = try Binary.run(["check", "--event", "pow-exchange-2025-06-19", "--workspace", workspace])
        #expect(consistent.status == 0)
        #expect(consistent.stdout == """
            pow-exchange-2025-06-19
              prisoners-exchanged
                consensus each side: best 200, 200–1,000, 1 independent origin
            consistent: no conflicts; 0 near misses, 0 updates, 0 unordered

            """)
        let missing = try Binary.run(["check", "--event", "nope", "--workspace", workspace])
        #expect(missing.status == 2 && missing.stderr == "crosscheck: no event \"nope\" in the workspace\n")
        let usage = try Binary.run(["check", "--unknown", "--workspace", workspace])
        #expect(usage.status == 2)
    }

    @Test("a retracted claim is set aside: its conflict goes, exit 0 follows, --set-aside and --json list it")
    func setAside() throws {
        let workspace = try Binary.sampleWorkspace()
        #expect(try Binary.run(["--workspace", workspace, "claim", "set", "c9", "--status", "retracted"]).status == 0)
        #expect(try Binary.run(["--workspace", workspace, "claim", "set", "c14", "--status", "false"]).status == 0)
        let json = try Binary.run(["check", "--json", "--workspace", workspace])
        #expect(json.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(document["setAside"] as? [String] == ["c9", "c14"])
        #expect((document["conflicts"] as? [Any])?.isEmpty == true)
        let text = try Binary.run(["check", "--event", "kyiv-strike-2025-06-17", "--set-aside", "--workspace", workspace])
        #expect(text.stdout.contains("  set aside: c9 killed · Kyiv  10  [retracted]\n  set aside: c14 killed · Kyiv  27  [false]\n"))
        #expect(text.stdout.hasSuffix("consistent: no conflicts; 1 near miss, 1 update, 0 unordered, 2 set aside (false or retracted)\n"))
    }

    @Test("origins declared in Sources.json: two names of one party count once")
    func declaredOrigins() throws {
        let workspace = try Binary.sampleWorkspace()
        func droneOrigins() throws -> Int? {
            let result = try Binary.run(["check", "--json", "--event", "kyiv-strike-2025-06-17", "--workspace", workspace])
            let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let consensus = try #require(document["consensus"] as? [[String: Any]])
            return consensus.first { $0["metric"] as? String == "drones" }?["origins"] as? Int
        }
        #expect(try droneOrigins() == 2)  // Zelensky, and "Ukrainian officials"
        let path = workspace + "/Sources.json"
        let text = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: #"{ "id": "Zelensky", "aliases": ["#, with: #"{ "id": "Zelensky", "aliases": ["Ukrainian officials", "#)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try droneOrigins() == 1)
    }
}
