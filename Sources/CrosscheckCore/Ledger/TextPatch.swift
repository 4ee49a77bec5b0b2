/// What a change did to a file, as lines: the lines from `line` on that it replaced, and the
/// lines it put there. Files are written a field a line, so a change to one claim is a few
/// lines: what the history keeps, not the whole file twice.
public struct TextPatch: Sendable, Hashable {
    /// Where the change starts, counting lines from 0.
    public var line: Int
    public var removed: [String]
    public var added: [String]
    /// The lines around the change in the new text, which must still be there to take it back.
    public var above: String?
    public var below: String?

    public init(line: Int, removed: [String], added: [String], above: String? = nil, below: String? = nil) {
        (self.line, self.removed, self.added, self.above, self.below) = (line, removed, added, above, below)
    }

    /// The one region where `old` and `new` differ: what they share at the start and at the
    /// end is left out. Lines are compared as bytes in place; only the changed ones become strings.
    public init(from old: String, to new: String) {
        let a = Array(old.utf8), b = Array(new.utf8)
        let x = Self.lineRanges(a), y = Self.lineRanges(b)
        func same(_ i: Int, _ j: Int) -> Bool { a[x[i]].elementsEqual(b[y[j]]) }
        var start = 0
        while start < x.count, start < y.count, same(start, start) { start += 1 }
        var end = 0
        while end < x.count - start, end < y.count - start, same(x.count - 1 - end, y.count - 1 - end) { end += 1 }
        func text(_ bytes: [UInt8], _ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        self.init(line: start, removed: x[start..<(x.count - end)].map { text(a, $0) }, added: y[start..<(y.count - end)].map { text(b, $0) },
                  above: start > 0 ? text(b, y[start - 1]) : nil, below: y.count - end < y.count ? text(b, y[y.count - end]) : nil)
    }

    /// Where each line lies in `bytes`, without its line break; a text ending in a break ends
    /// with an empty line, as `lines` has it.
    static func lineRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            ranges.append(start..<index)
            start = index + 1
        }
        ranges.append(start..<bytes.count)
        return ranges
    }

    /// `text` with the change taken back, or nil if `text` no longer holds what the change
    /// put there (another change touched those lines since).
    /// Other changes may have moved the lines (a claim added above): the nearest place where
    /// the added lines stand is taken.
    public func reverted(_ text: String) -> String? {
        var lines = Self.lines(text)
        func stands(at start: Int) -> Bool {
            guard start >= 0, start + added.count <= lines.count, Array(lines[start..<(start + added.count)]) == added else { return false }
            let end = start + added.count
            return (start > 0 ? lines[start - 1] : nil) == above && (end < lines.count ? lines[end] : nil) == below
        }
        var start: Int?
        if stands(at: line) {
            start = line
        } else {
            start = (0...max(0, lines.count - added.count)).filter(stands).min { abs($0 - line) < abs($1 - line) }
        }
        guard let start else { return nil }
        lines.replaceSubrange(start..<(start + added.count), with: removed)
        return lines.joined(separator: "\n")
    }

    static func lines(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return lineRanges(bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
    }
}
