/// Why ledger data was refused. `message` is the line a user sees; a file reader prefixes it
/// with the file and the JSON path (`Claims/kyiv.json: claims[3].sources[0].credibility: …`).
public struct LedgerError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        case malformedTime(String)
        case impossibleTime(String)
        case missingOffset(String)
        case fractionalSeconds(String)
        case notASlug(String)
        case empty
        case unknownValue(String, allowed: [String])
        case outOfRange(String, range: String)
        case wrongType(expected: String, found: String)
        case missingField(String)
        case unknownField(String)
        case duplicate(String)
        case missing(kind: String, id: String)
        case unknownFormat(String, expected: String)
        case figure(String)
        case cycle(String)
        case syntax(String)
    }

    public var reason: Reason
    /// Where in a document: "claims[3].sources[0].credibility"; empty for a value on its own.
    public var path: String
    /// The file, as the user named it; empty when not from a file.
    public var file: String

    public init(_ reason: Reason, path: String = "", file: String = "") {
        self.reason = reason
        self.path = path
        self.file = file
    }

    public var message: String {
        var prefix = file.isEmpty ? "" : file + ": "
        if !path.isEmpty { prefix += path + ": " }
        return prefix + explanation
    }

    public var description: String { message }

    public var explanation: String {
        switch reason {
        case .malformedTime(let text):
            "\(quoted(text)) is not a date (2025-06-17) or a date-time with its offset (2025-06-17T16:00+03:00)"
        case .impossibleTime(let text): "\(quoted(text)) is not a real date or time"
        case .missingOffset(let text):
            "\(quoted(text)) has no offset from UTC; write it as 2025-06-17T16:00+03:00 or with Z"
        case .fractionalSeconds(let text): "\(quoted(text)) has fractions of a second, which are not kept; round to the second"
        case .notASlug(let text):
            "\(quoted(text)) is not an id: use lower-case letters, digits and hyphens, starting with a letter or digit"
        case .empty: "must not be empty"
        case .unknownValue(let text, let allowed): "\(quoted(text)) is not one of \(allowed.joined(separator: ", "))"
        case .outOfRange(let text, let range): "\(text) is not in \(range)"
        case .wrongType(let expected, let found): "\(expected) was expected, not \(found)"
        case .missingField(let name): "\"\(name)\" is missing"
        case .unknownField(let name): "unknown field \"\(name)\""
        case .duplicate(let id): "the id \(quoted(id)) is used twice"
        case .missing(let kind, let id): "no \(kind) \(quoted(id))"
        case .unknownFormat(let format, let expected): "unknown format \(quoted(format)); this version reads \(expected)"
        case .figure(let message): message
        case .cycle(let id): "\(quoted(id)) is part of itself through partOf"
        case .syntax(let message): "malformed JSON: \(message)"
        }
    }

    private func quoted(_ text: String) -> String { FigureError.quote(text) }
}
