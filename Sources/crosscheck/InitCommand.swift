import ArgumentParser
import CrosscheckStore

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Make an empty workspace: Sources.json, Claims/, the database, a .gitignore for .crosscheck/ and the .gitattributes of the merge driver.",
        discussion: "Refused (exit 2) where a workspace is already."
    )

    @Argument(help: "The folder (made if missing; default: the current folder).")
    var directory: String = "."

    @Option(help: "The database file (default: DIRECTORY/.crosscheck/ledger.sqlite).")
    var db: String?

    func run() throws {
        do {
            try Workspace.create(at: directory, databasePath: db)
        } catch {
            throw Failure(error.message)
        }
        print("\(directory): an empty crosscheck workspace; source add and event use begin a ledger")
    }
}
