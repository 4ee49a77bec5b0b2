import Foundation
import Testing

@Suite("The session in script mode, as a pipeline runs it")
struct SessionScriptTests {
    @Test("commands a line, # comments, conflicts answered at once, errors by line number, exit 2")
    func script() throws {
        let workspace = try Binary.newWorkspace()
        let script = """
            # a reader's session
            event use kyiv-2025 --title "Kyiv strike"
            source add pravda-a --title "Pravda, morning" --outlet "Ukrainska Pravda" --published 2025-06-17T10:36+03:00 --reliability B
            scope add Kyiv
            claim add "14 killed" --scope Kyiv --attributed "Interior Minister Klymenko" --credibility 2
            source add pravda-b --title "Pravda, afternoon" --outlet "Ukrainska Pravda" --published 2025-06-17T16:00+03:00
            claim add "10 killed" --scope Kyiv --attributed "Mayor Klitschko"
            claim add "many killed" --scope Kyiv
            claim set c2 --status disputed
            link c1 pravda-b --quote "14"
            show c1

            """
        let result = try Binary.run(["--workspace", workspace], stdin: script)
        #expect(result.status == 2)
        #expect(result.stderr == "line 8: \"many killed\": \"many\" is too vague to be a figure; give a number, a range or a bound\n"
                || result.stderr.hasPrefix("line 8: "))
        #expect(result.stdout == """
            event kyiv-2025 created; it is the current event
            source pravda-a added; it is the current source
            scope Kyiv added to kyiv-2025
            c1: killed in Kyiv = 14
            source pravda-b added; it is the current source
            c2: killed in Kyiv = 10
              conflict: the toll fell (with c1; severity 29%)
            c2  killed · Kyiv  10 killed  →  = 10  @ 2025-06-17T16:00+03:00  [disputed]
              conflict: the toll fell (with c1; severity 29%)
            c1 cites pravda-a (Interior Minister Klymenko), credibility 2; pravda-b
            c1  killed · Kyiv  14 killed  →  = 14  @ 2025-06-17T10:36+03:00  [open]
              event kyiv-2025
              source pravda-a, attributed to Interior Minister Klymenko, credibility 2: "14 killed"
              source pravda-b: "14"

            """)
        // The files say what the session did; `check` sees the conflict.
        let file = try String(contentsOfFile: workspace + "/Claims/kyiv-2025.json", encoding: .utf8)
        #expect(file.contains(#""status": "disputed""#))
        #expect(try Binary.run(["check", "--workspace", workspace]).status == 1)
    }

    @Test("undo reverses this session's last change, files and database; history lists every change")
    func undo() throws {
        let workspace = try Binary.newWorkspace()
        let setup = """
            event use e1 --title "E"
            source add s1 --title T --outlet O --published 2025-06-17
            claim add "23 killed"

            """
        #expect(try Binary.run(["--workspace", workspace], stdin: setup).status == 0)
        let before = try String(contentsOfFile: workspace + "/Claims/e1.json", encoding: .utf8)
        let changed = try Binary.run(["--workspace", workspace], stdin: "source use s1\nclaim add \"30 killed\"\nclaim set c1 --status verified\nundo\nundo\nundo\n")
        // One source, one day, 23 and 30: the source contradicts itself.
        #expect(changed.stdout == "using source s1\nc2: killed = 30\n  conflict: a source contradicts itself (with c1; severity 23%)\n"
                + "c1  killed  23 killed  →  = 23  @ 2025-06-17  [verified]\n  conflict: a source contradicts itself (with c2; severity 23%)\n"
                + "undid 6: claim set c1 --status verified\nundid 5: claim add \"30 killed\"\n")
        #expect(changed.stderr == "line 6: nothing to undo in this session; undo ENTRY undoes an entry of history\n")
        #expect(try String(contentsOfFile: workspace + "/Claims/e1.json", encoding: .utf8) == before)
        // Numbered entries (1 is init's opening of the empty workspace), each naming the ids it created.
        let history = try Binary.run(["--workspace", workspace], stdin: "history\n").stdout
        #expect(history.split(separator: "\n").map { line in
            let fields = line.components(separatedBy: "  ")
            return fields[0].trimmingCharacters(in: .whitespaces) + " " + fields.dropFirst(3).joined(separator: "  ")
        } == [
            "1 open (files changed: Sources.json)", "2 event use e1 --title E  → e1",
            "3 source add s1 --title T --outlet O --published 2025-06-17  → s1", "4 claim add \"23 killed\"  → c1",
            "5 claim add \"30 killed\"  → c2", "6 claim set c1 --status verified", "7 undo claim set c1 --status verified",
            "8 undo claim add \"30 killed\"",
        ])
    }
    @Test("the correcting commands in script mode, each answered as a person reads it, each a numbered history entry")
    func corrections() throws {
        let workspace = try Binary.sampleWorkspace()
        let script = """
            event use kyiv-strike-2025-06-17
            claim set c9 --figure "about 12 killed"
            claim merge c12 c13
            unlink c12 lb-2025-06-18
            source set ap-2025-06-18 --title "AP via Business Standard" --url https://example.org/ap
            source add spare --title S --outlet O
            source remove spare
            event set kyiv-strike-2025-06-17 --title "Kyiv, 17 June"
            metric set missiles --alias rockets
            scope set Kyiv --part-of Ukraine --alias Kiev
            list --status open --since 2025-06-18T15:00+03:00 --text "at least"
            claim remove c14

