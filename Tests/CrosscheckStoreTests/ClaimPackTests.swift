import CrosscheckCore
import CrosscheckSession
import Foundation
import GRDB
import Testing
@testable import CrosscheckStore

@Suite("Claim packs: an event's claims in one stored value")
struct ClaimPackTests {
    /// Claims with every optional field both set and left out, text outside ASCII, several links.
    static let claims: [Claim] = [
        Claim(id: "c1", metric: "killed", scope: "Kyiv", text: "at least 23", figure: Figure(lower: 23, upper: nil, coded: 23),
              asOf: try? ReportedTime("2025-06-17T16:00+03:00"), confidence: .likely, status: .disputed,
              sources: [Link(source: "a", quote: "«щонайменше 23»", attributedTo: "President Zelensky", credibility: .probablyTrue),
                        Link(source: "b"), Link(source: "c", credibility: .cannotBeJudged)]),
        Claim(id: "c10", metric: "drones", scope: nil, text: "nearly 500", figure: Figure(
            lower: 450, upper: 500, lowerOpen: true, upperOpen: true, approximate: true, kind: .money, unit: "UAH", coded: nil),
              asOf: try? ReportedTime("2025-06-17")),
        Claim(id: "c2", metric: "", text: "", figure: Figure(lower: -0.0, upper: .greatestFiniteMagnitude, kind: .ordinal, coded: .pi),
              confidence: .almostNoChance, status: .false),
    ]

    @Test("claims come back from their pack exactly as they went in")
    func roundTrip() throws {
        let packed = ClaimPack.encode(Self.claims)
        #expect(packed.withUnsafeBytes(ClaimPack.decode) == Self.claims)
        #expect([UInt8]([1, 0]).withUnsafeBytes(ClaimPack.decode) == [])
    }

    @Test("a damaged pack is refused, never read as other claims")
    func damaged() throws {
        let packed = ClaimPack.encode(Self.claims)
        for length in 0..<packed.count {
            #expect(Array(packed[..<length]).withUnsafeBytes(ClaimPack.decode) == nil, "cut at \(length)")
        }
        #expect((packed + [0]).withUnsafeBytes(ClaimPack.decode) == nil)
        #expect(([2] + packed.dropFirst()).withUnsafeBytes(ClaimPack.decode) == nil)
        // A count far beyond the bytes that follow.
        #expect([UInt8]([1, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F]).withUnsafeBytes(ClaimPack.decode) == nil)
    }

    /// Every event as its rows say and as its pack says, and how many events have a pack.
    private func rowsAndPacks(_ workspace: Workspace) throws -> (rows: [EventLedger], packs: [EventLedger], packed: Int) {
        let ids = try workspace.database.eventIDs()
        let rows = try workspace.database.pool.read { db in
            try ids.compactMap { id in try LedgerDatabase.event(id, condition: "claim.event = ?", arguments: [id], whole: false, db) }
        }
        var packs: [EventLedger] = []
        try workspace.database.events(ids) { _, ledger in packs.append(ledger) }
        let packed = try workspace.database.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM eventClaims") ?? 0 }
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

    @Test("a database from before packs gets them when opened; a damaged pack is passed over for the rows")
    func migrationAndDamage() throws {
        let folder = try sampleWorkspace()
        let first = try Workspace(directory: folder)
        let expected = try rowsAndPacks(first).rows
        try first.database.pool.write { db in
            try db.execute(sql: "DROP TABLE eventClaims")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v3: event claim packs'")
        }
        let second = try Workspace(directory: folder)
        var state = try rowsAndPacks(second)
        #expect(state.packed == 3 && state.packs == expected && state.rows == expected)

        try second.database.pool.write { db in try db.execute(sql: "UPDATE eventClaims SET claims = x'01ff'") }
        state = try rowsAndPacks(second)
        #expect(state.packs == expected)
    }
}
