import CrosscheckCore
import CrosscheckSession
import CrosscheckStore
import Foundation

/// Import, export and opening an unchanged workspace, on a generated ledger of 1,000,000 claims
/// over 10,000 events, with SQLite's own CSV import of the same rows as the floor to compare with.
enum LedgerBenchmark {
    /// 10,000 events unless CC_BENCH_EVENTS says otherwise (smaller runs, for profiling).
    static let events = ProcessInfo.processInfo.environment["CC_BENCH_EVENTS"].flatMap(Int.init) ?? 10_000
    static let claimsPerEvent = 100
    static let sources = 1_000

    static func run() throws {
        let input = try generated()
        let workspace = NSTemporaryDirectory() + "cc-bench-workspace-\(getpid())"
        try? FileManager.default.removeItem(atPath: workspace)
        try FileManager.default.createDirectory(atPath: workspace, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: workspace) }

        let clock = ContinuousClock()
        var opened: Workspace!
        let importTime = try clock.measure {
            opened = try Workspace(directory: workspace)
            let count = try opened.importFiles([input + "/Sources.json", input + "/Claims"], command: "import")
            verify(count.claims == events * claimsPerEvent, "imported \(count.claims) claims")
        }
        let importSeconds = seconds(importTime)
        let peak = peakMemoryMB()
        let total = Double(events * claimsPerEvent)
        print("import: \(events * claimsPerEvent) claims over \(events) events and \(sources) sources in "
              + "\(format(importSeconds, decimals: 2)) s: \(format(total / importSeconds)) claims/s; peak memory \(format(peak)) MB "
              + "(files read, checked, stored in one transaction, and the workspace files rewritten)")
        let databaseBytes = (try? FileManager.default.attributesOfItem(atPath: workspace + "/.crosscheck/ledger.sqlite")[.size] as? Int) ?? 0
        print("database file after the import: \(format(Double(databaseBytes) / 1e6)) MB (rows and event packs)")

        let openSeconds = try median(repeats: 5) {
            let again = try Workspace(directory: workspace)
            verify(try again.store.historyCount() == 1, "an unchanged workspace was imported again")
        }
        print("open an unchanged workspace of \(events) event files: \(format(openSeconds * 1000, decimals: 1)) ms (median of 5)")

        var read = 0
        let readSeconds = try median(repeats: 1) {
            for id in try opened.store.eventIDs() { read += try opened.store.event(id)?.claims.count ?? 0 }
        }
        verify(read == events * claimsPerEvent, "read \(read) claims")
        print("read every event from the database, one core: \(format(readSeconds, decimals: 2)) s")

        var size = 0
        let cpuBefore = cpuSeconds()
        var checkRuns: [Double] = []
        var checkPeak = 0.0
        for run in 0..<3 {
            checkRuns.append(try median(repeats: 1) {
                size = 0
                let counts = try opened.check(format: .json, spool: FileSpool()) { size += $0.count }
                verify(counts.consensus == events * 2, "\(counts.consensus) consensus lines")
            })
            // The first run's peak is one check's; later runs in this process add what the
            // allocator kept of the earlier ones' output in other threads' arenas.
            if run == 0 { checkPeak = peakMemoryMB() }
        }
        print("check --json of the whole ledger from the database (each event read, checked, written out in order, let go; "
              + "\(format(Double(size) / 1e6)) MB of output): \(format(checkRuns.sorted()[1], decimals: 2)) s, "
              + "\(format((cpuSeconds() - cpuBefore) / 3, decimals: 2)) s of processor time (median and mean of 3); "
              + "peak memory after the first run \(format(checkPeak)) MB")
        var samples: [Double] = []
        for i in 0..<1_000 {
            let event = "event-\((i * 7_919) % events)"
            samples.append(try median(repeats: 1) {
                let one = try opened.check(event: event, metric: "killed", scope: "Kyiv")
                verify(one.report.consensus.count == 1, "one group")
            })
        }
        samples.sort()
        print("check of one (event, metric, scope) of 50 claims from the database, 1,000 groups: p50 \(format(samples[500] * 1000, decimals: 2)) ms, "
              + "p99 \(format(samples[990] * 1000, decimals: 2)) ms")