            """
        let result = try Binary.run(["--workspace", workspace], stdin: script)
        #expect(result.status == 0 && result.stderr.isEmpty, Comment(rawValue: result.stderr))
        #expect(result.stdout == """
            using event kyiv-strike-2025-06-17 (18 claims)
            c9  killed · Kyiv  about 12 killed  →  [10.8, 13.2]  @ 2025-06-17T16:00+03:00  [open]
              conflict: the toll fell (with c8; severity 6%)
            c13 merged into c12, which cites lb-2025-06-18, pravda-2025-06-18
            c12 cites pravda-2025-06-18 (State Emergency Service), credibility 2
            ap-2025-06-18  B  Business Standard (AP): AP via Business Standard (2025-06-18) <https://example.org/ap>
            source spare added; it is the current source
            source spare removed
            kyiv-strike-2025-06-17: Kyiv, 17 June (2025-06-17)
            metric missiles (snapshot), aliases missile, cruise missiles, ballistic missiles, rockets
            scope Kyiv, part of Ukraine, also named Kiev
            c1  killed · Kyiv  at least 23  →  ≥ 23  @ 2025-06-19  [open]
            c18  killed · Ukraine  at least 30  →  ≥ 30  @ 2025-06-18T18:19+03:00  [open]
            c14 removed; undo 11 brings it back

            """)
        let history = try Binary.run(["--workspace", workspace, "history"]).stdout.split(separator: "\n").map { line in
            line.components(separatedBy: "  ").filter { !$0.isEmpty }.dropFirst(3).joined(separator: "  ")
        }
        #expect(Array(history.dropFirst()) == [
            "claim set c9 --figure \"about 12 killed\"", "claim merge c12 c13", "unlink c12 lb-2025-06-18",
            "source set ap-2025-06-18 --title \"AP via Business Standard\" --url https://example.org/ap",
            "source add spare --title S --outlet O  → spare", "source remove spare", "event set kyiv-strike-2025-06-17 --title \"Kyiv, 17 June\"",
            "metric set missiles --alias rockets", "scope set Kyiv --part-of Ukraine --alias Kiev", "claim remove c14",
        ])
        let file = try String(contentsOfFile: workspace + "/Claims/kyiv-strike-2025-06-17.json", encoding: .utf8)
        #expect(file.contains(#"{ "id": "Kyiv", "partOf": "Ukraine", "aliases": ["Kiev"] }"#) && !file.contains(#""id": "c14""#))
    }
}

@Suite("annotate: a source's figures, one decision each")
struct AnnotateTests {
    @Test("a metric or scope named in an edit that the event does not have is made there, asking its kind and its whole")
    func defineInEdit() throws {
        let workspace = try Binary.newWorkspace()
        try "Rescuers pulled 12 people alive from the rubble of the school in Kramatorsk.\n".write(toFile: workspace + "/a.txt", atomically: true, encoding: .utf8)
        let script = """
            event use k --title K
            scope add Kramatorsk
            source add s --title S --outlet O --published 2025-06-18 --text-file \(workspace)/a.txt
            annotate
            e
            pulled-alive
            the school



            bogus
            cumulative
            Kramatorsk
            a

            """
        let result = try Binary.run(["--workspace", workspace], stdin: script)
        #expect(result.stderr == "" && result.status == 0, Comment(rawValue: result.stderr))
        #expect(result.stdout.contains("""
            metric pulled-alive (cumulative) added to k
            scope the school added to k, part of Kramatorsk
              → pulled-alive in the school: 12
            c1: pulled-alive in the school = 12

            """))
    }

    @Test("what the analyst teaches the event, annotate reads by at once: a new metric and its words, a scope's alias")
    func taughtWords() throws {
        let workspace = try Binary.newWorkspace()
        try "About 1,200 people are sheltering in the metro, officials in the capital said.\n"
            .write(toFile: workspace + "/a.txt", atomically: true, encoding: .utf8)
        let script = """
            event use kyiv --title K
            scope add Kyiv --alias "the capital"
            metric add sheltering --kind snapshot --alias "sheltering in the metro"
            source add s --title S --outlet O --published 2025-06-17 --text-file \(workspace)/a.txt
            annotate s --accept

            """
        let result = try Binary.run(["--workspace", workspace], stdin: script)
        #expect(result.stderr == "" && result.status == 0, Comment(rawValue: result.stderr))
        #expect(result.stdout.hasSuffix("c1: sheltering in Kyiv [1,080, 1,320]\nannotate: 1 of 1 figure added as claims, 0 without a metric skipped\n"),
                Comment(rawValue: result.stdout))
    }

    @Test("in script mode a line that is no answer stops the walk with an error naming it, and is read as a command")
    func noAnswer() throws {
        let workspace = try Binary.newWorkspace()
        try "Russia launched 440 drones and 32 missiles overnight. At least 28 people were killed in Kyiv.\n"
            .write(toFile: workspace + "/a.txt", atomically: true, encoding: .utf8)
        let script = """
            event use kyiv --title K
            source add ap --title AP --outlet AP --published 2025-06-18 --text-file \(workspace)/a.txt
            annotate
            a
            list

