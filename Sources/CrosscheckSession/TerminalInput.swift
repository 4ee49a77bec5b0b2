@preconcurrency import CReadline
import CrosscheckCore
import Foundation

/// Keys read raw from the terminal (no Enter needed), lines through readline with the default
/// already typed in and Tab completing the question's choices. Ctrl-C at a key answers nil, as
/// the end of input does; at a line, it calls that question off.
public final class TerminalInput: SessionInput {
    public init() {}

    public func key(_ prompt: String) throws(SessionError) -> Character? {
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { return nil }
        var raw = saved
        // ISIG off: Ctrl-C arrives as a key, to call the question off.
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG)
        tcsetattr(STDIN_FILENO, TCSANOW, &raw)
        defer { tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
        // The prompt once the keys are raw: a key typed on seeing it is read as a key.
        FileHandle.standardOutput.write(Data(prompt.utf8))
        var byte: UInt8 = 0
        guard read(STDIN_FILENO, &byte, 1) == 1, byte != 4 else { return nil }
        if byte == 3 {
            FileHandle.standardOutput.write(Data("^C\n".utf8))
            return nil
        }
        let key = Character(Unicode.Scalar(byte))
        FileHandle.standardOutput.write(Data((String(key) + "\n").utf8))
        return key
    }

    public func line(_ prompt: String, default answer: String, choices: [String]) -> LineAnswer {
        LineEditor.offering(choices) { readLine(prompt, default: answer) }
    }

    private func readLine(_ prompt: String, default answer: String) -> LineAnswer {
        TerminalInput.preset = answer
        rl_startup_hook = {
            TerminalInput.preset.withCString { _ = rl_insert_text($0) }
            return 0
        }
        // Ctrl-C as a key that ends the line and calls the question off: readline's terminal
        // set-up with ISIG taken out.
        TerminalInput.cancelled = false
        rl_prep_term_function = { meta in
            rl_prep_terminal(meta)
            var mode = termios()
            guard tcgetattr(STDIN_FILENO, &mode) == 0 else { return }
            mode.c_lflag &= ~tcflag_t(ISIG)
            tcsetattr(STDIN_FILENO, TCSANOW, &mode)
        }
        rl_bind_key(3) { _, _ in
            TerminalInput.cancelled = true
            rl_done = 1
            return 0
        }
        defer {
            rl_startup_hook = nil
            rl_prep_term_function = rl_prep_terminal
            rl_unbind_key(3)
        }
        guard let raw = readline(prompt) else { return .ended }
        defer { free(raw) }
        if TerminalInput.cancelled {
            FileHandle.standardOutput.write(Data("^C\n".utf8))
            return .cancelled
        }
        // Completion leaves a space after the word it completed.
        return .text(String(cString: raw).trimmingCharacters(in: .whitespaces))
    }

    nonisolated(unsafe) private static var preset = ""
    nonisolated(unsafe) private static var cancelled = false
}