        try sessionLatency(opened)
        try largeEventLatency()

        // After the check: the export's document would otherwise set the peak the check reports.
        var bytes = 0
        let exportSeconds = try median(repeats: 3) { bytes = try opened.exportJSON().utf8.count }
        verify(bytes > events * claimsPerEvent * 300, "export is \(bytes) bytes")
        print("export --format json: \(format(Double(bytes) / 1e6)) MB in \(format(exportSeconds, decimals: 2)) s")

        try sqliteFloor(input: input)
    }

    /// The folder of the generated ledger's files, made once and kept between runs.
    static func generated() throws -> String {
        let input = NSTemporaryDirectory() + "cc-bench-ledger-v3-\(events * claimsPerEvent)"
        if !FileManager.default.fileExists(atPath: input + "/done") {
            // Generated in a child process, so that this one's peak memory is the import's alone.
            let child = Process()
            child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
            child.arguments = ["generate-ledger", input]
            try child.run()
            child.waitUntilExit()
            verify(child.terminationStatus == 0, "generating the ledger failed")
        }
        return input
    }

    /// The session's `claim add` on the large workspace: parse, one transaction with its history
    /// entry, the check of its group, the event file rewritten; 1,000 commands over 100 events.
    static func sessionLatency(_ workspace: Workspace) throws {
        let session = try Session(workspace: workspace)
        var samples: [Double] = []
        for i in 0..<1_000 {
            if i % 10 == 0 {
                _ = try session.run("event use event-\((i / 10 * 97) % events)")
                _ = try session.run("source use s\(i % sources)")
            }
            let line = "claim add \"\(200 + i % 50) killed\" --scope Kyiv --attributed \"Official \(i % 20)\" --credibility 2"
            samples.append(median(repeats: 1) { verify((try? session.run(line))?.hasPrefix("c") == true, "claim add failed: \(line)") })
        }
        samples.sort()
        print("session claim add on this workspace (parse, transaction and history, check of the group, event file rewritten and "
              + "made durable), 1,000 commands: p50 \(format(samples[500] * 1000, decimals: 2)) ms, p99 \(format(samples[990] * 1000, decimals: 2)) ms")
    }

    /// The session's `claim add` on one event of 3,000 claims (a toll rising a minute a report):
    /// each command rewrites a 1 MB event file and checks a group of 3,000; 100 commands.
    static func largeEventLatency() throws {
        let folder = NSTemporaryDirectory() + "cc-bench-large-event-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder + "/Claims", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let source = Source(id: "s0", title: "Live blog", outlet: "Outlet", reliability: .b)
        try LedgerFiles.writeRegistry(SourceRegistry(sources: [source])).write(toFile: folder + "/Sources.json", atomically: true, encoding: .utf8)
        var claims: [Claim] = []
        for n in 0..<3_000 {
            let time = try ReportedTime(String(format: "2025-06-%02dT%02d:%02d+03:00", 17 + n / 1440, n % 1440 / 60, n % 60))
            let link = Link(source: "s0", quote: "\(n + 1) people were injured, officials said at update \(n)")
            claims.append(Claim(id: "c\(n + 1)", metric: "injured", text: "\(n + 1) injured", figure: .exactly(Double(n + 1)), asOf: time,
                                sources: [link]))
        }
        let ledger = EventLedger(event: Event(id: "busy", title: "Busy"), metrics: [Metric(id: "injured", kind: .cumulative)], claims: claims)
        try LedgerFiles.writeEvent(ledger).write(toFile: folder + "/Claims/busy.json", atomically: true, encoding: .utf8)
        let session = try Session(workspace: try Workspace(directory: folder))
        _ = try session.run("event use busy")
        _ = try session.run("source use s0")
        var samples: [Double] = []
        for i in 0..<100 {
            let line = "claim add \"\(3_001 + i) injured\" --as-of 2025-06-20T\(String(format: "%02d:%02d", 10 + i / 60, i % 60))+03:00"
            samples.append(median(repeats: 1) { verify((try? session.run(line))?.hasPrefix("c") == true, "claim add failed: \(line)") })
        }
        samples.sort()
        print("session claim add on one event of 3,000 claims (a 1 MB event file), 100 commands: p50 \(format(samples[50] * 1000, decimals: 1)) ms, "
              + "slowest \(format(samples[99] * 1000, decimals: 1)) ms")
    }

    /// SQLite's own `.import` of the same claim and link rows as CSV, into the same tables.
    static func sqliteFloor(input: String) throws {
        let folder = NSTemporaryDirectory() + "cc-bench-sqlite-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try writeFloorRows(into: folder, false: "0")
        let script = """
            .output /dev/null
            PRAGMA journal_mode = WAL;
            .output stdout
            CREATE TABLE claim (id TEXT PRIMARY KEY NOT NULL, event TEXT NOT NULL, metric TEXT NOT NULL, scope TEXT,
                text TEXT NOT NULL, lower REAL NOT NULL, upper REAL, lowerOpen INTEGER NOT NULL, upperOpen INTEGER NOT NULL,
                approximate INTEGER NOT NULL, kind TEXT NOT NULL, unit TEXT, coded REAL, asOf TEXT, asOfEarliest INTEGER,
                asOfLatest INTEGER, confidence TEXT, status TEXT);
            CREATE INDEX claim_by_event_metric_scope ON claim(event, metric, scope);
            CREATE TABLE link (claim TEXT NOT NULL, position INTEGER NOT NULL, source TEXT NOT NULL, quote TEXT,
                attributedTo TEXT, credibility INTEGER, PRIMARY KEY (claim, position));
            CREATE INDEX link_by_source ON link(source);
            BEGIN;
            .import --csv \(folder)/claim.csv claim
            .import --csv \(folder)/link.csv link
            COMMIT;
            """
        try script.write(toFile: folder + "/import.sql", atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [folder + "/floor.sqlite", ".read " + folder + "/import.sql"]
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            try process.run()
            process.waitUntilExit()
        }
        verify(process.terminationStatus == 0, "sqlite3 .import failed")
        let seconds = seconds(elapsed)
        print("sqlite3 .import of the same \(events * claimsPerEvent) claim rows and their links as CSV (the floor): "
              + "\(format(seconds, decimals: 2)) s: \(format(Double(events * claimsPerEvent) / seconds)) claims/s")
    }

    /// The claim and link rows of a floor import as CSV, `claim.csv` and `link.csv` in `folder`,
    /// a flag false written as the importer reads it.
    static func writeFloorRows(into folder: String, false no: String) throws {
        var claims = "", links = ""
        for e in 0..<events {
            for c in 0..<claimsPerEvent {
                let id = "e\(e)c\(c)"
                claims += "\(id),event-\(e),killed,Kyiv,at least \(c),\(c),,\(no),\(no),\(no),count,,\(c),2025-06-17,,,likely,open\n"
                links += "\(id),0,s\(c % sources),at least \(c),Ukrainian officials,3\n"
            }
        }
        try claims.write(toFile: folder + "/claim.csv", atomically: true, encoding: .utf8)
        try links.write(toFile: folder + "/link.csv", atomically: true, encoding: .utf8)
    }

    /// Writes the generated ledger's files with crosscheck's own writer.
    static func generate(into folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder + "/Claims", withIntermediateDirectories: true)
        let registry = (0..<sources).map { Source(id: "s\($0)", title: "Report \($0)", outlet: "Outlet \($0 % 50)",
                                                  published: try? ReportedTime("2025-06-17"), reliability: .b) }
        try LedgerFiles.writeSources(registry).write(toFile: folder + "/Sources.json", atomically: true, encoding: .utf8)
        // The check benchmark's ledgers: a toll rising over a week, reported by many outlets.
        for e in 0..<events {
            try LedgerFiles.writeEvent(CheckBenchmark.ledger(event: e, claims: claimsPerEvent))
                .write(toFile: folder + "/Claims/event-\(e).json", atomically: false, encoding: .utf8)
        }
        _ = FileManager.default.createFile(atPath: folder + "/done", contents: nil)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}
