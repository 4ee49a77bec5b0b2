import ArgumentParser
import CrosscheckStore

struct Snapshot: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the ledger as workspace files (Sources.json, Claims/) into a folder, for review in git.",
        discussion: """
            The files hold the same bytes the workspace's own files do, each written atomically; an
            event file in DIR/Claims/ of an event the ledger no longer has is removed, so that the
            folder mirrors the ledger. DIR is made if missing.
            """
    )

    @OptionGroup var options: WorkspaceOptions

    @Argument(help: "The folder to write into.")
    var directory: String

    func run() throws {
        let workspace = try options.open()
        let progress = Progress("writing event files:")
        defer { progress.finish() }
        do {
            let count = try workspace.snapshot(to: directory, progress: progress.update)
            print("\(directory): \(count.sources) sources, \(count.events) events, \(count.claims) claims")
        } catch {
            throw Failure(error.message)
        }
    }
}
