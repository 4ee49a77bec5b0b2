/// Finds every figure mention in a text: its span, its words, the figure, and the metric it
/// counts, decided by the counted noun ("440 drones"), the verb that governs it ("killing at
/// least 23 people"), a toll phrase ("the death toll rose to 28"), or carried over from the
/// figure before it ("Ukraine returned 1,212 bodies, Russia 27"). Dates, years, times, ordinals,
/// ages, modifiers ("a nine-storey building"), phone numbers, identifiers, numbers in web
/// addresses and page furniture ("0 Comments") are skipped.
///
/// The text is read a sentence at a time, so memory holds one sentence's tokens, not the text's.
public struct Extractor: Sendable {
    /// δ, the relative tolerance of approximate figures.
    public var tolerance: Double
    /// Whether each mention keeps the words of its sentence around it (`before`, `after`), for
    /// a reader; a script that wants only the figures leaves them out and reads faster.
    public var includesContext = true
    /// The event's scopes, with their aliases: a figure's scope is the one its clause names.
    public var scopes: [Scope] = [] {
        didSet { places = Places(scopes) }
    }
    private(set) var places = Places([])
    /// When the report was published: what "on Saturday" and "yesterday" are read against.
    public var published: ReportedTime?
    let lexicon: Lexicon

    public init(tolerance: Double = 0.1, vocabulary: MetricVocabulary = .standard) {
        self.tolerance = tolerance
        self.lexicon = Lexicon.compiled(for: vocabulary)
    }

    /// Where a scan stands in the whole text: for texts read in pieces.
    public struct Position: Sendable, Hashable {
        /// Unicode scalars before this point.
        public var scalar = 0
        /// The line this point is on, from 1.
        public var line = 1

        public init(scalar: Int = 0, line: Int = 1) {
            self.scalar = scalar
            self.line = line
        }
    }

    /// Every figure mention of a text, in order.
    public func extract(_ text: String) -> [Mention] {
        var text = text
        var mentions: [Mention] = []
        text.withUTF8 { bytes in
            _ = scan(bytes, from: Position()) { mentions.append($0) }
        }
        return mentions
    }

    /// Scans valid UTF-8 that begins at the start of a line, handing each mention to `emit` as
    /// it is found; returns the position after the bytes, to scan the next piece from.
    public func scan(_ bytes: UnsafeBufferPointer<UInt8>, from position: Position, emit: (Mention) -> Void) -> Position {
        var scanner = SentenceScanner(extractor: self, bytes: bytes, position: position)
        var lineStart = 0
        while lineStart < bytes.count {
            let lineEnd = Self.lineEnd(bytes, from: lineStart)
            var sentenceStart = lineStart
            while sentenceStart < lineEnd {
                let sentenceEnd = Self.sentenceEnd(bytes, from: sentenceStart, lineEnd: lineEnd)
                scanner.scan(sentenceStart..<sentenceEnd, emit: emit)
                sentenceStart = sentenceEnd
            }
            lineStart = lineEnd + 1
            if lineEnd < bytes.count { scanner.newLine() }
        }
        return scanner.finish()
    }

    /// The offset of the next line feed at or after `start`, or the end of the bytes.
    static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let address = bytes.baseAddress else { return bytes.count }
        let base = UnsafeRawPointer(address)
        var i = start
        // Eight bytes at a time past runs that hold no line feed.
        while i + 8 <= bytes.count, !has(0x0A, in: base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { i += 8 }
        while i < bytes.count, bytes[i] != 0x0A { i += 1 }
        return i
    }

    /// The longest a sentence may be before it is cut at a space: the tokens of one sentence
    /// are all the memory a scan holds.
    static let longestSentence = 65_536

    /// Where the sentence that starts at `start` ends: after ". ", "! " or "? " before a capital,
    /// a digit or a quote, unless the full stop ends an abbreviation or an initial.
    static func sentenceEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, lineEnd: Int) -> Int {
        var i = start
        let limit = min(lineEnd, start + longestSentence)
        guard i < limit, let address = bytes.baseAddress else { return lineEnd }
        let base = UnsafeRawPointer(address)
        while i < limit {
            // Eight bytes at a time past runs that hold no ".", "!" or "?".
            if i + 8 <= limit, !mayEndSentence(base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
                i += 8
                continue
            }
            let byte = bytes[i]
            if (byte == 0x2E || byte == 0x21 || byte == 0x3F), i + 2 < lineEnd, bytes[i + 1] == 0x20 {
                var next = i + 1
                while next < lineEnd, bytes[next] == 0x20 { next += 1 }
                let first = next < lineEnd ? bytes[next] : 0
                let startsSentence = (first >= 0x41 && first <= 0x5A) || (first >= 0x30 && first <= 0x39)
                    || first == 0x22 || first == 0xE2
                if startsSentence && (byte != 0x2E || !endsAbbreviation(bytes, at: i, from: start)) {
                    return next
                }
            }
            i += 1
        }
        if limit < lineEnd {
            // A sentence too long to hold: cut it at its last space.
            var cut = limit
            while cut > start + 1, bytes[cut - 1] != 0x20 { cut -= 1 }
            return cut > start + 1 ? cut : limit
        }
        return lineEnd
    }

    /// Whether eight bytes hold a full stop, an exclamation or a question mark.
    @inline(__always)
    private static func mayEndSentence(_ word: UInt64) -> Bool {
        has(0x2E, in: word) || has(0x21, in: word) || has(0x3F, in: word)
    }

    /// Whether one of eight bytes is `value`: a zero-byte test on all of them at once.
    @inline(__always)
    private static func has(_ value: UInt8, in word: UInt64) -> Bool {
        let x = word ^ (0x0101_0101_0101_0101 &* UInt64(value))
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
    }

    private static func endsAbbreviation(_ bytes: UnsafeBufferPointer<UInt8>, at dot: Int, from start: Int) -> Bool {
        var wordStart = dot
        while wordStart > start, (bytes[wordStart - 1] | 0x20) >= 0x61, (bytes[wordStart - 1] | 0x20) <= 0x7A {
            wordStart -= 1
        }
        let length = dot - wordStart
        if length == 1, bytes[wordStart] >= 0x41, bytes[wordStart] <= 0x5A { return true }  // "U.S.", "J. Smith"
        guard length > 0, length <= 6 else { return false }
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[wordStart..<dot]), as: UTF8.self).lowercased()
        return ExtractionWords.abbreviations.contains(word)
    }
}
