@preconcurrency import CReadline
import Foundation

/// Keys read raw from the terminal (no Enter needed), lines through readline with the default
/// already typed in.
public final class TerminalInput: SessionInput {
    public init() {}

    public func key(_ prompt: String) -> Character? {
        FileHandle.standardOutput.write(Data(prompt.utf8))
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { return nil }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &raw)
        defer { tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
        var byte: UInt8 = 0
        guard read(STDIN_FILENO, &byte, 1) == 1, byte != 4 else { return nil }
        let key = Character(Unicode.Scalar(byte))
        FileHandle.standardOutput.write(Data((String(key) + "\n").utf8))
        return key
    }

    public func line(_ prompt: String, default answer: String) -> String? {
        TerminalInput.preset = answer
        rl_startup_hook = {
            TerminalInput.preset.withCString { _ = rl_insert_text($0) }
            return 0
        }
        defer { rl_startup_hook = nil }
        guard let raw = readline(prompt) else { return nil }
        defer { free(raw) }
        return String(cString: raw)
    }

    nonisolated(unsafe) private static var preset = ""
}
