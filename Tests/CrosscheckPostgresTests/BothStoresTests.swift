import CrosscheckCore
import CrosscheckStore
import Foundation
import PostgresTestServer
import TestFolders
import Testing
@testable import CrosscheckPostgres

/// The store's interface, the same tests on both stores: a workspace's SQLite database and a
/// team's PostgreSQL server.
@Suite("Both stores: the same ledger in, the same ledger out")
struct BothStoresTests {
    enum Kind: String, CaseIterable, CustomTestStringConvertible {
        case sqlite, postgres
        var testDescription: String { rawValue }
    }

    /// A new, empty store of the kind.
    static func store(_ kind: Kind) throws -> any LedgerStore {
        switch kind {
        case .sqlite:
            return try LedgerDatabase(path: try TestFolders.make("crosscheck-stores") + "/ledger.sqlite")
        case .postgres:
            return try ServerLedger(try ServerAddress(try ThrowawayServer.shared.get().database()))
        }
    }

    /// The sample workspace at the repository's root, as its files hold it.
    static let sample: (registry: SourceRegistry, events: [EventLedger]) = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let registry = try! LedgerFiles.readRegistry(try! String(contentsOfFile: root + "/Sources.json", encoding: .utf8))
        let names = try! FileManager.default.contentsOfDirectory(atPath: root + "/Claims").filter { $0.hasSuffix(".json") }.sorted()
        let events = names.map { try! LedgerFiles.readEvent(try! String(contentsOfFile: root + "/Claims/" + $0, encoding: .utf8)) }
        return (registry, events)
    }()

    static func write(_ events: [EventLedger], sources: [Source] = [], command: String = "import", actor: String = "ana") -> LedgerWrite {
        var pending = events[...]
        var write = LedgerWrite(command: command, nextEvent: {
            guard let next = pending.popFirst() else { return nil }
            return EventWrite(next, path: LedgerFiles.eventPath(next.event.id))
        }, after: { events, claims in "\(events) events, \(claims) claims" })
        write.sources = sources
        write.actor = actor
        return write
    }

    @Test("the sample ledger stored and read back whole, event by event and group by group", arguments: Kind.allCases)
    func roundTrip(_ kind: Kind) throws {
        let store = try Self.store(kind)
        let (registry, events) = Self.sample
        var write = Self.write(events, sources: registry.sources)
        write.origins = registry.origins
        try store.store(write)
        #expect(try store.registry() == registry)
        #expect(try store.eventIDs() == events.map(\.event.id))
        for event in events {
            // As the file holds it: the files are written from what the store reads.
            #expect(try store.event(event.event.id).map(LedgerFiles.writeEvent) == LedgerFiles.writeEvent(event))
        }
        var read: [String] = []
        try store.events(events.map(\.event.id).reversed()) { _, ledger in read.append(ledger.event.id) }
        #expect(read == events.map(\.event.id).reversed())
        let kyiv = try #require(events.first { $0.event.id == "kyiv-strike-2025-06-17" })
        let group = try #require(try store.event(kyiv.event.id, metric: "killed", scopes: ["Kyiv"]))
        #expect(group.claims.map(\.id) == kyiv.claims.filter { $0.metric == "killed" && $0.scope == "Kyiv" }.map(\.id))
        #expect(try store.claimCount() == events.map(\.claims.count).reduce(0, +))
        #expect(try store.lastClaimNumber() == 24)
        // New numbers continue above the claims stored, on a server from its sequence.
        #expect(try store.newClaimNumber(suggested: nil) == 25)
        #expect(try store.hasClaim("c3") && !(try store.hasClaim("c99")))
        #expect(try store.claimIDs(citing: "hotposts-2025-06-19")
                == events.flatMap(\.claims).filter { $0.sources.contains { $0.source == "hotposts-2025-06-19" } }.map(\.id)
                    .sorted(by: LedgerFiles.naturallyPrecedes))
        let history = try store.history()
        #expect(history.map(\.command) == ["import"] && history.first?.after == "3 events, 24 claims")
        #expect(try store.lastHistoryID() == history.last?.id && (try store.historyCount()) == 1)
        #expect(history.map(\.actor) == ["ana"])
    }

    @Test("a claim id another event holds refuses the change, names both, and changes nothing", arguments: Kind.allCases)
    func takenClaimID(_ kind: Kind) throws {
        let store = try Self.store(kind)
        let (registry, events) = Self.sample
        try store.store(Self.write(events, sources: registry.sources))
        var pow = try #require(events.first { $0.event.id == "pow-exchange-2025-06-19" })
        pow.claims[0].id = "c1"
        pow.claims[0].text = "changed"
        do {
            try store.store(Self.write([pow], command: "claim set"))
            Issue.record("stored a claim id another event holds")
        } catch {
            #expect(error.message == "Claims/pow-exchange-2025-06-19.json: claims[0].id: the claim id \"c1\" belongs to event \"kyiv-strike-2025-06-17\"")
        }
        #expect(try store.event("pow-exchange-2025-06-19").map(LedgerFiles.writeEvent) == LedgerFiles.writeEvent(events.first { $0.event.id == "pow-exchange-2025-06-19" }!))
        #expect(try store.historyCount() == 1)
    }
}