            """
        let result = try Binary.run(["--workspace", workspace], stdin: script)
        #expect(result.status == 2)
        #expect(result.stderr == "line 3: stopped: line 5 (\"list\") is no answer to \"accept, edit, skip, quit [a/e/s/q]?\", so it is read as a command\n")
        #expect(result.stdout.hasSuffix("c1  drones  440  →  = 440  @ 2025-06-18  [open]\n"))
    }

    @Test("in script mode the decisions are the next lines: accept, skip, edit, quit")
    func script() throws {
        let workspace = try Binary.newWorkspace()
        let article = workspace + "/article.txt"
        try """
            KYIV (AP) — Russia launched 440 drones and 32 missiles overnight, President Zelensky said. At least 28 people \
            were killed in Kyiv, officials said on Wednesday, and more than 130 were injured.

            """.write(toFile: article, atomically: true, encoding: .utf8)
        // Accept 440 drones; skip 32 missiles; edit the 28 killed (keep metric, scope,
        // attribution and time, say "28"), then accept; quit at the injured.
        let script = """
            event use kyiv --title "Kyiv"
            scope add Kyiv
            source add ap --title "AP" --outlet AP --published 2025-06-18T14:00+03:00 --text-file \(article)
            annotate
            a
            s
            e


            28


            a
            q
            list
            annotate
            q

            """
        let result = try Binary.run(["--workspace", workspace], stdin: script)
        #expect(result.stderr == "")
        #expect(result.status == 0)
        #expect(result.stdout == """
            event kyiv created; it is the current event
            scope Kyiv added to kyiv
            source ap added; it is the current source

            [1/4] line 1: KYIV (AP) — Russia launched [440] drones and 32 missiles overnight, President Zelensky said.
              → drones: 440 (attributed to President Zelensky)
            c1: drones = 440

            [2/4] line 1: KYIV (AP) — Russia launched 440 drones and [32] missiles overnight, President Zelensky said.
              → missiles: 32 (attributed to President Zelensky)

            [3/4] line 1: [At least 28] people were killed in Kyiv, officials said on Wednesday, and more than 130 were…
              → killed in Kyiv: At least 28 (attributed to officials) as of 2025-06-18
              → killed in Kyiv: 28 (attributed to officials) as of 2025-06-18
            c2: killed in Kyiv = 28

            [4/4] line 1: At least 28 people were killed in Kyiv, officials said on Wednesday, and [more than 130] were injured.
              → injured in Kyiv: more than 130 (attributed to officials) as of 2025-06-18
            annotate: 2 claims added
            c1  drones  440  →  = 440  @ 2025-06-18T14:00+03:00  [open]
            c2  killed · Kyiv  28  →  = 28  @ 2025-06-18  [open]

            [1/4] line 1: KYIV (AP) — Russia launched [440] drones and 32 missiles overnight, President Zelensky said.
              done: c1

            [2/4] line 1: KYIV (AP) — Russia launched 440 drones and [32] missiles overnight, President Zelensky said.
              → missiles: 32 (attributed to President Zelensky)
            annotate: 0 claims added

            """)
    }
}

@Suite("A session command from the command line")
struct SessionCommandLineTests {
    @Test("crosscheck [--workspace DIR] COMMAND … runs one command of the session's table; an error is one line and exit 2")
    func oneCommand() throws {
        let workspace = try Binary.sampleWorkspace()
        let set = try Binary.run(["--workspace", workspace, "claim", "set", "c9", "--status", "verified"])
        #expect(set.status == 0 && set.stderr == "")
        #expect(set.stdout == "c9  killed · Kyiv  10  →  = 10  @ 2025-06-17T16:00+03:00  [verified]\n  conflict: the toll fell (with c8; severity 29%)\n")
        #expect(try String(contentsOfFile: workspace + "/Claims/kyiv-strike-2025-06-17.json", encoding: .utf8).contains(#""status": "verified""#))
        let missing = try Binary.run(["--workspace", workspace, "claim", "set", "c99", "--status", "verified"])
        #expect(missing.status == 2 && missing.stderr == "crosscheck: no claim \"c99\"\n" && missing.stdout == "")
        let bad = try Binary.run(["--workspace", workspace, "claim", "set", "c9", "--status", "maybe"])
        #expect(bad.status == 2 && bad.stderr == "crosscheck: --status: \"maybe\" is not one of open, corroborated, disputed, verified, false, retracted\n")
        // A word with spaces stays one word.
        let added = try Binary.run(["--workspace", workspace, "event", "use", "e2", "--title", "Second event"])
        #expect(added.stdout == "event e2 created; it is the current event\n")
        #expect(try String(contentsOfFile: workspace + "/Claims/e2.json", encoding: .utf8).contains(#""title": "Second event""#))
    }
}
