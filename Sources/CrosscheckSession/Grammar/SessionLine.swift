import CrosscheckCore

/// One line of the session cut into words as a shell would: spaces separate, double or single
/// quotes keep spaces ("at least 23"), a backslash keeps the next character.
public struct SessionLine: Sendable, Hashable {
    public var words: [String]
    /// Whether the line ends inside a word (no trailing space): completion completes that word.
    public var endsInWord: Bool

    public init(_ text: String) throws(SessionError) {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in text {
            if escaped {
                current.append(character)
                escaped = false
                continue
            }
            if character == "\\" {
                escaped = true
                inWord = true
                continue
            }
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
                continue
            }
            if character == "\"" || character == "'" {
                quote = character
                inWord = true
            } else if character == " " || character == "\t" {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if quote != nil { throw SessionError("a quote is not closed") }
        if inWord { words.append(current) }
        self.words = words
        endsInWord = inWord
    }
}

/// A session error: one line that says what is wrong.
public struct SessionError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
