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
    private var holdingChangeLock = false
    /// Whole events read under that lock, by id (nil outside it).
    private var readInChange: [String: EventLedger]?
    /// The highest claim number the server has handed this ledger.
    private var highestHandedOut = 0
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

    // MARK: Changes

    /// One transaction under the server's lock for changes: sources, whole events by COPY a
    /// batch at a time (or, for a change to one event, only what differs), the history entry,
    /// and the notice colleagues hear on commit.
    @discardableResult
    public func store(_ write: LedgerWrite) throws(StoreError) -> Int64 {
        try serially { () throws(StoreError) in
            let outermost = !connection.inTransaction
            defer { if outermost { endChange() } }
            return try connection.transaction { () throws(StoreError) in
                try takeChangeLock()
                try upsert(write.sources)
                if write.replaceSources {
                    try run("DELETE FROM origin")
                    try run("DELETE FROM source WHERE id <> ALL(\(write.sources.map(\.id))) AND id NOT IN (SELECT source FROM link)")
                }
                for origin in write.origins {
                    try run("""
                        INSERT INTO origin (id, aliases) VALUES (\(origin.id), \(JSONText.array(origin.aliases)))
                        ON CONFLICT (id) DO UPDATE SET aliases = EXCLUDED.aliases
                        """)
                }
                if let removed = write.removing { try run("DELETE FROM event WHERE id = \(removed)") }
                var events = 0, claims = 0
                var touched = write.removing.map { [$0] } ?? []
                var changedInPlace: [EventLedger] = []
                // Claims and links go in by COPY, a batch at a time.
                var batch = Batch()
                while let (ledger, path) = try next(write) {
                    touched.append(ledger.event.id)
                    readInChange?[ledger.event.id] = nil
                    if let previous = write.previous, previous.event.id == ledger.event.id {
                        try update(previous, to: ledger, path: path, into: &batch)
                        changedInPlace.append(ledger)
                    } else {
                        replace(ledger, path: path, into: &batch)
                    }
                    if batch.claims.count >= Batch.size { try flush(&batch) }
                    events += 1
                    claims += ledger.claims.count
                }
                try flush(&batch)
                for ledger in changedInPlace { try repack(ledger) }
                // Numbers handed out later continue above every claim stored (under the lock, so
                // that no number is handed out in between).
                if batch.highestNumber > highestHandedOut {
                    try run("SELECT setval('claim_number', \(batch.highestNumber)) WHERE \(batch.highestNumber) > (SELECT last_value FROM claim_number)")
                }
                // The notice is delivered to every listening session when the transaction commits, and only then.
                let notice = ChangeNotice(session: session, actor: write.actor, command: write.command, events: touched, created: write.created)
                let entry = try rows("""
                    WITH entry AS (
                        INSERT INTO history (time, actor, command, before, after, created)
                        VALUES (\(HistoryEntry.now()), \(write.actor), \(write.command), \(String?.none),
                                \(write.after(events, claims)), \(write.created.joined(separator: " ")))
                        RETURNING id)
                    SELECT id, pg_notify(\(ChangeNotice.channel), \(notice.payload))::text FROM entry
                    """)
                guard let (id, _) = try? entry.first?.decode((Int64, String?).self) else { throw StoreError("\(address): the history entry has no id") }
                return id
            }
        }
    }

    /// The key of the lock every change takes on the server, for its transaction.
    static let changeLock: Int64 = 0x6372_6F73_7363_6B01

    /// Takes the server's lock for changes, once a transaction. The caller holds `lock`.
    private func takeChangeLock() throws(StoreError) {
        guard !holdingChangeLock else { return }
        try run("SELECT pg_advisory_xact_lock(\(Self.changeLock))")
        holdingChangeLock = true
    }

    /// After the transaction of a change: its lock is gone, and what it read may change.
    private func endChange() {
        holdingChangeLock = false
        readInChange = nil
    }

    public func exclusively<T>(_ body: () throws -> T) throws -> T {
        // What `body` throws besides a store's error (a session's refusal) rolls back like any
        // failure, and is thrown as it was.
        var thrown: (any Error)?
        let result: T?
        do {
            result = try serially { () throws(StoreError) -> T? in
                let outermost = !connection.inTransaction
                defer { if outermost { endChange() } }
                return try connection.transaction { () throws(StoreError) -> T? in
                    try takeChangeLock()
                    // Under the lock no one else changes an event: one read serves the change.
                    readInChange = readInChange ?? [:]
                    do {
                        return try body()
                    } catch let error as StoreError {
                        throw error
                    } catch {
                        thrown = error
                        throw StoreError("")
                    }
                }
            }
        } catch {
            throw thrown ?? error
        }
        guard let result else { throw StoreError("\(address): the change returned nothing") }
        return result
    }

    /// The next number of the server's sequence: each handed out once, to whoever asks first.
    public func newClaimNumber(suggested: Int?) throws(StoreError) -> Int {
        let number = try integer("SELECT nextval('claim_number')")
        highestHandedOut = max(highestHandedOut, number)
        return number
    }

    public func colleaguesNews() -> [String] {
        colleaguesChanges().map(\.description)
    }

    public func settle() {}

    private func next(_ write: LedgerWrite) throws(StoreError) -> (ledger: EventLedger, path: String)? {
        do {
            return try write.nextEvent()
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError("\(error)")
        }
    }

    /// Adds or replaces sources by id: copied into a table of the transaction's own, then merged
    /// in one statement (a registry of thousands is not thousands of round trips).
    private func upsert(_ sources: [Source]) throws(StoreError) {
        guard !sources.isEmpty else { return }
        let columns = ["id", "title", "outlet", "url", "published", "reliability", "text"]
        var rows = CopyRows(table: "source_in", columns: columns)
        for source in sources {
            rows.add(source.id); rows.add(source.title); rows.add(source.outlet); rows.add(source.url)
            rows.add(source.published?.description); rows.add(source.reliability?.rawValue); rows.add(source.text)
            rows.endRow()
        }
        try run("CREATE TEMPORARY TABLE IF NOT EXISTS source_in (LIKE source) ON COMMIT DELETE ROWS")
        try connection.copy(rows)
        try run("""
            INSERT INTO source (id, title, outlet, url, published, reliability, text)
            SELECT DISTINCT ON (id) id, title, outlet, url, published, reliability, text FROM source_in
            ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, outlet = EXCLUDED.outlet, url = EXCLUDED.url,
                published = EXCLUDED.published, reliability = EXCLUDED.reliability, text = EXCLUDED.text
            """)
    }

    /// Claim and link rows waiting to be copied in.
    private struct Batch {
        static let size = 20_000
        static let claimColumns = ["id", "event", "metric", "scope", "text", "lower", "upper", "loweropen", "upperopen", "approximate",
                                   "kind", "unit", "coded", "asof", "asofearliest", "asoflatest", "confidence", "status"]
        static let linkColumns = ["claim", "position", "source", "quote", "attributedto", "credibility", "spanstart", "spanend"]
        var claims = CopyRows(table: "claim", columns: claimColumns)
        var links = CopyRows(table: "link", columns: linkColumns)
        var packs = CopyRows(table: "eventpack", columns: ["event", "pack"])
        var events = CopyRows(table: "event", columns: ["id", "title", "date"])
        var metrics = CopyRows(table: "metric", columns: ["event", "id", "kind", "aliases"])
        var scopes = CopyRows(table: "scope", columns: ["event", "id", "partof", "aliases"])
        /// The events written anew, and where each of their claims was read (for an error).
        var replaced: [String] = []
        var places: [String: (path: String, index: Int)] = [:]
        /// The sources the batch's links cite, each with the first link that cites it (for an error).
        var cited: [String: (claim: String, position: Int, event: String)] = [:]
        /// The highest n of the claim ids "cn" added, kept across flushes.
        var highestNumber = 0

        mutating func add(_ claim: Claim, event: String) {
            if let number = EventMerge.number(of: claim.id), number > highestNumber { highestNumber = number }
            let figure = claim.figure
            claims.add(claim.id); claims.add(event); claims.add(claim.metric); claims.add(claim.scope); claims.add(claim.text)
            claims.add(figure.lower); claims.add(figure.upper); claims.add(figure.lowerOpen); claims.add(figure.upperOpen)
            claims.add(figure.approximate); claims.add(figure.kind.rawValue); claims.add(figure.unit); claims.add(figure.coded)
            claims.add(claim.asOf?.description); claims.add(claim.asOf?.earliest); claims.add(claim.asOf?.latest)
            claims.add(claim.confidence?.rawValue); claims.add(claim.status?.rawValue)
            claims.endRow()
            for (position, link) in claim.sources.enumerated() {
                links.add(claim.id); links.add(position); links.add(link.source); links.add(link.quote); links.add(link.attributedTo)
                links.add(link.credibility?.rawValue); links.add(link.span?.lowerBound); links.add(link.span?.upperBound)
                links.endRow()
                if cited[link.source] == nil { cited[link.source] = (claim.id, position, event) }
            }
        }
    }

    /// Writes the batch: the events it replaces removed, their claim ids checked against the
    /// other events', then every row copied in; and empties it.
    private func flush(_ batch: inout Batch) throws(StoreError) {
        if !batch.replaced.isEmpty {
            try run("DELETE FROM event WHERE id = ANY(\(batch.replaced))")
            let ids = Array(batch.places.keys)
            let taken = try rows("SELECT id, event FROM claim WHERE id = ANY(\(ids)) LIMIT 1")
            if let (claim, other) = try? taken.first?.decode((String, String).self), let place = batch.places[claim] {
                throw StoreError("\(place.path): claims[\(place.index)].id: the claim id \"\(claim)\" belongs to event \"\(other)\"")
            }
            for rows in [batch.events, batch.metrics, batch.scopes] { try connection.copy(rows) }
        }
        try checkCitedSources(batch)
        // Taken in by the server while the next batch is read; the next statement waits for it.
        try connection.copyInBackground([batch.claims, batch.links, batch.packs])
        let highest = batch.highestNumber
        batch = Batch()
        batch.highestNumber = highest
    }

    /// Every source the batch's links cite is in the ledger. Checked here rather than by a foreign
    /// key, whose check on each link row cost a fifth of an import: every change holds the
    /// server's lock, so no source can go between this look and the commit.
    private func checkCitedSources(_ batch: Batch) throws(StoreError) {
        guard !batch.cited.isEmpty else { return }
        let missing = try rows("SELECT cited FROM unnest(\(Array(batch.cited.keys))) AS cited WHERE cited NOT IN (SELECT id FROM source) LIMIT 1")
        guard let source = try? missing.first?.decode(String.self), let link = batch.cited[source] else { return }
        let place = batch.places[link.claim].map { "\($0.path): claims[\($0.index)]" } ?? "\(LedgerFiles.eventPath(link.event)): claim \(link.claim)"
        throw StoreError("\(place).sources[\(link.position)].source: no source \"\(source)\" in the ledger")
    }

    /// The event written anew, all of it into `batch`: its old rows go, and its claim ids are
    /// checked against other events', a batch at a time (`flush`).
    private func replace(_ ledger: EventLedger, path: String, into batch: inout Batch) {
        let id = ledger.event.id
        let whole = ledger.declaringStandardMetrics()
        batch.replaced.append(id)
        batch.events.add(id); batch.events.add(ledger.event.title); batch.events.add(ledger.event.date?.description)
        batch.events.endRow()
        for metric in whole.metrics {
            batch.metrics.add(id); batch.metrics.add(metric.id); batch.metrics.add(metric.kind.rawValue)
            batch.metrics.add(JSONText.array(metric.aliases)); batch.metrics.endRow()
        }
        for scope in ledger.scopes {
            batch.scopes.add(id); batch.scopes.add(scope.id); batch.scopes.add(scope.partOf); batch.scopes.add(JSONText.array(scope.aliases))
            batch.scopes.endRow()
        }
        for (index, claim) in ledger.claims.enumerated() {
            batch.add(claim, event: id)
            batch.places[claim.id] = (path, index)
        }
        batch.packs.add(id)
        batch.packs.add(bytes: EventPack.encode(Self.inStoredOrder(whole)))
        batch.packs.endRow()
    }

    /// Changes an event in place: only the claims, metrics and scopes that differ are deleted and
    /// written again, so that a session's change costs what it changed, not the event's size.
    private func update(_ old: EventLedger, to new: EventLedger, path: String, into batch: inout Batch) throws(StoreError) {
        let id = new.event.id
        let difference = EventDifference(from: old, to: new)
        if difference.eventChanged {
            try run("UPDATE event SET title = \(new.event.title), date = \(new.event.date?.description) WHERE id = \(id)")
        }
        if !difference.removedClaims.isEmpty { try run("DELETE FROM claim WHERE id = ANY(\(difference.removedClaims))") }
        for metric in difference.removedMetrics { try run("DELETE FROM metric WHERE event = \(id) AND id = \(metric.id)") }
        for metric in difference.addedMetrics { try insert(metric, event: id) }
        for scope in difference.removedScopes { try run("DELETE FROM scope WHERE event = \(id) AND id = \(scope.id)") }
        for scope in difference.addedScopes { try insert(scope, event: id) }
        try checkClaimIDs(difference.addedClaims, path: path, positions: new.claims)
        for claim in difference.addedClaims { batch.add(claim, event: id) }
    }

    /// A claim id another event holds, named before anything of this event is written on;
    /// `positions` is the event's whole list, for the index the error names.
    private func checkClaimIDs(_ claims: [Claim], path: String, positions: [Claim]? = nil) throws(StoreError) {
        guard !claims.isEmpty else { return }
        let taken = try rows("SELECT id, event FROM claim WHERE id = ANY(\(claims.map(\.id)))")
        if let (claim, other) = try? taken.first?.decode((String, String).self),
           let index = (positions ?? claims).firstIndex(where: { $0.id == claim }) {
            throw StoreError("\(path): claims[\(index)].id: the claim id \"\(claim)\" belongs to event \"\(other)\"")
        }
    }

    private func insert(_ metric: Metric, event id: String) throws(StoreError) {
        try run("INSERT INTO metric (event, id, kind, aliases) VALUES (\(id), \(metric.id), \(metric.kind.rawValue), \(JSONText.array(metric.aliases)))")
    }

    private func insert(_ scope: Scope, event id: String) throws(StoreError) {
        try run("INSERT INTO scope (event, id, partOf, aliases) VALUES (\(id), \(scope.id), \(scope.partOf), \(JSONText.array(scope.aliases)))")
    }

    // MARK: The ledger

    public func sources(_ ids: Set<String>?) throws(StoreError) -> [Source] {
        let found = try serially { () throws(StoreError) in
            if let ids {
                return try rows("SELECT id, title, outlet, url, published, reliability, text FROM source WHERE id = ANY(\(Array(ids))) ORDER BY id")
            }
            return try rows("SELECT id, title, outlet, url, published, reliability, text FROM source ORDER BY id")
        }
        return try found.map { row throws(StoreError) in
            let cells = row.makeRandomAccess()
            return Source(id: try text(cells, 0) ?? "", title: try text(cells, 1) ?? "", outlet: try text(cells, 2) ?? "",
                          url: try text(cells, 3), published: try time(try text(cells, 4)),
                          reliability: try text(cells, 5).flatMap(Reliability.init(rawValue:)), text: try text(cells, 6))
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
