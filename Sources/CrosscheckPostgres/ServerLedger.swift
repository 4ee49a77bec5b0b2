import CrosscheckCore
import CrosscheckStore
import Foundation
import PostgresNIO

/// A team's ledger on a PostgreSQL server, behind the same interface as a workspace's SQLite
/// store: each change one transaction with its history entry, `--actor` recorded with it, taken
/// under one lock on the server so that no change writes over another it has not read. The
/// server is the ledger of record; there are no workspace files beside it.
public final class ServerLedger: LedgerStore, @unchecked Sendable {
    public let address: ServerAddress
    /// Replaced when it is lost: a call after the server comes back goes on with a new one.
    private(set) var connection: ServerConnection
    /// Whether colleagues' changes are being heard, to be heard again on a new connection.
    var listening = false
    /// This ledger's connection, told apart from colleagues' in the notices of changes.
    let session = UUID().uuidString
    /// Colleagues' changes heard and not yet asked for.
    let heard = Heard()
    /// Connections for reading many events at once, opened when first needed.
    let readers = ReaderPool()
    /// Whether this connection's transaction holds the server's lock for changes.
    var holdingChangeLock = false
    /// Whole events read under that lock, by id (nil outside it).
    var readInChange: [String: EventLedger]?
    /// The highest claim number the server has handed this ledger.
    var highestHandedOut = 0
    /// One call at a time on the connection; a change holds it across the reads it is made from.
    let lock = NSRecursiveLock()

    /// Connects, and creates or migrates the schema.
    public init(_ address: ServerAddress) throws(StoreError) {
        self.address = address
        connection = try ServerConnection.open(address)
        try ServerSchema.prepare(connection)
    }

    deinit {
        connection.close()
        readers.closeAll()
    }

    /// Connects again after the connection was lost (the server restarted, the network broke):
    /// one line when the server is still not there. The caller holds the lock.
    func reconnect() throws(StoreError) {
        connection = try ServerConnection.open(address)
        if listening { try startListening() }
    }

    // MARK: The ledger

    public func sources(_ ids: Set<String>?) throws(StoreError) -> [Source] {
        let found = try serially { () throws(StoreError) in
            if let ids {
                return try rows("SELECT id, title, outlet, url, published, reliability, text, fetched FROM source WHERE id = ANY(\(Array(ids))) ORDER BY id")
            }
            return try rows("SELECT id, title, outlet, url, published, reliability, text, fetched FROM source ORDER BY id")
        }
        return try found.map { row throws(StoreError) in
            let cells = row.makeRandomAccess()
            return Source(id: try text(cells, 0) ?? "", title: try text(cells, 1) ?? "", outlet: try text(cells, 2) ?? "",
                          url: try text(cells, 3), published: try time(try text(cells, 4)),
                          reliability: try text(cells, 5).flatMap(Reliability.init(rawValue:)), text: try text(cells, 6),
                          fetched: try time(try text(cells, 7)))
        }
    }

    public func origins() throws(StoreError) -> [Origin] {
        try serially { () throws(StoreError) in
            try rows("SELECT id, aliases FROM origin ORDER BY id").map { row throws(StoreError) in
                let cells = row.makeRandomAccess()
                return Origin(id: try text(cells, 0) ?? "", aliases: Self.aliases(try text(cells, 1)))
            }
        }
    }

    public func eventIDs() throws(StoreError) -> [String] {
        try strings("SELECT id FROM event ORDER BY id")
    }

    public func event(_ id: String, metric: String?, scopes: Set<String?>?) throws(StoreError) -> EventLedger? {
        try serially { () throws(StoreError) in
            if metric == nil, scopes == nil {
                if let known = readInChange?[id] { return known }
                if let packed = try packedEvent(id, on: connection) {
                    readInChange?[id] = packed
                    return packed
                }
            } else if var packed = try packedEvent(id, on: connection, upTo: Self.groupFromPackLimit) {
                // One round trip for the group of a small event (what a claim add's check reads), not four.
                packed.claims.removeAll { claim in metric.map { claim.metric != $0 } == true || scopes.map { !$0.contains(claim.scope) } == true }
                return packed
            }
            return try read(id, metric: metric, scopes: scopes)
        }
    }

