import ArgumentParser
import CrosscheckStore

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge ledger files into the workspace, all or nothing.",
        discussion: """
            A sources file (crosscheck-sources/1) merges its sources by id; an event file
            (crosscheck-claims/1) replaces that event with its metrics, scopes and claims. A folder
            imports every .json file in it. If any file is refused, the error names the file, the
            JSON path and what is wrong, nothing is stored, and the exit status is 2.
            """
    )

    @OptionGroup var options: WorkspaceOptions

    @Argument(help: "Sources.json, event files, or folders of them (such as Claims/).")
    var paths: [String] = []

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("give the files or folders to import, such as Sources.json Claims") }
    }

    func run() throws {
        let workspace = try options.open(creating: true)
        do {
            let progress = Progress("importing event files:")
            defer { progress.finish() }
            let count = try workspace.importFiles(paths, command: (["import"] + paths).joined(separator: " "), progress: progress.update)
            print("imported \(count.sources) sources, \(count.events) events, \(count.claims) claims")
        } catch {
            throw Failure(error.message)
        }
    }
}
