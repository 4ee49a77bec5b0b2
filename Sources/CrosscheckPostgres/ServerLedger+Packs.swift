import CrosscheckCore
import CrosscheckStore
import Foundation
import PostgresNIO

/// Each event also kept as one packed value (the store's `EventPack`), written in the same
/// transaction as its rows: reading a whole event is then one value, not its claims' rows
/// joined to their links, which postgres-nio decodes a cell at a time.
extension ServerLedger {
    /// Packs an event changed in place as its rows now stand (its claims' order asked of the
    /// server); when the rows and the change disagree, the pack is dropped and the rows are read.
    func repack(_ ledger: EventLedger) throws(StoreError) {
        let id = ledger.event.id
        let order = try rows("SELECT id FROM claim WHERE event = \(id) ORDER BY metric, scope NULLS FIRST, seq").map { row throws(StoreError) in
            try value(row.makeRandomAccess(), 0, String.self) ?? ""
        }
        let byID = Dictionary(ledger.claims.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let claims = order.compactMap { byID[$0] }
        guard claims.count == order.count, claims.count == ledger.claims.count else {
            return try run("DELETE FROM eventpack WHERE event = \(id)")
        }
        let pack = ByteBuffer(bytes: EventPack.encode(EventPack.inStoredOrder(ledger, claims: claims)))
        try run("INSERT INTO eventpack (event, pack) VALUES (\(id), \(pack)) ON CONFLICT (event) DO UPDATE SET pack = EXCLUDED.pack")
    }

    /// The event from its pack, or nil when it has none this version reads (its rows are read then).
    /// `upTo` bytes: a larger pack is left on the server (nil), where reading one group's rows
    /// through their index costs less than unpacking the whole event.
    func packedEvent(_ id: String, on connection: ServerConnection, upTo limit: Int = .max) throws(StoreError) -> EventLedger? {
        guard let row = try connection.query("""
            SELECT CASE WHEN octet_length(pack) <= \(limit) THEN pack END FROM eventpack WHERE event = \(id)
            """).first else { return nil }
        return Self.unpack(id, try value(row.makeRandomAccess(), 0, ByteBuffer.self))
    }

    /// How large a pack may be for one group to be read out of it: a few thousand claims.
    static let groupFromPackLimit = 1 << 20

    static func unpack(_ id: String, _ pack: ByteBuffer?) -> EventLedger? {
        pack?.withUnsafeReadableBytes { EventPack.decode(id, $0) }
    }
}

/// Idle connections for reading, each used by one caller at a time.
final class ReaderPool: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [ServerConnection] = []

    /// An idle connection, or a new one.
    func take(_ address: ServerAddress) throws(StoreError) -> ServerConnection {
        while let connection = lock.withLock({ idle.popLast() }) {
            if !connection.isClosed { return connection }
        }
        return try ServerConnection.open(address)
    }

    func giveBack(_ connection: ServerConnection) {
        lock.withLock { idle.append(connection) }
    }

    func closeAll() {
        for connection in lock.withLock({ idle }) { connection.close() }
    }
}
