import CrosscheckCore
import CrosscheckStore
import Foundation
import PostgresNIO

/// Changes: each one transaction under the server's lock, whole events written by COPY a batch
/// at a time, a change to one event only what differs, and the history entry with its notice.
extension ServerLedger {
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
                while let item = try next(write) {
                    let (ledger, path) = (item.ledger, item.path)
                    touched.append(ledger.event.id)
                    readInChange?[ledger.event.id] = nil
                    if let previous = write.previous, previous.event.id == ledger.event.id {
                        try update(previous, to: ledger, path: path, into: &batch)
                        changedInPlace.append(ledger)
                    } else {
                        replace(item, into: &batch)
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

    private func next(_ write: LedgerWrite) throws(StoreError) -> EventWrite? {
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
        let columns = ["id", "title", "outlet", "url", "published", "reliability", "text", "fetched"]
        var rows = CopyRows(table: "source_in", columns: columns)
        for source in sources {
            rows.add(source.id); rows.add(source.title); rows.add(source.outlet); rows.add(source.url)
            rows.add(source.published?.description); rows.add(source.reliability?.rawValue); rows.add(source.text)
            rows.add(source.fetched?.description)
            rows.endRow()
        }
        try run("CREATE TEMPORARY TABLE IF NOT EXISTS source_in (LIKE source) ON COMMIT DELETE ROWS")
        try connection.copy(rows)
        try run("""
            INSERT INTO source (id, title, outlet, url, published, reliability, text, fetched)
            SELECT DISTINCT ON (id) id, title, outlet, url, published, reliability, text, fetched FROM source_in
            ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, outlet = EXCLUDED.outlet, url = EXCLUDED.url,
                published = EXCLUDED.published, reliability = EXCLUDED.reliability, text = EXCLUDED.text, fetched = EXCLUDED.fetched
            """)
    }

    /// Claim and link rows waiting to be copied in.
    struct Batch {
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
        /// The events written anew, and where each claim of the batch was read (for an error).
        var replaced: [String] = []
        var places: [String: (path: String, index: Int, inPlace: Bool)] = [:]
        /// The sources the batch's links cite, each with the first link that cites it (for an error).
        var cited: [String: (claim: String, position: Int)] = [:]
        /// The highest n of the claim ids "cn" added, kept across flushes.
        var highestNumber = 0

        /// A claim and its links, read as `claims[index]` of the file at `path` (or added to an
        /// event changed `inPlace`, where an error names the claim by id).
        mutating func add(_ claim: Claim, event: String, path: String, index: Int, inPlace: Bool = false) {
            places[claim.id] = (path, index, inPlace)
            if let number = EventMerge.number(of: claim.id), number > highestNumber { highestNumber = number }
            claim.addColumns(event: event, to: &claims)
            claims.endRow()
            for (position, link) in claim.sources.enumerated() {
                links.add(claim.id); links.add(position); links.add(link.source); links.add(link.quote); links.add(link.attributedTo)
                links.add(link.credibility?.rawValue); links.add(link.span?.lowerBound); links.add(link.span?.upperBound)
                links.endRow()
                if cited[link.source] == nil { cited[link.source] = (claim.id, position) }
            }
        }

        mutating func add(_ metric: Metric, event: String) {
            metrics.add(event); metrics.add(metric.id); metrics.add(metric.kind.rawValue); metrics.add(JSONText.array(metric.aliases))
            metrics.endRow()
        }

        mutating func add(_ scope: Scope, event: String) {
            scopes.add(event); scopes.add(scope.id); scopes.add(scope.partOf); scopes.add(JSONText.array(scope.aliases))
            scopes.endRow()
        }
    }

    /// Writes the batch: the events it replaces removed, its claim ids checked against the
    /// other events', then every row copied in; and empties it.
    private func flush(_ batch: inout Batch) throws(StoreError) {
        if !batch.replaced.isEmpty { try run("DELETE FROM event WHERE id = ANY(\(batch.replaced))") }
        if !batch.places.isEmpty {
            let taken = try rows("SELECT id, event FROM claim WHERE id = ANY(\(Array(batch.places.keys))) LIMIT 1")
            if let (claim, other) = try? taken.first?.decode((String, String).self), let place = batch.places[claim] {
                throw StoreError("\(place.path): claims[\(place.index)].id: the claim id \"\(claim)\" belongs to event \"\(other)\"")
            }
        }
        for rows in [batch.events, batch.metrics, batch.scopes] where !rows.isEmpty { try connection.copy(rows) }
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
        guard let source = try? missing.first?.decode(String.self), let link = batch.cited[source],
              let place = batch.places[link.claim] else { return }
        let claim = place.inPlace ? "claim \(link.claim)" : "claims[\(place.index)]"
        throw StoreError("\(place.path): \(claim).sources[\(link.position)].source: no source \"\(source)\" in the ledger")
    }

    /// The event written anew, all of it into `batch`: its old rows go, and its claim ids are
    /// checked against other events', a batch at a time (`flush`).
    private func replace(_ item: EventWrite, into batch: inout Batch) {
        let (ledger, path, id) = (item.ledger, item.path, item.ledger.event.id)
        let whole = ledger.declaringStandardMetrics()
        batch.replaced.append(id)
        batch.events.add(id); batch.events.add(ledger.event.title); batch.events.add(ledger.event.date?.description)
        batch.events.endRow()
        for metric in whole.metrics { batch.add(metric, event: id) }
        for scope in ledger.scopes { batch.add(scope, event: id) }
        for (index, claim) in ledger.claims.enumerated() { batch.add(claim, event: id, path: path, index: index) }
        batch.packs.add(id)
        batch.packs.add(bytes: item.pack ?? EventPack.stored(whole))
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
        for metric in difference.addedMetrics { batch.add(metric, event: id) }
        for scope in difference.removedScopes { try run("DELETE FROM scope WHERE event = \(id) AND id = \(scope.id)") }
        for scope in difference.addedScopes { batch.add(scope, event: id) }
        guard !difference.addedClaims.isEmpty else { return }
        // Where each claim stands in the event, for an error about it.
        let positions = Dictionary(new.claims.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        for claim in difference.addedClaims { batch.add(claim, event: id, path: path, index: positions[claim.id] ?? 0, inPlace: true) }
    }
}
