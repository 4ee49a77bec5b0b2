import CrosscheckCore
import CrosscheckStore
import PostgresTestServer
import Testing
@testable import CrosscheckPostgres

@Suite("A ledger on a PostgreSQL server: addresses, connections, the schema")
struct ServerTests {
    static func server() throws -> ThrowawayServer { try ThrowawayServer.shared.get() }

    @Test("a server address is read whole, and a wrong one refused in one line that never shows the password")
    func addresses() throws {
        let address = try ServerAddress("postgres://ana:s%40cret@db.example.org:6543/ledger?sslmode=require")
        #expect(address.user == "ana" && address.password == "s@cret" && address.host == "db.example.org")
        #expect(address.port == 6543 && address.database == "ledger" && address.encryption == .require)
        #expect(address.description == "postgres://ana@db.example.org:6543/ledger?sslmode=require")
        #expect(try ServerAddress("postgresql://cc@127.0.0.1/news").port == 5432)
        func refusal(_ text: String) -> String? {
            do { _ = try ServerAddress(text) } catch { return error.message }
            return nil
        }
        #expect(refusal("postgres://ana:secret@db/ledger?sslmode=maybe")
                == "postgres://ana:…@db/ledger?sslmode=maybe: sslmode maybe is not one of disable, require, verify-full")
        #expect(refusal("postgres://db.example.org/ledger") == "postgres://db.example.org/ledger: no user (postgres://USER@HOST/DATABASE)")
        #expect(refusal("postgres://ana@db.example.org") == "postgres://ana@db.example.org: no database (postgres://USER@HOST/DATABASE)")
        #expect(refusal("postgres://ana@db/ledger?timeout=3") == "postgres://ana@db/ledger?timeout=3: unknown parameter timeout (only sslmode is read)")
        #expect(!ServerAddress.isServer("ledger.sqlite") && ServerAddress.isServer("postgres://a@b/c"))
    }

    @Test("a server that is not there, or that refuses the login: one line naming it")
    func unreachable() throws {
        func failure(_ text: String) throws -> String? {
            do { _ = try ServerConnection.open(try ServerAddress(text), timeout: .seconds(5)) } catch { return error.message }
            return nil
        }
        #expect(try failure("postgres://cc@127.0.0.1:1/ledger") == "postgres://cc@127.0.0.1:1/ledger: cannot reach the server: Connection refused")
        let server = try Self.server()
        #expect(try failure("postgres://nobody@127.0.0.1:\(server.port)/postgres")
                == "postgres://nobody@127.0.0.1:\(server.port)/postgres: the server refused the login of nobody: role \"nobody\" does not exist")
        #expect(try failure("postgres://cc@127.0.0.1:\(server.port)/missing")
                == "postgres://cc@127.0.0.1:\(server.port)/missing: database \"missing\" does not exist")
    }

    @Test("the schema is made on an empty database once, and a newer one is refused before anything is read")
    func schema() throws {
        let server = try Self.server()
        let url = try server.database()
        let connection = try ServerConnection.open(try ServerAddress(url))
        defer { connection.close() }
        try ServerSchema.prepare(connection)
        try ServerSchema.prepare(connection)
        #expect(try ServerSchema.version(connection) == ServerSchema.migrations.count)
        let tables = try connection.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
            .map { try $0.decode(String.self) }
        #expect(tables == ["claim", "crosscheck_migration", "event", "eventpack", "history", "link", "metric", "origin", "scope", "source"])
        try server.psql(String(url.split(separator: "/").last!), "INSERT INTO crosscheck_migration VALUES (99, 'from the future')")
        #expect(throws: StoreError.self) { try ServerSchema.prepare(connection) }
        do {
            try ServerSchema.prepare(connection)
        } catch {
            #expect(error.message == "\(try ServerAddress(url)): the ledger's schema is version 99, newer than this crosscheck reads (3); update crosscheck")
        }
    }
}

