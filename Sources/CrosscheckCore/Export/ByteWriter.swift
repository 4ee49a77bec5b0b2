/// Where JSON text is written: a byte array, or a `ByteWriter`.
public protocol ByteSink: ~Copyable {
    mutating func append(_ byte: UInt8)
    mutating func append(bytes: UnsafeBufferPointer<UInt8>)
}

extension Array: ByteSink where Element == UInt8 {
    public mutating func append(bytes: UnsafeBufferPointer<UInt8>) { append(contentsOf: bytes) }
}

extension ByteSink where Self: ~Copyable {
    /// The bytes of `text` as they are (no quotes, no escapes): keys and punctuation.
    mutating func append(raw text: StaticString) {
        append(bytes: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    mutating func append(raw text: String) {
        var text = text
        text.withUTF8 { append(bytes: $0) }
    }

    /// `text` as a JSON string literal, or `null`.
    mutating func append(json text: String?) {
        if let text { JSONText.appendString(text, to: &self) } else { append(raw: "null") }
    }
}

/// A growing run of bytes. An array checks that it is not shared and has room on every byte it
/// is given; a check writes hundreds of megabytes of JSON a few bytes at a time, so this one
/// only checks for room. Not copyable: it owns its memory.
public struct ByteWriter: ByteSink, ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    public private(set) var count = 0
    private var capacity: Int

    public init(capacity: Int = 1 << 12) {
        self.capacity = max(16, capacity)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    @inline(__always)
    public mutating func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        start[count] = byte
        count += 1
    }

    @inline(__always)
    public mutating func append(bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity { grow(to: count + bytes.count) }
        (start + count).update(from: base, count: bytes.count)
        count += bytes.count
    }

    /// Appends the bytes `other` holds in `range`: text written once and repeated.
    public mutating func append(_ other: borrowing ByteWriter, _ range: Range<Int>) {
        append(bytes: UnsafeBufferPointer(start: other.start + range.lowerBound, count: range.count))
    }

    /// Appends again the bytes it holds in `range`.
    public mutating func appendCopy(of range: Range<Int>) {
        guard !range.isEmpty else { return }
        if count + range.count > capacity { grow(to: count + range.count) }
        (start + count).update(from: start + range.lowerBound, count: range.count)
        count += range.count
    }

    /// A copy of the bytes, not checked as UTF-8 again.
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: start, count: count)) }

    private mutating func grow(to needed: Int) {
        var size = capacity * 2
        while size < needed { size *= 2 }
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        larger.update(from: start, count: count)
        start.deallocate()
        (start, capacity) = (larger, size)
    }
}
