import CrosscheckCore
import Foundation

/// How the import and the check grow with the ledger, measured, not assumed: the real
/// `crosscheck` binary (built in release beside this one) imports generated ledgers of 100,000
/// and 1,000,000 claims (and 10,000,000 with `CC_BENCH_GROWTH_LARGEST=10000000`; minutes) and
/// checks them with `--json`, each in a process of its own so that its peak memory is its own,
/// beside sqlite3's `.import` of the same rows (keyed by claim id, indexed by group and by
/// source). Two generators: the kind ledger (a toll rising over a week in each event, as the
/// check benchmark's) and the random one (random figures from 1,000 sources, many of them
/// in conflict).
enum GrowthBenchmark {
    enum Generator: String, CaseIterable {
        case kind, random
    }

    static func run() throws {
        let largest = ProcessInfo.processInfo.environment["CC_BENCH_GROWTH_LARGEST"].flatMap(Int.init) ?? 1_000_000
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("crosscheck").path
        verify(FileManager.default.isExecutableFile(atPath: binary), "no \(binary): swift build -c release --product crosscheck first")
        print("| ledger | claims | import | claims/s | peak | sqlite3 .import | import / sqlite3 | one table | import / one table | check --json | peak | output |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        let root = NSTemporaryDirectory() + "cc-growth-\(getpid())"
        // The event files of every size are removed at the end, not before the next size: on an
        // ext4 without a journal (this VM's disk), each file made in the minutes after thousands were
        // removed costs a scan over them, which would be timed as the next import's.
        defer { try? FileManager.default.removeItem(atPath: root) }
        for generator in Generator.allCases {
            for size in [100_000, 1_000_000, 10_000_000] where size <= largest {
                try measure(generator, claims: size, binary: binary, in: root + "/\(generator.rawValue)-\(size)")
            }
        }
    }

    private static func measure(_ generator: Generator, claims: Int, binary: String, in folder: String) throws {
        try? FileManager.default.removeItem(atPath: folder)
        // The large files go at once, the many small ones with the rest at the end.
        defer {
            for name in ["claim.csv", "link.csv", "one-table.csv", "floor.sqlite", "workspace/.crosscheck"] {
                try? FileManager.default.removeItem(atPath: folder + "/" + name)
            }
        }
        try generate(generator, events: claims / 100, into: folder)
        let workspace = folder + "/workspace"
        verify(try Child.run(binary, ["init", workspace]).status == 0, "crosscheck init failed")
        let imported = try Child.run(binary, ["--workspace", workspace, "import", folder + "/Sources.json", folder + "/Claims"])
        verify(imported.status == 0, "crosscheck import failed")
        let floor = try sqliteImport(folder, script: floorScript)
        // One table holds a claim and its source only where a claim has one source.
        let oneTable = generator == .random ? try sqliteImport(folder, script: oneTableScript) : nil
        let checked = try Child.run(binary, ["--workspace", workspace, "check", "--json"])
        verify(checked.status <= 1 && checked.output > 0, "crosscheck check --json failed")
        print("| \(generator.rawValue) | \(format(Double(claims))) | \(format(imported.seconds, decimals: 1)) s | "
              + "\(format(Double(claims) / imported.seconds)) | \(format(imported.peakMB)) MB | \(format(floor, decimals: 1)) s | "
              + "\(format(floor / imported.seconds, decimals: 2)) | "
              + (oneTable.map { "\(format($0, decimals: 1)) s | \(format($0 / imported.seconds, decimals: 2)) | " } ?? "– | – | ")
              + "\(format(checked.seconds, decimals: 2)) s | \(format(checked.peakMB)) MB | \(format(Double(checked.output) / 1e6)) MB |")
        // A row at a time: the largest take minutes each.
        fflush(nil)
    }

    /// The ledger's files with crosscheck's own writer, and its claim and link rows as CSV for sqlite3.
    private static func generate(_ generator: Generator, events: Int, into folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder + "/Claims", withIntermediateDirectories: true)
        let sources = 1_000
        let registry = (0..<sources).map { Source(id: "s\($0)", title: "Report \($0)", outlet: "Outlet \($0 % 97)",
                                                  published: try? ReportedTime("2025-06-\(String(format: "%02d", 1 + $0 % 28))"),
                                                  reliability: Reliability.allCases[$0 % 6]) }
        try LedgerFiles.writeSources(registry).write(toFile: folder + "/Sources.json", atomically: true, encoding: .utf8)
        let rows = try CSVRows(folder)
        var random = SplitMix64(state: 42)
        for e in 0..<events {
            let ledger = generator == .kind ? CheckBenchmark.ledger(event: e, claims: 100) : randomLedger(e, sources: sources, &random)
            try LedgerFiles.writeEvent(ledger).write(toFile: folder + "/Claims/event-\(e).json", atomically: false, encoding: .utf8)
            rows.add(ledger)
        }
        rows.close()
    }

