import Foundation
import GRDB
import Testing

/// Event files of `events` events with `claims` claims each, and their sources, in a new folder;
/// `dated`: the claims spread over four weeks, which makes updates and unordered pairs.
func generatedLedger(events: Int, claims: Int, firstEvent: Int = 0, dated: Bool = false) throws -> String {
    let folder = try Binary.temporaryFolder().path
    try FileManager.default.createDirectory(atPath: folder + "/Claims", withIntermediateDirectories: true)
    let sources = (0..<10).map { #"{ "id": "s\#($0)", "title": "Report \#($0)", "outlet": "Outlet \#($0)" }"# }
    try #"{ "format": "crosscheck-sources/1", "sources": [\#(sources.joined(separator: ", "))] }"#
        .write(toFile: folder + "/Sources.json", atomically: true, encoding: .utf8)
    let phrases = ["at least 23", "about 80", "more than 400", "14", "nearly 500", "dozens"]
    for e in firstEvent..<firstEvent + events {
        var lines: [String] = []
        for c in 0..<claims {
            lines.append(#"{ "id": "e\#(e)c\#(c)", "metric": "killed", "text": "\#(phrases[c % phrases.count])", "asOf": "2025-06-\#(dated ? String(format: "%02d", 1 + c % 28) : "17")", "sources": [{ "source": "s\#(c % 10)", "credibility": \#(c % 6 + 1) }] }"#)
        }
        try """
            { "format": "crosscheck-claims/1", "event": { "id": "event-\(e)", "title": "Event \(e)" },
              "metrics": [{ "id": "killed", "kind": "cumulative" }], "claims": [\(lines.joined(separator: ",\n"))] }
            """.write(toFile: folder + "/Claims/event-\(e).json", atomically: true, encoding: .utf8)
    }
    return folder
}

/// The number of events and claims the database holds, after checking its integrity.
func census(_ workspace: String) throws -> (events: Int, claims: Int) {
    let path = workspace + "/.crosscheck/ledger.sqlite"
    guard FileManager.default.fileExists(atPath: path) else { return (0, 0) }
    let queue = try DatabaseQueue(path: path)
    return try queue.read { db in
        #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        guard tables.contains("claim") else { return (0, 0) }
        return (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event") ?? 0, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM claim") ?? 0)
    }
}

@Suite("The ledger under kills and concurrent writers", .serialized)
struct LedgerProcessTests {
    @Test("a process killed during an import leaves the ledger as before or after, never half-written")
    func killedImport() throws {
        let input = try generatedLedger(events: 40, claims: 250)
        for attempt in 0..<6 {
            let workspace = try Binary.temporaryFolder().path
            let process = Process()
            process.executableURL = Binary.url
            process.arguments = ["import", "--workspace", workspace, input + "/Sources.json", input + "/Claims"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(50_000 + attempt * 300_000))  // from parsing the files to writing them
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let (events, claims) = try census(workspace)
            #expect((events, claims) == (0, 0) || (events, claims) == (40, 10_000), "attempt \(attempt): \(events) events, \(claims) claims")
            // The workspace opens and answers afterwards, whatever the kill interrupted; killed before
            // it made anything, there is no workspace, and a command says so rather than make one.
            let after = try Binary.run(["export", "--format", "json", "--workspace", workspace])
            if FileManager.default.fileExists(atPath: workspace + "/.crosscheck/ledger.sqlite") {
                #expect(after.status == 0, "\(after.stderr)")
            } else {
                #expect(after.status == 2 && after.stderr.contains("not a crosscheck workspace"), "\(after.stderr)")
            }
            try? FileManager.default.removeItem(atPath: workspace)
        }
    }

    @Test("two processes importing into one workspace at once both succeed and lose nothing")
    func concurrentImports() throws {
        let workspace = try Binary.temporaryFolder().path
        let first = try generatedLedger(events: 20, claims: 100)
        let second = try generatedLedger(events: 20, claims: 100, firstEvent: 20)
        let processes = [first, second].map { input -> Process in
            let process = Process()
            process.executableURL = Binary.url
            process.arguments = ["import", "--workspace", workspace, input + "/Sources.json", input + "/Claims"]
            process.standardOutput = FileHandle.nullDevice
            return process
        }
        for process in processes { try process.run() }
        for process in processes { process.waitUntilExit() }
        #expect(processes.map(\.terminationStatus) == [0, 0])
        #expect(try census(workspace) == (40, 4000))
        // The files match the database: importing them into a new workspace gives the same export.
        let fresh = try Binary.temporaryFolder().path
        let imported = try Binary.run(["import", "--workspace", fresh, workspace + "/Sources.json", workspace + "/Claims"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let a = try Binary.run(["export", "--format", "json", "--workspace", workspace])
        let b = try Binary.run(["export", "--format", "json", "--workspace", fresh])
        #expect(a.stdout == b.stdout && !a.stdout.isEmpty)
    }

    /// Claims each session adds: CROSSCHECK_SESSION_CLAIMS, 60 in an ordinary run (docs/reliability.md's
    /// figure comes from 750 each, 3,000 commands in all).
    static let sessionClaims = ProcessInfo.processInfo.environment["CROSSCHECK_SESSION_CLAIMS"].flatMap(Int.init) ?? 60

    @Test("four sessions adding claims to one event at once: every claim lands once, numbered once, and the files match the database")
    func concurrentSessions() throws {
        let perSession = Self.sessionClaims, all = 4 * Self.sessionClaims
        let workspace = try Binary.sampleWorkspace()
        defer { try? FileManager.default.removeItem(atPath: workspace) }
        #expect(try Binary.run(["--workspace", workspace], stdin: "event use busy --title Busy\n").status == 0)
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A toll rising a minute a claim, the four sessions' claims interleaved in time.
        let processes = try (0..<4).map { session -> (Process, URL) in
            var script = "event use busy\nsource use anews-2025-06-17\n"
            for i in 0..<perSession {
                let n = i * 4 + session
                let time = String(format: "2025-06-%02dT%02d:%02d+03:00", 17 + n / 1440, n % 1440 / 60, n % 60)
                script += "claim add \"\(n + 1) injured\" --as-of \(time) --quote \"s\(session) i\(i)\"\n"
            }
            let input = folder.appendingPathComponent("script-\(session)"), output = folder.appendingPathComponent("out-\(session)")
            try script.write(to: input, atomically: true, encoding: .utf8)
            FileManager.default.createFile(atPath: output.path, contents: nil)
            let process = Process()
            process.executableURL = Binary.url
            process.arguments = ["--workspace", workspace]
            process.standardInput = try FileHandle(forReadingFrom: input)
            process.standardOutput = try FileHandle(forWritingTo: output)
            process.standardError = FileHandle.nullDevice
            return (process, output)
        }
        for (process, _) in processes { try process.run() }
        for (process, _) in processes { process.waitUntilExit() }
        #expect(processes.map(\.0.terminationStatus) == [0, 0, 0, 0])
        // Each session numbered its claims, and no number twice across the sessions.
        let numbered = try processes.map { try String(contentsOf: $0.1, encoding: .utf8).split(separator: "\n").filter { $0.hasPrefix("c") } }
        #expect(numbered.map(\.count) == [perSession, perSession, perSession, perSession])
        let ids = numbered.flatMap { $0.map { $0.prefix { $0 != ":" } } }
        #expect(Set(ids).count == all)
        #expect(try census(workspace) == (4, 24 + all))
        let file = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: workspace + "/Claims/busy.json"))) as? [String: Any])
        let quotes = (file["claims"] as? [[String: Any]] ?? []).compactMap { (($0["sources"] as? [[String: Any]])?.first?["quote"]) as? String }
        #expect(Set(quotes).count == all)
        // The files match the database: importing them into a new workspace gives the same export.
        let fresh = try Binary.temporaryFolder().path
        defer { try? FileManager.default.removeItem(atPath: fresh) }
        #expect(try Binary.run(["import", "--workspace", fresh, workspace + "/Sources.json", workspace + "/Claims"]).status == 0)
        let a = try Binary.run(["export", "--format", "json", "--workspace", workspace])
        let b = try Binary.run(["export", "--format", "json", "--workspace", fresh])
        #expect(a.stdout == b.stdout && !a.stdout.isEmpty)
        // A rising toll, in whatever order the sessions wrote it: no conflict.
        #expect(try Binary.run(["check", "--event", "busy", "--workspace", workspace]).status == 0)
    }

    @Test("a locked database: one clear line, exit 2, and the ledger as it was")
    func lockedDatabase() throws {
        let workspace = try Binary.temporaryFolder().path
        let input = try generatedLedger(events: 2, claims: 5)
        #expect(try Binary.run(["import", "--workspace", workspace, input + "/Sources.json", input + "/Claims"]).status == 0)
        let before = try Binary.run(["export", "--format", "json", "--workspace", workspace]).stdout
        let other = try generatedLedger(events: 1, claims: 3, firstEvent: 7)
        let queue = try DatabaseQueue(path: workspace + "/.crosscheck/ledger.sqlite")
        try queue.inDatabase { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            let result = try Binary.run(["import", "--workspace", workspace, other + "/Claims"],
                                        environment: ["CROSSCHECK_BUSY_TIMEOUT": "1"])
            #expect(result.status == 2)
            #expect(result.stderr == "crosscheck: \(workspace)/.crosscheck/ledger.sqlite: cannot open the database: "
                    + "the database is locked by another process; try again\n")
            try db.execute(sql: "ROLLBACK")
        }
        #expect(try Binary.run(["export", "--format", "json", "--workspace", workspace]).stdout == before)
    }
}