extension ServerTests {
    @Test("the server stopped under a session: one line, nothing half-done, and the session goes on when it is back")
    func serverStopped() throws {
        let server = try ThrowawayServer.own()
        let url = try server.database()
        let ledger = try ServerLedger(try ServerAddress(url))
        let (registry, events) = BothStoresTests.sample
        try ledger.store(BothStoresTests.write(events, sources: registry.sources))
        let old = try #require(try ledger.event("kyiv-strike-2025-06-17"))
        var new = old
        new.claims.append(Claim(id: "c25", metric: "killed", scope: "Kyiv", text: "29 killed", figure: .exactly(29)))
        var write = BothStoresTests.write([new], command: "claim add")
        write.previous = old
        try server.stop()
        do {
            try ledger.store(write)
            Issue.record("stored with the server stopped")
        } catch {
            #expect(error.message == "\(try ServerAddress(url)): cannot reach the server: Connection refused")
        }
        try server.start()
        try ledger.store(write)
        #expect(try ledger.event("kyiv-strike-2025-06-17")?.claims.filter { $0.id == "c25" }.count == 1)
        #expect(try ledger.history().map(\.command) == ["import", "claim add"])
    }
}

extension ServerTests {
    @Test("a link to a source the ledger does not hold is refused by name, in an import and in a change")
    func missingSource() throws {
        let ledger = try ServerLedger(try ServerAddress(try ThrowawayServer.shared.get().database()))
        let (registry, events) = BothStoresTests.sample
        let pow = try #require(events.first { $0.event.id == "pow-exchange-2025-06-19" })
        var broken = pow
        broken.claims[0].sources[0].source = "nosuch"
        let refused = #expect(throws: StoreError.self) { try ledger.store(BothStoresTests.write([broken], sources: registry.sources)) }
        #expect(refused?.message == "Claims/pow-exchange-2025-06-19.json: claims[0].sources[0].source: no source \"nosuch\" in the ledger")
        #expect(try ledger.eventIDs().isEmpty)
        try ledger.store(BothStoresTests.write(events, sources: registry.sources))
        var changed = pow
        changed.claims.append(Claim(id: "c99", metric: pow.claims[0].metric, text: "5", figure: .exactly(5), sources: [Link(source: "gone")]))
        var write = BothStoresTests.write([changed], command: "claim add")
        write.previous = pow
        let again = #expect(throws: StoreError.self) { try ledger.store(write) }
        #expect(again?.message == "Claims/pow-exchange-2025-06-19.json: claim c99.sources[0].source: no source \"gone\" in the ledger")
        #expect(try ledger.event(pow.event.id) == pow)
    }
}

extension ServerTests {
    @Test("sslmode=require is encrypted; verify-full refuses a certificate no authority signed, in one line")
    func encryption() throws {
        let server = try ThrowawayServer.shared.get()
        try #require(server.tls, "the throwaway server has no certificate (openssl missing)")
        let url = try server.database()
        let ledger = try ServerLedger(try ServerAddress(url + "?sslmode=require"))
        let encrypted = try ledger.serially { () throws(StoreError) in try ledger.rows("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()") }
        #expect(try encrypted.first?.decode(Bool.self) == true)
        let plain = try ServerLedger(try ServerAddress(url))
        let unencrypted = try plain.serially { () throws(StoreError) in try plain.rows("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()") }
        #expect(try unencrypted.first?.decode(Bool.self) == false)
        do {
            _ = try ServerLedger(try ServerAddress(url + "?sslmode=verify-full"))
            Issue.record("a self-signed certificate was trusted")
        } catch {
            #expect(error.message.hasPrefix("\(try ServerAddress(url + "?sslmode=verify-full")): ") && !error.message.contains("\n"), "\(error.message)")
        }
    }

    @Test("events without a pack (a ledger from before packs) are read from their rows, alone and many at once")
    func withoutPacks() throws {
        let server = try ThrowawayServer.shared.get()
        let url = try server.database()
        let ledger = try ServerLedger(try ServerAddress(url))
        let (registry, events) = BothStoresTests.sample
        try ledger.store(BothStoresTests.write(events, sources: registry.sources))
        var packed: [EventLedger] = []
        try ledger.events(events.map(\.event.id)) { _, event in packed.append(event) }
        try server.psql(String(url.split(separator: "/").last!), "DELETE FROM eventpack")
        var fromRows: [EventLedger] = []
        try ledger.events(events.map(\.event.id)) { _, event in fromRows.append(event) }
        #expect(fromRows == packed && packed.count == 3)
        #expect(try ledger.event("kyiv-strike-2025-06-17") == packed.first { $0.event.id == "kyiv-strike-2025-06-17" })
    }
}
