import Crypto

/// A fingerprint of a file's content: its SHA-256, in hex. It tells a workspace file that
/// changed from one that was only touched, when its size or time says it may have changed.
enum ContentHash {
    static func of(_ text: String) -> String {
        var text = text
        let digest = text.withUTF8 { bytes in SHA256.hash(data: UnsafeRawBufferPointer(bytes)) }
        return digest.map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined()
    }
}
