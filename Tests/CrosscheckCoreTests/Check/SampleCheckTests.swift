import CrosscheckCore
import Foundation
import Testing

@Suite("The sample workspace shows every outcome SAMPLE.md lists")
struct SampleCheckTests {
    @Test("the exact findings of the sample")
    func sample() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let sources = try LedgerFiles.readSources(String(contentsOf: root.appendingPathComponent("Sources.json"), encoding: .utf8))
        let folder = root.appendingPathComponent("Claims")
        let ledgers = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map {
            try LedgerFiles.readEvent(String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8))
        }
        let report = ConsistencyCheck().run(ledgers, sources: sources)
        func lines(_ findings: [Finding]) -> [String] {
            findings.map { "\($0.metric) \($0.scope ?? "-") \($0.kind.rawValue) \($0.sides.map { $0.joined(separator: ",") }.joined(separator: " | "))" }
        }
        // 14 (10:36) → 10 (16:00) on 17 June; 28 (14:13 and 14:22, one side) → 27 (16:00) on 18 June.
        #expect(lines(report.conflicts) == ["killed Kyiv toll-fell c8 | c9", "killed Kyiv toll-fell c12,c13 | c14"])
        // 440 against more than 440, Zelensky's one figure paraphrased; "nearly 3,000" ([2,700, 3,000)) stops
        // just short of Putin's "an additional 3,000": an approximate figure is not widened a second time.
        #expect(lines(report.nearMisses) == ["bodies-offered to Ukraine near-miss c24 | c23", "drones Ukraine near-miss c5 | c15"])
        // The toll rising: 10 → 14 that evening, 14 (A News, 17 June) → 28 the next day. Bare dates are read in
        // Kyiv's zone (+03:00, the offset of the event's timed reports).
        #expect(lines(report.updates) == ["killed Kyiv update c9 | c10", "killed Kyiv update c7 | c12"])
        // A News' 14 (17 June, no time) against 10 at 16:00 that day.
        #expect(lines(report.unordered) == ["killed Kyiv unordered c7 | c9"])
        #expect(report.unordered.allSatisfy { !$0.kind.isConflict })
        let consensus = report.consensus.map { "\($0.event) \($0.metric) \($0.scope ?? "-") \($0.low)–\($0.high.map { "\($0)" } ?? "∞") origins \($0.origins)" }
        #expect(consensus.contains("bodies-repatriation-2025-06 bodies-repatriated transfer of 11 June, to Ukraine 1212.0–1212.0 origins 2"))
        // One origin's two wordings do not overlap: the consensus is the first, "nearly 3,000".
        #expect(consensus.contains("bodies-repatriation-2025-06 bodies-offered to Ukraine 2700.0–3000.0 origins 1"))
        #expect(consensus.contains("kyiv-strike-2025-06-17 missiles Ukraine 32.0–32.0 origins 2"))
        // "hundreds" is [200, 1,000) and stays so: never outside the claim's own interval.
        #expect(consensus.contains("pow-exchange-2025-06-19 prisoners-exchanged each side 200.0–1000.0 origins 1"))
    }

    @Test("the real post behind hotposts-2025-06-19, as saved from the web: its five figures, each with its metric, and nothing else")
    func seedArticle() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let sources = try LedgerFiles.readSources(String(contentsOf: root.appendingPathComponent("Sources.json"), encoding: .utf8))
        let text = try #require(sources.first { $0.id == "hotposts-2025-06-19" }?.text)
        // Page furniture ("6/recent/ticker-posts", "0 Comments") is not proposed.
        #expect(Extractor().extract(text).map { "\($0.metric ?? "-") \($0.figure.intervalDescription)" } == [
            "prisoners-exchanged [200, 1,000)", "killed ≥ 23", "injured > 130", "drones > 400", "missiles [24, 100)",
        ])
    }
}
