import ArgumentParser
import CrosscheckPostgres
import CrosscheckStore
import Foundation

/// `--workspace DIR`, `--db PATH|URL` and `--actor NAME`, shared by every command that works on a ledger.
struct WorkspaceOptions: ParsableArguments {
    @Option(help: "The workspace folder, holding Sources.json and Claims/.")
    var workspace: String = "."

    @Option(help: ArgumentHelp(
        "The database: a file (default: WORKSPACE/.crosscheck/ledger.sqlite), or a team's server, "
            + "postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=require] (default: $CROSSCHECK_DB).",
        valueName: "path-or-url"))
    var db: String?

    @Option(help: "Who the changes are recorded as made by (default: the login name).")
    var actor: String?

    /// The database asked for: `--db`, else `CROSSCHECK_DB`.
    var database: String? {
        db ?? ProcessInfo.processInfo.environment["CROSSCHECK_DB"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The team's server, when the database is one.
    var server: ServerAddress? {
        get throws(StoreError) {
            guard let database, ServerAddress.isServer(database) else { return nil }
            return try ServerAddress(database)
        }
    }

    /// Opens the ledger: the team's server (no files read or written), or the workspace folder,
    /// importing the files that changed since it was last opened. Where there is no workspace,
    /// one is made only when `creating` (what `import` is asked to do).
    func open(creating: Bool = false) throws -> Workspace {
        do throws(StoreError) {
            if let server = try server {
                return Workspace(shared: try ServerLedger(server), actor: actor)
            }
            if !creating, !Workspace.exists(at: workspace, databasePath: database) { throw Workspace.missing(workspace) }
            return try Workspace(directory: workspace, databasePath: database, actor: actor)
        } catch {
            throw Failure(error.message)
        }
    }
}
