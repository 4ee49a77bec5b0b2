import CrosscheckCore
import Foundation
import GRDB

/// The working store of a workspace: SQLite through GRDB, in WAL mode with foreign keys on (an
/// import's bulk write excepted, for its one transaction: see `store`).
/// It owns its migrator; a migration never changes once shipped, and a database written by a
/// newer crosscheck is refused rather than misread.
public final class LedgerDatabase: Sendable {
    let pool: DatabasePool

    /// Opens (creating if needed) the database at `path`.
    public init(path: String) throws(StoreError) {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        // Two sessions on one workspace wait for each other's writes instead of failing, for
        // 30 seconds unless CROSSCHECK_BUSY_TIMEOUT says otherwise.
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.label = "crosscheck"
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw StoreError("\(path): cannot open the database: \(Self.describe(error, path: path))")
        }
        do {
            let migrator = Self.migrator
            let (superseded, applied) = try pool.read { db in (try migrator.hasBeenSuperseded(db), try migrator.appliedIdentifiers(db)) }
            if superseded {
                let unknown = applied.subtracting(migrator.migrations).sorted().first ?? ""
                throw StoreError("\(path): the database was written by a newer crosscheck (migration \"\(unknown)\"); update crosscheck to open it")
            }
            try migrator.migrate(pool)
            // The packs are a cache of the rows: a database from before them gets them here,
            // through the one path that writes them.
            if !applied.contains(Self.packsMigration) {
                try pool.write { db in try Self.packMissing(db, "SELECT id FROM event WHERE id NOT IN (SELECT event FROM eventPack)") }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError("\(path): cannot prepare the database: \(Self.describe(error, path: path))")
        }
    }

    /// Folds the write-ahead log into the database file, as closing the last connection does:
    /// after a bulk import, reads in the same process then need not look each page up in a log
    /// of hundreds of megabytes. Passive: it never waits for another process, and what it cannot
    /// fold now is folded later.
    public func settle() {
        _ = try? pool.writeWithoutTransaction { db in try db.checkpoint(.passive) }
    }

    static var busyTimeout: TimeInterval {
        ProcessInfo.processInfo.environment["CROSSCHECK_BUSY_TIMEOUT"].flatMap(TimeInterval.init) ?? 30
    }

