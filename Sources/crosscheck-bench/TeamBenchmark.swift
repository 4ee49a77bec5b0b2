import CrosscheckCore
import CrosscheckPostgres
import CrosscheckSession
import CrosscheckStore
import Foundation

/// A team's ledger on PostgreSQL: the import of the generated 1,000,000 claims beside `psql \copy`
/// of the same rows in the same run, the full check read from the server beside the SQLite
/// store's, and `claim add` with 8 sessions writing at once. Needs a server the benchmark may
/// make databases on: `CC_BENCH_DB=postgres://USER@HOST:PORT/DATABASE` (it makes its own
/// database there and drops it after).
enum TeamBenchmark {
    static func run() throws {
        guard let url = ProcessInfo.processInfo.environment["CC_BENCH_DB"], ServerAddress.isServer(url) else {
            print("team: set CC_BENCH_DB=postgres://USER@HOST:PORT/DATABASE (a server this benchmark may make a database on)")
            exit(2)
        }
        let database = "crosscheck_bench_\(getpid())"
        try psql(url, "CREATE DATABASE \(database)")
        defer { _ = try? psql(url, "DROP DATABASE \(database)") }
        var address = URLComponents(string: url)!
        address.path = "/" + database
        let benchURL = address.string!
        let input = try LedgerBenchmark.generated()
        let claims = LedgerBenchmark.events * LedgerBenchmark.claimsPerEvent

        let server = Workspace(shared: try ServerLedger(try ServerAddress(benchURL)), actor: "bench")
        let importSeconds = try median(repeats: 1) {
            let count = try server.importFiles([input + "/Sources.json", input + "/Claims"], command: "import")
            verify(count.claims == claims, "imported \(count.claims) claims")
        }
        print("import into PostgreSQL: \(claims) claims over \(LedgerBenchmark.events) events in \(format(importSeconds, decimals: 2)) s: "
              + "\(format(Double(claims) / importSeconds)) claims/s (files read, checked, stored by COPY in one transaction)")
        try copyFloor(benchURL)

        let serverCheck = try checkSeconds(server)
        let local = try sqliteWorkspace(input)
        let localCheck = try checkSeconds(local.workspace)
        print("check --json of the whole ledger: from PostgreSQL \(format(serverCheck, decimals: 2)) s, from SQLite "
              + "\(format(localCheck, decimals: 2)) s (median of 3): \(format(serverCheck / localCheck, decimals: 2))×")
        try? FileManager.default.removeItem(atPath: local.folder)

        try latency(benchURL, events: Array(repeating: "event-0", count: 8), what: "on one event")
        try latency(benchURL, events: (1...8).map { "event-\($0 * 101 % LedgerBenchmark.events)" }, what: "each on its own event")
    }

    /// `psql \copy` of the same claim and link rows as CSV into tables keyed and indexed as the store's.
    static func copyFloor(_ url: String) throws {
        let folder = NSTemporaryDirectory() + "cc-bench-copy-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try LedgerBenchmark.writeFloorRows(into: folder, false: "f")
        try psql(url, """
            CREATE TABLE floor_claim (id TEXT COLLATE "C" PRIMARY KEY, event TEXT COLLATE "C" NOT NULL, metric TEXT COLLATE "C" NOT NULL,
                scope TEXT COLLATE "C", text TEXT NOT NULL, lower DOUBLE PRECISION NOT NULL, upper DOUBLE PRECISION,
                lowerOpen BOOLEAN NOT NULL, upperOpen BOOLEAN NOT NULL, approximate BOOLEAN NOT NULL, kind TEXT NOT NULL, unit TEXT,
                coded DOUBLE PRECISION, asOf TEXT, asOfEarliest BIGINT, asOfLatest BIGINT, confidence TEXT, status TEXT);
            CREATE INDEX floor_claim_group ON floor_claim(event, metric, scope);
            CREATE TABLE floor_link (claim TEXT COLLATE "C" NOT NULL REFERENCES floor_claim(id), position INTEGER NOT NULL,
                source TEXT COLLATE "C" NOT NULL, quote TEXT, attributedTo TEXT, credibility INTEGER, PRIMARY KEY (claim, position));
            CREATE INDEX floor_link_source ON floor_link(source);
            """)
        let script = folder + "/copy.sql"
        try """
            BEGIN;
            \\copy floor_claim (id, event, metric, scope, text, lower, upper, loweropen, upperopen, approximate, kind, unit, coded, asof, asofearliest, asoflatest, confidence, status) FROM '\(folder)/claim.csv' WITH (FORMAT csv)
            \\copy floor_link (claim, position, source, quote, attributedto, credibility) FROM '\(folder)/link.csv' WITH (FORMAT csv)
            COMMIT;
            """.write(toFile: script, atomically: true, encoding: .utf8)
        let seconds = try median(repeats: 1) { try psql(url, file: script) }
        let claimCount = LedgerBenchmark.events * LedgerBenchmark.claimsPerEvent
        print("psql \\copy of the same \(claimCount) claim rows and their links as CSV, keyed and indexed alike (the floor): "
              + "\(format(seconds, decimals: 2)) s: \(format(Double(claimCount) / seconds)) claims/s")
    }

