import Foundation
import CrosscheckCore

/// Where a command that asks questions (`annotate`) reads its answers: one keystroke, or a
/// line with a default. On a terminal, keys come raw and lines through readline; in script mode
/// both come from the next lines of the script.
public protocol SessionInput: AnyObject {
    /// One key; nil at the end of input. Throws when what came is no answer at all.
    func key(_ prompt: String) throws(SessionError) -> Character?
    /// A line, `answer` offered as the default (an empty line keeps it), `choices` what Tab
    /// completes it to.
    func line(_ prompt: String, default answer: String, choices: [String]) -> LineAnswer
}

/// What a question that wants a line got back.
public enum LineAnswer: Sendable, Hashable {
    case text(String)
    /// Ctrl-C: the person called the question off.
    case cancelled
    /// The end of input.
    case ended
}

/// The lines of a script, numbered, with one line that can be put back: a line that turns out
/// to be no answer to a question is read again as a command.
public final class ScriptLines {
    private let read: () -> String?
    private var returned: String?
    /// The number of the line read last, from 1.
    public private(set) var number = 0

    public init(read: @escaping () -> String? = { readLine(strippingNewline: true) }) { self.read = read }

    public func next() -> String? {
        number += 1
        if let line = returned {
            returned = nil
            return line
        }
        return read()
    }

    /// Puts the line read last back, to be read next.
    func putBack(_ line: String) {
        returned = line
        number -= 1
    }
}

/// Answers from the script's following lines: a key is a line of one character; a longer line
/// is no answer, so the question is given up and the line is left to be read as a command.
public final class ScriptInput: SessionInput {
    private let lines: ScriptLines

    public init(_ lines: ScriptLines) { self.lines = lines }

    public func key(_ prompt: String) throws(SessionError) -> Character? {
        guard let line = lines.next() else { return nil }
        let answer = line.trimmingCharacters(in: .whitespaces)
        guard answer.count <= 1 else {
            lines.putBack(line)
            throw SessionError("stopped: line \(lines.number + 1) (\"\(answer)\") is no answer to \"\(prompt.trimmingCharacters(in: .whitespaces))\", "
                               + "so it is read as a command")
        }
        return answer.first ?? "\n"
    }

    public func line(_ prompt: String, default answer: String, choices: [String]) -> LineAnswer {
        guard let text = lines.next()?.trimmingCharacters(in: .whitespaces) else { return .ended }
        return .text(text.isEmpty ? answer : text)
    }
}
