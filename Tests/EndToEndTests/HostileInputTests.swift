import Foundation
import Testing

/// Hostile input, as the binary meets it: each case its expected clear error (one line naming
/// the input and what is wrong, exit 2) or its safe output. Nothing may crash, hang, write
/// outside the workspace or print a user's text where a browser or a spreadsheet would run it.
@Suite("Hostile input: a clear error or safe output, never a crash")
struct HostileInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        /// Files written into a copy of the sample workspace before the command runs.
        var files: [String: Data] = [:]
        var arguments: [String]
        var stdin: String?
        var status: Int32
        /// The whole of standard error.
        var stderr: String
        var check: (@Sendable (_ stdout: String, _ workspace: String) throws -> Void)?

        var testDescription: String { name }
    }

    static func event(_ id: String, claims: String = "[]") -> Data {
        Data(#"{"format": "crosscheck-claims/1", "event": {"id": "\#(id)", "title": "x"}, "claims": \#(claims)}"#.utf8)
    }

    static let notAnID = "is not an id: use lower-case letters, digits and hyphens, starting with a letter or digit"

    static let cases: [Case] = [
        Case(name: "JSON nested 100,000 levels deep",
             files: ["Claims/deep.json": Data((#"{"format": "crosscheck-claims/1", "claims": "# + String(repeating: "[", count: 100_000)).utf8)],
             arguments: ["import", "Claims"], status: 2,
             stderr: "crosscheck: Claims/deep.json: malformed JSON: line 1, column 108: nested more than 64 levels deep\n"),
        Case(name: "an event file that is not UTF-8", files: ["Claims/bad.json": event("bad\u{FF}").replacing(Data("\u{FF}".utf8), with: Data([0xFF]))],
             arguments: ["import", "Claims"], status: 2, stderr: "crosscheck: Claims/bad.json: not UTF-8 text\n"),
        Case(name: "a NUL byte inside a JSON string", files: ["Claims/nul.json": event("n\u{0}ul")],
             arguments: ["import", "Claims"], status: 2,
             stderr: "crosscheck: Claims/nul.json: malformed JSON: line 1, column 53: a control character inside a string; write it as an escape\n"),
        Case(name: "an event id that climbs out of the workspace", files: ["Claims/escape.json": event("../../escape")],
             arguments: ["import", "Claims"], status: 2, stderr: "crosscheck: Claims/escape.json: event.id: \"../../escape\" \(notAnID)\n"),
        Case(name: "an event id with a path separator", files: ["Claims/slash.json": event("a/b")],
             arguments: ["import", "Claims"], status: 2, stderr: "crosscheck: Claims/slash.json: event.id: \"a/b\" \(notAnID)\n"),
        Case(name: "a claim id with a path separator",
             files: ["Claims/claim.json": event("fine", claims: #"[{"id": "../c1", "metric": "killed", "text": "23"}]"#)],
             arguments: ["import", "Claims"], status: 2,
             stderr: "crosscheck: Claims/claim.json: claims[0].id: \"../c1\" \(notAnID)\n"),
        Case(name: "the session asked to use an event id that climbs out", arguments: [], stdin: "event use ../../../tmp/escape\n", status: 2,
             stderr: "line 1: event id: \"../../../tmp/escape\" \(notAnID)\n") { _, workspace in
            #expect(!FileManager.default.fileExists(atPath: workspace + "/../../../tmp/escape.json"))
            #expect((try? FileManager.default.contentsOfDirectory(atPath: workspace + "/Claims"))?.count == 3)
        },
        Case(name: "an article that is not UTF-8", files: ["bad.txt": Data([0x6B, 0x69, 0x6C, 0x6C, 0x65, 0x64, 0x20, 0xFF, 0x32, 0x33])],
             arguments: ["extract", "bad.txt"], status: 2,
             stderr: "crosscheck: bad.txt: not UTF-8 text: byte 7 (0xFF) is not valid UTF-8\n"),
        Case(name: "NUL bytes in an article", files: ["nul.txt": Data("At least 23 people\u{0} were killed\u{0}.\n".utf8)],
             arguments: ["extract", "--json", "nul.txt"], status: 0, stderr: "") { stdout, _ in
            #expect(stdout.contains(#""lower":23"#), "\(stdout)")
        },
        Case(name: "a 10 MB line of digits in an article", files: ["digits.txt": Data(repeating: 0x37, count: 10_000_000)],
             arguments: ["extract", "--json", "digits.txt"], status: 0, stderr: ""),
        Case(name: "a 10 MB line of words in an article, one figure at its end",
             files: ["words.txt": Data((String(repeating: "officials said the damage was extensive and ", count: 230_000) + "at least 23 were killed").utf8)],
             arguments: ["extract", "--json", "words.txt"], status: 0, stderr: "") { stdout, _ in
            #expect(stdout.split(separator: "\n").count == 1)
            #expect(stdout.contains(#""lower":23"#), "\(stdout.prefix(300))")
        },
        Case(name: "a phrase of 100,000 digits", arguments: ["parse", String(repeating: "9", count: 100_000)], status: 2,
             stderr: "error: \"\(String(repeating: "9", count: 60))…\": a number of 100000 digits is longer than the 15 a figure can have\n"),
        Case(name: "a phrase of 40,000 magnitudes (\"2m3m3m…\"), which once nested a call each until the stack ran out",
             arguments: ["parse", "2m" + String(repeating: "3m", count: 40_000)], status: 2,
             stderr: "error: \"2m\(String(repeating: "3m", count: 29))…\": a second figure, \"3\"; give one figure a phrase\n"),
        Case(name: "an event file with a 30 MB quote",
             files: ["Claims/huge.json": event("huge", claims: #"[{"id": "c9001", "metric": "killed", "text": "23", "sources": [{"source": "anews-2025-06-17", "quote": ""# + String(repeating: "x", count: 30_000_000) + #""}]}]"#)],
             arguments: ["import", "Claims"], status: 0, stderr: ""),
    ]

    @Test("each hostile input", arguments: cases)
    func hostile(_ item: Case) throws {
        let workspace = try Binary.sampleWorkspace()
        defer { try? FileManager.default.removeItem(atPath: workspace) }
        for (path, data) in item.files { try data.write(to: URL(fileURLWithPath: workspace + "/" + path)) }
        let result = try Binary.run(item.arguments.isEmpty ? [] : item.arguments, stdin: item.stdin,
                                    directory: URL(fileURLWithPath: workspace))
        #expect(result.status == item.status, "\(result.stderr)")
        #expect(result.stderr == item.stderr)
        try item.check?(result.stdout, workspace)
    }

    @Test("standard output on a full disk (/dev/full): one line on standard error and exit 2, not lost output and success",
          arguments: [["parse", "23"], ["check", "--json"], ["export", "--format", "csv"], ["extract", "README.md"]])
    func fullOutput(_ arguments: [String]) throws {
        let workspace = try Binary.sampleWorkspace()
        defer { try? FileManager.default.removeItem(atPath: workspace) }
        try Data("At least 23 people were killed.\n".utf8).write(to: URL(fileURLWithPath: workspace + "/README.md"))
        let process = Process()
        process.executableURL = Binary.url
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: workspace)
        process.standardOutput = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 2)
        #expect(stderr == "crosscheck: cannot write to standard output: No space left on device\n")
    }

    @Test("a source's title and a quote that hold HTML and spreadsheet formulas: escaped in the report, neutralised in the CSV")
    func injection() throws {
        let workspace = try Binary.sampleWorkspace()
        defer { try? FileManager.default.removeItem(atPath: workspace) }
        let script = """
            source add evil --title "<script>alert(1)</script>" --outlet "=HYPERLINK(\\"http://x\\")" --reliability C
            event use injection --title "<img src=x onerror=alert(3)>"
            source use evil
            claim add "at least 5 killed" --quote "<img src=x onerror=alert(2)>" --attributed "+cmd|' /C calc'!A0"
            claim add "7 killed" --quote "@SUM(A1:A9)" --attributed "-2+3"

            """
        #expect(try Binary.run([], stdin: script, directory: URL(fileURLWithPath: workspace)).status == 0)
        let html = try Binary.run(["export", "--format", "html"], directory: URL(fileURLWithPath: workspace))
        #expect(html.status == 0)
        for raw in ["<script>alert", "<img src=x"] { #expect(!html.stdout.contains(raw), "the report prints \(raw) unescaped") }
        #expect(html.stdout.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.stdout.contains("&lt;img src=x onerror=alert(2)&gt;"))
        let csv = try Binary.run(["export", "--format", "csv"], directory: URL(fileURLWithPath: workspace))
        #expect(csv.status == 0)
        let cells = csv.stdout.split(separator: "\r\n").flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }
        for cell in cells {
            let text = cell.hasPrefix("\"") ? cell.dropFirst() : cell[...]
            #expect(!["=", "+", "-", "@"].contains(text.first.map(String.init) ?? ""), "a cell that a spreadsheet runs: \(cell)")
        }
        #expect(csv.stdout.contains("'=HYPERLINK"))
        #expect(csv.stdout.contains("'@SUM(A1:A9)"))
    }
}
