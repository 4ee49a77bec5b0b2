import CrosscheckCore
import CrosscheckSession
import Foundation
import GRDB
import Testing
@testable import CrosscheckStore

@Suite("Event packs: an event and its claims in one stored value")
struct EventPackTests {
    /// Claims with every optional field both set and left out, text outside ASCII, several links.
    static let claims: [Claim] = [
        Claim(id: "c1", metric: "killed", scope: "Kyiv", text: "at least 23", figure: Figure(lower: 23, upper: nil, coded: 23),
              asOf: try? ReportedTime("2025-06-17T16:00+03:00"), confidence: .likely, status: .disputed,
              sources: [Link(source: "a", quote: "«щонайменше 23»", attributedTo: "President Zelensky", credibility: .probablyTrue),
                        Link(source: "b", span: 12..<20), Link(source: "c", credibility: .cannotBeJudged)]),
        Claim(id: "c10", metric: "drones", scope: nil, text: "nearly 500", figure: Figure(
            lower: 450, upper: 500, lowerOpen: true, upperOpen: true, approximate: true, kind: .money, unit: "UAH", coded: nil),
              asOf: try? ReportedTime("2025-06-17")),
        Claim(id: "c2", metric: "", text: "", figure: Figure(lower: -0.0, upper: .greatestFiniteMagnitude, kind: .ordinal, coded: .pi),
              confidence: .almostNoChance, status: .false),
    ]

    static let ledger = EventLedger(
        event: Event(id: "e", title: "Strike on Kyiv — 17 June", date: try? ReportedTime("2025-06-17")),
        metrics: [Metric(id: "drones", kind: .snapshot), Metric(id: "killed", kind: .cumulative, aliases: ["dead", "lives lost"])],
        scopes: [Scope(id: "Kyiv", partOf: "Ukraine", aliases: ["Kiev", "the capital"]), Scope(id: "Ukraine")], claims: claims)

    private func decode(_ bytes: [UInt8]) -> EventLedger? { bytes.withUnsafeBytes { EventPack.decode("e", $0) } }

    @Test("an event comes back from its pack exactly as it went in")
    func roundTrip() throws {
        #expect(decode(EventPack.encode(Self.ledger)) == Self.ledger)
        let bare = EventLedger(event: Event(id: "e", title: ""))
        #expect(decode(EventPack.encode(bare)) == bare)
    }

