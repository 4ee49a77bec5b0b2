import Foundation
import Testing

/// `crosscheck merge-file` as git runs it: two branches of a workspace's repository merged with
/// `git merge`, the event file through the driver.
@Suite("git merges of event files through crosscheck merge-file")
struct MergeDriverTests {
    /// A repository holding the sample workspace, its event files sent through the driver.
    static func repository() throws -> String {
        let folder = try Binary.sampleWorkspace()
        // The line `crosscheck init` writes into a new workspace.
        let made = try Binary.newWorkspace()
        defer { try? FileManager.default.removeItem(atPath: made) }
        let attributes = try String(contentsOfFile: made + "/.gitattributes", encoding: .utf8)
        #expect(attributes == "Claims/*.json merge=crosscheck\n")
        try attributes.write(toFile: folder + "/.gitattributes", atomically: true, encoding: .utf8)
        try git(folder, "init", "-q", "-b", "main")
        try git(folder, "config", "user.email", "test@example.org")
        try git(folder, "config", "user.name", "test")
        try git(folder, "config", "merge.crosscheck.driver", "\(Binary.url.path) merge-file %O %A %B")
        try "/.crosscheck/\n".write(toFile: folder + "/.gitignore", atomically: true, encoding: .utf8)
        try git(folder, "add", "-A")
        try git(folder, "commit", "-qm", "base")
        return folder
    }

    @discardableResult
    static func git(_ folder: String, _ arguments: String...) throws -> Binary.Output {
        try Binary.runCommand("/usr/bin/git", ["-C", folder] + arguments)
    }

    /// One analyst's session on the branch checked out, then a commit.
    static func work(_ folder: String, _ commands: String...) throws {
        let session = try Binary.run(["--workspace", folder],
                                     stdin: (["event use kyiv-strike-2025-06-17", "source use anews-2025-06-17"] + commands).joined(separator: "\n") + "\n")
        #expect(session.status == 0, "\(session.stderr)")
        try git(folder, "commit", "-qam", "work")
    }

    static func claims(_ folder: String) throws -> [[String: Any]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/Claims/kyiv-strike-2025-06-17.json"))
        let document = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return document?["claims"] as? [[String: Any]] ?? []
    }

    @Test("claims added on both branches and a field changed on one: merged, one renumbered, nothing for a person to do")
    func clean() throws {
        let folder = try Self.repository()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.git(folder, "checkout", "-qb", "other")
        try Self.work(folder, #"claim add "31 killed" --scope Kyiv"#, "claim set c1 --status verified")
        try Self.git(folder, "checkout", "-q", "main")
        try Self.work(folder, #"claim add "29 killed" --scope Kyiv"#)
        let merge = try Self.git(folder, "merge", "--no-edit", "other")
        #expect(merge.status == 0, "\(merge.stdout) \(merge.stderr)")
        #expect(merge.stdout.contains("kyiv-strike-2025-06-17: their claim c25 is now c26"), "\(merge.stdout)")
        let claims = try Self.claims(folder)
        let ids = claims.compactMap { $0["id"] as? String }
        #expect(Set(ids).count == ids.count)
        #expect(claims.first { $0["id"] as? String == "c25" }?["text"] as? String == "29 killed")
        #expect(claims.first { $0["id"] as? String == "c26" }?["text"] as? String == "31 killed")
        #expect(claims.first { $0["id"] as? String == "c1" }?["status"] as? String == "verified")
        // The merged workspace opens and checks.
        #expect(try Binary.run(["--workspace", folder, "check"]).status != 2)
    }

    @Test("the same field changed differently on both branches: ours kept, the conflict printed, git stops for a person")
    func conflict() throws {
        let folder = try Self.repository()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.git(folder, "checkout", "-qb", "other")
        try Self.work(folder, "claim set c1 --status disputed")
        try Self.git(folder, "checkout", "-q", "main")
        try Self.work(folder, "claim set c1 --status verified")
        let merge = try Self.git(folder, "merge", "--no-edit", "other")
        #expect(merge.status != 0)
        #expect(merge.stdout.contains("kyiv-strike-2025-06-17: conflict: claims c1 status: ours verified, theirs disputed (ours kept)"),
                "\(merge.stdout)")
        #expect(try Self.claims(folder).first { $0["id"] as? String == "c1" }?["status"] as? String == "verified")
        let status = try Self.git(folder, "status", "--porcelain")
        #expect(status.stdout.contains("UU Claims/kyiv-strike-2025-06-17.json"))
    }

    @Test("a version that is no event file: one line, exit 2, ours left as it was")
    func badInput() throws {
        let folder = try Binary.temporaryFolder().path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let sample = try String(contentsOfFile: Binary.sampleWorkspaceRoot + "/Claims/pow-exchange-2025-06-19.json", encoding: .utf8)
        try sample.write(toFile: folder + "/base", atomically: true, encoding: .utf8)
        try sample.write(toFile: folder + "/ours", atomically: true, encoding: .utf8)
        try "{ \"format\": \"crosscheck-claims/1\" ".write(toFile: folder + "/theirs", atomically: true, encoding: .utf8)
        let result = try Binary.run(["merge-file", folder + "/base", folder + "/ours", folder + "/theirs"])
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.hasPrefix("crosscheck: \(folder)/theirs: "), "\(result.stderr)")
        #expect(try String(contentsOfFile: folder + "/ours", encoding: .utf8) == sample)
    }
}
