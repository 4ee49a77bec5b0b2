import Foundation
import Testing

/// Faults a user's machine will meet: a process killed at any point of a change, a full disk, a
/// file-size limit. Afterwards the database passes its integrity check, the files parse and say
/// what the database holds, and the ledger is as it was before the change or after it.
///
/// `CROSSCHECK_KILLS=300 swift test --filter FaultTests` runs a few hundred kills a command (the
/// figures in docs/reliability.md); an ordinary test run does a few.
@Suite("Faults: kills at random points, a full disk, a file-size limit", .serialized)
struct FaultTests {
    static let kills = ProcessInfo.processInfo.environment["CROSSCHECK_KILLS"].flatMap(Int.init) ?? 4

    /// The ledger as a user sees it: its JSON export (which opens the workspace and finishes any
    /// rewrite a killed process left). Checks the database's integrity, and that the files say
    /// what the database holds: imported into a new workspace, they give the same export.
    static func state(_ workspace: String) throws -> String {
        _ = try census(workspace)
        let export = try Binary.run(["export", "--format", "json", "--workspace", workspace])
        #expect(export.status == 0, "\(export.stderr)")
        let fresh = try Binary.temporaryFolder().path
        defer { try? FileManager.default.removeItem(atPath: fresh) }
        let files = FileManager.default.fileExists(atPath: workspace + "/Claims") ? [workspace + "/Claims"] : []
        let imported = try Binary.run(["import", "--workspace", fresh, workspace + "/Sources.json"] + files)
        #expect(imported.status == 0, "the files do not import: \(imported.stderr)")
        #expect(try Binary.run(["export", "--format", "json", "--workspace", fresh]).stdout == export.stdout,
                "the files do not say what the database holds")
        return export.stdout
    }

    /// Runs `arguments` (with `script` on standard input) in copies of `template`, killing it
    /// each time after a random delay within the time an uninterrupted run takes, and checks
    /// that each copy is then as before or as after. Returns how many ended each way.
    static func killLoop(_ name: String, template: String, arguments: [String], script: String? = nil) throws -> (before: Int, after: Int) {
        let before = try state(template)
        // An uninterrupted run: the state after, and how long the command takes.
        let reference = try copy(template)
        defer { remove(reference) }
        let started = ContinuousClock.now
        let run = try Binary.run(arguments.map { $0 == "WORKSPACE" ? reference : $0 }, stdin: script)
        let duration = ContinuousClock.now - started
        #expect(run.status == 0, "\(name): \(run.stderr)")
        let after = try state(reference)
        #expect(after != before, "\(name) changes nothing")
        var outcome = (before: 0, after: 0)
        let microseconds = Int(duration.components.seconds * 1_000_000 + duration.components.attoseconds / 1_000_000_000_000)
        for attempt in 0..<kills {
            let workspace = try copy(template)
            defer { remove(workspace) }
            let delay = Int.random(in: 0...max(1, microseconds))
            let process = Process()
            process.executableURL = Binary.url
            process.arguments = arguments.map { $0 == "WORKSPACE" ? workspace : $0 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            let input = Pipe()
            process.standardInput = input
            try process.run()
            if let script { input.fileHandleForWriting.write(Data(script.utf8)) }
            try input.fileHandleForWriting.close()
            usleep(useconds_t(delay))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = try state(workspace)
            if now == before { outcome.before += 1 } else if now == after { outcome.after += 1 } else {
                Issue.record("\(name), attempt \(attempt), killed after \(delay) µs: the ledger is neither as before nor as after")
            }
        }
        print("\(name): \(kills) kills within \(microseconds / 1000) ms: \(outcome.before) left the ledger as before, \(outcome.after) as after")
        return outcome
    }

    /// A copy's folder, with the temporary folder it was made in.
    static func remove(_ copy: String) {
        try? FileManager.default.removeItem(atPath: (copy as NSString).deletingLastPathComponent)
    }

    static func copy(_ workspace: String) throws -> String {
        let copy = try Binary.temporaryFolder().path + "/workspace"
        try FileManager.default.copyItem(atPath: workspace, toPath: copy)
        return copy
    }

    static func imported(_ ledger: String) throws -> String {
        let workspace = try Binary.temporaryFolder().path
        #expect(try Binary.run(["import", "--workspace", workspace, ledger + "/Sources.json", ledger + "/Claims"]).status == 0)
        return workspace
    }

    /// The commands the kill tests run: each its template workspace, its arguments and script.
    static func command(_ name: String) throws -> (template: String, arguments: [String], script: String?) {
        switch name {
        case "import":
            let template = try imported(try generatedLedger(events: 4, claims: 20))
            let more = try generatedLedger(events: 12, claims: 150, firstEvent: 4)
            return (template, ["import", "--workspace", "WORKSPACE", more + "/Claims"], nil)
        default:
            let script = "event use kyiv-strike-2025-06-17\nsource use anews-2025-06-17\nclaim add \"31 killed\" --as-of 2025-06-18T09:00+03:00\n"
            return (try Binary.sampleWorkspace(), ["--workspace", "WORKSPACE"], script)
        }
    }

    @Test("a kill at each named point of a change, reached for certain: before the commit the ledger is as before, after it as after",
          arguments: [("import", "stored", false), ("import", "committed", true), ("import", "rename", true),
                      ("claim add", "stored", false), ("claim add", "committed", true), ("claim add", "rename", true)])
    func killPoint(command name: String, point: String, leavesAfter: Bool) throws {
        let (template, arguments, script) = try Self.command(name)
        let before = try Self.state(template)
        let reference = try Self.copy(template)
        defer { Self.remove(reference) }
        let run = try Binary.run(arguments.map { $0 == "WORKSPACE" ? reference : $0 }, stdin: script)
        #expect(run.status == 0 && !run.killed, "\(name): \(run.stderr)")
        let after = try Self.state(reference)
        #expect(after != before, "\(name) changes nothing")

        let workspace = try Self.copy(template)
        defer { Self.remove(workspace) }
        let killed = try Binary.run(arguments.map { $0 == "WORKSPACE" ? workspace : $0 }, stdin: script,
                                    environment: ["CROSSCHECK_FAULT": point])
        #expect(killed.killed && killed.status == SIGKILL, "\(name) never reached \(point): \(killed.stderr)")
        #expect(try Self.state(workspace) == (leavesAfter ? after : before))
    }

    @Test("an import killed anywhere: as before or after")
    func killedImport() throws {
        let template = try Self.imported(try generatedLedger(events: 4, claims: 20))
        let more = try generatedLedger(events: 12, claims: 150, firstEvent: 4)
        let outcome = try Self.killLoop("import", template: template, arguments: ["import", "--workspace", "WORKSPACE", more + "/Claims"])
        #expect(outcome.before + outcome.after == Self.kills)
    }

    @Test("an import that rewrites every event file, killed anywhere: as before or after")
    func killedRewrite() throws {
        let template = try Self.imported(try generatedLedger(events: 12, claims: 20))
        let grown = try generatedLedger(events: 12, claims: 120)
        let outcome = try Self.killLoop("rewrite", template: template, arguments: ["import", "--workspace", "WORKSPACE", grown + "/Claims"])
        #expect(outcome.before + outcome.after == Self.kills)
    }

    @Test("a session's claim add killed anywhere: as before or after")
    func killedClaimAdd() throws {
        let template = try Binary.sampleWorkspace()
        let script = "event use kyiv-strike-2025-06-17\nsource use anews-2025-06-17\nclaim add \"31 killed\" --as-of 2025-06-18T09:00+03:00\n"
        let outcome = try Self.killLoop("claim add", template: template, arguments: ["--workspace", "WORKSPACE"], script: script)
        #expect(outcome.before + outcome.after == Self.kills)
    }

    /// Whether this machine lets the tests mount a tmpfs (root, and a container that allows it):
    /// tried once, on a folder of its own.
    static let mayMount: Bool = {
        guard getuid() == 0, let folder = try? Binary.temporaryFolder().path,
              let mounted = try? Binary.runCommand("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", folder]),
              mounted.status == 0 else { return false }
        _ = try? Binary.runCommand("/bin/umount", [folder])
        try? FileManager.default.removeItem(atPath: folder)
        return true
    }()

    @Test("a full disk (a 1 MB tmpfs): an import and a claim add fail with one clear line, and lose nothing",
          .enabled(if: mayMount, "mounting a tmpfs needs root in a container that allows it; the file-size limit below stands in"))
    func fullDisk() throws {
        let disk = try Binary.temporaryFolder().path
        let mounted = try Binary.runCommand("/bin/mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", disk])
        try #require(mounted.status == 0, "cannot mount a tmpfs here: \(mounted.stderr)")
        defer { _ = try? Binary.runCommand("/bin/umount", [disk]) }
        let workspace = disk + "/workspace"
        try FileManager.default.copyItem(atPath: try Binary.sampleWorkspace(), toPath: workspace)
        let before = try Binary.run(["export", "--format", "json", "--workspace", workspace]).stdout
        #expect(!before.isEmpty)

        let big = try generatedLedger(events: 40, claims: 200)
        let imported = try Binary.run(["import", "--workspace", workspace, big + "/Sources.json", big + "/Claims"])
        #expect(imported.status == 2)
        #expect(imported.stderr.hasPrefix("crosscheck: ") && imported.stderr.filter { $0 == "\n" }.count == 1)
        #expect(imported.stderr.contains("No space left on device") || imported.stderr.contains("the disk is full"), "\(imported.stderr)")
        #expect(try Binary.run(["export", "--format", "json", "--workspace", workspace]).stdout == before)

        // Every last block taken: the session's change is refused, and nothing is lost.
        let filler = disk + "/filler"
        _ = try Binary.runCommand("/bin/dd", ["if=/dev/zero", "of=" + filler, "bs=4k", "count=1000"])
        let added = try Binary.run(["--workspace", workspace],
                                   stdin: "event use kyiv-strike-2025-06-17\nsource use anews-2025-06-17\nclaim add \"31 killed\"\n")
        #expect(added.status == 2)
        #expect(added.stderr.contains("the disk is full") || added.stderr.contains("No space left on device"), "\(added.stderr)")
        try FileManager.default.removeItem(atPath: filler)
        #expect(try Self.state(workspace) == before)
    }

    @Test("check --json whose lists waiting for their turn pass the file-size limit: one clear line naming the temporary folder, exit 2, no file left")
    func checkSpoolPastLimit() throws {
        // Claims over four weeks: megabytes of updates and unordered pairs wait in the temporary
        // files while the conflicts are written (to a pipe, which the limit does not bound).
        let ledger = try generatedLedger(events: 20, claims: 200, dated: true)
        let workspace = try Binary.temporaryFolder().path
        #expect(try Binary.run(["init", workspace]).status == 0)
        #expect(try Binary.run(["import", "--workspace", workspace, ledger + "/Sources.json", ledger + "/Claims"]).status == 0)

        let temporary = try Binary.temporaryFolder().path
        // Standard output through a pipe: the test's own output file would meet the limit first.
        let limited = try Binary.runCommand("/bin/bash", ["-c", #"set -o pipefail; /usr/bin/prlimit --fsize=1000000 "$0" check --json --workspace "$1" | cat > /dev/null"#,
                                                          Binary.url.path, workspace], environment: ["TMPDIR": temporary])
        #expect(limited.status == 2)
        #expect(limited.stderr == "crosscheck: \(temporary): cannot keep the check's output: File too large\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary).isEmpty, "no temporary file is left")
        let unlimited = try Binary.run(["check", "--json", "--workspace", workspace], environment: ["TMPDIR": temporary])
        #expect(unlimited.status == 1 && unlimited.stdout.hasSuffix("\"setAside\": []\n}\n") && unlimited.stderr.isEmpty)
    }

    @Test("past a file-size limit (ulimit -f): one clear line naming it, and the ledger as it was")
    func fileSizeLimit() throws {
        let workspace = try Binary.sampleWorkspace()
        let before = try Self.state(workspace)
        let big = try generatedLedger(events: 40, claims: 200)
        let result = try Binary.runCommand("/usr/bin/prlimit", ["--fsize=300000", Binary.url.path, "import", "--workspace", workspace,
                                                                big + "/Sources.json", big + "/Claims"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("crosscheck: ") && result.stderr.hasSuffix("the file-size limit (ulimit -f) of 300000 bytes\n"),
                "\(result.stderr)")
        #expect(try Self.state(workspace) == before)
    }
}
