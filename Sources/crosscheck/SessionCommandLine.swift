import ArgumentParser
import CrosscheckCore
import CrosscheckSession
import CrosscheckFetch

/// `crosscheck [--workspace DIR] [--db PATH|URL] [--actor NAME] SESSION-COMMAND …`, its `--help`, and
/// `crosscheck help SESSION-COMMAND`: one session command read by the session's own command
/// table, so that the session and the command line cannot drift. The subcommands
/// (`check`, `export`, …) are swift-argument-parser's.
struct SessionCommandLine {
    enum Action {
        case help(String)
        case run(String)
    }

    let optionWords: [String]
    let action: Action

    /// The options of `WorkspaceOptions`, each with a value, that may come before the command.
    static let options: Set<String> = ["--workspace", "--db", "--actor"]

    /// nil when the words are not a session command (the subcommands take them).
    init?(_ arguments: [String], subcommands: [ParsableCommand.Type]) {
        var rest = arguments[...]
        var optionWords: [String] = []
        while let first = rest.first, Self.options.contains(first), rest.count >= 2 {
            optionWords += rest.prefix(2)
            rest = rest.dropFirst(2)
        }
        let tree = CommandTree.standard
        let names = Set(subcommands.map { $0._commandName })
        guard let word = rest.first, !names.contains(word) else { return nil }
        if word == "help" {
            let words = Array(rest.dropFirst())
            // `help` alone, or of a subcommand: swift-argument-parser's own help.
            guard let name = words.first, !names.contains(name), tree.match(words) != nil else { return nil }
            action = .help(words.joined(separator: " "))
        } else {
            guard let (spec, after) = tree.match(Array(rest)) else { return nil }
            if after.contains("--help") || after.contains("-h") {
                action = .help(spec.words.joined(separator: " "))
            } else {
                action = .run(rest.map(ParsedCommand.quoted).joined(separator: " "))
            }
        }
        self.optionWords = optionWords
    }

    /// Prints what the session would and returns 0, or one line on standard error and 2.
    func run() -> Int32 {
        do {
            switch action {
            case .help(let name):
                FileOutput.standardOutput.write(try CommandTree.standard.help(name))
            case .run(let line):
                let options = try WorkspaceOptions.parse(optionWords)
                let session = try Session(workspace: try options.open())
                // annotate's answers, if any, come from standard input.
                session.input = ScriptInput(ScriptLines())
                session.output = { FileOutput.standardOutput.write($0) }
                session.fromCommandLine = true
                session.fetcher = PageFetcher()
                session.colour = Terminal.standardOutput.colour
                session.width = { Terminal.standardOutput.width ?? 100 }
                FileOutput.standardOutput.write(try session.run(line) ?? "")
            }
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