    /// 100 claims of random figures: four metrics, three areas, a day each ten claims, a source
    /// drawn from all of them.
    private static func randomLedger(_ event: Int, sources: Int, _ random: inout SplitMix64) -> EventLedger {
        let metrics = ["killed", "injured", "drones", "missiles"]
        let parser = FigureParser()
        let claims = (0..<100).map { k -> Claim in
            let value = Int(random.next() % 500) + 1
            let phrases = ["at least \(value)", "more than \(value)", "\(value)", "about \(value)", "nearly \(value)",
                           "between \(value) and \(value + Int(random.next() % 20) + 1)", "up to \(value)", "\(value)+"]
            let text = phrases[Int(random.next() % UInt64(phrases.count))]
            let figure = (try? parser.parse(text).figure) ?? .exactly(Double(value))
            let link = Link(source: "s\(random.next() % UInt64(sources))", quote: text)
            return Claim(id: "e\(event)-c\(k)", metric: metrics[k % 4], scope: "Area \(k % 3)", text: text, figure: figure,
                         asOf: try? ReportedTime("2025-06-\(String(format: "%02d", min(1 + k / 10, 28)))"), status: .open, sources: [link])
        }
        return EventLedger(event: Event(id: "event-\(event)", title: "Event \(event)"),
                           scopes: (0..<3).map { Scope(id: "Area \($0)") }, claims: claims).declaringStandardMetrics()
    }

    /// sqlite3's own `.import` of the generated rows, timed: the floor.
    private static func sqliteImport(_ folder: String, script: (String) -> String) throws -> Double {
        try? FileManager.default.removeItem(atPath: folder + "/floor.sqlite")
        try script(folder).write(toFile: folder + "/import.sql", atomically: true, encoding: .utf8)
        let run = try Child.run("/usr/bin/sqlite3", [folder + "/floor.sqlite", ".read " + folder + "/import.sql"])
        verify(run.status == 0, "sqlite3 .import failed")
        return run.seconds
    }

    /// The claim and link rows as crosscheck stores them, into the same keys and indexes, in WAL mode.
    private static func floorScript(_ folder: String) -> String {
        """
            .output /dev/null
            PRAGMA journal_mode = WAL;
            .output stdout
            CREATE TABLE claim (id TEXT PRIMARY KEY NOT NULL, event TEXT NOT NULL, metric TEXT NOT NULL, scope TEXT,
                text TEXT NOT NULL, lower REAL NOT NULL, upper REAL, lowerOpen INTEGER NOT NULL, upperOpen INTEGER NOT NULL,
                approximate INTEGER NOT NULL, kind TEXT NOT NULL, coded REAL, asOf TEXT, status TEXT);
            CREATE INDEX claim_by_event_metric_scope ON claim(event, metric, scope);
            CREATE TABLE link (claim TEXT NOT NULL, position INTEGER NOT NULL, source TEXT NOT NULL, quote TEXT,
                PRIMARY KEY (claim, position));
            CREATE INDEX link_by_source ON link(source);
            BEGIN;
            .import --csv \(folder)/claim.csv claim
            .import --csv \(folder)/link.csv link
            COMMIT;
            """
    }

