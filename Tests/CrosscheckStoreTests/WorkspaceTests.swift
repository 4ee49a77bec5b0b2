import CrosscheckCore
import Foundation
import GRDB
import TestFolders
import Testing
@testable import CrosscheckStore

private let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// A new workspace folder holding a copy of the sample.
func sampleWorkspace() throws -> String {
    let folder = try TestFolders.make("cc-workspace")
    try FileManager.default.createDirectory(atPath: folder + "/Claims", withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: repository.path + "/Sources.json", toPath: folder + "/Sources.json")
    for name in try FileManager.default.contentsOfDirectory(atPath: repository.path + "/Claims") {
        try FileManager.default.copyItem(atPath: repository.path + "/Claims/" + name, toPath: folder + "/Claims/" + name)
    }
    return folder
}

func emptyWorkspace() throws -> String {
    try TestFolders.make("cc-workspace")
}

@Suite("The workspace: files and database kept in step")
struct WorkspaceTests {
    @Test("opening the sample imports its files once; export → import → export gives the same bytes")
    func roundTrip() throws {
        let first = try Workspace(directory: try sampleWorkspace())
        #expect(try first.store.eventIDs() == ["bodies-repatriation-2025-06", "kyiv-strike-2025-06-17", "pow-exchange-2025-06-19"])
        #expect(try first.store.historyCount() == 1)
        let exported = try first.exportJSON()

        let second = try Workspace(directory: try emptyWorkspace())
        try second.importFiles([first.paths!.sources, first.paths!.claims], command: "import")
        #expect(try second.exportJSON() == exported)
        for name in try FileManager.default.contentsOfDirectory(atPath: first.paths!.claims) {
            #expect(FileManager.default.contents(atPath: second.paths!.claims + "/" + name)
                    == FileManager.default.contents(atPath: first.paths!.claims + "/" + name), "\(name)")
        }
        #expect(FileManager.default.contents(atPath: second.paths!.sources) == FileManager.default.contents(atPath: first.paths!.sources))
    }

    @Test("an unchanged workspace imports nothing when opened again; a hand edit is imported as one history entry")
    func changes() throws {
        let folder = try sampleWorkspace()
        _ = try Workspace(directory: folder)
        let again = try Workspace(directory: folder)
        #expect(try again.store.historyCount() == 1)

        let path = folder + "/Claims/pow-exchange-2025-06-19.json"
        let edited = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "\"hundreds\"", with: "\"several hundred\"")
            .replacingOccurrences(of: "\"figure\": { \"lower\": 200, \"upper\": 1000, \"lowerOpen\": false, \"upperOpen\": true, \"approximate\": true, \"kind\": \"count\", \"unit\": null, \"coded\": 100 },\n", with: "")
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        let third = try Workspace(directory: folder)
        #expect(try third.store.historyCount() == 2)
        let claim = try #require(try third.store.event("pow-exchange-2025-06-19")?.claims.first)
        #expect(claim.text == "several hundred")
        #expect(claim.figure == Figure(lower: 300, upper: 1000, upperOpen: true, approximate: true, coded: 300))
    }

    @Test("a refused import names the file and the JSON path, and stores nothing")
    func refusedImport() throws {
        let target = try Workspace(directory: try sampleWorkspace())
        let before = try target.exportJSON()
        let other = try sampleWorkspace()
        let path = other + "/Claims/kyiv-strike-2025-06-17.json"
        let text = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: "\"credibility\": 3 }", with: "\"credibility\": 9 }")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: StoreError.self) { try target.importFiles([other + "/Sources.json", other + "/Claims"], command: "import") }
        do {
            try target.importFiles([other + "/Sources.json", other + "/Claims"], command: "import")
        } catch {
            #expect(error.message == "\(path): claims[0].sources[0].credibility: 9 is not in 1–6")
        }
        #expect(try target.exportJSON() == before)
        #expect(try target.store.historyCount() == 1)
    }

    @Test("an event or a claim id given in two files of one import: an error naming both files, and nothing stored")
    func idTwice() throws {
        let target = try Workspace(directory: try emptyWorkspace())
        let before = try target.exportJSON()
        let folder = try emptyWorkspace()
        let original = try String(contentsOfFile: repository.path + "/Claims/kyiv-strike-2025-06-17.json", encoding: .utf8)
        try original.write(toFile: folder + "/b.json", atomically: true, encoding: .utf8)
        func refusal(_ first: String) throws -> String? {
            try first.write(toFile: folder + "/a.json", atomically: true, encoding: .utf8)
            return #expect(throws: StoreError.self) {
                try target.importFiles([repository.path + "/Sources.json", folder], command: "import")
            }?.message
        }
        #expect(try refusal(original) == "\(folder)/b.json: event: the event \"kyiv-strike-2025-06-17\" is also in \(folder)/a.json")
        let renamed = original.replacingOccurrences(of: "\"id\": \"kyiv-strike-2025-06-17\"", with: "\"id\": \"kyiv-copy\"")
        #expect(try refusal(renamed) == "\(folder)/b.json: claims[0].id: the claim id \"c1\" is also in \(folder)/a.json")
        #expect(try target.exportJSON() == before)
    }

    @Test("a path relative to the workspace, by its bytes: inside it, beside it, and the root itself")
    func relativePaths() {
        let paths = WorkspacePaths(root: "/w/Київ")
        #expect(paths.relative("/w/Київ/Claims/e.json") == "Claims/e.json")
        #expect(paths.relative("/w/Київ/Sources.json") == "Sources.json")
        #expect(paths.relative("/w/Київська/Sources.json") == "/w/Київська/Sources.json")
        #expect(paths.relative("/w/Київ") == "/w/Київ")
        #expect(paths.relative("/w/Київ/") == "/w/Київ/")
        #expect(paths.relative("/w/Ки\u{308}їв/x") == "/w/Ки\u{308}їв/x")
    }

    @Test("links to a source that is nowhere are refused")
    func missingSource() throws {
        let target = try Workspace(directory: try emptyWorkspace())
        let error = #expect(throws: StoreError.self) {
            try target.importFiles([repository.path + "/Claims/pow-exchange-2025-06-19.json"], command: "import")
        }
        #expect(error?.message == repository.path + "/Claims/pow-exchange-2025-06-19.json: claims[0].sources[0].source: no source \"hotposts-2025-06-19\"")
    }

    @Test("links stored before they were keyed by claim and place alone come through the migration whole")
    func linksMigrated() throws {
        let path = try emptyWorkspace() + "/ledger.sqlite"
        let queue = try DatabaseQueue(path: path)
        try LedgerDatabase.migrator.migrate(queue, upTo: "v6: when a source's text was fetched")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO source (id, title, outlet) VALUES ('s1', 'One', 'A'), ('s2', 'Two', 'B');
                INSERT INTO event (id, title) VALUES ('e', 'E');
                INSERT INTO metric (event, id, kind, aliases) VALUES ('e', 'killed', 'cumulative', '[]');
                INSERT INTO claim (id, event, metric, text, lower, lowerOpen, upperOpen, approximate, kind)
                    VALUES ('c1', 'e', 'killed', 'at least 5', 5, 0, 0, 0, 'count');
                INSERT INTO link (claim, position, source, quote, attributedTo, credibility, spanStart, spanEnd)
                    VALUES ('c1', 0, 's2', '«5»', 'police', 2, 10, 12), ('c1', 1, 's1', NULL, NULL, NULL, NULL, NULL);
                """)
        }
        try queue.close()
        let database = try LedgerDatabase(path: path)
        let links = try #require(try database.event("e", metric: nil, scopes: nil)).claims.first?.sources
        #expect(links == [Link(source: "s2", quote: "«5»", attributedTo: "police", credibility: .probablyTrue, span: 10..<12), Link(source: "s1")])
        #expect(try database.claimIDs(citing: "s1") == ["c1"])
        let keyed = try database.pool.read { db in
            try String.fetchOne(db, sql: "SELECT sql FROM sqlite_schema WHERE name = 'link'")?.hasSuffix("WITHOUT ROWID")
        }
        #expect(keyed == true)
    }

    @Test("opening takes in an event file that changed, records one only touched, and imports one that is new")
    func touchedChangedNew() throws {
        let folder = try sampleWorkspace()
        let first = try Workspace(directory: folder)
        let entries = try first.store.historyCount()
        let touched = folder + "/Claims/pow-exchange-2025-06-19.json"
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 3600)], ofItemAtPath: touched)
        let second = try Workspace(directory: folder)
        #expect(try second.store.historyCount() == entries)
        let state = try #require(try LedgerDatabase.of(second).fileStates(["Claims/pow-exchange-2025-06-19.json"]).values.first)
        #expect(state.modified == Workspace.fileStat(touched)?.modified && state.hash.count == 64)

        let changed = folder + "/Claims/kyiv-strike-2025-06-17.json"
        try String(contentsOfFile: changed, encoding: .utf8).replacingOccurrences(of: "\"at least 23\"", with: "\"at least 24\"")
            .write(toFile: changed, atomically: true, encoding: .utf8)
        try #"{ "format": "crosscheck-claims/1", "event": { "id": "zz-new", "title": "New" }, "claims": [{ "id": "zz1", "metric": "killed", "text": "5" }] }"#
            .write(toFile: folder + "/Claims/zz-new.json", atomically: true, encoding: .utf8)
        let third = try Workspace(directory: folder)
        #expect(try third.store.historyCount() == entries + 1)
        #expect(try third.store.history(after: 0).last?.command == "open (files changed: Claims/kyiv-strike-2025-06-17.json, Claims/zz-new.json)")
        #expect(try third.store.event("zz-new")?.claims.map(\.text) == ["5"])
    }

    @Test("a database written by a newer crosscheck is refused, not misread")
    func newerDatabase() throws {
        let folder = try sampleWorkspace()
        _ = try Workspace(directory: folder)
        let queue = try DatabaseQueue(path: folder + "/.crosscheck/ledger.sqlite")
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9: the future')") }
        let error = #expect(throws: StoreError.self) { try Workspace(directory: folder) }
        #expect(error?.message == folder + "/.crosscheck/ledger.sqlite: the database was written by a newer crosscheck (migration \"v9: the future\"); update crosscheck to open it")
    }

    @Test("a claim id already used by another event is refused")
    func claimInTwoEvents() throws {
        let folder = try sampleWorkspace()
        let workspace = try Workspace(directory: folder)
        let stray = folder + "/stray.json"
        try """
            { "format": "crosscheck-claims/1", "event": { "id": "other-event", "title": "Other" },
              "claims": [{ "id": "c1", "metric": "killed", "text": "5" }] }
            """.write(toFile: stray, atomically: true, encoding: .utf8)
        let error = #expect(throws: StoreError.self) { try workspace.importFiles([stray], command: "import") }
        #expect(error?.message == stray + ": claims[0].id: the claim id \"c1\" belongs to event \"kyiv-strike-2025-06-17\"")
    }
}
