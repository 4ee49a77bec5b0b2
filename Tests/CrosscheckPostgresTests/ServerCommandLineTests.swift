import Foundation
import Testing

/// The built binary on a server, as a desk runs it: `--db postgres://…`, `--actor`, and
/// `CROSSCHECK_DB`.
@Suite("crosscheck --db postgres://…, end to end")
struct ServerCommandLineTests {
    /// Runs the binary `swift test` built beside the tests; output goes through files, so that no
    /// pipe fills and blocks it.
    static func crosscheck(_ arguments: [String], stdin: String = "", environment: [String: String] = [:])
        throws -> (stdout: String, stderr: String, status: Int32) {
        let products = Bundle.main.bundleURL.deletingLastPathComponent()
        let binary = [products.appendingPathComponent("crosscheck"), Bundle.main.bundleURL.appendingPathComponent("crosscheck")]
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }!
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (out, err, input) = (folder.appendingPathComponent("out"), folder.appendingPathComponent("err"), folder.appendingPathComponent("in"))
        for file in [out, err] { FileManager.default.createFile(atPath: file.path, contents: nil) }
        try stdin.write(to: input, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.currentDirectoryURL = folder
        (process.standardInput, process.standardOutput, process.standardError) =
            (try FileHandle(forReadingFrom: input), try FileHandle(forWritingTo: out), try FileHandle(forWritingTo: err))
        try process.run()
        process.waitUntilExit()
        return (try String(contentsOf: out, encoding: .utf8), try String(contentsOf: err, encoding: .utf8), process.terminationStatus)
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    @Test("import, a session of commands, check, export and snapshot on the server: the bytes a folder gives")
    func sameAsAFolder() throws {
        let url = try ThrowawayServer.shared.get().database()
        let imported = try Self.crosscheck(["--db", url, "--actor", "ana", "import", Self.root + "/Sources.json", Self.root + "/Claims"])
        #expect(imported.stdout == "imported 13 sources, 3 events, 24 claims\n" && imported.status == 0)
        let script = "event use kyiv-strike-2025-06-17\nsource use anews-2025-06-17\nclaim add \"31 killed\" --scope Kyiv\n"
        let session = try Self.crosscheck([], stdin: script, environment: ["CROSSCHECK_DB": url])
        #expect(session.status == 0 && session.stdout.contains("c25: killed in Kyiv = 31\n"), "\(session)")
        let history = try Self.crosscheck(["--db", url, "history"])
        #expect(history.stdout.contains("ana  import") && history.stdout.contains("claim add \"31 killed\" --scope Kyiv  → c25"), "\(history.stdout)")

        // The snapshot is a workspace whose check and export are the server's, byte for byte.
        let snapshot = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-snapshot-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: snapshot) }
        #expect(try Self.crosscheck(["--db", url, "snapshot", snapshot]).status == 0)
        for arguments in [["check", "--json"], ["export", "--format", "json"], ["export", "--format", "csv"]] {
            let server = try Self.crosscheck(["--db", url] + arguments, environment: ["SOURCE_DATE_EPOCH": "0"])
            let folder = try Self.crosscheck(["--workspace", snapshot] + arguments, environment: ["SOURCE_DATE_EPOCH": "0"])
            #expect(server.stdout == folder.stdout && server.status == folder.status && !server.stdout.isEmpty, "\(arguments)")
        }
    }

    @Test("a server that is not there: one line naming it, exit 2, for a command and for the session")
    func unreachable() throws {
        let url = "postgres://cc@127.0.0.1:1/ledger"
        for arguments in [["--db", url, "check"], ["--db", url]] {
            let result = try Self.crosscheck(arguments, stdin: "events\n")
            #expect(result.status == 2 && result.stdout.isEmpty)
            #expect(result.stderr == "crosscheck: \(url): cannot reach the server: Connection refused\n")
        }
    }
}