extension BothStoresTests {
    @Test("a change to one event writes what changed: the changed claim read after its group's others, as stored", arguments: Kind.allCases)
    func change(_ kind: Kind) throws {
        let store = try Self.store(kind)
        let (registry, events) = Self.sample
        try store.store(Self.write(events, sources: registry.sources))
        let old = try #require(try store.event("kyiv-strike-2025-06-17"))
        var new = old
        let killed = new.claims.indices.filter { new.claims[$0].metric == "killed" && new.claims[$0].scope == "Kyiv" }
        new.claims[killed[0]].status = .verified
        new.claims.append(Claim(id: "c25", metric: "killed", scope: "Kyiv", text: "29 killed", figure: .exactly(29),
                                sources: [Link(source: "anews-2025-06-17", quote: "29 killed")]))
        new.scopes.append(Scope(id: "Darnytskyi district", partOf: "Kyiv"))
        var write = Self.write([new], command: "claim add")
        write.previous = old
        try store.store(write)
        let read = try #require(try store.event("kyiv-strike-2025-06-17"))
        let group = read.claims.filter { $0.metric == "killed" && $0.scope == "Kyiv" }
        let before = killed.map { old.claims[$0].id }
        #expect(group.map(\.id) == Array(before.dropFirst()) + [before[0], "c25"])
        #expect(group.first { $0.id == before[0] }?.status == .verified)
        #expect(Set(read.claims) == Set(new.claims) && read.scopes == new.scopes.sorted { $0.id < $1.id })
        #expect(try store.history().map(\.command) == ["import", "claim add"])
    }
}

extension BothStoresTests {
    @Test("an event of more claims than one batch, with every character a quote may hold, read back as stored", arguments: Kind.allCases)
    func large(_ kind: Kind) throws {
        let store = try Self.store(kind)
        let sources = [Source(id: "wire", title: "A wire story", outlet: "Wire", url: "https://wire.example/kyiv",
                              text: "KYIV (Wire) - 23 killed.\n", fetched: try ReportedTime("2025-06-17T09:14:03Z"))]
        let asOf = try ReportedTime("2025-06-17T08:00+03:00")
        let claims = (1...21_000).map { n -> Claim in
            let value = Double(n)
            let figure: Figure = n % 5 == 0 ? Figure(lower: value * 0.9, upper: value * 1.1, approximate: true, coded: value) : .exactly(value)
            let quote = "tab\there, line\nthere, back\\slash, «quotes» \u{1F4A5} \(n)"
            let link = Link(source: "wire", quote: quote, attributedTo: n % 11 == 0 ? nil : "officials", credibility: .probablyTrue,
                            span: n..<(n + 3))
            return Claim(id: "c\(n)", metric: n % 2 == 0 ? "killed" : "injured", scope: n % 3 == 0 ? nil : "Kyiv", text: "\(n) killed",
                         figure: figure, asOf: n % 7 == 0 ? asOf : nil, status: .open, sources: [link])
        }
        let event = EventLedger(event: Event(id: "big", title: "A big event"), scopes: [Scope(id: "Kyiv")], claims: claims)
        try store.store(Self.write([event], sources: sources))
        let read = try #require(try store.event("big"))
        #expect(read.claims.count == claims.count)
        #expect(LedgerFiles.writeEvent(read) == LedgerFiles.writeEvent(event.declaringStandardMetrics()))
        #expect(try store.lastClaimNumber() == 21_000)
        #expect(try store.sources() == sources)
    }
}
