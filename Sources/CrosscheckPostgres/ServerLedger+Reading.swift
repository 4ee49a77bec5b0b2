import CrosscheckCore
import CrosscheckStore
import PostgresNIO

/// Reading rows back into the ledger's values.
extension ServerLedger {
    /// The event with its metrics, scopes, claims and links, as its file holds them: claims by
    /// metric, scope and the order they were stored in, links in their order.
    func read(_ id: String, metric: String?, scopes: Set<String?>?) throws(StoreError) -> EventLedger? {
        guard let head = try rows("SELECT title, date FROM event WHERE id = \(id)").first else { return nil }
        let headCells = head.makeRandomAccess()
        let event = Event(id: id, title: try text(headCells, 0) ?? "", date: try time(try text(headCells, 1)))
        let metrics = try rows("SELECT id, kind, aliases FROM metric WHERE event = \(id) ORDER BY id").map { row throws(StoreError) in
            let cells = row.makeRandomAccess()
            return Metric(id: try text(cells, 0) ?? "", kind: MetricKind(rawValue: try text(cells, 1) ?? "") ?? .snapshot,
                          aliases: Self.aliases(try text(cells, 2)))
        }
        let scopeList = try rows("SELECT id, partOf, aliases FROM scope WHERE event = \(id) ORDER BY id").map { row throws(StoreError) in
            let cells = row.makeRandomAccess()
            return Scope(id: try text(cells, 0) ?? "", partOf: try text(cells, 1), aliases: Self.aliases(try text(cells, 2)))
        }
        let named = scopes.map { $0.compactMap { $0 } } ?? []
        let claimRows = try rows("""
            SELECT claim.seq, claim.id, claim.metric, claim.scope, claim.text, claim.lower, claim.upper, claim.lowerOpen,
                claim.upperOpen, claim.approximate, claim.kind, claim.unit, claim.coded, claim.asOf, claim.confidence, claim.status,
                link.source, link.quote, link.attributedTo, link.credibility, link.spanStart, link.spanEnd
            FROM claim LEFT JOIN link ON link.claim = claim.id
            WHERE claim.event = \(id) AND (\(metric == nil) OR claim.metric = \(metric ?? ""))
                AND (\(scopes == nil) OR claim.scope = ANY(\(named)) OR (\(scopes?.contains(nil) == true) AND claim.scope IS NULL))
            ORDER BY claim.metric, claim.scope NULLS FIRST, claim.seq, link.position
            """)
        var claims: [Claim] = []
        var current: Int64?
        for row in claimRows {
            let cells = row.makeRandomAccess()
            let seq = try value(cells, 0, Int64.self) ?? 0
            if seq != current {
                current = seq
                let figure = Figure(
                    lower: try value(cells, 5, Double.self) ?? 0, upper: try value(cells, 6, Double.self),
                    lowerOpen: try value(cells, 7, Bool.self) ?? false, upperOpen: try value(cells, 8, Bool.self) ?? false,
                    approximate: try value(cells, 9, Bool.self) ?? false,
                    kind: try text(cells, 10).flatMap(FigureKind.init(rawValue:)) ?? .count, unit: try text(cells, 11),
                    coded: try value(cells, 12, Double.self))
                claims.append(Claim(
                    id: try text(cells, 1) ?? "", metric: try text(cells, 2) ?? "", scope: try text(cells, 3), text: try text(cells, 4) ?? "",
                    figure: figure, asOf: try time(try text(cells, 13)),
                    confidence: try text(cells, 14).flatMap(Confidence.init(rawValue:)),
                    status: try text(cells, 15).flatMap(ClaimStatus.init(rawValue:))))
            }
            // A claim no source carries has one row, its link columns null.
            if let source = try text(cells, 16) {
                let start = try value(cells, 20, Int.self), end = try value(cells, 21, Int.self)
                claims[claims.count - 1].sources.append(Link(
                    source: source, quote: try text(cells, 17), attributedTo: try text(cells, 18),
                    credibility: try value(cells, 19, Int.self).flatMap(Credibility.init(rawValue:)),
                    span: start.flatMap { start in end.flatMap { end in start <= end ? start..<end : nil } }))
            }
        }
        return EventLedger(event: event, metrics: metrics, scopes: scopeList, claims: claims)
    }

    // MARK: Statements

    /// Runs `body` holding the connection, one caller at a time, on a new connection when the
    /// last one was lost.
    func serially<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        lock.lock()
        defer { lock.unlock() }
        // A connection lost inside a transaction is not replaced: what was read in it is gone with it.
        if connection.isClosed, !connection.inTransaction { try reconnect() }
        return try body()
    }

    func run(_ query: PostgresQuery) throws(StoreError) {
        try connection.query(query)
    }

    func rows(_ query: PostgresQuery) throws(StoreError) -> [PostgresRow] {
        try connection.query(query)
    }

    func strings(_ query: PostgresQuery) throws(StoreError) -> [String] {
        try serially { () throws(StoreError) in
            try rows(query).map { row throws(StoreError) in try value(row.makeRandomAccess(), 0, String.self) ?? "" }
        }
    }

    func integer(_ query: PostgresQuery) throws(StoreError) -> Int {
        try serially { () throws(StoreError) in
            guard let row = try rows(query).first else { return 0 }
            return Int(try value(row.makeRandomAccess(), 0, Int64.self) ?? 0)
        }
    }

    func value<T: PostgresDecodable>(_ cells: PostgresRandomAccessRow, _ index: Int, _ kind: T.Type) throws(StoreError) -> T?
        where T._DecodableType == T {
        do {
            return try cells[index].decode(T?.self)
        } catch {
            throw StoreError("\(address): reading column \(cells[index].columnName): \(String(describing: Swift.type(of: error)))")
        }
    }

    func text(_ cells: PostgresRandomAccessRow, _ index: Int) throws(StoreError) -> String? {
        try value(cells, index, String.self)
    }

    func time(_ text: String?) throws(StoreError) -> ReportedTime? {
        guard let text else { return nil }
        do {
            return try ReportedTime(text)
        } catch {
            throw StoreError("\(address): a stored time does not read: \(error.message)")
        }
    }

    /// Aliases as the column holds them: a JSON array of names.
    static func aliases(_ text: String?) -> [String] {
        text.flatMap(JSONText.strings) ?? []
    }
}
