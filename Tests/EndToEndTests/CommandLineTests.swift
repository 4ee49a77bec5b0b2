import Foundation
import Testing

/// The command line agrees with the session: every session command runs from the shell with
/// the same words, its own --help, and `crosscheck help COMMAND`.
@Suite("The command line and the session, one table")
struct CommandLineTests {
    @Test("a session command's --help and help COMMAND describe it; --help lists the session's commands; --version")
    func help() throws {
        let workspace = try Binary.sampleWorkspace()
        let own = try Binary.run(["--workspace", workspace, "claim", "add", "--help"])
        #expect(own.status == 0 && own.stdout.hasPrefix("claim add PHRASE [--metric METRIC] [--scope SCOPE]"))
        let help = try Binary.run(["help", "claim", "set"])
        #expect(help.status == 0 && help.stdout == "claim set CLAIM [--figure TEXT] [--status STATUS] [--confidence WORD] [--metric METRIC] "
                + "[--scope SCOPE] [--as-of DATE]\n    change a claim (its figure read from a phrase), with the conflicts it is in now\n")
        let annotate = try Binary.run(["help", "annotate"])
        #expect(annotate.status == 0 && annotate.stdout.hasPrefix("annotate [SOURCE] [--accept]\n"))
        // The subcommands keep swift-argument-parser's help.
        #expect(try Binary.run(["help", "check"]).stdout.contains("--set-aside"))
        let top = try Binary.run(["--help"])
        #expect(top.status == 0 && top.stdout.contains("claim merge") && top.stdout.contains("source remove") && top.stdout.contains("init"))
        let version = try Binary.run(["--version"])
        #expect(version.status == 0 && version.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil)
    }

    @Test("claim remove, history and undo ENTRY from the shell; undo alone undoes the newest change")
    func undo() throws {
        let workspace = try Binary.sampleWorkspace()
        let file = workspace + "/Claims/kyiv-strike-2025-06-17.json"
        let before = try String(contentsOfFile: file, encoding: .utf8)
        let removed = try Binary.run(["--workspace", workspace, "claim", "remove", "c9"])
        #expect(removed.status == 0 && removed.stdout == "c9 removed; undo 2 brings it back\n")
        #expect(!(try String(contentsOfFile: file, encoding: .utf8)).contains("\"id\": \"c9\""))
        let history = try Binary.run(["--workspace", workspace, "history"]).stdout.split(separator: "\n")
        #expect(history.count == 2 && history[1].hasPrefix("2  ") && history[1].hasSuffix("  claim remove c9"))
        #expect(try Binary.run(["--workspace", workspace, "undo", "2"]).stdout == "undid 2: claim remove c9\n")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == before)
        // undo alone, from the shell: the newest change (the undo itself), so c9 goes again.
        #expect(try Binary.run(["--workspace", workspace, "undo"]).stdout == "undid 3: undo claim remove c9\n")
        #expect(!(try String(contentsOfFile: file, encoding: .utf8)).contains("\"id\": \"c9\""))
        let bad = try Binary.run(["--workspace", workspace, "undo", "x"])
        #expect(bad.status == 2 && bad.stderr == "crosscheck: undo: \"x\" is not a history entry; history numbers them\n")
    }

    @Test("link set from the shell changes who a report attributes the figure to")
    func linkSet() throws {
        let workspace = try Binary.sampleWorkspace()
        let result = try Binary.run(["--workspace", workspace, "link", "set", "c9", "pravda-2025-06-17-b", "--attributed", "Kyiv City Military Administration"])
        #expect(result.status == 0 && result.stdout == "c9 cites pravda-2025-06-17-b (Kyiv City Military Administration), credibility 3\n")
        #expect(try String(contentsOfFile: workspace + "/Claims/kyiv-strike-2025-06-17.json", encoding: .utf8)
            .contains(#""attributedTo": "Kyiv City Military Administration""#))
    }

    @Test("'--' ends parse's options: \"-5\" is a phrase, and refused as one")
    func parseTerminator() throws {
        let result = try Binary.run(["parse", "--json", "--", "-5", "17"])
        #expect(result.status == 2)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2 && lines[0].hasPrefix(#"{"text":"-5","error":"#) && lines[1].hasPrefix(#"{"text":"17","family":"exact","lower":17,"#))
    }

    @Test("no workspace: a command says so and makes nothing; init makes one, once")
    func noWorkspace() throws {
        let empty = try Binary.temporaryFolder()
        let check = try Binary.run(["check"], directory: empty)
        #expect(check.status == 2 && check.stderr == "crosscheck: .: not a crosscheck workspace (no Sources.json, Claims/ or .crosscheck/ledger.sqlite); crosscheck init . makes one\n")
        let session = try Binary.run(["--workspace", empty.path], stdin: "events\n")
        #expect(session.status == 2 && session.stdout.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: empty.path).isEmpty)
        let made = try Binary.run(["init", empty.path + "/ledger"])
        #expect(made.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: empty.path + "/ledger").sorted() == [".crosscheck", ".gitattributes", ".gitignore", "Claims", "Sources.json"])
        #expect(try Binary.run(["check", "--workspace", empty.path + "/ledger"]).stdout == "consistent: no conflicts; 0 near misses, 0 updates, 0 unordered\n")
        let again = try Binary.run(["init", empty.path + "/ledger"])
        #expect(again.status == 2 && again.stderr == "crosscheck: \(empty.path)/ledger: already a crosscheck workspace\n")
    }

    @Test("a hand edit made while a session process is open survives the session's next change")
    func handEditUnderSession() throws {
        let workspace = try Binary.sampleWorkspace()
        let process = Process()
        process.executableURL = Binary.url
        process.arguments = ["--workspace", workspace]
        let input = Pipe(), output = Pipe()
        (process.standardInput, process.standardOutput, process.standardError) = (input, output, output)
        try process.run()
        func send(_ line: String) { input.fileHandleForWriting.write(Data((line + "\n").utf8)) }
        send("event use kyiv-strike-2025-06-17")
        send("claim set c17 --confidence likely")
        // Once the session has answered its change (and so holds the workspace open), edit the file as a person would.
        var answered = ""
        while !answered.contains("c17  ") {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            answered += String(decoding: data, as: UTF8.self)
        }
        #expect(answered.contains("c17  "))
        let path = workspace + "/Claims/kyiv-strike-2025-06-17.json"
        let written = try String(contentsOfFile: path, encoding: .utf8)
        let c18 = try #require(written.range(of: "\"id\": \"c18\""))
        let status = try #require(written.range(of: "\"status\": \"open\"", range: c18.upperBound..<written.endIndex))
        try written.replacingCharacters(in: status, with: "\"status\": \"verified\"").write(toFile: path, atomically: true, encoding: .utf8)
        send("claim set c17 --confidence \"very likely\"")
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let final = try String(contentsOfFile: path, encoding: .utf8)
        let after18 = final[try #require(final.range(of: "\"id\": \"c18\"")).upperBound...]
        #expect(after18.prefix(600).contains("\"status\": \"verified\""))
        let after17 = final[try #require(final.range(of: "\"id\": \"c17\"")).upperBound...]
        #expect(after17.prefix(600).contains("\"confidence\": \"very likely\""))
    }
}