    @Test("a damaged pack is refused, never read as another event")
    func damaged() throws {
        let packed = EventPack.encode(Self.ledger)
        for length in 0..<packed.count {
            #expect(decode(Array(packed[..<length])) == nil, "cut at \(length)")
        }
        #expect(decode(packed + [0]) == nil)
        #expect(decode([EventPack.version + 1] + packed.dropFirst()) == nil)
        // Version 1, from before scope aliases, is still read: a scope without aliases.
        #expect(decode([1, 0, 0, 0, 1, 1, UInt8(ascii: "K"), 0, 0]) == EventLedger(event: Event(id: "e", title: ""), scopes: [Scope(id: "K")]))
        // A count far beyond the bytes that follow; a kind out of its list.
        #expect(decode([1, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F]) == nil)
        #expect(decode([1, 0, 0, 1, 1, UInt8(ascii: "k"), 9, 0, 0, 0]) == nil)
        #expect(decode([1, 0, 0, 1, 1, UInt8(ascii: "k"), 1, 0, 0, 0]) == EventLedger(
            event: Event(id: "e", title: ""), metrics: [Metric(id: "k", kind: .cumulative)]))
    }

    /// Every event as its rows say and as its pack says, and how many events have a pack.
    private func rowsAndPacks(_ workspace: Workspace) throws -> (rows: [EventLedger], packs: [EventLedger], packed: Int) {
        let ids = try workspace.store.eventIDs()
        let rows = try LedgerDatabase.of(workspace).pool.read { db in
            try ids.compactMap { id in try LedgerDatabase.event(id, condition: "claim.event = ?", arguments: [id], whole: false, db) }
        }
        var packs: [EventLedger] = []
        try workspace.store.events(ids) { _, ledger in packs.append(ledger) }
        let packed = try LedgerDatabase.of(workspace).pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM eventPack") ?? 0 }
        return (rows, packs, packed)
    }

    @Test("the packs say what the rows say after an import, session changes, undo and a hand edit")
    func packsFollowRows() throws {
        let folder = try sampleWorkspace()
        let workspace = try Workspace(directory: folder)
        var state = try rowsAndPacks(workspace)
        #expect(state.packed == 3 && state.rows.count == 3 && state.packs == state.rows)

        let session = try Session(workspace: workspace)
        _ = try session.run("event use kyiv-strike-2025-06-17")
        _ = try session.run("source use anews-2025-06-17")
        _ = try session.run("claim add \"at least 31 killed\" --scope Kyiv")
        _ = try session.run("claim set c9 --status disputed")
        _ = try session.run("link c1 anews-2025-06-17 --quote \"14 people\"")
        state = try rowsAndPacks(workspace)
        #expect(state.packed == 3 && state.packs == state.rows)
        #expect(state.packs.flatMap(\.claims).contains { $0.text.contains("at least 31") })
        _ = try session.run("undo")
        _ = try session.run("event use new-event --title New")
        _ = try session.run("claim add \"5 killed\"")
        state = try rowsAndPacks(workspace)
        #expect(state.packed == 4 && state.packs == state.rows)

        let path = folder + "/Claims/pow-exchange-2025-06-19.json"
        try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "\"hundreds\"", with: "\"several hundred\"")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let reopened = try Workspace(directory: folder)
        state = try rowsAndPacks(reopened)
        #expect(state.packed == 4 && state.packs == state.rows)
        #expect(state.packs.flatMap(\.claims).contains { $0.text == "several hundred" })
    }

    @Test("an import packs each event as it reads the file, byte for byte as its rows read back; a second import replaces the rows")
    func importedPacks() throws {
        let folder = try emptyWorkspace()
        let workspace = try Workspace(directory: folder)
        let file = folder + "/incoming.json"
        // Claims out of every order: scopes whose byte order is not Swift's ("u" and a combining
        // mark before "z"), claims without a scope, a standard metric undeclared.
        func event(_ claims: [(String, String, String?)]) -> String {
            let items = claims.map { id, metric, scope in
                "{ \"id\": \"\(id)\", \"metric\": \"\(metric)\", " + (scope.map { "\"scope\": \"\($0)\", " } ?? "")
                    + "\"text\": \"at least 5\", \"sources\": [{ \"source\": \"s1\" }, { \"source\": \"s2\" }] }"
            }
            return """
                { "format": "crosscheck-claims/1", "event": { "id": "e", "title": "Ébène", "date": "2025-06-17T16:00+03:00" },
                  "metrics": [{ "id": "wounded", "kind": "cumulative" }, { "id": "air-raids", "kind": "snapshot" }],
                  "scopes": [{ "id": "Zu\\u0308rich" }, { "id": "Zz" }, { "id": "Київ", "partOf": "Zz" }, { "id": "apex" }],
                  "claims": [\(items.joined(separator: ", "))] }
                """
        }
        let claims: [(String, String, String?)] = [
            ("c1", "wounded", "Київ"), ("c2", "air-raids", nil), ("c3", "killed", "Zz"), ("c4", "wounded", "Zu\u{308}rich"),
            ("c5", "air-raids", "apex"), ("c6", "wounded", nil), ("c7", "killed", "Zu\u{308}rich"), ("c8", "wounded", "Київ"),
        ]
        try #"{ "format": "crosscheck-sources/1", "sources": [{ "id": "s1", "title": "One", "outlet": "A" }, { "id": "s2", "title": "Two", "outlet": "B" }] }"#
            .write(toFile: folder + "/in-sources.json", atomically: true, encoding: .utf8)
        try event(claims).write(toFile: file, atomically: true, encoding: .utf8)
        try workspace.importFiles([folder + "/in-sources.json", file], command: "import")

        let database = LedgerDatabase.of(workspace)
        func storedPack() throws -> [UInt8] {
            try database.pool.read { db in try [UInt8](Data.fetchOne(db, sql: "SELECT pack FROM eventPack WHERE event = 'e'") ?? Data()) }
        }
        var state = try rowsAndPacks(workspace)
        #expect(state.packed == 1 && state.packs == state.rows)
        #expect(try storedPack() == EventPack.encode(state.rows[0]))
        #expect(state.rows[0].claims.map(\.id) == ["c2", "c5", "c7", "c3", "c6", "c4", "c1", "c8"])

        // Imported again with fewer claims: no row of the old event is left behind.
        try event(Array(claims.prefix(3))).write(toFile: file, atomically: true, encoding: .utf8)
        try workspace.importFiles([file], command: "import")
        state = try rowsAndPacks(workspace)
        #expect(state.packs == state.rows && state.rows[0].claims.map(\.id) == ["c2", "c3", "c1"])
        #expect(try storedPack() == EventPack.encode(state.rows[0]))
        let (links, checks, cache) = try database.pool.write { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM link") ?? 0, try Int.fetchOne(db, sql: "PRAGMA foreign_keys") ?? 0,
             try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? 0)
        }
        // The bulk write's settings are the connection's own again.
        #expect(links == 6 && checks == 1 && cache == -2000)
    }

    @Test("claims in stored order: by the bytes of metric and scope (none first), then as given; names the event does not declare included")
    func storedOrder() {
        let names = ["killed", "injured", "Zu\u{308}rich", "Z\u{fc}rich", "Zz", "apex", "Київ", "a", "ab"]
        var random = SplitMix64(state: 11)
        let claims = (0..<300).map { k in
            let scope = random.next() % 5 == 0 ? nil : names[Int(random.next() % UInt64(names.count))]
            return Claim(id: "c\(k)", metric: names[Int(random.next() % UInt64(names.count))], scope: scope, text: "1",
                         figure: .exactly(1))
        }
        // Half the names declared: the others are compared as text.
        let ledger = EventLedger(event: Event(id: "e", title: "E"), metrics: names.prefix(4).map { Metric(id: $0, kind: .cumulative) },
                                 scopes: names.suffix(5).map { Scope(id: $0) }, claims: claims)
        func bytes(_ text: String?) -> [UInt8] { text.map { [1] + Array($0.utf8) } ?? [0] }
        let expected = claims.indices.sorted { x, y in
            let (a, b) = ((bytes(claims[x].metric), bytes(claims[x].scope)), (bytes(claims[y].metric), bytes(claims[y].scope)))
            if a.0 != b.0 { return a.0.lexicographicallyPrecedes(b.0) }
            if a.1 != b.1 { return a.1.lexicographicallyPrecedes(b.1) }
            return x < y
        }.map { claims[$0].id }
        #expect(EventPack.inStoredOrder(ledger).claims.map(\.id) == expected)
    }

    @Test("a bulk write alone on the database goes through a rollback journal and leaves it in WAL mode; beside another connection, through the log")
    func bulkJournal() throws {
        let folder = try emptyWorkspace()
        let database = try LedgerDatabase(path: folder + "/ledger.sqlite")
        let sources = (0..<4).map { Source(id: "s\($0)", title: "Report \($0)", outlet: "Outlet \($0)") }
        func bulk(_ event: Int) -> LedgerWrite {
            let claims = (0..<400).map { k in
                Claim(id: "e\(event)-c\(k)", metric: "killed", text: "\(k)", figure: .exactly(Double(k)), sources: [Link(source: "s\(k % 4)")])
            }
            var pending = [EventLedger(event: Event(id: "e\(event)", title: "Event \(event)"), claims: claims).declaringStandardMetrics()][...]
            var write = LedgerWrite(command: "import", nextEvent: {
                pending.popFirst().map { EventWrite($0, path: "e\(event).json", pack: EventPack.stored($0)) }
            }, after: { _, _ in "" })
            (write.sources, write.bulk) = (sources, true)
            return write
        }
        func log() -> Int { (try? FileManager.default.attributesOfItem(atPath: folder + "/ledger.sqlite-wal")[.size] as? Int) ?? 0 }
        func settings() throws -> (String, Int) {
            try database.pool.writeWithoutTransaction { db in
                (try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "", try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1)
            }
        }
        _ = try database.eventIDs()  // a reader of the pool's own is open, and closed for the write
        try database.store(bulk(1))
        #expect(log() == 0)
        #expect(try settings() == ("wal", 1))

        // Another connection open, as a session's: the switch is refused at once, the write is logged.
        let other = try DatabaseQueue(path: folder + "/ledger.sqlite")
        _ = try other.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM claim") }
        try database.store(bulk(2))
        #expect(log() > 400 * 100)
        #expect(try settings() == ("wal", 1))
        #expect(try other.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM claim") } == 800)
        #expect(try database.eventIDs() == ["e1", "e2"])
    }

    @Test("a database from before packs gets them when opened; a damaged pack is passed over for the rows")
    func migrationAndDamage() throws {
        let folder = try sampleWorkspace()
        let first = try Workspace(directory: folder)
        let expected = try rowsAndPacks(first).rows
        try LedgerDatabase.of(first).pool.write { db in
            try db.execute(sql: "DROP TABLE eventPack")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v3: event packs'")
        }
        let second = try Workspace(directory: folder)
        var state = try rowsAndPacks(second)
        #expect(state.packed == 3 && state.packs == expected && state.rows == expected)

        try LedgerDatabase.of(second).pool.write { db in try db.execute(sql: "UPDATE eventPack SET pack = x'01ff'") }
        state = try rowsAndPacks(second)
        #expect(state.packs == expected)
    }
}

extension LedgerDatabase {
    /// The SQLite store behind a workspace, for the tests that look inside it.
    static func of(_ workspace: Workspace) -> LedgerDatabase { workspace.store as! LedgerDatabase }
}
