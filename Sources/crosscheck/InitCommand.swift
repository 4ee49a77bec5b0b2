import ArgumentParser
import CrosscheckPostgres
import CrosscheckStore

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Make an empty workspace: Sources.json, Claims/, the database, a .gitignore for .crosscheck/ and the .gitattributes of the merge driver.",
        discussion: "Refused (exit 2) where a workspace is already. With --db postgres://… (or such a CROSSCHECK_DB), prepares a team's ledger on "
            + "that server instead (its schema created or migrated); no folder is made."
    )

    @Argument(help: "The folder (made if missing; default: --workspace, or the current folder).")
    var directory: String?

    /// `--db` (a database file, or a team's server) is the same option every command takes.
    @OptionGroup var options: WorkspaceOptions

    func run() throws {
        let directory = self.directory ?? options.workspace
        do {
            if let server = try options.server {
                _ = try ServerLedger(server)
                print("\(server): the team's ledger is ready; crosscheck --db URL import Sources.json Claims loads a workspace into it")
                return
            }
            try Workspace.create(at: directory, databasePath: options.database)
        } catch {
            throw Failure(error.message)
        }
        print("\(directory): an empty crosscheck workspace; source add and event use begin a ledger")
    }
}