    /// The schema, a step a version, in SQL alone: as GRDB's migration guide asks, a migration
    /// never calls the application's code, which changes after the migration has shipped. A step
    /// never changes once shipped; its name is what a database records.
    static let migrations: [(name: String, sql: String)] = [
        ("v1: ledger, history, workspace files", """
            CREATE TABLE source (
                id TEXT PRIMARY KEY NOT NULL,
                title TEXT NOT NULL,
                outlet TEXT NOT NULL,
                url TEXT,
                published TEXT,
                reliability TEXT CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
                text TEXT
            );
            CREATE TABLE event (
                id TEXT PRIMARY KEY NOT NULL,
                title TEXT NOT NULL,
                date TEXT
            );
            CREATE TABLE metric (
                event TEXT NOT NULL REFERENCES event(id) ON DELETE CASCADE,
                id TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('cumulative', 'snapshot')),
                aliases TEXT NOT NULL,
                PRIMARY KEY (event, id)
            );
            CREATE TABLE scope (
                event TEXT NOT NULL REFERENCES event(id) ON DELETE CASCADE,
                id TEXT NOT NULL,
                partOf TEXT,
                PRIMARY KEY (event, id)
            );
            CREATE TABLE claim (
                id TEXT PRIMARY KEY NOT NULL,
                event TEXT NOT NULL REFERENCES event(id) ON DELETE CASCADE,
                metric TEXT NOT NULL,
                scope TEXT,
                text TEXT NOT NULL,
                lower REAL NOT NULL,
                upper REAL,
                lowerOpen INTEGER NOT NULL,
                upperOpen INTEGER NOT NULL,
                approximate INTEGER NOT NULL,
                kind TEXT NOT NULL,
                unit TEXT,
                coded REAL,
                asOf TEXT,
                asOfEarliest INTEGER,
                asOfLatest INTEGER,
                confidence TEXT,
                status TEXT,
                FOREIGN KEY (event, metric) REFERENCES metric(event, id),
                FOREIGN KEY (event, scope) REFERENCES scope(event, id)
            );
            CREATE INDEX claim_by_event_metric_scope ON claim(event, metric, scope);
            CREATE TABLE link (
                claim TEXT NOT NULL REFERENCES claim(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                source TEXT NOT NULL REFERENCES source(id),
                quote TEXT,
                attributedTo TEXT,
                credibility INTEGER CHECK (credibility BETWEEN 1 AND 6),
                PRIMARY KEY (claim, position)
            );
            CREATE INDEX link_by_source ON link(source);
            CREATE TABLE history (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                time TEXT NOT NULL,
                actor TEXT NOT NULL,
                command TEXT NOT NULL,
                before TEXT,
                after TEXT
            );
            CREATE TABLE workspaceFile (
                path TEXT PRIMARY KEY NOT NULL,
                size INTEGER NOT NULL,
                modified INTEGER NOT NULL,
                hash TEXT NOT NULL
            );
            """),
        ("v2: origins", """
            CREATE TABLE origin (
                id TEXT PRIMARY KEY NOT NULL,
                aliases TEXT NOT NULL
            );
            """),
        (packsMigration, """
            CREATE TABLE eventPack (
                event TEXT PRIMARY KEY NOT NULL REFERENCES event(id) ON DELETE CASCADE,
                pack BLOB NOT NULL
            );
            """),
        ("v4: history names what it created; scope aliases; pending files indexed", """
            ALTER TABLE history ADD COLUMN created TEXT NOT NULL DEFAULT '';
            ALTER TABLE scope ADD COLUMN aliases TEXT NOT NULL DEFAULT '[]';
            -- Every command asks whether a killed process left files to rewrite: a look-up, not a scan.
            CREATE INDEX workspaceFile_pending ON workspaceFile(hash) WHERE hash = 'pending';
            """),
        ("v5: where a linked figure stands in its source's text", """
            ALTER TABLE link ADD COLUMN spanStart INTEGER;
            ALTER TABLE link ADD COLUMN spanEnd INTEGER;
            """),
        ("v6: when a source's text was fetched", """
            ALTER TABLE source ADD COLUMN fetched TEXT;
            """),
        // A link is found by its claim and place, never by a row number: keyed by them alone, each
        // link is one entry in one tree, not a row and an entry of its key besides.
        ("v7: links kept by their key", """
            CREATE TABLE keyedLink (
                claim TEXT NOT NULL REFERENCES claim(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                source TEXT NOT NULL REFERENCES source(id),
                quote TEXT,
                attributedTo TEXT,
                credibility INTEGER CHECK (credibility BETWEEN 1 AND 6),
                spanStart INTEGER,
                spanEnd INTEGER,
                PRIMARY KEY (claim, position)
            ) WITHOUT ROWID;
            INSERT INTO keyedLink SELECT claim, position, source, quote, attributedTo, credibility, spanStart, spanEnd FROM link;
            DROP TABLE link;
            ALTER TABLE keyedLink RENAME TO link;
            CREATE INDEX link_by_source ON link(source);
            """),
    ]

    /// Packs the events `query` names, from their rows.
    private static func packMissing(_ db: Database, _ query: String) throws {
        for id in try String.fetchAll(db, sql: query) {
            if let ledger = try event(id, condition: "claim.event = ?", arguments: [id], whole: false, db) { try pack(id, ledger.claims, db) }
        }
    }

    static let packsMigration = "v3: event packs"

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for (name, sql) in migrations {
            migrator.registerMigration(name) { db in try db.execute(sql: sql) }
        }
        return migrator
    }

    /// What went wrong, in a few words; `path`, the database's, lets an I/O error that a full
    /// disk caused say so (SQLite reports it as a failed write or memory map).
    static func describe(_ error: Error, path: String? = nil) -> String {
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED: return "the database is locked by another process; try again"
            case .SQLITE_READONLY: return "the database is read-only"
            case .SQLITE_FULL: return "the disk is full"
            case .SQLITE_IOERR:
                let message = error.message ?? "disk I/O error"
                if let path, onFullDisk(path) { return "the disk is full (\(message))" }
                if let limit = fileSizeLimit { return "\(message): a write may have passed the file-size limit (ulimit -f) of \(limit) bytes" }
                return message
            case .SQLITE_CANTOPEN: return "cannot open the file"
            case .SQLITE_NOTADB, .SQLITE_CORRUPT: return "the file is not a crosscheck database"
            default: return error.message ?? "\(error.resultCode)"
            }
        }
        return "\(error)"
    }

    /// The process's limit on the size of a file it writes, if it has one.
    static var fileSizeLimit: UInt64? {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_FSIZE.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max else { return nil }
        return UInt64(limit.rlim_cur)
    }

    /// Whether the file system holding `path` has no room left for another page.
    static func onFullDisk(_ path: String) -> Bool {
        var info = statvfs()
        guard statvfs((path as NSString).deletingLastPathComponent, &info) == 0 else { return false }
        return UInt64(info.f_bavail) * UInt64(info.f_frsize) < 65_536
    }
}
