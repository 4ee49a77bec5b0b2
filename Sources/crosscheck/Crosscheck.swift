import ArgumentParser
import CrosscheckCore

@main
struct Crosscheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crosscheck",
        abstract: "Pin down every figure in the news: read figures, find them in articles, keep the claim ledger.",
        subcommands: [Parse.self, Extract.self, Import.self, Export.self, Check.self]
    )

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