    /// Read on a connection of its own, so that the check's workers read side by side, the
    /// packs of many events a query; each call sees one snapshot of the ledger.
    public func events(_ ids: [String], _ body: (Int, EventLedger) -> Void) throws(StoreError) {
        let reader = try readers.take(address)
        defer { readers.giveBack(reader) }
        var unpacked: [(Int, String)] = []
        try reader.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") { () throws(StoreError) in
            var start = 0
            while start < ids.count {
                let part = Array(ids[start..<min(start + Self.packsAQuery, ids.count)])
                var packs: [String: ByteBuffer] = [:]
                for row in try reader.query("SELECT event, pack FROM eventpack WHERE event = ANY(\(part))") {
                    let cells = row.makeRandomAccess()
                    if let id = try text(cells, 0), let pack = try value(cells, 1, ByteBuffer.self) { packs[id] = pack }
                }
                for (offset, id) in part.enumerated() {
                    if let ledger = Self.unpack(id, packs[id]) { body(start + offset, ledger) } else { unpacked.append((start + offset, id)) }
                }
                start += part.count
            }
        }
        // Events without a pack (a ledger from before packs) are read from their rows.
        for (index, id) in unpacked {
            if let ledger = try serially({ () throws(StoreError) in try read(id, metric: nil, scopes: nil) }) { body(index, ledger) }
        }
    }

    /// How many events' packs one query asks for.
    static let packsAQuery = 200

    public func claimCount() throws(StoreError) -> Int { try integer("SELECT COUNT(*) FROM claim") }

    public func claimIDs(limit: Int) throws(StoreError) -> [String] { try strings("SELECT id FROM claim LIMIT \(limit)") }

    public func claimIDs(citing source: String) throws(StoreError) -> [String] {
        try strings("SELECT DISTINCT claim FROM link WHERE source = \(source)").sorted(by: LedgerFiles.naturallyPrecedes)
    }

    public func hasClaim(_ id: String) throws(StoreError) -> Bool {
        try integer("SELECT COUNT(*) FROM claim WHERE id = \(id)") > 0
    }

    public func lastClaimNumber() throws(StoreError) -> Int {
        try integer("SELECT COALESCE(MAX(CAST(substr(id, 2) AS BIGINT)), 0) FROM claim WHERE id ~ '^c[0-9]{1,15}$'")
    }

    public func spans(of source: String) throws(StoreError) -> [Range<Int>: String] {
        let found = try serially { () throws(StoreError) in
            try rows("SELECT spanStart, spanEnd, claim FROM link WHERE source = \(source) AND spanStart IS NOT NULL")
        }
        var spans: [Range<Int>: String] = [:]
        for row in found {
            guard let (start, end, claim) = try? row.decode((Int, Int, String).self), start <= end else { continue }
            spans[start..<end] = claim
        }
        return spans
    }

    // MARK: History

    public func history(after id: Int64) throws(StoreError) -> [HistoryEntry] {
        let entries = try serially { () throws(StoreError) in
            try rows("SELECT id, time, actor, command, before, after, created FROM history WHERE id > \(id) ORDER BY id")
        }
        return try entries.map { row throws(StoreError) in
            do {
                let (id, time, actor, command, before, after, created) = try row.decode((Int64, String, String, String, String?, String?, String).self)
                return HistoryEntry(id: id, time: time, actor: actor, command: command, before: before, after: after,
                                    created: created.split(separator: " ").map(String.init))
            } catch {
                throw StoreError("\(address): reading the history: \(error)")
            }
        }
    }

    public func lastHistoryID() throws(StoreError) -> Int64 { Int64(try integer("SELECT COALESCE(MAX(id), 0) FROM history")) }

    public func historyCount() throws(StoreError) -> Int { try integer("SELECT COUNT(*) FROM history") }
}
