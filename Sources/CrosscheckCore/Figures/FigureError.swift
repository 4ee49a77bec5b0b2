/// Why a phrase could not be read as a figure. `message` is the one line a user sees:
/// the phrase, quoted, then what was not understood.
public struct FigureError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        case empty
        case controlCharacter(Unicode.Scalar)
        case foreignDigits(String)
        case tooManyDigits(Int)
        case tooLarge
        case negative(String)
        case scientificNotation(String)
        case fraction(String)
        case date(String)
        case time(String)
        case tooVague(String)
        case noNumber
        case notUnderstood(String)
        case numberWords(String, String)
        case reversedRange(String, String)
        case secondFigure(String)
        case twoMetrics(String, String)
        case conflictingWords(String, String)
        case notWithRange(String)
        case notWithVague(String)
        case notWithZero(String)
        case notWithOrdinal(String)
        case percentAndMoney
    }

    /// The phrase as given.
    public var phrase: String
    public var reason: Reason

    public init(_ phrase: String, _ reason: Reason) {
        self.phrase = phrase
        self.reason = reason
    }

    /// One line: `"lots": "lots" is too vague to give a figure`.
    public var message: String { "\(Self.quote(phrase)): \(explanation)" }

    public var description: String { message }

    /// What was not understood, without the phrase.
    public var explanation: String {
        switch reason {
        case .empty: "empty phrase: there is no figure to read"
        case .controlCharacter(let scalar): "control character \(Self.codePoint(scalar)) in the phrase"
        case .foreignDigits(let digits):
            "\(Self.quote(digits)) uses digits of another script; write the number with 0–9"
        case .tooManyDigits(let count): "a number of \(count) digits is longer than the 15 a figure can have"
        case .tooLarge: "the number is larger than a figure can be (10^15)"
        case .negative(let words): "\(Self.quote(words)) is negative; a figure is never below zero"
        case .scientificNotation(let words):
            "\(Self.quote(words)) is scientific notation, not a reported figure; write the number out"
        case .fraction(let words): "\(Self.quote(words)) is a fraction, not a count"
        case .date(let words): "\(Self.quote(words)) is a date, not a figure"
        case .time(let words): "\(Self.quote(words)) is a time of day, not a figure"
        case .tooVague(let words): "\(Self.quote(words)) is too vague to give a figure"
        case .noNumber: "no number in the phrase"
        case .notUnderstood(let words): "\(Self.quote(words)) is not understood here"
        case .numberWords(let first, let second):
            "\(Self.quote(second)) cannot follow \(Self.quote(first)) in a number"
        case .reversedRange(let lower, let upper):
            "reversed range: \(lower) is above \(upper)"
        case .secondFigure(let words): "a second figure, \(Self.quote(words)); give one figure a phrase"
        case .twoMetrics(let first, let second):
            "names two metrics, \(first) and \(second); give one figure a phrase"
        case .conflictingWords(let first, let second):
            "\(Self.quote(first)) and \(Self.quote(second)) contradict each other"
        case .notWithRange(let words): "\(Self.quote(words)) cannot qualify a range"
        case .notWithVague(let words): "\(Self.quote(words)) cannot qualify a vague quantity"
        case .notWithZero(let words): "\(Self.quote(words)) cannot qualify zero"
        case .notWithOrdinal(let words): "\(Self.quote(words)) cannot qualify an ordinal"
        case .percentAndMoney: "a figure cannot be both a percentage and money"
        }
    }

    /// The text in double quotes, control characters escaped and cut at 60 characters, so the
    /// message stays one readable line whatever the input.
    static func quote(_ text: String) -> String {
        var out = "\""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == 60 {
                out += "…"
                break
            }
            count += 1
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where isControl(scalar): out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
