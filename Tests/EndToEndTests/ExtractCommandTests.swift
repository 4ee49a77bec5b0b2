import Foundation
import Testing

@Suite("crosscheck extract, end to end")
struct ExtractCommandTests {
    static let article = """
        Russia launched 440 drones overnight, killing at least 23 people and injuring over 130.
        Posted 6 hours ago | 0 Comments
        The death toll rose to 28 on June 18.

        """

    @Test("a file: each mention with its line, metric, interval and the figure in brackets when piped")
    func file() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("article.txt")
        try Self.article.write(to: file, atomically: true, encoding: .utf8)
        let result = try Binary.run(["extract", file.path])
        #expect(result.stdout == """
            line 1  drones = 440  (count, coded 440)
                Russia launched [440] drones overnight, killing at least 23 people and injuring over 130.
            line 1  killed ≥ 23  (count, coded 23)
                Russia launched 440 drones overnight, killing [at least 23] people and injuring over 130.
            line 1  injured > 130  (count, coded 131)
                Russia launched 440 drones overnight, killing at least 23 people and injuring [over 130].
            line 3  killed = 28  (count, coded 28)
                The death toll rose to [28] on June 18.

            """)
        #expect(result.status == 0)
    }

    @Test("standard input, --json: start, end, text, metric, metricWords, the figure's fields, scope, attributedTo, asOf, asOfWords, clause and role")
    func json() throws {
        let result = try Binary.run(["extract", "--json", "-"], stdin: "Ukraine returned 1,212 bodies, Russia 27.\n")
        #expect(result.stdout == """
            {"start":17,"end":22,"line":1,"text":"1,212","metric":"bodies-repatriated","metricWords":"bodies","family":"exact","lower":1212,"upper":1212,"lowerOpen":false,"upperOpen":false,"approximate":false,"kind":"count","coded":1212,"scope":null,"attributedTo":null,"asOf":null,"asOfWords":null,"clause":"Ukraine returned 1,212 bodies","role":null,"language":"en"}
            {"start":38,"end":40,"line":1,"text":"27","metric":"bodies-repatriated","metricWords":"bodies","family":"exact","lower":27,"upper":27,"lowerOpen":false,"upperOpen":false,"approximate":false,"kind":"count","coded":27,"scope":null,"attributedTo":null,"asOf":null,"asOfWords":null,"clause":"Russia 27","role":null,"language":"en"}

            """)
        #expect(result.status == 0)
    }

    @Test("each sentence read in its own language, named in the JSON")
    func languages() throws {
        let text = "Внаслідок удару загинули щонайменше 23 людини. Bei dem Angriff wurden mindestens 28 Menschen getötet. Russia launched 440 drones.\n"
        let result = try Binary.run(["extract", "--json", "-"], stdin: text)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.map { $0.contains(#""metric":"killed""#) } == [true, true, false])
        #expect(lines[0].contains(#""text":"щонайменше 23""#) && lines[0].hasSuffix(#""language":"uk"}"#))
        #expect(lines[1].contains(#""text":"mindestens 28","metric":"killed","metricWords":"getötet","family":"lowerBoundClosed","lower":28,"upper":null"#))
        #expect(lines[1].hasSuffix(#""language":"de"}"#))
        #expect(lines[2].contains(#""metric":"drones""#) && lines[2].hasSuffix(#""language":"en"}"#))
        #expect(result.status == 0)
    }

    @Test("text that is not UTF-8, or a file that cannot be read: one line, exit 2")
    func unreadable() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("bad.txt")
        try Data([0x6B, 0x69, 0x6C, 0x6C, 0x65, 0x64, 0x20, 0xFF, 0xFE, 0x20, 0x32, 0x33]).write(to: bad)
        let result = try Binary.run(["extract", bad.path])
        #expect(result.stderr == "crosscheck: \(bad.path): not UTF-8 text: byte 7 (0xFF) is not valid UTF-8\n")
        #expect(result.stdout == "")
        #expect(result.status == 2)
        let missing = try Binary.run(["extract", folder.appendingPathComponent("none.txt").path])
        #expect(missing.stderr.hasPrefix("crosscheck: \(folder.appendingPathComponent("none.txt").path): cannot read: "))
        #expect(missing.status == 2)
    }
}
