import Foundation

/// Where a command that asks questions (`annotate`) reads its answers: one keystroke, or a
/// line with a default. On a terminal, keys come raw and lines through readline; in script mode
/// both come from the next lines of the script.
public protocol SessionInput: AnyObject {
    /// One key; nil at the end of input.
    func key(_ prompt: String) -> Character?
    /// A line, `answer` offered as the default (an empty line keeps it); nil at the end of input.
    func line(_ prompt: String, default answer: String) -> String?
}

/// Answers from the script's following lines (the first character of a line is its key).
public final class ScriptInput: SessionInput {
    private let next: () -> String?

    public init(next: @escaping () -> String?) { self.next = next }

    public func key(_ prompt: String) -> Character? { next().map { $0.trimmingCharacters(in: .whitespaces).first ?? "\n" } }

    public func line(_ prompt: String, default answer: String) -> String? {
        guard let text = next()?.trimmingCharacters(in: .whitespaces) else { return nil }
        return text.isEmpty ? answer : text
    }
}