@Suite("A process killed while it rewrites the workspace files", .serialized)
struct RewriteKillTests {
    @Test("killed after its commit, with one file renamed: the next command finishes the rewrite from the database")
    func killedRewrite() throws {
        let workspace = try Binary.temporaryFolder().path
        let first = try generatedLedger(events: 3, claims: 4)
        #expect(try Binary.run(["import", "--workspace", workspace, first + "/Sources.json", first + "/Claims"]).status == 0)
        // The same events with more claims: every event file changes.
        let second = try generatedLedger(events: 3, claims: 9)
        let killed = try Binary.run(["import", "--workspace", workspace, second + "/Claims"], environment: ["CROSSCHECK_FAULT": "rename"])
        #expect(killed.status != 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: workspace + "/Claims").sorted()
        #expect(names.filter { $0.contains(".json.tmp-") }.count == 2, "the two files the killed rewrite had not renamed: \(names)")

        // The import committed: the database holds it, and opening the workspace rewrites the pending files.
        let export = try Binary.run(["export", "--format", "json", "--workspace", workspace])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(try census(workspace) == (3, 27))
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace + "/Claims").sorted()
                == ["event-0.json", "event-1.json", "event-2.json"])
        // The files now say what the database holds.
        let fresh = try Binary.temporaryFolder().path
        #expect(try Binary.run(["import", "--workspace", fresh, workspace + "/Sources.json", workspace + "/Claims"]).status == 0)
        #expect(try Binary.run(["export", "--format", "json", "--workspace", fresh]).stdout == export.stdout)
    }
}

