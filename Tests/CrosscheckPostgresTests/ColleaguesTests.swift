import CrosscheckCore
import CrosscheckStore
import Foundation
import PostgresTestServer
import Testing
@testable import CrosscheckPostgres

@Suite("Colleagues on one server: each hears the other's changes, not its own")
struct ColleaguesTests {
    /// Waits up to two seconds for notices to arrive.
    static func heard(_ ledger: ServerLedger, count: Int) -> [ChangeNotice] {
        var notices: [ChangeNotice] = []
        for _ in 0..<40 where notices.count < count {
            notices += ledger.colleaguesChanges()
            if notices.count < count { Thread.sleep(forTimeInterval: 0.05) }
        }
        return notices
    }

    @Test("a colleague's claim add is announced in one line once committed; a session's own change is not")
    func notices() throws {
        let url = try ThrowawayServer.shared.get().database()
        let ana = try ServerLedger(try ServerAddress(url))
        let ben = try ServerLedger(try ServerAddress(url))
        try ana.listen()
        try ben.listen()
        let (registry, events) = BothStoresTests.sample
        try ana.store(BothStoresTests.write(events, sources: registry.sources))
        let imported = Self.heard(ben, count: 1)
        #expect(imported.map(\.description) == ["ana changed bodies-repatriation-2025-06, kyiv-strike-2025-06-17, pow-exchange-2025-06-19: import"])

        let old = try #require(try ben.event("kyiv-strike-2025-06-17"))
        var new = old
        new.claims.append(Claim(id: "c25", metric: "killed", scope: "Kyiv", text: "29 killed", figure: .exactly(29)))
        new.claims.append(Claim(id: "c26", metric: "injured", scope: "Kyiv", text: "140 injured", figure: .exactly(140)))
        var write = BothStoresTests.write([new], command: "claim add \"29 killed\"", actor: "ben")
        (write.previous, write.created) = (old, ["c25", "c26"])
        try ben.store(write)
        #expect(Self.heard(ana, count: 1).map(\.description) == ["ben added c25, c26 to kyiv-strike-2025-06-17"])
        // Neither heard its own.
        #expect(ben.colleaguesChanges().isEmpty)
        Thread.sleep(forTimeInterval: 0.2)
        #expect(ana.colleaguesChanges().isEmpty && ben.colleaguesChanges().isEmpty)
    }

    @Test("a change that fails is never announced")
    func failedChange() throws {
        let url = try ThrowawayServer.shared.get().database()
        let ana = try ServerLedger(try ServerAddress(url))
        let ben = try ServerLedger(try ServerAddress(url))
        let (registry, events) = BothStoresTests.sample
        try ana.store(BothStoresTests.write(events, sources: registry.sources))
        try ben.listen()
        var pow = try #require(events.first { $0.event.id == "pow-exchange-2025-06-19" })
        pow.claims[0].id = "c1"
        #expect(throws: StoreError.self) { try ana.store(BothStoresTests.write([pow], command: "claim set")) }
        Thread.sleep(forTimeInterval: 0.3)
        #expect(ben.colleaguesChanges().isEmpty)
    }
}

extension ColleaguesTests {
    @Test("an import of thousands of events is told in one line whose notice fits the server's limit")
    func longNotice() throws {
        let events = (0..<5_000).map { "event-with-a-long-name-\($0)" }
        let notice = ChangeNotice(session: "s", actor: "ana", command: "import " + String(repeating: "Claims/x.json ", count: 500),
                                  events: events, created: [])
        #expect(notice.payload.utf8.count < 8_000)
        let heard = try #require(ChangeNotice(payload: notice.payload))
        #expect(heard == notice)
        #expect(heard.description.hasPrefix("ana changed event-with-a-long-name-0, event-with-a-long-name-1, "))
        #expect(heard.description.contains("event-with-a-long-name-19 and 4980 more: import Claims/x.json"))
    }
}
