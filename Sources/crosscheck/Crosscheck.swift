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
            + "Type help inside for its commands. Each session command also runs on its own from the command line, "
            + "from the same command table: crosscheck [--workspace DIR] claim set c9 --status verified.",
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
        // Past a file-size limit (ulimit -f) a write then fails with an error crosscheck reports,
        // instead of the signal killing the process in the middle of a change.
        signal(SIGXFSZ, SIG_IGN)
        Allocator.keepFreedMemory()
        if let status = runSessionCommand(Array(CommandLine.arguments.dropFirst())) { Glibc.exit(status) }
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

    /// `crosscheck [--workspace DIR] [--db PATH] SESSION-COMMAND …`: one session command, read by
    /// the session's own command table, so that the session and the command line cannot drift.
    /// nil when the words are not a session command (the subcommands above take them).
    static func runSessionCommand(_ arguments: [String]) -> Int32? {
        var rest = arguments[...]
        var optionWords: [String] = []
        while let first = rest.first, first == "--workspace" || first == "--db", rest.count >= 2 {
            optionWords += rest.prefix(2)
            rest = rest.dropFirst(2)
        }
        let subcommands = configuration.subcommands.map { $0._commandName } + ["help"]
        guard let word = rest.first, !subcommands.contains(word),
              CommandTree.standard.commands.contains(where: { $0.words.first == word }) else { return nil }
        do {
            let options = try WorkspaceOptions.parse(optionWords)
            let session = try Session(workspace: try options.open())
            // annotate's answers, if any, come from standard input.
            session.input = ScriptInput { readLine(strippingNewline: true) }
            session.output = { FileOutput.standardOutput.write($0) }
            let line = rest.map(ParsedCommand.quoted).joined(separator: " ")
            FileOutput.standardOutput.write(try session.run(line) ?? "")
            return 0
        } catch let failure as Failure {
            FileOutput.standardError.write("crosscheck: \(failure.description)\n")
        } catch let error as SessionError {
            FileOutput.standardError.write("crosscheck: \(error.message)\n")
        } catch {
            FileOutput.standardError.write("crosscheck: \(error)\n")
        }
        return 2
    }
}
