/// A fingerprint of a file's content, enough to tell a changed workspace file from one that was
/// only touched. Eight bytes a step: it runs over every byte an import writes.
enum ContentHash {
    static func of(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(bytes.count)
            let raw = UnsafeRawBufferPointer(bytes)
            let words = bytes.count / 8
            for index in 0..<words {
                let word = raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)
                hash = (hash ^ word) &* 0x100_0000_01B3
                hash ^= hash >> 29
            }
            for byte in bytes[(words * 8)...] { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
            return String(hash, radix: 16)
        }
    }
}