    /// The whole check rendered as JSON, the median of 3 runs.
    static func checkSeconds(_ workspace: Workspace) throws -> Double {
        var runs: [Double] = []
        for _ in 0..<3 {
            runs.append(try median(repeats: 1) {
                let document = try workspace.check(format: .json)
                verify(document.counts.consensus == LedgerBenchmark.events * 2, "\(document.counts.consensus) consensus lines")
            })
        }
        return runs.sorted()[1]
    }

    /// The same ledger in a workspace of files, for the check to compare with.
    static func sqliteWorkspace(_ input: String) throws -> (workspace: Workspace, folder: String) {
        let folder = NSTemporaryDirectory() + "cc-bench-team-sqlite-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let workspace = try Workspace(directory: folder)
        try workspace.importFiles([input + "/Sources.json", input + "/Claims"], command: "import")
        return (workspace, folder)
    }

    /// 8 sessions, each its own connection and thread, each adding 100 claims to its event at
    /// once: the time of each `claim add` (parse, one transaction under the server's lock with
    /// its number from the server, the check of its group).
    static func latency(_ url: String, events: [String], what: String) throws {
        let samples = Samples()
        let failed = Samples()
        let (start, processor) = (ContinuousClock.now, cpuSeconds())
        // A thread each: a dispatch queue would run only as many at once as there are cores.
        onThreads(events.count) { analyst in
            do {
                let session = try Session(workspace: Workspace(shared: try ServerLedger(try ServerAddress(url)), actor: "analyst\(analyst)"))
                _ = try session.run("event use \(events[analyst])")
                for i in 0..<100 {
                    if i % 10 == 0 { _ = try session.run("source use s\((analyst * 100 + i) % LedgerBenchmark.sources)") }
                    let line = "claim add \"\(200 + analyst * 100 + i) killed\" --scope Kyiv --attributed \"Official \(analyst)\" --credibility 2"
                    samples.add(try median(repeats: 1) { verify((try session.run(line))?.hasPrefix("c") == true, "claim add failed: \(line)") })
                }
            } catch {
                failed.add(0)
                print("claim add failed: \(error)")
            }
        }
        verify(failed.all.isEmpty, "a session failed")
        let (elapsed, used) = (LedgerBenchmark.seconds(ContinuousClock.now - start), cpuSeconds() - processor)
        let sorted = samples.all.sorted()
        print("claim add with 8 sessions writing at once, \(what), 800 commands: p50 \(format(sorted[sorted.count / 2] * 1000, decimals: 2)) ms, "
              + "p99 \(format(sorted[sorted.count * 99 / 100] * 1000, decimals: 2)) ms; all 800 in \(format(elapsed, decimals: 2)) s, "
              + "\(format(used / Double(sorted.count) * 1000, decimals: 2)) ms of crosscheck's processor time each (the server's besides)")
    }

    /// Runs psql on the server: `command`, or the script `file`; stops the benchmark if it fails.
    @discardableResult
    static func psql(_ url: String, _ command: String? = nil, file: String? = nil) throws -> String {
        let process = Process()
        let candidates = ["/usr/bin/psql"] + ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
            .sorted().map { "/usr/lib/postgresql/\($0)/bin/psql" }
        guard let psql = candidates.first(where: FileManager.default.isExecutableFile) else {
            print("team: no psql (apt-get install -y postgresql-client)")
            exit(2)
        }
        process.executableURL = URL(fileURLWithPath: psql)
        process.arguments = [url, "-q", "-v", "ON_ERROR_STOP=1"] + (command.map { ["-c", $0] } ?? []) + (file.map { ["-f", $0] } ?? [])
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        verify(process.terminationStatus == 0, "psql failed: \(command ?? file ?? "")")
        return String(decoding: data, as: UTF8.self)
    }
}

/// Runs `body` on `count` threads at once, and returns when every one has finished.
private func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let finished = DispatchGroup()
    for index in 0..<count {
        finished.enter()
        Thread {
            body(index)
            finished.leave()
        }.start()
    }
    finished.wait()
}

/// Timings gathered from several threads.
private final class Samples: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Double] = []
    func add(_ item: Double) { lock.withLock { items.append(item) } }
    var all: [Double] { lock.withLock { items } }
}
