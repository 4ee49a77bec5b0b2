import ArgumentParser
import CrosscheckCore
import CrosscheckFetch
import CrosscheckSession
#if canImport(Glibc)
import Glibc
private let systemExit = Glibc.exit
#elseif canImport(Darwin)
import Darwin
private let systemExit = Darwin.exit
#endif

@main
struct Crosscheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crosscheck",
        abstract: "Pin down every figure in the news: read figures, find them in articles, keep the claim ledger.",
        discussion: "Without a subcommand: the annotation session on the workspace (interactive on a terminal; when standard "
            + "input is not a terminal, script mode: one command a line, # comments, exit 2 if any line failed). "
            + "Each session command also runs on its own from the command line, with its own --help "
            + "(crosscheck [--workspace DIR] claim set c9 --status verified; crosscheck help claim set):\n\n"
            + ((try? CommandTree.standard.help()) ?? ""),
        version: Version.current,
        subcommands: [Init.self, Parse.self, Extract.self, Import.self, Export.self, Check.self, Snapshot.self, MergeFile.self]
    )

    @OptionGroup var options: WorkspaceOptions

    /// The session.
    func run() throws {
        let workspace = try options.open()
        let session: Session
        do {
            session = try Session(workspace: workspace)
            session.fetcher = PageFetcher()
        } catch {
            throw Failure(error.message)
        }
        let status = SessionRunner.run(
            session, interactive: Terminal.standardInput.isTerminal,
            output: { FileOutput.standardOutput.write($0) }, errors: { FileOutput.standardError.write($0) })
        if status != 0 { throw ExitCode(status) }
    }

    /// Usage errors exit 2, like every other kind of bad input, so that scripts see one code.
    static func main() {
        // Past a file-size limit (ulimit -f) a write then fails with an error crosscheck reports,
        // instead of the signal killing the process in the middle of a change.
        signal(SIGXFSZ, SIG_IGN)
        if let status = SessionCommandLine(Array(CommandLine.arguments.dropFirst()), subcommands: configuration.subcommands)?.run() {
            systemExit(status)
        }
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
