import Foundation
import Testing

@Suite("crosscheck snapshot, end to end")
struct SnapshotCommandTests {
    @Test("the ledger as workspace files: the workspace's own bytes, an event the ledger lost removed")
    func snapshot() throws {
        let workspace = try Binary.sampleWorkspace()
        let target = try Binary.temporaryFolder().path + "/review"
        defer {
            try? FileManager.default.removeItem(atPath: workspace)
            try? FileManager.default.removeItem(atPath: (target as NSString).deletingLastPathComponent)
        }
        let added = try Binary.run(["--workspace", workspace],
                                   stdin: "event use kyiv-strike-2025-06-17\nsource use anews-2025-06-17\nclaim add \"29 killed\" --scope Kyiv\n")
        #expect(added.status == 0, "\(added.stderr)")
        try FileManager.default.createDirectory(atPath: target + "/Claims", withIntermediateDirectories: true)
        try "{}".write(toFile: target + "/Claims/gone-2024.json", atomically: true, encoding: .utf8)
        let result = try Binary.run(["--workspace", workspace, "snapshot", target])
        #expect(result.status == 0 && result.stdout == "\(target): 13 sources, 3 events, 25 claims\n", "\(result.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: target + "/Claims").sorted()
        #expect(names == ["bodies-repatriation-2025-06.json", "kyiv-strike-2025-06-17.json", "pow-exchange-2025-06-19.json"])
        for path in ["Sources.json"] + names.map({ "Claims/" + $0 }) {
            #expect(FileManager.default.contents(atPath: target + "/" + path) == FileManager.default.contents(atPath: workspace + "/" + path), "\(path)")
        }
    }

    @Test("a folder that cannot be made: one line, exit 2")
    func unwritable() throws {
        let workspace = try Binary.sampleWorkspace()
        defer { try? FileManager.default.removeItem(atPath: workspace) }
        let result = try Binary.run(["--workspace", workspace, "snapshot", workspace + "/Sources.json/inside"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("crosscheck: \(workspace)/Sources.json/inside: cannot create: ") && result.stderr.split(separator: "\n").count == 1,
                "\(result.stderr)")
    }
}
