import ArgumentParser
import CrosscheckCore
import CrosscheckSession
#if canImport(Glibc)
import Glibc
#endif

@main
struct Crosscheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crosscheck",
        abstract: "Pin down every figure in the news: read figures, find them in articles, keep the claim ledger.",
        discussion: "Without a subcommand: the annotation session on the workspace (interactive on a terminal; when standard "
            + "input is not a terminal, script mode: one command a line, # comments, exit 2 if any line failed). "
            + "Type help inside for its commands.",
        subcommands: [Parse.self, Extract.self, Import.self, Export.self, Check.self]
    )

    @OptionGroup var options: WorkspaceOptions

    /// The session.
    func run() throws {
        let workspace = try options.open()
        let session: Session
        do {
            session = try Session(workspace: workspace)
        } catch {
            throw Failure(error.message)
        }
        let status = SessionRunner.run(
            session, interactive: isatty(STDIN_FILENO) != 0,
            output: { FileOutput.standardOutput.write($0) }, errors: { FileOutput.standardError.write($0) })
        if status != 0 { throw ExitCode(status) }
    }

    /// Usage errors exit 2, like every other kind of bad input, so that scripts see one code.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as Failure {
            FileOutput.standardError.write("crosscheck: \(failure.description)\n")
            exit(withError: ExitCode(2))
        } catch {
            let code = exitCode(for: error)
            guard code == .validationFailure else { exit(withError: error) }
            let message = fullMessage(for: error)
            FileOutput.standardError.write(message + "\n")
            exit(withError: ExitCode(2))
        }
    }
}
