import CrosscheckCore
import Foundation

/// The one interface the workspace, the session, the check and the exports read and change a
/// ledger through. `LedgerDatabase`, SQLite in the workspace's `.crosscheck/`, stands behind it;
/// another store (a team's server) can stand behind it the same way.
///
/// Every change is one `LedgerWrite`, stored in one transaction with one history entry. Reads
/// see a consistent ledger; `events(_:_:)` reads many events in one transaction.
public protocol LedgerStore: Sendable {
    // MARK: Changes

    /// Stores a change, all or nothing; returns the id of the history entry it made.
    @discardableResult
    func store(_ write: LedgerWrite) throws(StoreError) -> Int64

    /// Runs `body`, which reads the ledger and then stores one change, with no other change made
    /// in between by this process or any other: a change never writes over one it has not read.
    /// (A workspace of files holds its folder's lock around this; a server takes a lock of its own.)
    func exclusively<T>(_ body: () throws -> T) throws -> T

    /// A number n for a new claim id "cn" that no claim holds: `suggested` when it is still free
    /// (a session remembers where it numbered last, since finding the highest scans every id). A
    /// shared store hands each number out once, so that two analysts never take the same.
    func newClaimNumber(suggested: Int?) throws(StoreError) -> Int

    /// Starts hearing colleagues' changes, where colleagues share the store.
    func listen() throws(StoreError)
    /// One line for each change a colleague made since the last call, oldest first.
    func colleaguesNews() -> [String]

    // MARK: The ledger

    /// The sources, all of them or those of `ids`, by id.
    func sources(_ ids: Set<String>?) throws(StoreError) -> [Source]
    /// The origins `Sources.json` declares, by id.
    func origins() throws(StoreError) -> [Origin]
    func eventIDs() throws(StoreError) -> [String]
    /// The event with its metrics, scopes, claims and links; `metric` and `scopes` narrow the
    /// claims to those groups.
    func event(_ id: String, metric: String?, scopes: Set<String?>?) throws(StoreError) -> EventLedger?
    /// Events one after another, each handed to `body` with its place in `ids` and let go; an id
    /// no longer stored is passed over.
    func events(_ ids: [String], _ body: (Int, EventLedger) -> Void) throws(StoreError)
    func claimCount() throws(StoreError) -> Int
    /// Claim ids, at most `limit` of them (for completion).
    func claimIDs(limit: Int) throws(StoreError) -> [String]
    /// The claims that cite a source, in natural id order.
    func claimIDs(citing source: String) throws(StoreError) -> [String]
    func hasClaim(_ id: String) throws(StoreError) -> Bool
    /// The highest number of a claim id of the form `cN`: where new claim numbers continue.
    func lastClaimNumber() throws(StoreError) -> Int
    /// Where the figures a source's links point at stand in its text, with their claims.
    func spans(of source: String) throws(StoreError) -> [Range<Int>: String]

    // MARK: History

    /// The history, oldest first; `after` an id, only the entries since.
    func history(after id: Int64) throws(StoreError) -> [HistoryEntry]
    func lastHistoryID() throws(StoreError) -> Int64
    func historyCount() throws(StoreError) -> Int

    /// After a bulk change: lets the store tidy up (SQLite folds its write-ahead log).
    func settle()
}

/// What a store beside a workspace's files knows of them: the size, time and hash each had when
/// last imported or written, and which are committed but not yet rewritten. A store with no
/// files beside it (a team's server) has none of this.
public protocol WorkspaceFileStates {
    /// What the store knows of each workspace file (relative paths), without content hashes
    /// (empty) but for pending files: what opening a workspace compares every file with.
    func fileStates() throws(StoreError) -> [String: FileState]
    /// The same for these files, those that have a state.
    func fileStates(_ paths: [String]) throws(StoreError) -> [String: FileState]
    /// Files committed to the store and not yet rewritten.
    func pendingFiles() throws(StoreError) -> [String]
    func hasPendingFiles() throws(StoreError) -> Bool
    func record(files: [String: FileState]) throws(StoreError)
    func forget(files: [String]) throws(StoreError)
}

extension LedgerStore {
    /// A ledger no one else changes has no colleagues to hear.
    public func listen() throws(StoreError) {}
    public func colleaguesNews() -> [String] { [] }

    /// The source registry as `Sources.json` holds it.
    public func registry() throws(StoreError) -> SourceRegistry {
        SourceRegistry(sources: try sources(nil), origins: try origins())
    }

    public func sources() throws(StoreError) -> [Source] { try sources(nil) }

    public func event(_ id: String) throws(StoreError) -> EventLedger? { try event(id, metric: nil, scopes: nil) }

    public func history() throws(StoreError) -> [HistoryEntry] { try history(after: 0) }
}

/// One change to a ledger, as a store takes it: sources and whole events, with what the
/// history records of it.
public struct LedgerWrite {
    /// Sources to add or replace by id.
    public var sources: [Source] = []
    public var origins: [Origin] = []
    /// Makes the registry exactly `sources` (dropping only unreferenced ones).
    public var replaceSources = false
    /// The events, one at a time, each with the path it was read from (for errors): read and
    /// checked inside the transaction, so that memory holds one event, not the ledger. An error
    /// thrown here leaves the ledger as it was.
    public var nextEvent: () throws -> EventWrite?
    /// Every reference in the events (metric, scope, source) was checked as they were read, and
    /// the write is large (an import): the store may skip its own checks of those references,
    /// hold more of the write in memory and, with the database to itself, write it through a
    /// rollback journal rather than its log.
    public var bulk = false
    /// The workspace file states to record, asked for once the events are read (a store with
    /// no files beside it is given none).
    public var files: () -> [String: FileState] = { [:] }
    /// An event to remove.
    public var removing: String?
    /// The event as it was before, when one event changes: only what differs is written.
    public var previous: EventLedger?
    /// The history entry: the command, and what the change was (given the events and claims written).
    public var command: String
    public var after: (_ events: Int, _ claims: Int) -> String
    /// The ids the change created.
    public var created: [String] = []
    /// Who made the change, recorded with it.
    public var actor = HistoryEntry.defaultActor

    public init(command: String, nextEvent: @escaping () throws -> EventWrite?,
                after: @escaping (_ events: Int, _ claims: Int) -> String) {
        (self.command, self.nextEvent, self.after) = (command, nextEvent, after)
    }
}

/// One event a write stores.
public struct EventWrite {
    public var ledger: EventLedger
    /// The file it was read from, for errors.
    public var path: String
    /// Its pack (`EventPack.stored` of the ledger with its standard metrics declared), when the
    /// reader made it on its own core.
    public var pack: [UInt8]?

    public init(_ ledger: EventLedger, path: String, pack: [UInt8]? = nil) { (self.ledger, self.path, self.pack) = (ledger, path, pack) }
}

/// One entry of the history.
public struct HistoryEntry: Sendable, Hashable {
    public var id: Int64
    public var time: String
    public var actor: String
    public var command: String
    public var before: String?
    public var after: String?
    /// The ids of what the change made: claims, sources, events.
    public var created: [String] = []

    /// Who a change is recorded as made by unless told (`--actor`): the login name.
    public static var defaultActor: String { ProcessInfo.processInfo.environment["USER"] ?? "crosscheck" }

    /// The time an entry made now records: ISO 8601, in UTC.
    public static func now() -> String {
        ISO8601DateFormatter().string(from: Date())
    }

    public init(id: Int64, time: String, actor: String, command: String, before: String?, after: String?, created: [String] = []) {
        (self.id, self.time, self.actor, self.command, self.before, self.after, self.created) = (id, time, actor, command, before, after, created)
    }
}
