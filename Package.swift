// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "crosscheck",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "crosscheck", targets: ["crosscheck"]),
        .library(name: "CrosscheckCore", targets: ["CrosscheckCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"4.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/async-http-client", exact: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.100.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.26.0"),
    ],
    targets: [
        // The domain: figures, the word tables they are read with, extraction, the ledger, the
        // check and the exports. Pure: no files, no database, no terminal, no libc.
        .target(name: "CrosscheckCore", linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]),
        // The only module that imports GRDB: the SQLite store, the workspace files, the history.
        .target(
            name: "CrosscheckStore",
            dependencies: [
                "CrosscheckCore", .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's own API, to bind the rows of a bulk import without boxing each value.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                // SHA-256, which tells a changed workspace file from one that was only touched.
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The only module that imports postgres-nio (and with it SwiftNIO): a team's ledger on a
        // PostgreSQL server. Kept apart so that nothing else builds SwiftNIO.
        .target(
            name: "CrosscheckPostgres",
            dependencies: [
                "CrosscheckCore", "CrosscheckStore", .product(name: "PostgresNIO", package: "postgres-nio"),
                // To keep the driver's log quiet: a command's output is its own.
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // libxml2's HTML parser, through the system's library.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // A web page's article: the page read by libxml2, its own text told from its furniture.
        .target(name: "CrosscheckPages", dependencies: ["CLibXML2"]),
        // Fetching a page over HTTP(S): the only module with AsyncHTTPClient.
        .target(
            name: "CrosscheckFetch",
            dependencies: [
                "CrosscheckPages", .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                // To tell a compressed page past the size limit from a failed connection.
                .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
            ]
        ),
        // GNU readline, through the system's library.
        .systemLibrary(name: "CReadline", providers: [.apt(["libreadline-dev"])]),
        // The annotation session: its command grammar and commands over the workspace, the line
        // editor, and everything shown on a terminal (the check's text, the plot).
        .target(name: "CrosscheckSession", dependencies: ["CrosscheckCore", "CrosscheckStore", "CrosscheckPages", "CReadline"]),
        .executableTarget(
            name: "crosscheck",
            dependencies: [
                "CrosscheckCore",
                "CrosscheckStore",
                "CrosscheckSession",
                "CrosscheckPostgres",
                "CrosscheckFetch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "crosscheck-bench",
            dependencies: ["CrosscheckCore", "CrosscheckStore", "CrosscheckSession", "CrosscheckPostgres", "CrosscheckPages"]
        ),
        // A PostgreSQL server of the tests' own (initdb, pg_ctl on a free loopback port), for the
        // tests of a team's ledger and of the binary on it. Used by tests alone.
        .target(name: "PostgresTestServer"),
        // Temporary folders the tests make, removed when the tests end.
        .target(name: "TestFolders"),
        // An HTTP server of the tests' own on loopback, serving saved pages and every bad answer.
        .target(
            name: "PageTestServer",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // The fuzz targets, shared by the libFuzzer entry and the tests that replay what it found.
        .target(name: "FuzzTargets", dependencies: ["CrosscheckCore", "CrosscheckPages"]),
        .executableTarget(name: "crosscheck-fuzz", dependencies: ["FuzzTargets"]),
        .testTarget(
            name: "CrosscheckCoreTests",
            dependencies: ["CrosscheckCore", "FuzzTargets"],
            // The export snapshots are read from the source tree by path, so that recording one
            // rewrites the file in the repository.
            exclude: ["Export/Snapshots", "Fuzz/Regressions"],
            resources: [.copy("Peers"), .copy("Extraction/Corpus")]
        ),
        .testTarget(
            name: "CrosscheckStoreTests",
            dependencies: ["CrosscheckStore", "CrosscheckCore", "CrosscheckSession", "CrosscheckPages", "TestFolders"]
        ),
        .testTarget(
            name: "CrosscheckPagesTests",
            dependencies: ["CrosscheckPages", "CrosscheckFetch", "PageTestServer", "FuzzTargets"],
            // Pages saved from real sites, each with the body a person read in it.
            resources: [.copy("Pages")]
        ),
        .testTarget(
            name: "CrosscheckPostgresTests",
            dependencies: ["CrosscheckPostgres", "CrosscheckStore", "CrosscheckCore", "CrosscheckSession", "PostgresTestServer", "TestFolders"]
        ),
        .testTarget(
            name: "CrosscheckSessionTests",
            dependencies: ["CrosscheckSession", "CrosscheckCore"]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["crosscheck", "PostgresTestServer", "PageTestServer", "TestFolders", .product(name: "GRDB", package: "GRDB.swift")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
