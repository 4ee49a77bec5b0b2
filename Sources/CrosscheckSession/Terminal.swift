import Foundation

/// What crosscheck asks of the terminal a stream is written to: whether it is one, its width
/// now (a window may have been resized since the last look), and whether to colour.
public struct Terminal: Sendable {
    public let descriptor: Int32

    public static let standardOutput = Terminal(descriptor: STDOUT_FILENO)
    public static let standardInput = Terminal(descriptor: STDIN_FILENO)

    public var isTerminal: Bool { isatty(descriptor) != 0 }

    /// Columns, asked of the terminal each time; nil when it is not one.
    public var width: Int? {
        var size = winsize()
        guard isTerminal, ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// Colour on a terminal only, and never when `NO_COLOR` is set to anything (no-color.org).
    public var colour: Bool {
        guard isTerminal else { return false }
        return ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
    }
}
