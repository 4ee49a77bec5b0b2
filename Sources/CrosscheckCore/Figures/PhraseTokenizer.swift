/// One word, number or symbol of a phrase.
struct Token: Sendable {
    enum Kind: UInt8, Sendable { case number, word, symbol }

    var kind: Kind
    /// Whitespace (or the start of the text) stands before the token.
    var spaceBefore: Bool
    /// Byte offsets in the phrase's UTF-8.
    var start: Int
    var end: Int
    /// The lexicon's id of the lower-cased word or symbol; -1 for numbers and unknown words.
    var id: Int32 = -1
    /// The word starts with a capital letter ("May").
    var capitalised = false
    /// A number's digits, without separators or decimal point: "1,212.5" → 12125.
    var mantissa: UInt64 = 0
    /// How many of the mantissa's digits follow the decimal point.
    var fractionDigits: Int = 0
    /// Significant digits before the decimal point (leading zeros not counted).
    var integerDigits: Int = 0
    /// Joined to the token before by a hyphen ("nine-storey", "45-year-old").
    var joined = false
    /// Too many digits to hold exactly; the parser reports it.
    var overflow = false
    /// A number written as one word ("dreiundzwanzig"), not in digits.
    var spelled = false
    /// A spelled number with an ordinal ending ("dreiundzwanzigste").
    var spelledOrdinal = false
    /// Its decimals set off by a point where the language also writes a comma ("19.06"): in
    /// running text, likelier a day and month than a figure.
    var pointDecimal = false
}

/// Why a phrase could not be split into tokens.
enum TokenizerFailure: Error {
    case control(Unicode.Scalar)
    case foreignDigits(start: Int, end: Int)
}

