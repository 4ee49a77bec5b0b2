import CrosscheckCore
import GRDB

// The rows of the ledger's small tables as GRDB records: plain structs whose properties are
// their columns, aliases a JSON column (`Aliases`). Claims and links, a million rows in a large ledger, are
// written and read through SQLite's own API instead (`RowWriter`, `RowReader`): binding each
// value in place is what keeps an import and a full check at the speeds docs/benchmarks.md gives.

struct SourceRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "source"
    var id: String
    var title: String
    var outlet: String
    var url: String?
    var published: String?
    var reliability: String?
    var text: String?
    var fetched: String?

    init(_ source: Source) {
        (id, title, outlet, url, text) = (source.id, source.title, source.outlet, source.url, source.text)
        (published, reliability, fetched) = (source.published?.description, source.reliability?.rawValue, source.fetched?.description)
    }

    func source() throws(LedgerError) -> Source {
        Source(id: id, title: title, outlet: outlet, url: url,
               published: try published.map { text throws(LedgerError) in try ReportedTime(text) },
               reliability: reliability.flatMap(Reliability.init(rawValue:)), text: text,
               fetched: try fetched.map { text throws(LedgerError) in try ReportedTime(text) })
    }
}

struct OriginRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "origin"
    var id: String
    var aliases: Aliases

    init(_ origin: Origin) { (id, aliases) = (origin.id, Aliases(origin.aliases)) }

    var origin: Origin { Origin(id: id, aliases: aliases.names) }
}

struct EventRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "event"
    var id: String
    var title: String
    var date: String?

    init(_ event: Event) { (id, title, date) = (event.id, event.title, event.date?.description) }

    func event() throws(LedgerError) -> Event {
        Event(id: id, title: title, date: try date.map { text throws(LedgerError) in try ReportedTime(text) })
    }
}

struct MetricRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "metric"
    var event: String
    var id: String
    var kind: String
    var aliases: Aliases

    init(event: String, _ metric: Metric) { (self.event, id, kind, aliases) = (event, metric.id, metric.kind.rawValue, Aliases(metric.aliases)) }

    var metric: Metric { Metric(id: id, kind: MetricKind(rawValue: kind) ?? .snapshot, aliases: aliases.names) }
}

struct ScopeRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "scope"
    var event: String
    var id: String
    var partOf: String?
    var aliases: Aliases

    init(event: String, _ scope: Scope) { (self.event, id, partOf, aliases) = (event, scope.id, scope.partOf, Aliases(scope.aliases)) }

    var scope: Scope { Scope(id: id, partOf: partOf, aliases: aliases.names) }
}

struct HistoryRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "history"
    var id: Int64?
    var time: String
    var actor: String
    var command: String
    var before: String?
    var after: String?
    /// The ids the change created, separated by spaces.
    var created: String

    var entry: HistoryEntry {
        HistoryEntry(id: id ?? 0, time: time, actor: actor, command: command, before: before, after: after,
                     created: created.split(separator: " ").map(String.init))
    }
}

/// Names a metric, scope or origin is also known by, as their column holds them: a JSON array of
/// strings. Read and written with the core's JSON reader and writer, not Foundation's coders:
/// every event read for a check reads its metrics' and scopes' aliases, most of them `[]`.
struct Aliases: Codable, DatabaseValueConvertible {
    var names: [String]

    init(_ names: [String]) { self.names = names }

    var databaseValue: DatabaseValue {
        JSONText.array(names).databaseValue
    }

    static func fromDatabaseValue(_ value: DatabaseValue) -> Aliases? {
        String.fromDatabaseValue(value).flatMap(JSONText.strings).map(Aliases.init)
    }
}
