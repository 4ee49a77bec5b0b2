import Foundation
import Testing

@Suite("crosscheck export, as a user runs it: every format, and the HTML report in a real browser")
struct ExportCommandTests {
    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("CrosscheckCoreTests/Export/Snapshots")
    /// 2026-01-15, the snapshots' date.
    static let environment = ["SOURCE_DATE_EPOCH": "1768478400"]

    /// The sample with the claims the snapshots settle, set through the binary's own session commands.
    static func settledSample() throws -> String {
        let workspace = try Binary.sampleWorkspace()
        let script = "claim set c1 --status verified\nclaim set c14 --status false\nclaim set c20 --status corroborated\nclaim set c24 --status disputed\n"
        let result = try Binary.run(["--workspace", workspace], stdin: script)
        #expect(result.status == 0, "\(result.stderr)")
        return workspace
    }

    @Test("every format, to standard output and to --out, gives the snapshot's bytes")
    func formats() throws {
        let workspace = try Self.settledSample()
        defer { try? FileManager.default.removeItem(atPath: workspace) }
        for format in ["csv", "markdown", "html", "claimreview", "json"] {
            let expected = try String(contentsOf: Self.snapshots.appendingPathComponent("sample.\(format)"), encoding: .utf8)
            let arguments = ["export", "--format", format, "--workspace", workspace, "--author", "Example Fact Desk",
                             "--base-url", "https://example.org/kyiv-report.html"]
            let printed = try Binary.run(arguments, environment: Self.environment)
            #expect(printed.status == 0, "export --format \(format): \(printed.stderr)")
            #expect(printed.stdout == expected, "export --format \(format) differs from its snapshot")
            let path = workspace + "/out.\(format)"
            let written = try Binary.run(arguments + ["--out", path], environment: Self.environment)
            #expect(written.status == 0 && written.stdout.isEmpty)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == expected)
        }
        // --event narrows, the session's export writes the same, and a bad format or event is one line and exit 2.
        let one = try Binary.run(["export", "--format", "csv", "--event", "pow-exchange-2025-06-19", "--workspace", workspace])
        #expect(one.status == 0 && one.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 2)
        let session = try Binary.run(["--workspace", workspace], stdin: "export markdown \(workspace)/session.md\n", environment: Self.environment)
        #expect(session.status == 0 && session.stdout.contains("wrote \(workspace)/session.md"))
        #expect(try String(contentsOfFile: workspace + "/session.md", encoding: .utf8).hasPrefix("# Claim ledger\n"))
        let missing = try Binary.run(["export", "--format", "html", "--event", "nope", "--workspace", workspace, "--out", workspace + "/x.html"])
        #expect(missing.status == 2 && missing.stderr == "crosscheck: no event \"nope\" in the workspace\n")
        #expect(!FileManager.default.fileExists(atPath: workspace + "/x.html"))
        let badFormat = try Binary.run(["export", "--format", "pdf", "--workspace", workspace])
        #expect(badFormat.status == 2 && badFormat.stderr.contains("'pdf'"))
    }

    @Test("the HTML report opened in headless Chromium: every chart and table rendered, and a screenshot")
    func browser() throws {
        let browser = try #require(["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) },
                                   "no Chromium: apt-get install chromium (.ci/run does)")
        let workspace = try Self.settledSample()
        defer { try? FileManager.default.removeItem(atPath: workspace) }
        let report = workspace + "/report.html"
        #expect(try Binary.run(["export", "--format", "html", "--workspace", workspace, "--out", report]).status == 0)
        let profile = workspace + "/chromium"
        let flags = ["--headless", "--no-sandbox", "--disable-gpu", "--log-level=3", "--user-data-dir=\(profile)"]
        let environment = ["XDG_CONFIG_HOME": profile, "HOME": profile]
        let dom = try Binary.runCommand(browser, flags + ["--dump-dom", "file://\(report)"], environment: environment)
        #expect(dom.status == 0, Comment(rawValue: dom.stderr))
        func count(_ text: String) -> Int { dom.stdout.components(separatedBy: text).count - 1 }
        // One chart per (event, metric, scope) of the sample, a table of claims per (event, metric), the sources.
        #expect(count("<svg class=\"chart\"") == 10)
        #expect(count("<table class=\"claims\">") == 7)
        #expect(count("<tr id=\"claim-") == 24 && count("<tr id=\"source-") == 13)
        #expect(count("<path class=\"bar") == 24)
        #expect(dom.stdout.contains("id=\"event-kyiv-strike-2025-06-17\"") && dom.stdout.contains("1 conflict<"))
        let screenshot = workspace + "/report.png"
        let shot = try Binary.runCommand(browser, flags + ["--window-size=1280,2000", "--screenshot=\(screenshot)", "file://\(report)"],
                                         environment: environment)
        #expect(shot.status == 0)
        let png = try Data(contentsOf: URL(fileURLWithPath: screenshot))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 50_000)
    }
}
