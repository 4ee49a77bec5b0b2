/// Ids of sources, events, metrics and claims are slugs: lower-case ASCII letters, digits and
/// hyphens, starting with a letter or digit, at most 100 long. An event's id names its file,
/// so a slug can never leave the workspace ("..", "/" and "\" are not slug characters).
public enum Identifier {
    public static let maximumLength = 100

    public static func isSlug(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, bytes.count <= maximumLength, isLowerOrDigit(first) else { return false }
        return bytes.allSatisfy { isLowerOrDigit($0) || $0 == UInt8(ascii: "-") }
    }

    /// The text if it is a slug, or the error that says what a slug is.
    public static func slug(_ text: String) throws(LedgerError) -> String {
        guard isSlug(text) else { throw LedgerError(text.isEmpty ? .empty : .notASlug(text)) }
        return text
    }

    private static func isLowerOrDigit(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }
}