    /// A claim and its one source as one row of seven text columns, keyed by claim id and indexed
    /// by group and by source, sqlite3's defaults otherwise: the cheapest floor of the same claims.
    private static func oneTableScript(_ folder: String) -> String {
        """
            CREATE TABLE claim (event TEXT, id TEXT PRIMARY KEY, metric TEXT, scope TEXT, text TEXT, asOf TEXT, source TEXT);
            CREATE INDEX claim_by_event_metric_scope ON claim(event, metric, scope);
            CREATE INDEX claim_by_source ON claim(source);
            .import --csv \(folder)/one-table.csv claim
            """
    }
}

/// The claim and link rows of generated events, as CSV, written as they come; and, for claims
/// of one source, each claim with its source as one row.
private final class CSVRows {
    private let claims: FileHandle, links: FileHandle, oneTable: FileHandle
    private var claimText = "", linkText = "", oneTableText = ""

    init(_ folder: String) throws {
        for name in ["claim.csv", "link.csv", "one-table.csv"] { FileManager.default.createFile(atPath: folder + "/" + name, contents: nil) }
        claims = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/claim.csv"))
        links = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/link.csv"))
        oneTable = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/one-table.csv"))
    }

    func add(_ ledger: EventLedger) {
        for claim in ledger.claims {
            let figure = claim.figure
            let fields: [String] = [
                claim.id, ledger.event.id, claim.metric, claim.scope ?? "", "\"\(claim.text)\"", "\(figure.lower)",
                figure.upper.map { "\($0)" } ?? "", figure.lowerOpen ? "1" : "0", figure.upperOpen ? "1" : "0",
                figure.approximate ? "1" : "0", figure.kind.rawValue, figure.coded.map { "\($0)" } ?? "",
                claim.asOf?.description ?? "", claim.status?.rawValue ?? "",
            ]
            claimText += fields.joined(separator: ",") + "\n"
            for (position, link) in claim.sources.enumerated() {
                linkText += "\(claim.id),\(position),\(link.source),\"\(link.quote ?? "")\"\n"
            }
            if claim.sources.count == 1 {
                oneTableText += [ledger.event.id, claim.id, claim.metric, claim.scope ?? "", "\"\(claim.text)\"",
                                 claim.asOf?.description ?? "", claim.sources[0].source].joined(separator: ",") + "\n"
            }
        }
        if claimText.utf8.count > 1 << 20 { flush() }
    }

    private func flush() {
        claims.write(Data(claimText.utf8))
        links.write(Data(linkText.utf8))
        oneTable.write(Data(oneTableText.utf8))
        (claimText, linkText, oneTableText) = ("", "", "")
    }

    func close() {
        flush()
        for file in [claims, links, oneTable] { try? file.close() }
    }
}

/// A child process run to its end, once the disk has taken what was written before it: how long
/// it took, its peak memory (its own, from `wait4`), and how many bytes it wrote to standard
/// output (read and counted, not kept).
enum Child {
    struct Run {
        var seconds: Double
        var peakMB: Double
        var output: Int
        var status: Int32
    }

    static func run(_ path: String, _ arguments: [String]) throws -> Run {
        var ends: [Int32] = [0, 0]
        verify(pipe(&ends) == 0, "no pipe")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, ends[1], 1)
        posix_spawn_file_actions_addclose(&actions, ends[0])
        posix_spawn_file_actions_addclose(&actions, ends[1])
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        // What the step before left to write back is written before the clock starts, not
        // while this command runs.
        sync()
        let start = ContinuousClock.now
        verify(posix_spawn(&pid, path, &actions, nil, argv, environ) == 0, "cannot run \(path)")
        close(ends[1])
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var output = 0
        while true {
            let count = read(ends[0], &buffer, buffer.count)
            if count <= 0 { break }
            output += count
        }
        close(ends[0])
        var status: Int32 = 0
        var usage = rusage()
        _ = wait4(pid, &status, 0, &usage)
        let elapsed = ContinuousClock.now - start
        return Run(seconds: LedgerBenchmark.seconds(elapsed), peakMB: Double(usage.ru_maxrss) / 1024, output: output,
                   status: (status >> 8) & 0xFF)
    }
}
