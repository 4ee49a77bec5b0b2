import CrosscheckCore
import Foundation

/// The consistency check on generated ledgers held in memory: 1,000,000 claims over 10,000
/// events (a toll rising over a week, reported by many outlets, a few reports behind the
/// others), one group of 100,000 claims and the group of one (event, metric, scope) alone.
enum CheckBenchmark {
    static func run() throws {
        let sources = (0..<1_000).map { Source(id: "s\($0)", title: "Report \($0)", outlet: "Outlet \($0 % 50)", reliability: .b) }
        let registry = Dictionary(uniqueKeysWithValues: sources.map { ($0.id, $0) })
        let check = ConsistencyCheck()

        let ledgers = (0..<(ProcessInfo.processInfo.environment["CC_BENCH_EVENTS"].flatMap(Int.init) ?? 10_000)).map { ledger(event: $0, claims: 100) }
        let input = peakMemoryMB()
        var report = CheckReport()
        var runs: [Double] = []
        for _ in 0..<3 {
            report = CheckReport()  // the last run's report let go, untimed: one report in memory at a time
            runs.append(median(repeats: 1) { report = check.run(ledgers, sources: sources) })
        }
        let full = runs.sorted()[1]
        verify(report.consensus.count == ledgers.count * 2, "\(report.consensus.count) consensus lines")
        print("check: \(ledgers.count * 100) claims over \(ledgers.count) events in memory in \(format(full, decimals: 2)) s "
              + "(\(report.conflicts.count) conflicts, \(report.updates.count) updates); peak memory \(format(peakMemoryMB())) MB, "
              + "\(format(input)) MB of it the generated ledger")
        if ProcessInfo.processInfo.environment["CC_BENCH_FULL_ONLY"] != nil { return }

        for size in [10_000, 100_000] {
            let big = ledger(event: 0, claims: size, metrics: 1)
            let seconds = median(repeats: 3) { report = check.run(big, sources: registry) }
            verify(report.consensus.count == 1, "one group")
            print("check: one group of \(size) claims in \(format(seconds * 1000, decimals: 1)) ms")
        }

        let one = ledger(event: 1, claims: 100, metrics: 1)
        let group = check.groups(of: one, sources: registry)[0]
        var samples: [Double] = []
        for _ in 0..<1_000 { samples.append(median(repeats: 1) { report = check.check(group) }) }
        samples.sort()
        print("incremental check of one (event, metric, scope) of 100 claims: p50 \(format(samples[500] * 1e6, decimals: 0)) µs, "
              + "p99 \(format(samples[990] * 1e6, decimals: 0)) µs")
    }

    /// A toll rising from 0 over a week: each report gives the toll at its time, a few report
    /// late figures (a fall, a conflict), some give only the day, some round or bound it.
    static func ledger(event: Int, claims count: Int, metrics: Int = 2) -> EventLedger {
        var random = SplitMix64(state: UInt64(event))
        let formatter = ISO8601DateFormatter()
        let start = 1_750_000_000.0
        let claims = (0..<count).map { c -> Claim in
            let seconds = Double(random.next() % 604_800)
            let toll = Double(Int(seconds / 3_600))  // one a hour
            let stale = random.next() % 50 == 0 ? toll * 0.8 : toll
            let figure: Figure
            let text: String
            switch random.next() % 4 {
            case 0:
                figure = Figure(lower: stale, upper: nil, kind: .count, coded: stale)
                text = "at least \(Int(stale))"
            case 1:
                figure = Figure(lower: stale * 0.9, upper: stale * 1.1, approximate: true, kind: .count, coded: stale)
                text = "about \(Int(stale))"
            default:
                figure = .exactly(stale)
                text = "\(Int(stale))"
            }
            let time = try? ReportedTime(formatter.string(from: Date(timeIntervalSince1970: start + seconds)))
            return Claim(id: "e\(event)c\(c)", metric: c % metrics == 0 ? "killed" : "injured", scope: "Kyiv", text: text,
                         figure: figure, asOf: random.next() % 10 == 0 ? time.flatMap { try? ReportedTime(String($0.description.prefix(10))) } : time,
                         // One claim in ten settled, so that ClaimReview has reviews to write.
                         confidence: .likely, status: c % 10 == 0 ? .verified : .open,
                         sources: [Link(source: "s\(random.next() % 1_000)", quote: text, attributedTo: "Official \(random.next() % 20)",
                                        credibility: .probablyTrue)])
        }
        return EventLedger(event: Event(id: "event-\(event)", title: "Event"),
                           metrics: [Metric(id: "killed", kind: .cumulative), Metric(id: "injured", kind: .cumulative)],
                           scopes: [Scope(id: "Kyiv")], claims: claims)
    }
}
