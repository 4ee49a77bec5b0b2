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
    /// end is left out.
    public init(from old: String, to new: String) {
        let a = Self.lines(old), b = Self.lines(new)
        var start = 0
        while start < a.count, start < b.count, a[start] == b[start] { start += 1 }
        var end = 0
        while end < a.count - start, end < b.count - start, a[a.count - 1 - end] == b[b.count - 1 - end] { end += 1 }
        self.init(line: start, removed: Array(a[start..<(a.count - end)]), added: Array(b[start..<(b.count - end)]),
                  above: start > 0 ? b[start - 1] : nil, below: b.count - end < b.count ? b[b.count - end] : nil)
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
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}
