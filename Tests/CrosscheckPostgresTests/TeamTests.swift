import CrosscheckCore
import CrosscheckSession
import CrosscheckStore
import Foundation
import PostgresTestServer
import Testing
@testable import CrosscheckPostgres

/// Analysts' sessions on one server, as the command line opens them: a workspace with no files,
/// its store the server.
@Suite("A team on one server: sessions at once, undo across analysts, colleagues' news")
struct TeamTests {
    /// A session of `actor` on the ledger at `url`.
    static func session(_ url: String, _ actor: String) throws -> Session {
        try Session(workspace: Workspace(shared: try ServerLedger(try ServerAddress(url)), actor: actor))
    }

    /// A new database on the shared server holding the sample, imported by ana's session.
    static func sampleLedger() throws -> String {
        let url = try ThrowawayServer.shared.get().database()
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let ana = try session(url, "ana")
        #expect(try ana.workspace.importFiles([root + "/Sources.json", root + "/Claims"], command: "import").claims == 24)
        return url
    }

    @Test("8 sessions adding claims to one event at once: every claim lands once, numbered once")
    func eightAtOnce() throws {
        let url = try Self.sampleLedger()
        let failures = Failures()
        // Eight threads, all at once (a dispatch queue would run only as many as there are cores).
        let finished = DispatchGroup()
        for analyst in 0..<8 {
            finished.enter()
            Thread {
                defer { finished.leave() }
                do {
                    let session = try Self.session(url, "analyst\(analyst)")
                    _ = try session.run("event use kyiv-strike-2025-06-17")
                    _ = try session.run("source use anews-2025-06-17")
                    for index in 0..<10 { _ = try session.run("claim add \"\(1000 + analyst * 10 + index) killed\" --scope Kyiv") }
                } catch {
                    failures.add("\(error)")
                }
            }.start()
        }
        finished.wait()
        #expect(failures.all.isEmpty)
        let store = try ServerLedger(try ServerAddress(url))
        let claims = try #require(try store.event("kyiv-strike-2025-06-17")).claims
        let added = claims.filter { $0.figure.lower >= 1000 }
        #expect(added.count == 80 && Set(added.map(\.text)).count == 80)
        // Numbered once each, after the sample's c24, with no number taken twice.
        #expect(Set(claims.map(\.id)).count == claims.count)
        #expect(added.compactMap { EventMerge.number(of: $0.id) }.allSatisfy { $0 > 24 })
        let history = try store.history().dropFirst()
        #expect(history.count == 80 && Set(history.flatMap(\.created)) == Set(added.map(\.id)))
        #expect(Set(history.map(\.actor)) == Set((0..<8).map { "analyst\($0)" }))
    }

    @Test("undo refused where a colleague changed the same claim since, naming them; taken back in turn")
    func undoAcrossAnalysts() throws {
        let url = try Self.sampleLedger()
        let (ana, ben) = (try Self.session(url, "ana"), try Self.session(url, "ben"))
        _ = try ana.run("claim set c9 --status disputed")
        _ = try ben.run("claim set c9 --status verified")
        #expect(throws: SessionError("cannot undo \"claim set c9 --status disputed\": ben's \"claim set c9 --status verified\" has touched "
                                     + "Claims/kyiv-strike-2025-06-17.json since")) {
            try ana.run("undo")
        }
        #expect(try ben.run("undo")?.hasSuffix(": claim set c9 --status verified\n") == true)
        #expect(try ana.run("undo")?.hasSuffix(": claim set c9 --status disputed\n") == true)
        let c9 = try #require(try ana.workspace.store.event("kyiv-strike-2025-06-17")?.claims.first { $0.id == "c9" })
        #expect(c9.status == .open)
        // A change elsewhere in the event does not stand in the way.
        _ = try ana.run("claim set c3 --status disputed")
        _ = try ben.run("claim set c16 --status verified")
        #expect(try ana.run("undo")?.hasSuffix(": claim set c3 --status disputed\n") == true)
    }

    @Test("a colleague's claim add is told to a listening session in one line; its own changes are not")
    func news() throws {
        let url = try Self.sampleLedger()
        let (ana, ben) = (try Self.session(url, "ana"), try Self.session(url, "ben"))
        try ana.workspace.store.listen()
        try ben.workspace.store.listen()
        _ = try ben.run("event use kyiv-strike-2025-06-17")
        _ = try ben.run("source use anews-2025-06-17")
        let added = try ben.run("claim add \"29 killed\" --scope Kyiv") ?? ""
        let id = String(added.prefix { $0 != ":" })
        var heard: [String] = []
        for _ in 0..<40 where heard.isEmpty {
            heard = ana.workspace.store.colleaguesNews()
            if heard.isEmpty { Thread.sleep(forTimeInterval: 0.05) }
        }
        #expect(heard == ["ben added \(id) to kyiv-strike-2025-06-17"])
        #expect(ben.workspace.store.colleaguesNews().isEmpty)
        // What ana reads next is the ledger as ben left it.
        #expect(try ana.run("show \(id)")?.hasPrefix("\(id)  killed · Kyiv  29 killed") == true)
    }
}

/// What the sessions on other threads could not do.
private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ item: String) { lock.withLock { items.append(item) } }
    var all: [String] { lock.withLock { items } }
}

extension TeamTests {
    @Test("an event's pack says what its rows say, after an import and after changes in place")
    func packsMatchRows() throws {
        let url = try Self.sampleLedger()
        let ana = try Self.session(url, "ana")
        _ = try ana.run("event use kyiv-strike-2025-06-17")
        _ = try ana.run("source use anews-2025-06-17")
        _ = try ana.run("scope add Obolonskyi --part-of Kyiv")
        _ = try ana.run("claim add \"3 killed\" --scope Obolonskyi")
        _ = try ana.run("claim set c1 --metric injured")
        _ = try ana.run("claim remove c2")
        let ledger = try ServerLedger(try ServerAddress(url))
        for id in try ledger.eventIDs() {
            let rows = try ledger.serially { () throws(StoreError) in try ledger.read(id, metric: nil, scopes: nil) }
            #expect(try ledger.event(id) == rows, "\(id)")
            var read: [EventLedger] = []
            try ledger.events([id]) { _, event in read.append(event) }
            #expect(read == [rows].compactMap { $0 }, "\(id)")
            // A group read out of the pack is the group its rows give.
            for (metric, scopes) in [("killed", Set<String?>(["Kyiv"])), ("injured", [nil, "Obolonskyi", "Kyiv"]), ("killed", [])] {
                let group = try ledger.serially { () throws(StoreError) in try ledger.read(id, metric: metric, scopes: scopes) }
                #expect(try ledger.event(id, metric: metric, scopes: scopes) == group, "\(id) \(metric) \(scopes)")
            }
        }
    }
}
