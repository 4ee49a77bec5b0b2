import ArgumentParser
import CrosscheckStore

/// `--workspace DIR` and `--db PATH`, shared by every command that works on a ledger.
struct WorkspaceOptions: ParsableArguments {
    @Option(help: "The workspace folder, holding Sources.json and Claims/.")
    var workspace: String = "."

    @Option(help: "The database file (default: WORKSPACE/.crosscheck/ledger.sqlite).")
    var db: String?

    /// Opens the workspace, importing the files that changed since it was last opened. Where
    /// there is none, one is made only when `creating` (what `import` is asked to do).
    func open(creating: Bool = false) throws -> Workspace {
        do throws(StoreError) {
            if !creating, !Workspace.exists(at: workspace, databasePath: db) { throw Workspace.missing(workspace) }
            return try Workspace(directory: workspace, databasePath: db)
        } catch {
            throw Failure(error.message)
        }
    }
}
