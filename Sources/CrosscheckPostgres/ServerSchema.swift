import CrosscheckStore
import PostgresNIO

/// The ledger's tables on the server, created and migrated by crosscheck itself: migrations are
/// applied in order, each once, in one transaction under a lock, and never change once shipped.
enum ServerSchema {
    /// Each migration: its name, and its statements.
    static let migrations: [(name: String, statements: [String])] = [
        ("v1: the ledger", [
            """
            CREATE TABLE source (
                id TEXT COLLATE "C" PRIMARY KEY, title TEXT NOT NULL, outlet TEXT NOT NULL, url TEXT, published TEXT,
                reliability TEXT CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')), text TEXT)
            """,
            "CREATE TABLE origin (id TEXT COLLATE \"C\" PRIMARY KEY, aliases TEXT NOT NULL)",
            "CREATE TABLE event (id TEXT COLLATE \"C\" PRIMARY KEY, title TEXT NOT NULL, date TEXT)",
            """
            CREATE TABLE metric (
                event TEXT COLLATE "C" NOT NULL REFERENCES event(id) ON DELETE CASCADE, id TEXT COLLATE "C" NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('cumulative', 'snapshot')), aliases TEXT NOT NULL, PRIMARY KEY (event, id))
            """,
            """
            CREATE TABLE scope (
                event TEXT COLLATE "C" NOT NULL REFERENCES event(id) ON DELETE CASCADE, id TEXT COLLATE "C" NOT NULL, partOf TEXT,
                aliases TEXT NOT NULL DEFAULT '[]', PRIMARY KEY (event, id))
            """,
            """
            CREATE TABLE claim (
                seq BIGSERIAL UNIQUE, id TEXT COLLATE "C" PRIMARY KEY,
                event TEXT COLLATE "C" NOT NULL REFERENCES event(id) ON DELETE CASCADE, metric TEXT COLLATE "C" NOT NULL,
                scope TEXT COLLATE "C", text TEXT NOT NULL, lower DOUBLE PRECISION NOT NULL, upper DOUBLE PRECISION,
                lowerOpen BOOLEAN NOT NULL, upperOpen BOOLEAN NOT NULL, approximate BOOLEAN NOT NULL, kind TEXT NOT NULL,
                unit TEXT, coded DOUBLE PRECISION, asOf TEXT, asOfEarliest BIGINT, asOfLatest BIGINT, confidence TEXT, status TEXT)
            """,
            "CREATE INDEX claim_by_event_metric_scope ON claim(event, metric, scope)",
            """
            CREATE TABLE link (
                claim TEXT COLLATE "C" NOT NULL REFERENCES claim(id) ON DELETE CASCADE, position INTEGER NOT NULL,
                source TEXT COLLATE "C" NOT NULL REFERENCES source(id), quote TEXT, attributedTo TEXT,
                credibility INTEGER CHECK (credibility BETWEEN 1 AND 6), spanStart INTEGER, spanEnd INTEGER,
                PRIMARY KEY (claim, position))
            """,
            "CREATE INDEX link_by_source ON link(source)",
            """
            CREATE TABLE history (
                id BIGSERIAL PRIMARY KEY, time TEXT NOT NULL, actor TEXT NOT NULL, command TEXT NOT NULL,
                before TEXT, after TEXT, created TEXT NOT NULL DEFAULT '')
            """,
            // Claim numbers come from the server, so that two analysts never take the same.
            "CREATE SEQUENCE claim_number",
        ]),
        // What a session, a check or an export reads of a whole event: one value an event, written
        // with its rows in every change, instead of its claims' rows joined to their links.
        ("v2: event packs", [
            "CREATE TABLE eventpack (event TEXT COLLATE \"C\" PRIMARY KEY REFERENCES event(id) ON DELETE CASCADE, pack BYTEA NOT NULL)",
            // Packs are compact already: compressing each on every change cost the server more than it saved.
            "ALTER TABLE eventpack ALTER COLUMN pack SET STORAGE EXTERNAL",
            // Claims are read in stored order within their group, never looked up by it.
            "ALTER TABLE claim DROP CONSTRAINT claim_seq_key",
            // Checked once a batch under the change lock (ServerLedger.checkCitedSources), not a row at a time.
            "ALTER TABLE link DROP CONSTRAINT link_source_fkey",
        ]),
        ("v3: when a source's text was fetched", ["ALTER TABLE source ADD COLUMN fetched TEXT"]),
    ]

    /// The key of the advisory lock that serialises migrations across clients.
    private static let lockKey: Int64 = 0x6372_6F73_7363_6B00

    /// Creates or migrates the schema; a server whose schema is newer than this crosscheck's is
    /// refused with one line, before anything is read or written.
    static func prepare(_ connection: ServerConnection) throws(StoreError) {
        try connection.transaction { () throws(StoreError) in
            try connection.query("SELECT pg_advisory_xact_lock(\(lockKey))", doing: "preparing the schema")
            try connection.query("CREATE TABLE IF NOT EXISTS crosscheck_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL)",
                                 doing: "preparing the schema")
            let applied = try connection.query("SELECT COALESCE(MAX(version), 0) FROM crosscheck_migration", doing: "reading the schema")
                .first.flatMap { try? $0.decode(Int.self) } ?? 0
            guard applied <= migrations.count else {
                throw StoreError("\(connection.address): the ledger's schema is version \(applied), newer than this crosscheck reads "
                                 + "(\(migrations.count)); update crosscheck")
            }
            for (index, migration) in migrations.enumerated().dropFirst(applied) {
                for statement in migration.statements {
                    try connection.query(PostgresQuery(unsafeSQL: statement), doing: "migrating the schema (\(migration.name))")
                }
                try connection.query("INSERT INTO crosscheck_migration (version, name) VALUES (\(index + 1), \(migration.name))",
                                     doing: "migrating the schema")
            }
        }
    }

    /// The schema version the server's ledger is at.
    static func version(_ connection: ServerConnection) throws(StoreError) -> Int {
        try connection.query("SELECT COALESCE(MAX(version), 0) FROM crosscheck_migration", doing: "reading the schema")
            .first.flatMap { try? $0.decode(Int.self) } ?? 0
    }
}
