import CrosscheckCore
@testable import CrosscheckSession
import Foundation
import Testing
@testable import CrosscheckStore

/// The session's commands that correct the ledger, run in-process on a copy of the sample.
@Suite("Correcting the ledger: claims, links, sources, events, metrics, scopes")
struct SessionEditingTests {
    private func session() throws -> (Session, String) {
        let folder = try sampleWorkspace()
        let session = try Session(workspace: try Workspace(directory: folder))
        _ = try session.run("event use kyiv-strike-2025-06-17")
        return (session, folder)
    }

    private func claim(_ folder: String, _ id: String) throws -> Claim? {
        let text = try String(contentsOfFile: folder + "/Claims/kyiv-strike-2025-06-17.json", encoding: .utf8)
        return try LedgerFiles.readEvent(text).claims.first { $0.id == id }
    }

    @Test("every command of the table has a handler, and every handler a command")
    func table() {
        #expect(Set(Session.handlers.keys) == Set(CommandTree.standard.commands.map { $0.words.joined(separator: " ") }))
    }

    @Test("claim set --figure reads the new phrase and answers with the conflicts it is in; a vague phrase changes nothing")
    func figure() throws {
        let (session, folder) = try session()
        #expect(try session.run("claim set c9 --figure \"about 12 killed\"")
                == "c9  killed · Kyiv  about 12 killed  →  [10.8, 13.2]  @ 2025-06-17T16:00+03:00  [open]\n"
                + "  conflict: the toll fell (with c8; severity 6%)\n")
        #expect(try claim(folder, "c9")?.figure == Figure(lower: 10.8, upper: 13.2, approximate: true, coded: 12))
        #expect(throws: SessionError("\"many\" is too vague to give a figure")) { try session.run("claim set c9 --figure many") }
        #expect(throws: SessionError("claim set c9: say what to change: claim set CLAIM [--figure TEXT] [--status STATUS] "
                                     + "[--confidence WORD] [--metric METRIC] [--scope SCOPE] [--as-of DATE]")) { try session.run("claim set c9") }
    }

    @Test("claim remove takes a claim out of its file; undo ENTRY brings it back")
    func remove() throws {
        let (session, folder) = try session()
        #expect(try session.run("claim remove c9") == "c9 removed; undo 2 brings it back\n")
        #expect(try claim(folder, "c9") == nil)
        #expect(throws: SessionError("no claim \"c9\"")) { try session.run("claim remove c9") }
        #expect(try session.run("undo 2") == "undid 2: claim remove c9\n")
        #expect(try claim(folder, "c9")?.text == "10")
    }

    @Test("claim merge moves the others' links onto the one kept; only one figure of one thing merges")
    func merge() throws {
        let (session, folder) = try session()
        #expect(try session.run("claim merge c12 c13") == "c13 merged into c12, which cites lb-2025-06-18, pravda-2025-06-18\n")
        #expect(try claim(folder, "c13") == nil)
        #expect(try claim(folder, "c12")?.sources.map(\.source) == ["lb-2025-06-18", "pravda-2025-06-18"])
        #expect(throws: SessionError("c5 counts drones in Ukraine, c12 killed in Kyiv: not one figure")) { try session.run("claim merge c12 c5") }
        #expect(throws: SessionError("claim merge: c12 cannot merge into itself")) { try session.run("claim merge c12 c12") }
        #expect(throws: SessionError("no claim \"c99\"")) { try session.run("claim merge c12 c99") }
        #expect(throws: SessionError("c20 is not in kyiv-strike-2025-06-17, as c12 is")) { try session.run("claim merge c12 c20") }
    }

    @Test("link set changes one report's attribution, quote and credibility; unlink keeps a claim's last source")
    func links() throws {
        let (session, folder) = try session()
        #expect(try session.run("link set c9 pravda-2025-06-17-b --attributed \"Kyiv City Military Administration\" --credibility 3")
                == "c9 cites pravda-2025-06-17-b (Kyiv City Military Administration), credibility 3\n")
        let link = try #require(try claim(folder, "c9")?.sources.first)
        #expect((link.attributedTo, link.credibility, link.quote) == ("Kyiv City Military Administration", .possiblyTrue, "10"))
        #expect(throws: SessionError("c9 does not cite ap-2025-06-18; link c9 ap-2025-06-18 adds it")) {
            try session.run("link set c9 ap-2025-06-18 --quote x")
        }
        #expect(throws: SessionError("c9 already cites pravda-2025-06-17-b; link set c9 pravda-2025-06-17-b changes that report")) {
            try session.run("link c9 pravda-2025-06-17-b")
        }
        #expect(throws: SessionError("pravda-2025-06-17-b is the only source of c9; claim remove c9 removes the claim")) {
            try session.run("unlink c9 pravda-2025-06-17-b")
        }
        _ = try session.run("link c9 babel-2025-06-17")
        #expect(try session.run("unlink c9 pravda-2025-06-17-b") == "c9 cites babel-2025-06-17\n")
    }

    @Test("source set changes a source's fields; source remove is refused while claims cite it, naming them")
    func sources() throws {
        let (session, folder) = try session()
        #expect(try session.run("source set ap-2025-06-18 --title \"AP via Business Standard\" --url https://example.org/ap")
                == "ap-2025-06-18  B  Business Standard (AP): AP via Business Standard (2025-06-18) <https://example.org/ap>\n")
        let registry = try LedgerFiles.readRegistry(String(contentsOfFile: folder + "/Sources.json", encoding: .utf8))
        #expect(registry.sources.first { $0.id == "ap-2025-06-18" }?.url == "https://example.org/ap")
        #expect(throws: SessionError("ap-2025-06-18 is cited by c15, c16; unlink or claim remove them first")) {
            try session.run("source remove ap-2025-06-18")
        }
        _ = try session.run("source add spare --title S --outlet O")
        #expect(try session.run("source remove spare") == "source spare removed\n")
        #expect(!(try String(contentsOfFile: folder + "/Sources.json", encoding: .utf8)).contains("\"spare\""))
    }

    @Test("event set, metric set with aliases and kind, scope set with a whole and never a cycle")
    func definitions() throws {
        let (session, folder) = try session()
        #expect(try session.run("event set kyiv-strike-2025-06-17 --title \"Kyiv, 17 June\"") == "kyiv-strike-2025-06-17: Kyiv, 17 June (2025-06-17)\n")
        #expect(try session.run("metric set missiles --alias rockets") == "metric missiles (snapshot), aliases missile, cruise missiles, ballistic missiles, rockets\n")
        #expect(try session.run("metric set missiles --drop-alias missile") == "metric missiles (snapshot), aliases cruise missiles, ballistic missiles, rockets\n")
        #expect(throws: SessionError("--drop-alias: missiles has no alias \"nope\"")) { try session.run("metric set missiles --drop-alias nope") }
        #expect(try session.run("scope set Kyiv --part-of Ukraine --alias Kiev --alias \"the capital\"")
                == "scope Kyiv, part of Ukraine, also named Kiev, the capital\n")
        #expect(throws: SessionError("--part-of: \"Ukraine\" would be part of itself")) { try session.run("scope set Ukraine --part-of Kyiv") }
        #expect(try session.run("scope set Kyiv --part-of \"\" --drop-alias \"the capital\"") == "scope Kyiv, part of nothing, also named Kiev\n")
        #expect(throws: SessionError("--alias: \"kiev\" already names the scope Kyiv")) { try session.run("scope add Kyiv-city --alias kiev") }
        // A claim's --scope may be an alias: the claim is recorded with the scope's id.
        _ = try session.run("source use anews-2025-06-17")
        #expect(try session.run("claim add \"19 killed\" --scope kiev")?.hasPrefix("c25: killed in Kyiv = 19\n") == true)
        let file = try LedgerFiles.readEvent(String(contentsOfFile: folder + "/Claims/kyiv-strike-2025-06-17.json", encoding: .utf8))
        #expect(file.event.title == "Kyiv, 17 June")
        #expect(file.metrics.first { $0.id == "missiles" }?.aliases == ["cruise missiles", "ballistic missiles", "rockets"])
        #expect(file.scopes.first { $0.id == "Kyiv" } == Scope(id: "Kyiv", aliases: ["Kiev"]))
        #expect(try String(contentsOfFile: folder + "/Claims/kyiv-strike-2025-06-17.json", encoding: .utf8)
            .contains(#"{ "id": "Kyiv", "partOf": null, "aliases": ["Kiev"] }"#))
    }

    @Test("list narrows by status, time (bare dates in the event's zone) and words")
    func list() throws {
        let (session, _) = try session()
        _ = try session.run("claim set c14 --status false")
        #expect(try session.run("list --metric killed --status false") == "c14  killed · Kyiv  27  →  = 27  @ 2025-06-18T16:00+03:00  [false]\n")
        let since = try session.run("list --metric killed --since 2025-06-18T15:00+03:00")
        #expect(since == """
            c1  killed · Kyiv  at least 23  →  ≥ 23  @ 2025-06-19  [open]
            c14  killed · Kyiv  27  →  = 27  @ 2025-06-18T16:00+03:00  [false]
            c18  killed · Ukraine  at least 30  →  ≥ 30  @ 2025-06-18T18:19+03:00  [open]

            """)
        #expect(try session.run("list --since 2025-06-19") == "c1  killed · Kyiv  at least 23  →  ≥ 23  @ 2025-06-19  [open]\n"
                + "c2  injured · Kyiv  over 130  →  > 130  @ 2025-06-19  [open]\nc3  drones · Ukraine  more than 400  →  > 400  @ 2025-06-19  [open]\n"
                + "c4  missiles · Ukraine  dozens  →  [24, 100)  @ 2025-06-19  [open]\n")
        #expect(try session.run("list --text \"at least 3\"") == "c18  killed · Ukraine  at least 30  →  ≥ 30  @ 2025-06-18T18:19+03:00  [open]\n")
    }

    @Test("annotate SOURCE --accept: every proposal with a metric a claim, with its speaker, time and clause, nobody asked")
    func acceptAll() throws {
        let (session, folder) = try session()
        _ = try session.run("event use hotposts-figures")
        #expect(try session.run("annotate hotposts-2025-06-19 --accept") == "annotate: 5 of 5 figures added as claims, 0 without a metric skipped\n")
        let text = try String(contentsOfFile: folder + "/Claims/hotposts-figures.json", encoding: .utf8)
        let claims = try LedgerFiles.readEvent(text).claims
        #expect(claims.map { "\($0.metric) \($0.figure.intervalDescription)" }
                == ["prisoners-exchanged [200, 1,000)", "killed ≥ 23", "injured > 130", "drones > 400", "missiles [24, 100)"])
        #expect(claims[1].sources.first?.attributedTo == "Ukrainian officials")
        #expect(claims[1].sources.first?.quote == "killing at least 23 people and injuring over 130")
        // Each link keeps where its figure stands, so a second pass passes over what is done.
        #expect(claims[1].sources.first?.span == 1468..<1479)
        #expect(throws: SessionError("--span \"9,3\": give START,END, two whole numbers with START ≤ END")) {
            try session.run("claim add 5 --metric killed --span 9,3")
        }
        #expect(try session.run("annotate hotposts-2025-06-19 --accept")
                == "annotate: 0 of 5 figures added as claims, 0 without a metric skipped, 5 already recorded\n")
    }

    @Test("plot of a metric the event has no claims of is an error naming those it has")
    func plotUnknownMetric() throws {
        let (session, _) = try session()
        #expect(throws: SessionError("plot: no nonexistent claims in kyiv-strike-2025-06-17; it has drones, injured, killed, missiles")) {
            try session.run("plot nonexistent")
        }
        session.width = { 60 }
        let chart = try #require(try session.run("plot missiles"))
        #expect(chart.hasPrefix("kyiv-strike-2025-06-17 · missiles\n") && chart.split(separator: "\n").allSatisfy { $0.count <= 60 })
    }

    @Test("the same figure of the same thing from the same source twice is refused in a script")
    func duplicate() throws {
        let (session, _) = try session()
        _ = try session.run("source use anews-2025-06-17")
        #expect(throws: SessionError("c5 already records drones in Ukraine = 440 from anews-2025-06-17; link, or claim set c5, instead of adding it twice")) {
            try session.run("claim add \"440 drones\" --scope Ukraine")
        }
        // Another figure, or the same figure of another place, is a claim of its own.
        #expect(try session.run("claim add \"441 drones\" --scope Ukraine")?.hasPrefix("c25: drones in Ukraine = 441\n") == true)
    }

    @Test("a hand edit of an event file while the session is open is taken in before the next change, not written over")
    func handEdit() throws {
        let (session, folder) = try session()
        _ = try session.run("claim set c17 --confidence likely")
        let path = folder + "/Claims/kyiv-strike-2025-06-17.json"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        // c18's status, as a git pull would change it: a file of another size.
        let c18 = try #require(text.range(of: "\"id\": \"c18\""))
        let status = try #require(text.range(of: "\"status\": \"open\"", range: c18.upperBound..<text.endIndex))
        let edited = text.replacingCharacters(in: status, with: "\"status\": \"verified\"")
        #expect(edited != text)
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        _ = try session.run("claim set c17 --confidence \"very likely\"")
        #expect(try claim(folder, "c18")?.status == .verified)
        #expect(try claim(folder, "c17")?.confidence == .veryLikely)
        // A file that no longer reads: the command is refused, and nothing changes.
        try "{ not json".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: SessionError.self) { try session.run("claim set c17 --confidence likely") }
        #expect(try session.workspace.store.event("kyiv-strike-2025-06-17")?.claims.first { $0.id == "c17" }?.confidence == .veryLikely)
    }

    @Test("edits in place, new event files and a replaced Claims folder are all taken in by the next command")
    func editsOfEveryKind() throws {
        let (session, folder) = try session()
        let path = folder + "/Claims/kyiv-strike-2025-06-17.json"
        // Written in place, as `echo >` or an editor without a temporary file writes: no rename.
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.write(contentsOf: Data(text.replacingOccurrences(of: "\"title\": \"", with: "\"title\": \"Edited: ").utf8))
        try handle.close()
        #expect(try session.run("events")?.contains("Edited: ") == true)
        // A new event file, as a git pull brings one.
        let copy = text.replacingOccurrences(of: "kyiv-strike-2025-06-17", with: "copy-event")
            .replacingOccurrences(of: #""id": "c(\d+)""#, with: #""id": "x$1""#, options: .regularExpression)
        try copy.write(toFile: folder + "/Claims/copy-event.json", atomically: true, encoding: .utf8)
        #expect(try session.run("events")?.contains("copy-event") == true)
        // The whole folder replaced (a checkout of another branch): every file is looked at again.
        try FileManager.default.moveItem(atPath: folder + "/Claims", toPath: folder + "/Claims-old")
        try FileManager.default.copyItem(atPath: folder + "/Claims-old", toPath: folder + "/Claims")
        let pow = folder + "/Claims/pow-exchange-2025-06-19.json"
        try (try String(contentsOfFile: pow, encoding: .utf8)).replacingOccurrences(of: "\"status\": \"open\"", with: "\"status\": \"disputed\"")
            .write(toFile: pow, atomically: false, encoding: .utf8)
        #expect(try session.run("list --event pow-exchange-2025-06-19")?.contains("[disputed]") == true)
    }
}

#if os(Linux)
@Suite("The file watch: which workspace files changed")
struct FileWatchTests {
    @Test("names the event files and Sources.json written, nothing else; a replaced folder means every file")
    func names() throws {
        let folder = try sampleWorkspace()
        let watch = try #require(FileWatch(WorkspacePaths(root: folder)))
        #expect(watch.changes() == [])
        try "{}".write(toFile: folder + "/Claims/a.json", atomically: false, encoding: .utf8)
        try "{}".write(toFile: folder + "/Claims/b.json", atomically: true, encoding: .utf8)
        try "x".write(toFile: folder + "/Claims/notes.txt", atomically: false, encoding: .utf8)
        try "x".write(toFile: folder + "/other.json", atomically: false, encoding: .utf8)
        try (try String(contentsOfFile: folder + "/Sources.json", encoding: .utf8)).write(toFile: folder + "/Sources.json", atomically: false, encoding: .utf8)
        #expect(watch.changes() == ["Claims/a.json", "Claims/b.json", "Sources.json"])
        #expect(watch.changes() == [])
        try FileManager.default.removeItem(atPath: folder + "/Claims")
        #expect(watch.changes() == nil)
        try FileManager.default.createDirectory(atPath: folder + "/Claims", withIntermediateDirectories: false)
        #expect(watch.changes() == nil)
        try "{}".write(toFile: folder + "/Claims/c.json", atomically: false, encoding: .utf8)
        #expect(watch.changes() == ["Claims/c.json"])
    }
}
#endif
