import Foundation

/// Text served as `text/plain`, decoded by the charset the server declared.
enum PlainText {
    /// The charsets plain text is read in, by their IANA names and common aliases.
    static let charsets: [String: String.Encoding] = [
        "utf-8": .utf8, "utf8": .utf8, "us-ascii": .utf8, "ascii": .utf8, "iso-8859-1": .isoLatin1, "latin1": .isoLatin1,
        "windows-1252": .windowsCP1252, "cp1252": .windowsCP1252, "windows-1251": .windowsCP1251, "cp1251": .windowsCP1251,
        "iso-8859-2": .isoLatin2, "windows-1250": .windowsCP1250, "utf-16": .utf16,
    ]

    /// The text, or nil when its charset is unknown or the bytes are not in it. With no charset
    /// declared, UTF-8, else Windows-1252 as browsers assume.
    static func decode(_ bytes: [UInt8], charset: String?) -> String? {
        guard let charset else {
            return String(validating: bytes, as: UTF8.self) ?? String(data: Data(bytes), encoding: .windowsCP1252)
        }
        guard let encoding = charsets[charset.lowercased()] else { return nil }
        return String(data: Data(bytes), encoding: encoding)
    }
}