/// Splits a phrase into words, numbers and symbols over its UTF-8 bytes.
///
/// Digits keep their group separators ("1,200", "1 200", "1 200") and decimal point; a hyphen
/// inside a word or after a number joins ("twenty-three", "400-plus") and is dropped; any other
/// dash is a symbol ("20-25"). Control characters and other scripts' digits are refused.
enum PhraseTokenizer {
    /// The most significant digits a number may hold exactly (2^53 > 10^15).
    static let maxDigits = 15

    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, lexicon: Lexicon?) throws(TokenizerFailure) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(8)
        try scan(bytes, lexicon: lexicon, runningText: false, into: &tokens)
        return tokens
    }

    /// Splits running text, where nothing is refused: control characters are spaces, another
    /// script's digits a symbol, and a web address is skipped whole (its numbers are not figures).
    static func tokenizeText(_ bytes: UnsafeBufferPointer<UInt8>, lexicon: Lexicon, into tokens: inout [Token]) {
        tokens.removeAll(keepingCapacity: true)
        try? scan(bytes, lexicon: lexicon, runningText: true, into: &tokens)
    }

    @inline(__always)
    private static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, lexicon: Lexicon?, runningText: Bool, into tokens: inout [Token]
    ) throws(TokenizerFailure) {
        let count = bytes.count
        var i = 0
        var space = true
        var joined = false
        let marks = DigitMarks(lexicon)
        while i < count {
            let byte = bytes[i]
            if byte < 0x80 {
                switch byte {
                case 0x20, 0x09:
                    space = true
                    i += 1
                case _ where runningText && (byte < 0x20 || byte == 0x7F):
                    space = true
                    i += 1
                case _ where runningText && (byte | 0x20 == 0x68 || byte | 0x20 == 0x77) && startsWebAddress(bytes, at: i):
                    let start = i
                    while i < count, bytes[i] > 0x20 { i += 1 }
                    tokens.append(Token(kind: .symbol, spaceBefore: space, start: start, end: i))
                    space = false
                case 0x30...0x39:
                    var token = readNumber(bytes, at: &i, space: space, marks: marks)
                    token.joined = joined
                    tokens.append(token)
                    space = false
                    joined = false
                case 0x41...0x5A, 0x61...0x7A:
                    var token = readWord(bytes, at: &i, space: space, lexicon: lexicon)
                    token.joined = joined
                    tokens.append(token)
                    space = false
                    joined = false
                case 0x00...0x1F, 0x7F:
                    throw .control(Unicode.Scalar(byte))
                case 0x2D where joinsWords(bytes, hyphenAt: i, hyphenLength: 1, tokens: tokens, space: space):
                    i += 1
                    joined = true
                case _ where marks.isDecimal(byte) && i + 1 < count && isDigit(bytes[i + 1])
                    && (space || tokens.last?.kind != .number):
                    // ".77", ",77": a decimal written without its leading zero.
                    tokens.append(readNumber(bytes, at: &i, space: space, marks: marks))
                    space = false
                default:
                    var token = Token(kind: .symbol, spaceBefore: space, start: i, end: i + 1)
                    token.id = lexicon?.asciiSymbolIDs[Int(byte)] ?? -1
                    tokens.append(token)
                    space = false
                    i += 1
                }
                continue
            }
            let (scalar, length) = decode(bytes, at: i)
            let value = scalar.value
            if isSpace(value) || (runningText && value <= 0x9F) {
                space = true
                i += length
            } else if value == 0x200B || value == 0x200C || value == 0x200D || value == 0xFEFF || value == 0xAD {
                i += length
            } else if value <= 0x9F {
                throw .control(scalar)
            } else if letterCase(value) == nil, scalar.properties.numericType == .decimal {
                var end = i + length
                while end < count, bytes[end] >= 0x80 {
                    let (next, nextLength) = decode(bytes, at: end)
                    guard next.properties.numericType == .decimal else { break }
                    end += nextLength
                }
                guard runningText else { throw .foreignDigits(start: i, end: end) }
                tokens.append(Token(kind: .symbol, spaceBefore: space, start: i, end: end))
                space = false
                i = end
            } else if isWordScalar(scalar) {
                var token = readWord(bytes, at: &i, space: space, lexicon: lexicon)
                token.joined = joined
                tokens.append(token)
                space = false
                joined = false
            } else if (0x2010...0x2014).contains(value),
                      joinsWords(bytes, hyphenAt: i, hyphenLength: length, tokens: tokens, space: space),
                      value <= 0x2011 || tokens.last?.kind == .word {
                // A hyphen joins a word to what follows ("twenty-three", "400-plus"); an en or em
                // dash joins only two words ("twenty—fifth"), since between numbers it is a range.
                joined = true
                i += length
            } else {
                var token = Token(kind: .symbol, spaceBefore: space, start: i, end: i + length)
                if let lexicon { token.id = lexicon.id(of: String(Character(scalar))) }
                tokens.append(token)
                space = false
                i += length
            }
        }
    }

    /// "http://", "https://" or "www." at the byte, in any case.
    private static func startsWebAddress(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        webPrefixes.contains { prefix in
            i + prefix.count <= bytes.count && prefix.indices.allSatisfy { k in
                let byte = bytes[i + k]
                return (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) == prefix[k]
            }
        }
    }

    private static let webPrefixes: [[UInt8]] = ["http://", "https://", "www."].map { Array($0.utf8) }

    /// The lower-cased words and symbols of a lexicon entry, apostrophes written "'".
    static func pieces(of phrase: String) -> [String] {
        var phrase = phrase
        return phrase.withUTF8 { bytes in
            guard let tokens = try? tokenize(bytes, lexicon: nil) else { return [] }
            return tokens.map { token in
                withLowercased(UnsafeBufferPointer(rebasing: bytes[token.start..<token.end])) { String(decoding: $0, as: UTF8.self) }
            }
        }
    }

    /// A hyphen right after a word or number and right before a letter joins them.
    private static func joinsWords(
        _ bytes: UnsafeBufferPointer<UInt8>, hyphenAt i: Int, hyphenLength: Int, tokens: [Token], space: Bool
    ) -> Bool {
        guard !space, let last = tokens.last, last.kind != .symbol, i + hyphenLength < bytes.count else { return false }
        let next = bytes[i + hyphenLength]
        if next < 0x80 { return (next | 0x20) >= 0x61 && (next | 0x20) <= 0x7A }
        return isWordScalar(decode(bytes, at: i + hyphenLength).scalar)
    }

    /// The bytes that set off groups of digits and decimals in the language being read.
    struct DigitMarks {
        var group: UInt64
        var decimal: UInt64

        init(_ lexicon: Lexicon?) {
            group = lexicon?.groupMarks ?? 1 << 0x2C
            decimal = lexicon?.decimalMarks ?? 1 << 0x2E
        }

        @inline(__always) func isGroup(_ byte: UInt8) -> Bool { byte < 64 && group & (1 << UInt64(byte)) != 0 }
        @inline(__always) func isDecimal(_ byte: UInt8) -> Bool { byte < 64 && decimal & (1 << UInt64(byte)) != 0 }
    }

    @inline(__always)
    private static func readNumber(_ bytes: UnsafeBufferPointer<UInt8>, at i: inout Int, space: Bool, marks: DigitMarks) -> Token {
        var token = Token(kind: .number, spaceBefore: space, start: i, end: i)
        let count = bytes.count
        var significant = 0
        let startsWithPoint = !isDigit(bytes[i])

        func take(_ digit: UInt8) {
            if token.mantissa == 0 && digit == 0 && token.fractionDigits == 0 && significant == 0 {
                // A leading zero adds nothing.
            } else if significant < 18 {
                token.mantissa = token.mantissa &* 10 &+ UInt64(digit)
                significant += 1
            } else {
                token.overflow = true
                significant += 1
            }
        }

        var run = 0
        while i < count, isDigit(bytes[i]) {
            take(bytes[i] &- 0x30)
            run += 1
            i += 1
        }
        // Group separators: the language's mark, a space, a no-break or thin space, each before exactly 3 digits.
        if run <= 3 && !startsWithPoint, let length = groupSeparator(bytes, at: i, marks: marks), threeDigits(bytes, at: i + length) {
            // Every group after the first is set off by the same separator.
            let separator = UnsafeBufferPointer(rebasing: bytes[i..<i + length])
            repeat {
                i += length
                for _ in 0..<3 {
                    take(bytes[i] &- 0x30)
                    i += 1
                }
            } while matches(bytes, at: i, separator) && threeDigits(bytes, at: i + length)
        }
        token.integerDigits = significant
        if i + 1 < count, marks.isDecimal(bytes[i]), isDigit(bytes[i + 1]) {
            token.pointDecimal = bytes[i] == 0x2E && marks.isDecimal(0x2C)
            i += 1
            while i < count, isDigit(bytes[i]) {
                if significant < 18 {
                    token.mantissa = token.mantissa &* 10 &+ UInt64(bytes[i] &- 0x30)
                    token.fractionDigits += 1
                    significant += 1
                } else {
                    token.overflow = true
                }
                i += 1
            }
        }
        if token.integerDigits > maxDigits { token.overflow = true }
        token.end = i
        return token
    }

    /// The length of the group separator at `i` (the language's mark, a space, a no-break, thin
    /// or narrow no-break space), nil if none.
    @inline(__always)
    private static func groupSeparator(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, marks: DigitMarks) -> Int? {
        guard i < bytes.count else { return nil }
        switch bytes[i] {
        case 0x20: return 1
        case _ where marks.isGroup(bytes[i]): return 1
        case 0xC2 where i + 1 < bytes.count && bytes[i + 1] == 0xA0: return 2
        case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0x89 || bytes[i + 2] == 0xAF): return 3
        default: return nil
        }
    }

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, _ pattern: UnsafeBufferPointer<UInt8>) -> Bool {
        guard i + pattern.count <= bytes.count else { return false }
        for k in 0..<pattern.count where bytes[i + k] != pattern[k] { return false }
        return true
    }

    /// Exactly three digits at `i`, not followed by a fourth.
    private static func threeDigits(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i + 3 <= bytes.count, isDigit(bytes[i]), isDigit(bytes[i + 1]), isDigit(bytes[i + 2]) else { return false }
        return i + 3 == bytes.count || !isDigit(bytes[i + 3])
    }

    @inline(__always)
    private static func readWord(
        _ bytes: UnsafeBufferPointer<UInt8>, at i: inout Int, space: Bool, lexicon: Lexicon?
    ) -> Token {
        var token = Token(kind: .word, spaceBefore: space, start: i, end: i)
        let count = bytes.count
        var ascii = true
        token.capitalised = bytes[i] >= 0x41 && bytes[i] <= 0x5A
        while i < count {
            let byte = bytes[i]
            if byte < 0x80 {
                if (byte | 0x20) &- 0x61 < 26 {
                    i += 1
                } else if byte == 0x27, i + 1 < count, isLetter(bytes, at: i + 1), i > token.start {
                    i += 1  // an apostrophe inside a word: "o'clock", "п'ять"
                } else {
                    break
                }
            } else {
                let (scalar, length) = decode(bytes, at: i)
                if isWordScalar(scalar) {
                    if i == token.start { token.capitalised = letterCase(scalar.value) ?? scalar.properties.isUppercase }
                    ascii = false
                    i += length
                } else if scalar.value == 0x2019 || scalar.value == 0x2018, i > token.start, i + length < count, isLetter(bytes, at: i + length) {
                    ascii = false
                    i += length
                } else {
                    break
                }
            }
        }
        token.end = i
        guard let lexicon else { return token }
        let slice = UnsafeBufferPointer(rebasing: bytes[token.start..<token.end])
        if ascii {
            token.id = lexicon.index.id(ofASCII: slice)
            if token.id < 0, !lexicon.compoundPieces.isEmpty { lookUp(slice, into: &token, lexicon: lexicon) }
        } else {
            lookUp(slice, into: &token, lexicon: lexicon)
        }
        return token
    }

    /// A word's id found lower-cased, or the number its pieces make where the language writes
    /// numbers as one word: out of line, so that the ASCII path above stays short.
    @inline(never)
    private static func lookUp(_ slice: UnsafeBufferPointer<UInt8>, into token: inout Token, lexicon: Lexicon) {
        withLowercased(slice) { word in
            token.id = lexicon.index.id(ofLowercase: word)
            if token.id < 0, !lexicon.compoundPieces.isEmpty { readCompound(word, into: &token, lexicon: lexicon) }
        }
    }

    /// A word made wholly of a language's number pieces becomes a number: "dreiundzwanzig" is 23.
    private static func readCompound(_ word: UnsafeBufferPointer<UInt8>, into token: inout Token, lexicon: Lexicon) {
        guard let (value, ordinal) = CompoundNumbers.read(word, pieces: lexicon.compoundPieces,
                                                          ordinalEndings: lexicon.language.compoundOrdinalEndings),
              value < 1e15 else { return }
        let tenths = (value * 10).rounded()
        token.kind = .number
        token.spelled = true
        token.spelledOrdinal = ordinal
        token.mantissa = tenths.truncatingRemainder(dividingBy: 10) == 0 ? UInt64(value) : UInt64(tenths)
        token.fractionDigits = tenths.truncatingRemainder(dividingBy: 10) == 0 ? 0 : 1
        var digits = 0
        var rest = token.mantissa
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        token.integerDigits = digits - token.fractionDigits
    }

    /// Calls `body` with a word's bytes lower-cased, and its apostrophes written "'": Latin,
    /// Latin-1 and Cyrillic letters in place; any other word through the standard library.
    private static func withLowercased<R>(_ word: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: word.count) { buffer in
            var n = 0
            var i = 0
            while i < word.count {
                let byte = word[i]
                if byte < 0x80 {
                    buffer[n] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    n += 1
                    i += 1
                    continue
                }
                let (scalar, length) = decode(word, at: i)
                var value = scalar.value
                switch value {
                case 0x410...0x42F, 0xC0...0xDE where value != 0xD7: value += 0x20
                case 0x400...0x40F: value += 0x50
                case 0x490: value = 0x491
                case 0x2018, 0x2019, 0x2BC: value = 0x27
                case 0x430...0x45F, 0x491, 0xDF...0xFF: break
                default:
                    let lower = String(decoding: word, as: UTF8.self).lowercased()
                    var copy = lower
                    return copy.withUTF8 { body($0) }
                }
                if value < 0x80 {
                    buffer[n] = UInt8(value)
                    n += 1
                } else {
                    buffer[n] = UInt8(0xC0 | value >> 6)
                    buffer[n + 1] = UInt8(0x80 | value & 0x3F)
                    n += 2
                }
                i += length
            }
            return body(UnsafeBufferPointer(rebasing: buffer[0..<n]))
        }
    }

    private static func isLetter(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let byte = bytes[i]
        if byte < 0x80 { return (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        return isWordScalar(decode(bytes, at: i).scalar)
    }

    /// A letter of any script that is not a digit; the one test for where a word starts and goes on.
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        letterCase(scalar.value) != nil || scalar.properties.isAlphabetic && scalar.properties.numericType != .decimal
    }

    /// Whether a letter of Latin-1, Latin Extended-A or Cyrillic is a capital, found without the
    /// Unicode tables (the letters of every language crosscheck reads); nil for any other scalar.
    @inline(__always)
    static func letterCase(_ value: UInt32) -> Bool? {
        switch value {
        case 0x400...0x42F, 0x490: return true
        case 0x430...0x45F, 0x491: return false
        case 0xC0...0xDE where value != 0xD7: return true
        case 0xDF...0xFF where value != 0xF7: return false
        case 0x100...0x17F: return value & 1 == 0
        default: return nil
        }
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    static func isSpace(_ value: UInt32) -> Bool {
        value == 0xA0 || (0x2000...0x200A).contains(value) || value == 0x202F || value == 0x205F
            || value == 0x3000 || value == 0x2028 || value == 0x2029 || value == 0x1680
    }

    /// The scalar at a byte offset of valid UTF-8, and its length in bytes.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), 1) }
        if b0 < 0xE0 {
            let value = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
            return (Unicode.Scalar(value) ?? "\u{FFFD}", 2)
        }
        if b0 < 0xF0 {
            let value = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
            return (Unicode.Scalar(value) ?? "\u{FFFD}", 3)
        }
        let value = (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12
            | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
        return (Unicode.Scalar(value) ?? "\u{FFFD}", 4)
    }
}
