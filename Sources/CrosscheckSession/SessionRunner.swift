import CrosscheckCore
import CrosscheckStore
import Foundation

/// Runs a session: on a terminal, interactively through the line editor; otherwise in script
/// mode, one command a line, `#` comments, an error naming its line number while the session
/// goes on. Returns the exit status: 2 if any line failed, else 0.
public enum SessionRunner {
    public static func run(_ session: Session, interactive: Bool, output: @escaping (String) -> Void, errors: (String) -> Void) -> Int32 {
        interactive ? runInteractive(session, output: output, errors: errors) : runScript(session, output: output, errors: errors)
    }

    static func runScript(_ session: Session, output: @escaping (String) -> Void, errors: (String) -> Void) -> Int32 {
        var failed = false
        // annotate's answers are the script's next lines.
        let lines = ScriptLines()
        session.input = ScriptInput(lines)
        session.output = output
        while let line = lines.next() {
            let number = lines.number
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            do {
                guard let text = try session.run(trimmed) else { break }
                output(text)
            } catch {
                errors("line \(number): \(error.message)\n")
                failed = true
            }
        }
        return failed ? 2 : 0
    }

    static func runInteractive(_ session: Session, output: @escaping (String) -> Void, errors: (String) -> Void) -> Int32 {
        do {
            output(try session.greeting() + "\n")
        } catch {
            errors("crosscheck: \(error.message)\n")
        }
        session.input = TerminalInput()
        session.output = output
        session.interactive = true
        session.colour = Terminal.standardOutput.colour
        session.width = { Terminal.standardOutput.width ?? 100 }
        let editor = LineEditor(historyPath: session.workspace.lineHistoryPath) { line in
            session.tree.completions(for: line, context: session.completionContext())
        }
        // Colleagues sharing the ledger: what they changed is told before the next prompt.
        do {
            try session.workspace.store.listen()
        } catch {
            errors("crosscheck: \(error.message)\n")
        }
        while true {
            for news in session.workspace.store.colleaguesNews() { output(news + "\n") }
            guard let line = editor.read(prompt: "\(session.currentEvent ?? "crosscheck")> ") else { break }
            do {
                guard let text = try session.run(line) else { break }
                output(text)
            } catch {
                errors("error: \(error.message)\n")
            }
        }
        return 0
    }
}
