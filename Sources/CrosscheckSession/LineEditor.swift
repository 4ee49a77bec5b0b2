@preconcurrency import CReadline
import Foundation

/// GNU readline: line editing, a history file, and Tab completion by a function of the line up
/// to the cursor (`CommandTree.completions`). One editor a process: readline is global state.
public final class LineEditor {
    private let historyPath: String

    /// `complete` gives the words that may complete the line typed so far.
    public init(historyPath: String, complete: @escaping (String) -> [String]) {
        self.historyPath = historyPath
        LineEditor.complete = complete
        Self.installCompletion()
        stifle_history(1_000)
        _ = read_history(historyPath)
        // Ctrl-C cancels the line being typed, not the session. A parent may have blocked the
        // signal (test runners do): unblock it first.
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        sigprocmask(SIG_UNBLOCK, &interrupt, nil)
        signal(SIGINT) { _ in
            fputs("^C\n", stdout)
            rl_on_new_line()
            rl_replace_line("", 0)
            rl_redisplay()
        }
    }

    /// Tab asks `complete` for the words that may complete the line up to the cursor.
    private static func installCompletion() {
        guard !installed else { return }
        installed = true
        rl_readline_name = UnsafePointer(strdup("crosscheck"))
        // Quotes are readline's to handle: a completed "very likely" gets its closing quote.
        rl_completer_quote_characters = UnsafePointer(strdup("\"'"))
        rl_attempted_completion_function = { text, _, _ in
            rl_attempted_completion_over = 1  // no file names when nothing matches
            let line = String(cString: rl_line_buffer)
            let upToCursor = String(line.utf8.prefix(Int(rl_point))) ?? line
            LineEditor.matches = LineEditor.complete(upToCursor).map { word in
                word.hasPrefix("\"") && word.hasSuffix("\"") && word.count > 1 ? String(word.dropFirst().dropLast()) : word
            }
            LineEditor.next = 0
            return rl_completion_matches(text) { _, state in
                if state == 0 { LineEditor.next = 0 }
                guard LineEditor.next < LineEditor.matches.count else { return nil }
                defer { LineEditor.next += 1 }
                return strdup(LineEditor.matches[LineEditor.next])
            }
        }
    }

    /// Runs `body` with Tab completing the whole line to one of `choices` (a metric, a scope of
    /// several words), as a question's answer is one value, not a command.
    static func offering<T>(_ choices: [String], _ body: () -> T) -> T {
        let saved = complete
        complete = { typed in
            // Readline replaces only the word at the cursor: offer what follows the words before it.
            let word = typed.split(separator: " ", omittingEmptySubsequences: false).last.map(String.init) ?? typed
            return choices.filter { $0.lowercased().hasPrefix(typed.lowercased()) && $0 != typed }
                .map { String($0.dropFirst(typed.count - word.count)) }
        }
        installCompletion()
        defer { complete = saved }
        return body()
    }

    /// The next line, or nil at the end of input (Ctrl-D).
    public func read(prompt: String) -> String? {
        guard let raw = readline(prompt) else { return nil }
        defer { free(raw) }
        let line = String(cString: raw)
        if !line.trimmingCharacters(in: .whitespaces).isEmpty {
            add_history(line)
            // Appended a line at a time, so that a killed session keeps what was typed.
            if !FileManager.default.fileExists(atPath: historyPath) { _ = FileManager.default.createFile(atPath: historyPath, contents: nil) }
            _ = append_history(1, historyPath)
            _ = history_truncate_file(historyPath, 1_000)
        }
        return line
    }

    nonisolated(unsafe) private static var complete: (String) -> [String] = { _ in [] }
    nonisolated(unsafe) private static var matches: [String] = []
    nonisolated(unsafe) private static var next = 0
    nonisolated(unsafe) private static var installed = false
}
