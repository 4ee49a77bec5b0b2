/// The lexicon's words by their lower-case UTF-8 bytes, in an open-addressing table, so that a
/// word of a phrase is found without building a String or hashing it with SipHash.
struct WordIndex: Sendable {
    private var slots: [Int32]
    private var mask: Int
    /// Each id's bytes, at `offsets[id]..<offsets[id + 1]` of `bytes`.
    private var bytes: [UInt8] = []
    private var offsets: [Int] = [0]

    init(_ words: [String: Int32]) {
        var capacity = 64
        while capacity < words.count * 3 { capacity *= 2 }
        slots = Array(repeating: -1, count: capacity)
        mask = capacity - 1
        let ordered = words.sorted { $0.value < $1.value }
        for (word, id) in ordered {
            precondition(Int(id) == offsets.count - 1, "word ids are dense")
            bytes += Array(word.utf8)
            offsets.append(bytes.count)
            var slot = Self.hash(Array(word.utf8)) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = id
        }
    }

    /// The id of a word whose ASCII letters may be in any case, -1 if unknown.
    @inline(__always)
    func id(ofASCII word: UnsafeBufferPointer<UInt8>) -> Int32 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in word { hash = (hash ^ UInt64(byte | 0x20)) &* 0x100_0000_01B3 }
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[slot]
            if id < 0 { return -1 }
            let start = offsets[Int(id)]
            if offsets[Int(id) + 1] - start == word.count {
                var same = true
                for k in 0..<word.count where bytes[start + k] != word[k] | 0x20 {
                    same = false
                    break
                }
                if same { return id }
            }
            slot = (slot + 1) & mask
        }
    }

    /// FNV-1a over the bytes, the same hash `id(ofASCII:)` computes while it lower-cases.
    private static func hash(_ word: [UInt8]) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in word { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return Int(truncatingIfNeeded: hash)
    }
}
