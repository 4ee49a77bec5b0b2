/// The lexicon's words by their lower-case UTF-8 bytes, in an open-addressing table, so that a
/// word of a phrase is found without building a String or hashing it with SipHash.
///
/// A class that owns its tables as buffers it never changes after `init`: the tokenizer looks up
/// every word of a text here, and reads them in place, without a reference count.
final class WordIndex: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Int32>
    private let mask: Int
    /// Each id's bytes, at `offsets[id]..<offsets[id + 1]` of `bytes`.
    private let bytes: UnsafeMutableBufferPointer<UInt8>
    private let offsets: UnsafeMutableBufferPointer<Int>

    init(_ words: [String: Int32]) {
        var capacity = 64
        while capacity < words.count * 3 { capacity *= 2 }
        var slots = [Int32](repeating: -1, count: capacity)
        let mask = capacity - 1
        var bytes: [UInt8] = []
        var offsets = [0]
        let ordered = words.sorted { $0.value < $1.value }
        for (word, id) in ordered {
            precondition(Int(id) == offsets.count - 1, "word ids are dense")
            bytes += Array(word.utf8)
            offsets.append(bytes.count)
            var slot = Self.hash(Array(word.utf8)) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = id
        }
        self.mask = mask
        self.slots = Self.buffer(slots)
        self.bytes = Self.buffer(bytes)
        self.offsets = Self.buffer(offsets)
    }

    deinit {
        slots.deallocate()
        bytes.deallocate()
        offsets.deallocate()
    }

    private static func buffer<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
        let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
        _ = buffer.initialize(from: array)
        return buffer
    }

    /// A hash of a word's bytes with the 0x20 bit set in each, so that ASCII letters hash alike in
    /// either case; eight bytes at a step.
    @inline(__always)
    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = UInt64(truncatingIfNeeded: word.count) &* 0x9E37_79B9_7F4A_7C15
        var i = 0
        while i < word.count {
            var chunk: UInt64 = 0
            let length = min(8, word.count - i)
            for k in 0..<length { chunk |= UInt64(word[i + k]) << (8 * UInt64(k)) }
            hash = (hash ^ (chunk | 0x2020_2020_2020_2020)) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
            i += 8
        }
        return hash
    }

    /// The id of a word whose ASCII letters may be in any case, -1 if unknown.
    @inline(__always)
    func id(ofASCII word: UnsafeBufferPointer<UInt8>) -> Int32 {
        var slot = Int(truncatingIfNeeded: Self.hash(word)) & mask
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

    /// The id of a word already lower-cased, in any script, -1 if unknown.
    @inline(__always)
    func id(ofLowercase word: UnsafeBufferPointer<UInt8>) -> Int32 {
        var slot = Int(truncatingIfNeeded: Self.hash(word)) & mask
        while true {
            let id = slots[slot]
            if id < 0 { return -1 }
            let start = offsets[Int(id)]
            if offsets[Int(id) + 1] - start == word.count,
               UnsafeBufferPointer(rebasing: bytes[start..<start + word.count]).elementsEqual(word) {
                return id
            }
            slot = (slot + 1) & mask
        }
    }

    private static func hash(_ word: [UInt8]) -> Int {
        Int(truncatingIfNeeded: word.withUnsafeBufferPointer(hash))
    }
}
