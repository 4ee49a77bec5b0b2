import Foundation

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
    /// How many processors a long text is read on at once.
    public var processors = WorkerPool.processors
    /// When the report was published: what "on Saturday" and "yesterday" are read against.
    public var published: ReportedTime?
    /// The language the text is read in; nil tells it sentence by sentence.
    public var language: Language?
    private(set) var lexicons: Lexicons
    private let vocabulary: MetricVocabulary

    public init(tolerance: Double = 0.1, vocabulary: MetricVocabulary = .standard, language: Language? = nil) {
        self.tolerance = tolerance
        self.vocabulary = vocabulary
        self.language = language
        self.lexicons = Lexicons.compiled(for: vocabulary)
    }

    /// The same extractor with tables of its own: pieces read at once each read their own, since
    /// counting references to shared ones from several processors costs more than reading.
    private func withOwnTables() -> Extractor {
        var copy = self
        copy.lexicons = Lexicons(vocabulary: vocabulary)
        copy.places = Places(scopes)
        return copy
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
    /// it is found, in order; returns the position after the bytes, to scan the next piece from.
    ///
    /// A long text is read in pieces of whole lines on every processor, each piece handed on by
    /// the processor that finishes the one before it: the mentions come out the same, in the
    /// same order, as from one reading, and `emit` is called once at a time, though not always
    /// on the caller's thread.
    public func scan(_ bytes: UnsafeBufferPointer<UInt8>, from position: Position, emit: (Mention) -> Void) -> Position {
        let pieces = Self.pieces(of: bytes)
        guard pieces.count > 1, processors > 1 else {
            var scanner = SentenceScanner(extractor: self, bytes: bytes, position: position, carried: initiallyCarried)
            scanLines(&scanner, emit: emit)
            return scanner.finish()
        }
        let queue = PieceQueue(count: pieces.count, window: 4 * processors)
        nonisolated(unsafe) let handing = HandingOn(extractor: self, text: bytes, at: position, carried: initiallyCarried)
        nonisolated(unsafe) let text = bytes
        withoutActuallyEscaping(emit) { emit in
            nonisolated(unsafe) let emit = emit
            DispatchQueue.concurrentPerform(iterations: min(processors, pieces.count)) { _ in
                let reader = self.withOwnTables()
                while let index = queue.take() {
                    let range = pieces[index]
                    let piece = reader.read(UnsafeBufferPointer(rebasing: text[range]),
                                            carried: index == 0 ? self.initiallyCarried : .unknown)
                    queue.finished(index, piece) { index, piece in handing.handOn(piece, of: pieces[index], emit: emit) }
                }
            }
        }
        return handing.at
    }

    typealias Carried = SentenceScanner.Carried

    /// What a text's first sentence starts from: no speaker yet, and the event's whole as the scope.
    private var initiallyCarried: Carried { Carried(speaker: nil, scope: places.whole) }

    /// One piece read on its own, its positions counted from its own start.
    private struct Piece {
        var mentions: [Mention]
        var end: Position
        var carried: Carried
    }

    /// Pieces given out to the processors in order, and handed on in order by whichever
    /// processor files the piece that is next; a processor waits while `window` pieces are out
    /// and not handed on, so that memory holds a few pieces' mentions, not the text's.
    private final class PieceQueue: @unchecked Sendable {
        private let condition = NSCondition()
        private let count: Int
        private let window: Int
        private var taken = 0
        private var handed = 0
        private var handing = false
        private var read: [Int: Piece] = [:]

        init(count: Int, window: Int) {
            (self.count, self.window) = (count, window)
        }

        /// The next piece to read; nil when every piece is taken.
        func take() -> Int? {
            condition.lock()
            defer { condition.unlock() }
            while taken < count && taken - handed >= window { condition.wait() }
            guard taken < count else { return nil }
            taken += 1
            return taken - 1
        }

        /// Files a piece read; unless another processor is handing on, hands on every piece
        /// that is next in order, this one and those filed meanwhile.
        func finished(_ index: Int, _ piece: Piece, handOn: (Int, Piece) -> Void) {
            condition.lock()
            defer { condition.unlock() }
            read[index] = piece
            guard !handing else { return }
            handing = true
            while let next = read.removeValue(forKey: handed) {
                condition.unlock()
                handOn(handed, next)
                condition.lock()
                handed += 1
                condition.broadcast()
            }
            handing = false
        }
    }

    /// Hands on pieces read on their own, in order: their positions moved to the whole text's,
    /// and what the text before them carried put in place of the markers.
    private final class HandingOn {
        let extractor: Extractor
        let text: UnsafeBufferPointer<UInt8>
        private(set) var at: Position
        private var carried: Carried

        init(extractor: Extractor, text: UnsafeBufferPointer<UInt8>, at: Position, carried: Carried) {
            self.extractor = extractor
            self.text = text
            self.at = at
            self.carried = carried
        }

        func handOn(_ piece: Piece, of range: Range<Int>, emit: (Mention) -> Void) {
            var piece = piece
            let unknown = Carried.unknown.speaker
            if range.lowerBound > 0 && carried.speaker == nil && piece.mentions.contains(where: { $0.attributedTo == unknown }) {
                // A pronoun with no speaker before it reads differently from one with an unknown
                // speaker; a piece whose figures do not lean on the speaker before stands as read.
                piece = extractor.read(UnsafeBufferPointer(rebasing: text[range]), carried: carried)
            }
            // In place: a mention is not copied on its way out.
            for k in piece.mentions.indices {
                piece.mentions[k].start += at.scalar
                piece.mentions[k].end += at.scalar
                piece.mentions[k].line += at.line - 1
                piece.mentions[k].attributedTo = carried.resolved(speaker: piece.mentions[k].attributedTo)
                piece.mentions[k].scope = carried.resolved(scope: piece.mentions[k].scope)
                emit(piece.mentions[k])
            }
            carried = Carried(speaker: carried.resolved(speaker: piece.carried.speaker), scope: carried.resolved(scope: piece.carried.scope))
            at = Position(scalar: at.scalar + piece.end.scalar, line: at.line + piece.end.line - 1)
        }
    }

    private func read(_ bytes: UnsafeBufferPointer<UInt8>, carried: Carried) -> Piece {
        var scanner = SentenceScanner(extractor: self, bytes: bytes, position: Position(), carried: carried)
        var mentions: [Mention] = []
        // Room for the densest report's figures: only the memory used is touched, and the
        // mentions are not moved as the array grows.
        mentions.reserveCapacity(bytes.count / 32)
        scanLines(&scanner) { mentions.append($0) }
        return Piece(mentions: mentions, end: scanner.finish(), carried: scanner.carried)
    }

    private func scanLines(_ scanner: inout SentenceScanner, emit: (Mention) -> Void) {
        let bytes = scanner.bytes
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
    }

    /// How long a piece of a long text is, about: a text no longer is read in one. The mentions
    /// of the pieces read at once are held until the pieces before them are handed on.
    static let pieceLength = 64 * 1024

    /// A text cut after line feeds into pieces of about `pieceLength`.
    static func pieces(of bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var start = 0
        while start < bytes.count {
            var end = min(start + pieceLength, bytes.count)
            if end < bytes.count { end = min(lineEnd(bytes, from: end) + 1, bytes.count) }
            pieces.append(start..<end)
            start = end
        }
        return pieces
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
                let second = next + 1 < lineEnd ? bytes[next + 1] : 0
                // A capital of any script the languages write, a digit, a quote or a dash.
                let startsSentence = (first >= 0x41 && first <= 0x5A) || (first >= 0x30 && first <= 0x39)
                    || first == 0x22 || first == 0xE2 || (first == 0xC2 && second == 0xAB)
                    || (first >= 0xC3 && first < 0xE0 && second >= 0x80
                        && PhraseTokenizer.letterCase(PhraseTokenizer.decode(bytes, at: next).scalar.value) == true)
                if startsSentence && (byte != 0x2E || !endsAbbreviation(bytes, at: i, from: start) && !isDayBeforeMonth(bytes, at: i, next: next, lineEnd: lineEnd)) {
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

    /// "19. Juni": a day's number with its ordinal point before a month's name, in any language.
    private static func isDayBeforeMonth(_ bytes: UnsafeBufferPointer<UInt8>, at dot: Int, next: Int, lineEnd: Int) -> Bool {
        var digits = 0
        while dot - digits > 0, PhraseTokenizer.isDigit(bytes[dot - digits - 1]) { digits += 1 }
        guard (1...2).contains(digits) else { return false }
        var end = next
        while end < lineEnd, bytes[end] != 0x20, bytes[end] != 0x2E, bytes[end] != 0x2C { end += 1 }
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[next..<end]), as: UTF8.self).lowercased()
        return LanguageTables.allMonths.contains(word)
    }

    private static func endsAbbreviation(_ bytes: UnsafeBufferPointer<UInt8>, at dot: Int, from start: Int) -> Bool {
        var wordStart = dot
        // Letters of any script: ASCII ones, and the bytes of the others.
        while wordStart > start, bytes[wordStart - 1] >= 0x80 || ((bytes[wordStart - 1] | 0x20) >= 0x61 && (bytes[wordStart - 1] | 0x20) <= 0x7A) {
            wordStart -= 1
        }
        let length = dot - wordStart
        guard length > 0, length <= 12 else { return false }
        // An initial: "U.S.", "J. Smith", "В. Зеленський".
        if length == 1, bytes[wordStart] >= 0x41, bytes[wordStart] <= 0x5A { return true }
        if length == 2, bytes[wordStart] >= 0xC0, PhraseTokenizer.letterCase(PhraseTokenizer.decode(bytes, at: wordStart).scalar.value) == true {
            return true
        }
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[wordStart..<dot]), as: UTF8.self)
        return LanguageTables.allAbbreviations.contains(word.lowercased())
    }
}
