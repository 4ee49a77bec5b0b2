import ArgumentParser
import CrosscheckPostgres
import CrosscheckStore

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Make an empty workspace: Sources.json, Claims/, the database, a .gitignore for .crosscheck/ and the .gitattributes of the merge driver.",
        discussion: "Refused (exit 2) where a workspace is already. With --db postgres://…, prepares a team's ledger on "
            + "that server instead (its schema created or migrated); no folder is made."
    )

    @Argument(help: "The folder (made if missing; default: the current folder).")
    var directory: String = "."

    @Option(help: "The database file (default: DIRECTORY/.crosscheck/ledger.sqlite), or a team's server (postgres://…).")
    var db: String?

    func run() throws {
        if let db, ServerAddress.isServer(db) {
            do {
                let address = try ServerAddress(db)
                _ = try ServerLedger(address)
                print("\(address): the team's ledger is ready; crosscheck --db URL import Sources.json Claims loads a workspace into it")
            } catch {
                throw Failure(error.message)
            }
            return
        }
        do {
            try Workspace.create(at: directory, databasePath: db)
        } catch {
            throw Failure(error.message)
        }
        print("\(directory): an empty crosscheck workspace; source add and event use begin a ledger")
    }
}
