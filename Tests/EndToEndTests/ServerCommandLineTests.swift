import Foundation
import PostgresTestServer
import Testing

/// The built binary on a server, as a desk runs it: `--db postgres://…`, `--actor`, and
/// `CROSSCHECK_DB`.
@Suite("crosscheck --db postgres://…, end to end")
struct ServerCommandLineTests {
    static let root = Binary.sampleWorkspaceRoot

    @Test("import, a session of commands, check, export and snapshot on the server: the bytes a folder gives")
    func sameAsAFolder() throws {
        let url = try ThrowawayServer.shared.get().database()
        let imported = try Binary.run(["--db", url, "--actor", "ana", "import", Self.root + "/Sources.json", Self.root + "/Claims"])
        #expect(imported.stdout == "imported 13 sources, 3 events, 24 claims\n" && imported.status == 0)
        let script = "event use kyiv-strike-2025-06-17\nsource use anews-2025-06-17\nclaim add \"31 killed\" --scope Kyiv\n"
        // In a folder of its own: nothing may be written there.
        let folder = try Binary.temporaryFolder()
        let session = try Binary.run([], stdin: script, directory: folder, environment: ["CROSSCHECK_DB": url])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        #expect(session.status == 0 && session.stdout.contains("c25: killed in Kyiv = 31\n"), "\(session)")
        let history = try Binary.run(["--db", url, "history"])
        #expect(history.stdout.contains("ana  import") && history.stdout.contains("claim add \"31 killed\" --scope Kyiv  → c25"), "\(history.stdout)")

        // The snapshot is a workspace whose check and export are the server's, byte for byte.
        let snapshot = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-snapshot-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: snapshot) }
        #expect(try Binary.run(["--db", url, "snapshot", snapshot]).status == 0)
        for arguments in [["check", "--json"], ["export", "--format", "json"], ["export", "--format", "csv"]] {
            let server = try Binary.run(["--db", url] + arguments, environment: ["SOURCE_DATE_EPOCH": "0"])
            let files = try Binary.run(["--workspace", snapshot] + arguments, environment: ["SOURCE_DATE_EPOCH": "0"])
            #expect(server.stdout == files.stdout && server.status == files.status && !server.stdout.isEmpty, "\(arguments)")
        }
    }

    @Test("a server that is not there: one line naming it, exit 2, for a command and for the session")
    func unreachable() throws {
        let url = "postgres://cc@127.0.0.1:1/ledger"
        for arguments in [["--db", url, "check"], ["--db", url]] {
            let result = try Binary.run(arguments, stdin: "events\n")
            #expect(result.status == 2 && result.stdout.isEmpty)
            #expect(result.stderr == "crosscheck: \(url): cannot reach the server: Connection refused\n")
        }
    }
}