@Suite("A read-only workspace")
struct ReadOnlyWorkspaceTests {
    @Test("import into a workspace the user cannot write: one clear line, exit 2, files and database as they were")
    func readOnly() throws {
        let workspace = try Binary.temporaryFolder().path
        let input = try generatedLedger(events: 2, claims: 3)
        #expect(try Binary.run(["import", "--workspace", workspace, input + "/Sources.json", input + "/Claims"]).status == 0)
        let database = try Data(contentsOf: URL(fileURLWithPath: workspace + "/.crosscheck/ledger.sqlite"))
        let file = try String(contentsOfFile: workspace + "/Claims/event-0.json", encoding: .utf8)
        let other = try generatedLedger(events: 1, claims: 5)
        try makeReadOnly(other)
        try makeReadOnly(workspace)
        defer { _ = try? Binary.runCommand("/bin/chmod", ["-R", "u+w", workspace]) }
        // root ignores file modes: run the binary as nobody then, for whom they hold.
        let result: Binary.Output
        if getuid() == 0 {
            // A copy nobody can reach, wherever the build folder is.
            let copy = try Binary.temporaryFolder().path + "/crosscheck"
            try FileManager.default.copyItem(atPath: Binary.url.path, toPath: copy)
            try makeReadOnly((copy as NSString).deletingLastPathComponent)
            result = try Binary.runCommand("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", copy,
                                                                "import", "--workspace", workspace, other + "/Claims"])
        } else {
            result = try Binary.run(["import", "--workspace", workspace, other + "/Claims"])
        }
        #expect(result.status == 2)
        #expect(result.stderr == "crosscheck: \(workspace)/.crosscheck/lock: cannot lock: Permission denied; is the workspace read-only?\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: workspace + "/.crosscheck/ledger.sqlite")) == database)
        #expect(try String(contentsOfFile: workspace + "/Claims/event-0.json", encoding: .utf8) == file)
    }

    /// Readable by all (nobody among them), writable by none. Only the test's own folder is
    /// changed: the folders above it (the system's temporary folder) must already let others
    /// through, as /tmp does.
    private func makeReadOnly(_ workspace: String) throws {
        #expect(try Binary.runCommand("/bin/chmod", ["-R", "a+rX,a-w", workspace]).status == 0)
        var folder = (workspace as NSString).deletingLastPathComponent
        while folder != "/" {
            let mode = try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions] as? Int ?? 0
            try #require(mode & 0o001 != 0, "\(folder) does not let other users through; set TMPDIR to a folder that does")
            folder = (folder as NSString).deletingLastPathComponent
        }
    }
}
