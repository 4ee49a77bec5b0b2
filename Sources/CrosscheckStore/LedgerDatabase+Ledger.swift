import CrosscheckCore
import Foundation
import GRDB
import GRDBSQLite

/// What the database knows of a workspace file: enough to see, as git does, that it did not change.
public struct FileState: Sendable, Hashable {
    public var size: Int64
    public var modified: Int64
    public var hash: String

    /// Committed to the database and not yet rewritten: the database holds what the file must say.
    static let pending = FileState(size: -1, modified: -1, hash: "pending")
}

extension LedgerDatabase: LedgerStore, WorkspaceFileStates {
    /// Stores sources and whole events in one transaction with one history entry: all or nothing.
    /// Sources are merged by id unless the write replaces them; a claim id that belongs to
    /// another event, like any error, leaves the ledger as it was.
    @discardableResult
    public func store(_ write: LedgerWrite) throws(StoreError) -> Int64 {
        do {
            // The pool's idle readers would keep a bulk write from having the database alone.
            if write.bulk { pool.releaseMemory() }
            return try pool.writeWithoutTransaction { db in
                var entry: Int64 = 0
                let transaction = { try db.inTransaction(.immediate) { entry = try Self.apply(write, db); return .commit } }
                guard write.bulk else { try transaction(); return entry }
                // The references were checked as the events were read: the five foreign-key
                // look-ups a claim costs are skipped, and the write's pages stay in memory
                // instead of spilling to the log again and again. Both are settings of the
                // connection, restored when the write ends.
                let cache = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
                try db.execute(sql: "PRAGMA foreign_keys = OFF; PRAGMA cache_size = \(Self.bulkCache)")
                defer { try? db.execute(sql: "PRAGMA foreign_keys = ON; PRAGMA cache_size = \(cache)") }
                let synchronous = try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? 1
                let alone = try Self.leaveLog(db)
                defer { if alone { Self.returnToLog(db, synchronous: synchronous) } }
                try transaction()
                return entry
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError("the ledger was not changed: \(Self.describe(error, path: pool.path))")
        }
    }

    /// The page cache of a bulk write, in KiB as SQLite counts a negative size: 64 MiB.
    static let bulkCache = -65_536

    /// Whether a bulk write has the database alone and goes through a rollback journal: each page
    /// is written once, into the file, where the log would take it and then copy it into the file
    /// when folded back (a sixth of a large import's time). SQLite refuses the switch at once,
    /// without waiting, while any other connection is open (a session, a check); the write then
    /// goes through the log like any other. Whoever opens the database meanwhile waits for the
    /// write to end, as for any write, up to the busy timeout. The journal is synced in full,
    /// which SQLite advises for a rollback journal where a log needs less.
    private static func leaveLog(_ db: Database) throws -> Bool {
        // Asked once, not waited for: another connection may stay open for hours.
        sqlite3_busy_timeout(db.sqliteConnection, 0)
        defer { sqlite3_busy_timeout(db.sqliteConnection, Int32(busyTimeout * 1000)) }
        do {
            guard try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE") == "delete" else { return false }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
            return false
        }
        try db.execute(sql: "PRAGMA synchronous = FULL")
        return true
    }

    /// The log again after a bulk write. Should another process hold the database at that
    /// instant, the switch waits for the next opening of a pool, which always asks for the log.
    private static func returnToLog(_ db: Database, synchronous: Int) {
        _ = try? String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
        try? db.execute(sql: "PRAGMA synchronous = \(synchronous)")
    }

    /// The write's changes, inside its transaction; the history entry's id.
    private static func apply(_ write: LedgerWrite, _ db: Database) throws -> Int64 {
        try upsert(write.sources, db)
        if write.replaceSources { try db.execute(sql: "DELETE FROM origin") }
        for item in write.origins { try OriginRecord(item).upsert(db) }
        if write.replaceSources {
            let keep = Set(write.sources.map(\.id))
            let existing = try String.fetchAll(db, sql: "SELECT id FROM source WHERE id NOT IN (SELECT source FROM link)")
            for id in existing where !keep.contains(id) {
                try db.execute(sql: "DELETE FROM source WHERE id = ?", arguments: [id])
            }
        }
        if let removed = write.removing { try delete(event: removed, db) }
        var events = 0, claims = 0
        while let item = try write.nextEvent() {
            if let previous = write.previous, previous.event.id == item.ledger.event.id {
                try update(previous, to: item.ledger, path: item.path, db)
            } else {
                try replace(item, db)
            }
            events += 1
            claims += item.ledger.claims.count
        }
        for (path, state) in write.files() { try record(path, state, db) }
        try HistoryRecord(id: nil, time: HistoryEntry.now(), actor: write.actor, command: write.command, before: nil,
                          after: write.after(events, claims), created: write.created.joined(separator: " ")).insert(db)
        FaultPoint.reach("stored")
        return db.lastInsertedRowID
    }

    /// Records what was written to a workspace file.
    public func record(files: [String: FileState]) throws(StoreError) {
        do {
            try pool.write { db in
                for (path, state) in files { try Self.record(path, state, db) }
            }
        } catch {
            throw StoreError("cannot record the workspace files: \(Self.describe(error, path: pool.path))")
        }
    }

    /// Forgets workspace files that no longer exist.
    public func forget(files: [String]) throws(StoreError) {
        do {
            try pool.write { db in
                for path in files { try db.execute(sql: "DELETE FROM workspaceFile WHERE path = ?", arguments: [path]) }
            }
        } catch {
            throw StoreError("cannot record the workspace files: \(Self.describe(error, path: pool.path))")
        }
    }

    /// The files committed to and not yet rewritten (through the partial index on them).
    public func pendingFiles() throws(StoreError) -> [String] {
        try reading { db in try String.fetchAll(db, sql: "SELECT path FROM workspaceFile WHERE hash = 'pending'") }
    }

    public func hasPendingFiles() throws(StoreError) -> Bool {
        try reading { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM workspaceFile WHERE hash = 'pending')") ?? false }
    }

    /// The recorded states of these files (relative paths), those that have one.
    public func fileStates(_ paths: [String]) throws(StoreError) -> [String: FileState] {
        try reading { db in
            var states: [String: FileState] = [:]
            let statement = try db.cachedStatement(sql: "SELECT size, modified, hash FROM workspaceFile WHERE path = ?")
            for path in paths {
                if let row = try Row.fetchOne(statement, arguments: [path]) { states[path] = FileState(size: row[0], modified: row[1], hash: row[2]) }
            }
            return states
        }
    }

    public func fileStates() throws(StoreError) -> [String: FileState] {
        do {
            return try pool.read { db in
                // Made at its size: a dictionary grown step by step holds its old and new tables at once.
                var states = [String: FileState](minimumCapacity: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM workspaceFile") ?? 0)
                // Columns by position: this runs for every file each time a workspace is opened.
                // No hash but "pending": a hash is a string of its own, and a workspace may hold
                // 100,000 files, of which the few that changed have theirs asked for.
                let rows = try Row.fetchCursor(db, sql: "SELECT path, size, modified, hash = 'pending' FROM workspaceFile")
                while let row = try rows.next() {
                    states[row[0]] = FileState(size: row[1], modified: row[2], hash: row[3] ? FileState.pending.hash : "")
                }
                return states
            }
        } catch {
            throw StoreError("cannot read the database: \(Self.describe(error, path: pool.path))")
        }
    }

    /// The sources, all of them or those of `ids`.
    public func sources(_ ids: Set<String>?) throws(StoreError) -> [Source] {
        let filter = ids.map { " WHERE id IN (" + $0.map { _ in "?" }.joined(separator: ", ") + ")" } ?? ""
        let records = try reading { db in
            try SourceRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM source\(filter) ORDER BY id"),
                                      arguments: StatementArguments(ids.map(Array.init) ?? []))
        }
        do {
            return try records.map { record throws(LedgerError) in try record.source() }
        } catch {
            throw StoreError("cannot read the database: source: \(error.description)")
        }
    }

    /// The origins `Sources.json` declares, by id.
    public func origins() throws(StoreError) -> [Origin] {
        try reading { db in
            try OriginRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM origin ORDER BY id")).map(\.origin)
        }
    }

    public func claimCount() throws(StoreError) -> Int {
        try reading { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM claim") ?? 0 }
    }

    /// Claim ids in the workspace, at most `limit` of them (for completion).
    public func claimIDs(limit: Int) throws(StoreError) -> [String] {
        try reading { db in try String.fetchAll(db, sql: "SELECT id FROM claim LIMIT ?", arguments: [limit]) }
    }

    /// The claims that cite a source, in natural id order (through the index on link.source).
    public func claimIDs(citing source: String) throws(StoreError) -> [String] {
        let ids = try reading { db in try String.fetchAll(db, sql: "SELECT DISTINCT claim FROM link WHERE source = ?", arguments: [source]) }
        return ids.sorted(by: LedgerFiles.naturallyPrecedes)
    }

    public func eventIDs() throws(StoreError) -> [String] {
        try reading { db in try String.fetchAll(db, sql: "SELECT id FROM event ORDER BY id") }
    }

    /// The event with its metrics, scopes, claims and links, as its file holds them.
    /// `metric` and `scopes` narrow the claims to those groups (read through the index on event,
    /// metric and scope): what the check of one group needs, not the whole event.
    public func event(_ id: String, metric: String?, scopes: Set<String?>?) throws(StoreError) -> EventLedger? {
        var condition = "claim.event = ?"
        var arguments: [String] = [id]
        if let metric {
            condition += " AND claim.metric = ?"
            arguments.append(metric)
        }
        if let scopes {
            let named = scopes.compactMap { $0 }.sorted()
            var parts = named.isEmpty ? [] : ["claim.scope IN (" + named.map { _ in "?" }.joined(separator: ", ") + ")"]
            if scopes.contains(nil) { parts.append("claim.scope IS NULL") }
            condition += " AND (" + (parts.isEmpty ? "0" : parts.joined(separator: " OR ")) + ")"
            arguments += named
        }
        return try reading { db in try Self.event(id, condition: condition, arguments: arguments, whole: metric == nil && scopes == nil, db) }
    }

    /// Events one after another in one read transaction, each handed to `body` and let go: what
    /// a check or an export of many events reads, without a transaction and statements an event.
    /// `body` hears each event read with its place in `ids`; an id no longer stored is passed over.
    public func events(_ ids: [String], _ body: (Int, EventLedger) -> Void) throws(StoreError) {
        try reading { db in
            for (index, id) in ids.enumerated() {
                if let ledger = try Self.event(id, condition: "claim.event = ?", arguments: [id], whole: true, db) { body(index, ledger) }
            }
        }
    }

    /// The event read from its rows; `whole`, from its pack when it has one.
    static func event(_ id: String, condition: String, arguments: [String], whole: Bool, _ db: Database) throws -> EventLedger? {
        if whole, let packed = try packedEvent(id, db) { return packed }
        guard let (event, metrics, scopes) = try outline(id, db) else { return nil }
        // One pass over the claims and their links, in index order, straight through SQLite's
        // API: the rows of a group, or of an event without a pack.
        var claims: [Claim] = []
        let rows = try RowReader("""
            SELECT claim.rowid, claim.id, claim.metric, claim.scope, claim.text, claim.lower, claim.upper, claim.lowerOpen,
                claim.upperOpen, claim.approximate, claim.kind, claim.unit, claim.coded, claim.asOf, claim.confidence, claim.status,
                link.source, link.quote, link.attributedTo, link.credibility, link.spanStart, link.spanEnd
            FROM claim LEFT JOIN link ON link.claim = claim.id
            WHERE \(condition) ORDER BY claim.metric, claim.scope, claim.rowid, link.position
            """, arguments, db)
        var current: Int?
        while try rows.next() {
            let rowid = rows.int(0)
            if rowid != current {
                current = rowid
                let figure = Figure(
                    lower: rows.double(5) ?? 0, upper: rows.double(6), lowerOpen: rows.bool(7), upperOpen: rows.bool(8),
                    approximate: rows.bool(9), kind: rows.text(10).flatMap(FigureKind.init(rawValue:)) ?? .count, unit: rows.text(11),
                    coded: rows.double(12))
                claims.append(Claim(
                    id: rows.text(1) ?? "", metric: rows.text(2) ?? "", scope: rows.text(3), text: rows.text(4) ?? "", figure: figure,
                    asOf: try rows.text(13).map { text throws(LedgerError) in try ReportedTime(text) },
                    confidence: rows.text(14).flatMap(Confidence.init(rawValue:)),
                    status: rows.text(15).flatMap(ClaimStatus.init(rawValue:))))
            }
            // A claim no source carries has one row, its link columns null.
            if let source = rows.text(16) {
                claims[claims.count - 1].sources.append(Link(
                    source: source, quote: rows.text(17), attributedTo: rows.text(18),
                    credibility: rows.int(19).flatMap(Credibility.init(rawValue:)),
                    span: rows.int(20).flatMap { start in rows.int(21).flatMap { end in start <= end ? start..<end : nil } }))
            }
        }
        return EventLedger(event: event, metrics: metrics, scopes: scopes, claims: claims)
    }

    /// The event's own row, its metrics and its scopes.
    private static func outline(_ id: String, _ db: Database) throws -> (Event, [Metric], [Scope])? {
        // Cached statements: a claim add reads its event's outline twice.
        guard let event = try EventRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM event WHERE id = ?"), arguments: [id]) else { return nil }
        let metrics = try MetricRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM metric WHERE event = ? ORDER BY id"), arguments: [id])
        let scopes = try ScopeRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM scope WHERE event = ? ORDER BY id"), arguments: [id])
        return (try event.event(), metrics.map(\.metric), scopes.map(\.scope))
    }

    /// The event from its pack, or nil when it has none this version can read (the rows are read then).
    private static func packedEvent(_ id: String, _ db: Database) throws -> EventLedger? {
        let row = try RowReader("SELECT pack FROM eventPack WHERE event = ?", [id], db)
        guard try row.next() else { return nil }
        defer { row.finish() }
        return row.blob(0).flatMap { EventPack.decode(id, $0) }
    }

    /// Packs the event as its rows now say, its claims in the order the rows are read (`claims`
    /// holds them all, in any order); if the rows and `claims` disagree, the pack is dropped and
    /// the rows are read instead.
    static func pack(_ id: String, _ claims: [Claim], _ db: Database) throws {
        let order = try String.fetchAll(db.cachedStatement(sql: "SELECT id FROM claim WHERE event = ? ORDER BY metric, scope, rowid"), arguments: [id])
        let byID = Dictionary(claims.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let ordered = order.compactMap { byID[$0] }
        guard ordered.count == claims.count, ordered.count == order.count, let (event, metrics, scopes) = try outline(id, db) else {
            return try db.execute(sql: "DELETE FROM eventPack WHERE event = ?", arguments: [id])
        }
        let pack = EventPack.encode(EventLedger(event: event, metrics: metrics, scopes: scopes, claims: ordered))
        try db.execute(sql: "INSERT INTO eventPack (event, pack) VALUES (?, ?) ON CONFLICT(event) DO UPDATE SET pack = excluded.pack",
                       arguments: [id, Data(pack)])
    }

    /// The history, oldest first; `after` an id, only the entries since.
    public func history(after id: Int64) throws(StoreError) -> [HistoryEntry] {
        try reading { db in try HistoryRecord.filter(Column("id") > id).order(Column("id")).fetchAll(db).map(\.entry) }
    }

    /// The last history entry's id.
    public func lastHistoryID() throws(StoreError) -> Int64 {
        try reading { db in try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM history") ?? 0 }
    }

    /// Whether some event holds a claim with this id (one look-up in the primary key).
    public func hasClaim(_ id: String) throws(StoreError) -> Bool {
        try reading { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM claim WHERE id = ?)", arguments: [id]) ?? false }
    }

    /// Where the figures already linked to a source stand in its text, and the claim each is:
    /// what `annotate` has done.
    public func spans(of source: String) throws(StoreError) -> [Range<Int>: String] {
        try reading { db in
            let rows = try Row.fetchAll(db, sql: "SELECT spanStart, spanEnd, claim FROM link WHERE source = ? AND spanStart IS NOT NULL",
                                        arguments: [source])
            var spans: [Range<Int>: String] = [:]
            for row in rows {
                let start: Int = row[0], end: Int = row[1], claim: String = row[2]
                if start <= end { spans[start..<end] = claim }
            }
            return spans
        }
    }

    /// The workspace's folder lock already keeps other processes' changes out.
    public func exclusively<T>(_ body: () throws -> T) throws -> T { try body() }

    public func newClaimNumber(suggested: Int?) throws(StoreError) -> Int {
        if let suggested, !(try hasClaim("c\(suggested)")) { return suggested }
        return try lastClaimNumber() + 1
    }

    /// The highest number n of the claim ids "cn": the session numbers new claims after it.
    public func lastClaimNumber() throws(StoreError) -> Int {
        try reading { db in
            try Int.fetchOne(db, sql: "SELECT MAX(CAST(substr(id, 2) AS INTEGER)) FROM claim WHERE id GLOB 'c[0-9]*' AND id NOT GLOB 'c*[^0-9]*'") ?? 0
        }
    }

    public func historyCount() throws(StoreError) -> Int {
        try reading { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM history") ?? 0 }
    }

    // MARK: - Inside a transaction

    private static func upsert(_ sources: [Source], _ db: Database) throws {
        for source in sources { try SourceRecord(source).upsert(db) }
    }

    /// Writes the event anew: its old rows go first, child rows before their parents, so that
    /// the same deletes serve with foreign keys on or off.
    private static func replace(_ item: EventWrite, _ db: Database) throws {
        let (ledger, id) = (item.ledger.declaringStandardMetrics(), item.ledger.event.id)
        try delete(event: id, db)
        try RowWriter("INSERT INTO event (id, title, date) VALUES (?, ?, ?)", db).execute { row in
            row.add(id); row.add(ledger.event.title); row.add(ledger.event.date?.description)
        }
        for metric in ledger.metrics { try insert(metric, event: id, db) }
        for scope in ledger.scopes { try insert(scope, event: id, db) }
        try insert(ledger.claims, event: id, path: item.path, db)
        // Rows written anew read back in the order `EventPack.stored` sorts them.
        try RowWriter("INSERT INTO eventPack (event, pack) VALUES (?, ?)", db).execute { row in
            row.add(id); row.add(bytes: item.pack ?? EventPack.stored(ledger))
        }
    }

    private static let eventDeletes = [
        "DELETE FROM link WHERE claim IN (SELECT id FROM claim WHERE event = ?)", "DELETE FROM claim WHERE event = ?",
        "DELETE FROM metric WHERE event = ?", "DELETE FROM scope WHERE event = ?", "DELETE FROM eventPack WHERE event = ?",
        "DELETE FROM event WHERE id = ?",
    ]

    private static func delete(event id: String, _ db: Database) throws {
        for sql in eventDeletes { try RowWriter(sql, db).execute { $0.add(id) } }
    }

    private static func insert(_ metric: Metric, event: String, _ db: Database) throws {
        try RowWriter("INSERT INTO metric (event, id, kind, aliases) VALUES (?, ?, ?, ?)", db).execute { row in
            row.add(event); row.add(metric.id); row.add(metric.kind.rawValue); row.add(JSONText.array(metric.aliases))
        }
    }

    private static func insert(_ scope: Scope, event: String, _ db: Database) throws {
        try RowWriter("INSERT INTO scope (event, id, partOf, aliases) VALUES (?, ?, ?, ?)", db).execute { row in
            row.add(event); row.add(scope.id); row.add(scope.partOf); row.add(JSONText.array(scope.aliases))
        }
    }

    /// Changes an event in place, record by record: only the claims, metrics and scopes that
    /// differ are deleted and written again, so that a session's change costs what it changed.
    private static func update(_ old: EventLedger, to new: EventLedger, path: String, _ db: Database) throws {
        let id = new.event.id
        // Claims may point at a metric or scope that is written again below.
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
        let difference = EventDifference(from: old, to: new)
        if difference.eventChanged { try EventRecord(new.event).update(db) }
        for claim in difference.removedClaims { try db.execute(sql: "DELETE FROM claim WHERE id = ?", arguments: [claim]) }
        for metric in difference.removedMetrics { try MetricRecord(event: id, metric).delete(db) }
        for metric in difference.addedMetrics { try insert(metric, event: id, db) }
        for scope in difference.removedScopes { try ScopeRecord(event: id, scope).delete(db) }
        for scope in difference.addedScopes { try insert(scope, event: id, db) }
        try insert(difference.addedClaims, event: id, path: path, db)
        try pack(id, new.claims, db)
    }

    private static func insert(_ claims: [Claim], event id: String, path: String, _ db: Database) throws {
        let claim = try RowWriter("""
            INSERT INTO claim (id, event, metric, scope, text, lower, upper, lowerOpen, upperOpen, approximate, kind, unit,
                coded, asOf, asOfEarliest, asOfLatest, confidence, status)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, db)
        let link = try RowWriter(
            "INSERT INTO link (claim, position, source, quote, attributedTo, credibility, spanStart, spanEnd) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", db)
        for (index, item) in claims.enumerated() {
            do {
                try claim.execute { row in item.addColumns(event: id, to: &row) }
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY {
                // The event's own claims were deleted above: the id is another event's.
                let other = try String.fetchOne(db, sql: "SELECT event FROM claim WHERE id = ?", arguments: [item.id]) ?? "?"
                throw StoreError("\(path): claims[\(index)].id: the claim id \"\(item.id)\" belongs to event \"\(other)\"")
            }
            for (position, source) in item.sources.enumerated() {
                try link.execute { row in
                    row.add(item.id); row.add(position); row.add(source.source); row.add(source.quote)
                    row.add(source.attributedTo); row.add(source.credibility?.rawValue)
                    row.add(source.span?.lowerBound); row.add(source.span?.upperBound)
                }
            }
        }
    }

    private static func record(_ path: String, _ state: FileState, _ db: Database) throws {
        try RowWriter("""
            INSERT INTO workspaceFile (path, size, modified, hash) VALUES (?, ?, ?, ?)
            ON CONFLICT(path) DO UPDATE SET size = excluded.size, modified = excluded.modified, hash = excluded.hash
            """, db).execute { row in row.add(path); row.add(state.size); row.add(state.modified); row.add(state.hash) }
    }

    private func reading<T>(_ work: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.read(work)
        } catch {
            throw StoreError("cannot read the database: \(Self.describe(error, path: pool.path))")
        }
    }
}
