/// A number read from the tokens of a phrase.
struct NumberRead {
    var value: Double
    /// The multiplier written with it ("thousand" in "three thousand"), 1 if none: a range's
    /// first end borrows it ("between two and three thousand").
    var magnitude: Double = 1
    var isOrdinal = false
    var firstToken: Int
    var endToken: Int
}

/// One pass over a token stream: lead words, the number or quantity, its qualifiers, then the
/// words that say what it counts. It reads a whole phrase (`read`), or a figure from where one
/// may start in a sentence (`readMention`), and stands after what it read.
struct PhraseReader {
    let stream: TokenStream
    /// The phrase as given, for an error's message: empty where the reader reads a sentence.
    let phrase: String
    let tolerance: Double
    /// The token the reader stands at.
    private(set) var index: Int

    init(_ stream: TokenStream, from start: Int = 0, phrase: String = "", tolerance: Double) {
        self.stream = stream
        self.index = start
        self.phrase = phrase
        self.tolerance = tolerance
    }

    private var tokens: [Token] { stream.tokens }
    private var bytes: UnsafeBufferPointer<UInt8> { stream.bytes }
    private var lexicon: Lexicon { stream.lexicon }

    private enum Core {
        case number(NumberRead)
        case range(NumberRead, NumberRead)
        case vague(VagueQuantity)
        case zero
    }

    private struct Qualifier {
        var family: PhraseFamily
        /// The tokens of the words, turned into text only for an error.
        var words: Range<Int>
    }

    private var qualifier: Qualifier?
    private var metric: (id: String, words: String)?
    private var currency: String?
    private var percent = false
    private var percentagePoints = false
    /// How many smaller parts deep the number being read is ("4 million 3 thousand 2 hundred").
    private var nesting = 0
    /// Deeper than any number people write (trillion, billion, million, thousand, hundred):
    /// "2m 3m 3m…" is cut here instead of nesting a call for each "3m" until the stack runs out.
    private static let deepestNesting = 8

    // MARK: - The phrase

    mutating func read() throws(FigureError) -> ParsedPhrase {
        guard !tokens.isEmpty else { throw fail(.empty) }
        var rangeOpened = false
        var leadMetric = false

        lead: while index < tokens.count {
            let token = tokens[index]
            if stream.startsNumber(at: index) { break }
            // The longest phrase any table knows here decides what the words are.
            let vague = lexicon.vague.match(tokens, at: index)
            let zero = lexicon.zero.match(tokens, at: index)
            let prefix = lexicon.prefixes.match(tokens, at: index)
            let neutral = lexicon.neutral.match(tokens, at: index)
            let tooVague = lexicon.tooVague.match(tokens, at: index)
            let opener = lexicon.rangeOpeners.match(tokens, at: index)
            let named = lexicon.metrics.match(tokens, at: index)
            let money = lexicon.currencies.match(tokens, at: index)
            // Computed without building a collection: this runs for every word before a number.
            let longest = max(vague?.end ?? index, zero?.end ?? index, prefix?.end ?? index, neutral?.end ?? index,
                              tooVague?.end ?? index, opener?.end ?? index, named?.end ?? index, money?.end ?? index)

            if longest > index {
                if vague?.end == longest || zero?.end == longest { break lead }
                if let prefix, prefix.end == longest {
                    try qualify(prefix.value, words: index..<prefix.end)
                } else if let tooVague, tooVague.end == longest {
                    throw fail(.tooVague(stream.text(index..<tooVague.end)))
                } else if let opener, opener.end == longest {
                    rangeOpened = true
                } else if let money, money.end == longest {
                    currency = money.value
                } else if let named, named.end == longest {
                    try name(named.value, words: stream.text(index..<named.end))
                    leadMetric = true
                }
                index = longest
                continue
            }
            if let match = lexicon.percent.match(tokens, at: index), match.end < tokens.count,
               tokens[match.end].id == lexicon.symbols.of {
                // "per cent of 210"
                percent = true
                index = match.end + 1
                continue
            }
            let info = lexicon.info(token)
            if lexicon.negative.match(tokens, at: index) != nil
                || (info?.isMinus == true && index + 1 < tokens.count && tokens[index + 1].kind == .number
                    && !tokens[index + 1].spaceBefore) {
                throw fail(.negative(stream.text(index..<min(index + 2, tokens.count))))
            }
            if let code = info?.currencySymbol {
                currency = code
            } else if info?.isPunctuation == true || (leadMetric && info?.isLeadConnector == true) {
                // Quotes, brackets and the words between a metric and its figure carry nothing.
            } else if stream.isMonth(token), index + 1 < tokens.count, tokens[index + 1].kind == .number {
                throw fail(.date(stream.text(index..<index + 2)))
            } else {
                throw fail(.notUnderstood(stream.text(index..<index + 1)))
            }
            index += 1
        }
        guard index < tokens.count else { throw fail(.noNumber) }

        let core = try readCore(rangeOpened: rangeOpened)
        try readQualifiersAfter()
        try readWhatIsCounted(core)
        return try assemble(core)
    }

    /// The figure that starts at the current token of running text: bound and approximation
    /// words, the number, range or quantity, the words after it ("or more", "%"). Stops there,
    /// before what the figure counts; nil when no figure starts at the token.
    mutating func readMention() throws(FigureError) -> ParsedPhrase? {
        var rangeOpened = false
        let start = index
        while index < tokens.count, !stream.startsNumber(at: index) {
            // A figure has a word or two before its number; a long run of them is not one.
            guard index - start < 6 else { return nil }
            if lexicon.vague.match(tokens, at: index) != nil || lexicon.zero.match(tokens, at: index) != nil { break }
            if let prefix = lexicon.prefixes.match(tokens, at: index) {
                // "зросла до 28": a bound word that also links a toll's verb to its figure says no bound there.
                if index == start, prefix.end == index + 1, start > 0, lexicon.info(tokens[index])?.isLeadConnector == true,
                   lexicon.tollVerbs.match(tokens, at: start - 1)?.end == start {
                    index = prefix.end
                    continue
                }
                try qualify(prefix.value, words: index..<prefix.end)
                index = prefix.end
            } else if let opener = lexicon.rangeOpeners.match(tokens, at: index) {
                rangeOpened = true
                index = opener.end
            } else if let code = lexicon.info(tokens[index])?.currencySymbol {
                currency = code
                index += 1
            } else {
                return nil
            }
        }
        guard index < tokens.count else { return nil }
        let core = try readCore(rangeOpened: rangeOpened)
        try readQualifiersAfter()
        return try assemble(core)
    }

    /// The number, range, vague quantity or zero at the current token.
    private mutating func readCore(rangeOpened: Bool) throws(FigureError) -> Core {
        if let vague = lexicon.vague.match(tokens, at: index) {
            index = vague.end
            return .vague(vague.value)
        }
        if let zero = lexicon.zero.match(tokens, at: index), !stream.startsNumber(at: index) {
            index = zero.end
            return .zero
        }
        guard var first = try readNumber() else { throw fail(.noNumber) }
        try refuseDateOrTime(after: first)
        guard !first.isOrdinal else { return .number(first) }

        // A range: "20-25", "20 to 25", "between 20 and 25", "20 or 25", "$10-$20", "10%-20%".
        let afterFirst = index
        skipUnitWords()
        if index + 1 < tokens.count, lexicon.info(tokens[index])?.isRangeDash == true,
           lexicon.info(tokens[index + 1])?.isRangeJoiner == true {
            index += 1  // "8- to 16-metre": a hyphen left hanging before "to"
        }
        if index < tokens.count, let joiner = lexicon.info(tokens[index]),
           joiner.isRangeDash || (joiner.isRangeJoiner && (!joiner.isAnd || rangeOpened)),
           lexicon.suffixes.match(tokens, at: index) == nil || joiner.isRangeDash {
            index += 1
            while index < tokens.count, !stream.startsNumber(at: index) {
                if let info = lexicon.info(tokens[index]), let code = info.currencySymbol {
                    currency = code
                } else if let approximate = lexicon.prefixes.match(tokens, at: index), approximate.value == .approximate {
                    index = approximate.end
                    continue
                } else {
                    break
                }
                index += 1
            }
            if stream.startsNumber(at: index), let second = try readNumber() {
                try refuseDateOrTime(after: second)
                if first.magnitude == 1, second.magnitude > 1, first.value * second.magnitude <= second.value {
                    first.value *= second.magnitude
                }
                guard first.value <= second.value else {
                    throw fail(.reversedRange(stream.text(first.firstToken..<first.endToken),
                                              stream.text(second.firstToken..<second.endToken)))
                }
                return .range(first, second)
            }
        }
        index = afterFirst
        return .number(first)
    }

    /// Percent signs, currency words and bounds written after the number: "40%", "3 million
    /// dollars", "400+", "23 or more", "100 or so".
    private mutating func readQualifiersAfter() throws(FigureError) {
        while index < tokens.count {
            if let match = lexicon.percentagePoints.match(tokens, at: index) {
                percent = true
                percentagePoints = true
                index = match.end
            } else if let match = lexicon.percent.match(tokens, at: index) {
                percent = true
                index = match.end
            } else if let match = lexicon.currencies.match(tokens, at: index) {
                currency = match.value
                index = match.end
            } else if let code = lexicon.info(tokens[index])?.currencySymbol {
                currency = code  // "100k€"
                index += 1
            } else if let match = lexicon.suffixes.match(tokens, at: index) {
                try qualify(match.value, words: index..<match.end)
                index = match.end
            } else if let match = lexicon.inclusiveSuffixes.match(tokens, at: index),
                      let strict = qualifier, strict.family == .lowerBoundOpen || strict.family == .upperBoundOpen {
                // "less than 5000 or equal": the strict bound becomes inclusive.
                qualifier = Qualifier(family: strict.family == .lowerBoundOpen ? .lowerBoundClosed : .upperBoundClosed,
                                      words: strict.words.lowerBound..<match.end)
                index = match.end
            } else {
                return
            }
        }
    }

    /// The rest of the phrase names what is counted: a metric alias anywhere in it decides the
    /// metric; another number is a second figure and refused, unless it restates the figure in
    /// brackets ("forty-five (45)").
    private mutating func readWhatIsCounted(_ core: Core) throws(FigureError) {
        while index < tokens.count {
            let token = tokens[index]
            if token.id == lexicon.symbols.openBracket, case .number(let figure) = core, restates(figure.value, at: index + 1) {
                continue
            }
            if token.kind == .number {
                throw fail(.secondFigure(stream.text(index..<index + 1)))
            }
            if let named = lexicon.metrics.match(tokens, at: index) {
                try name(named.value, words: stream.text(index..<named.end))
                index = named.end
                continue
            }
            if let money = lexicon.currencies.match(tokens, at: index), currency == nil {
                currency = money.value
                index = money.end
                continue
            }
            if let info = lexicon.info(token), info.cardinal > 1 || info.multiplier > 0 {
                throw fail(.secondFigure(stream.text(index..<index + 1)))
            }
            index += 1
        }
    }

    /// Whether the number at `start` equals `value` and is closed by ")"; if so, reads past it.
    private mutating func restates(_ value: Double, at start: Int) -> Bool {
        let saved = index
        index = start
        if stream.startsNumber(at: index), let again = try? readNumber(), again.value == value,
           index < tokens.count, tokens[index].id == lexicon.symbols.closeBracket {
            index += 1
            return true
        }
        index = saved
        return false
    }

    // MARK: - Numbers

    /// Reads digits or number words at the current token.
    private mutating func readNumber() throws(FigureError) -> NumberRead? {
        guard index < tokens.count else { return nil }
        return tokens[index].kind == .number ? try readDigits() : try readNumberWords()
    }

    /// "1,212", "1.5 million", "3bn", "$3m", "12th", "2 and a half thousand", "4 thousand 3
    /// hundred and 21", "1 point 5".
    private mutating func readDigits() throws(FigureError) -> NumberRead {
        let first = index
        let token = tokens[index]
        if token.overflow {
            throw fail(.tooManyDigits(token.integerDigits > PhraseTokenizer.maxDigits
                ? token.integerDigits : token.integerDigits + token.fractionDigits))
        }
        index += 1
        var value = Double(token.mantissa) / Self.powerOfTen(token.fractionDigits)
        if token.spelledOrdinal { return NumberRead(value: value, isOrdinal: true, firstToken: first, endToken: index) }
        var multiplier = 1.0
        // Letters right after the digits: an ordinal ("12th"), a magnitude ("3bn"), an exponent.
        if index < tokens.count, !tokens[index].spaceBefore, let info = lexicon.info(tokens[index]) {
            if info.isOrdinalSuffix, token.fractionDigits == 0 {
                index += 1
                return NumberRead(value: value, isOrdinal: true, firstToken: first, endToken: index)
            }
            if info.isNumberEnding, tokens[index].joined {
                index += 1  // "5-ти": the digits' case, nothing more
            }
            if info.isExponent, index + 1 < tokens.count, !tokens[index + 1].spaceBefore,
               tokens[index + 1].kind == .number || lexicon.info(tokens[index + 1])?.isMinus == true
                || tokens[index + 1].id == lexicon.symbols.plus {
                throw fail(.scientificNotation(stream.text(first..<min(index + 3, tokens.count))))
            }
        }
        if index < tokens.count, tokens[index].kind == .symbol, !tokens[index].spaceBefore,
           tokens[index].id == lexicon.symbols.slash, index + 1 < tokens.count, tokens[index + 1].kind == .number {
            let isDate = index + 3 < tokens.count && tokens[index + 2].id == tokens[index].id && tokens[index + 3].kind == .number
            throw fail(isDate ? .date(stream.text(first..<index + 4)) : .fraction(stream.text(first..<index + 2)))
        }
        // "1 point 5"
        if token.fractionDigits == 0, index + 1 < tokens.count, lexicon.info(tokens[index])?.isPoint == true,
           tokens[index + 1].kind == .number, tokens[index + 1].fractionDigits == 0, !tokens[index + 1].overflow {
            let decimals = tokens[index + 1]
            value += Double(decimals.mantissa) / Self.powerOfTen(decimals.end - decimals.start)
            index += 2
        }
        // "2 and a half million"
        if let end = andAHalf(at: index), end < tokens.count, magnitude(of: tokens[end]) > 0 {
            value += 0.5
            index = end
        }
        // Magnitudes: "3bn", "1.5 million", "two hundred thousand", "3 dozen", "2.33 k", "1MM".
        var lastMultiplier = 0.0
        while index < tokens.count {
            let factor = magnitude(of: tokens[index])
            guard factor > 0, lastMultiplier == 0 || factor > lastMultiplier else { break }
            multiplier *= factor
            lastMultiplier = factor
            index += 1
        }
        if token.fractionDigits > 0 {
            // Exact for "1.2k": 12 × 1000 / 10, not 1.2 × 1000.
            value = Double(token.mantissa) * multiplier / Self.powerOfTen(token.fractionDigits)
        } else {
            value *= multiplier
        }
        if multiplier > 1 {
            if let end = andAHalf(at: index) {
                // "a million and a half"
                value += 0.5 * lastMultiplier
                index = end
            } else if let rest = try readSmallerPart(below: lastMultiplier) {
                // "4 thousand 3 hundred and 21"
                value += rest
            }
        }
        if index < tokens.count, lexicon.info(tokens[index])?.isFraction == true {
            throw fail(.fraction(stream.text(first..<index + 1)))
        }
        guard value < 1e15 else { throw fail(.tooLarge) }
        return NumberRead(value: value, magnitude: multiplier, firstToken: first, endToken: index)
    }

    /// After "4 thousand": the smaller part that goes on the number ("3 hundred and 21",
    /// "and 21", ", 500"), or nil (and nothing read) when what follows is not smaller.
    private mutating func readSmallerPart(below multiplier: Double) throws(FigureError) -> Double? {
        guard nesting < Self.deepestNesting else { return nil }
        nesting += 1
        defer { nesting -= 1 }
        let start = index
        if index < tokens.count, let info = lexicon.info(tokens[index]),
           info.isAnd || tokens[index].id == lexicon.symbols.comma {
            index += 1
        }
        guard stream.startsNumber(at: index), !(lexicon.info(tokens[index])?.isArticle ?? false) else {
            index = start
            return nil
        }
        if let part = try? readNumber(), !part.isOrdinal, part.value < multiplier {
            return part.value
        }
        index = start
        return nil
    }

    /// The magnitude a word gives the number before it: "thousand", "bn", "dozens", "MM".
    private func magnitude(of token: Token) -> Double {
        guard let info = lexicon.info(token) else { return 0 }
        if info.multiplier > 0 { return info.multiplier }
        if info.magnitude > 0 { return info.magnitude }
        // "MM" in capitals, or one capital letter of another script: "3М".
        if info.capitalMagnitude > 0, (token.start..<token.end).allSatisfy({ bytes[$0] < 0x5B })
            || (token.capitalised && bytes[token.start] >= 0x80 && token.end - token.start == 2) {
            return info.capitalMagnitude
        }
        return 0
    }

    /// What a number word is, for the grammar of number words.
    private enum WordClass: UInt16 {
        case start, unit, teen, tens, hundred, scale, and, article, half, point

        /// Whether the class is one of `classes`.
        @inline(__always)
        func isIn(_ classes: UInt16) -> Bool { classes & (1 << rawValue) != 0 }

        static func set(_ classes: WordClass...) -> UInt16 { classes.reduce(0) { $0 | 1 << $1.rawValue } }
    }

    /// The grammar of number words as data: after which word each kind of word may come.
    private enum MayFollow {
        /// "two", "twelve", "forty": at the start, after "hundred", a scale or "and".
        static let cardinal = WordClass.set(.start, .hundred, .scale, .and)
        /// "hundred": at the start ("hundred"), after a number below a hundred or "a".
        static let hundred = WordClass.set(.start, .unit, .teen, .tens, .article)
        /// "thousand", "million": after anything but another scale, "and" or "point".
        static let scale = WordClass.set(.start, .unit, .teen, .tens, .hundred, .article, .half)
        /// "thousand" after a number below a hundred: "two dozen", "three score".
        static let belowHundred = WordClass.set(.unit, .teen, .tens)
        /// "hundredth" after a number: "two hundredth".
        static let largeOrdinal = WordClass.set(.unit, .teen, .tens, .hundred, .article)
        /// "and" or a comma between groups: "two hundred and forty", "three million, two hundred".
        static let joiner = WordClass.set(.hundred, .scale)
        /// "point" between a whole and its spoken decimals: "one point five".
        static let point = WordClass.set(.unit, .teen, .tens, .hundred, .scale)
    }

    /// Number words read so far: what is summed, and what came last.
    private struct NumberWords {
        let first: Int
        var total = 0.0
        var group = 0.0
        var groupHasHundred = false
        var lastScale = Double.infinity
        var last = WordClass.start
        var magnitude = 1.0
        /// Where a reading that goes wrong after "and" or a comma falls back to: "three hundred
        /// and forty fifty" is three hundred and forty.
        var rollback: (index: Int, value: Double)?
        var decimals = 0
    }

    /// What one word does to the number being read.
    private enum Step {
        /// The word is read; on to the next.
        case next
        /// The word is no part of the number: it ends before it.
        case stop
        /// The number ends with this word.
        case finish(Double, ordinal: Bool)
        /// The word cannot follow the last: back to the rollback, or an error.
        case refuse
    }

    /// "twenty-three", "two hundred and forty", "a dozen", "half a million", "seventeen hundred",
    /// "one point five million", "twenty-first", "three million, two hundred".
    private mutating func readNumberWords() throws(FigureError) -> NumberRead? {
        var words = NumberWords(first: index)
        func finish(_ value: Double, ordinal: Bool = false) throws(FigureError) -> NumberRead? {
            guard index > words.first else { return nil }
            guard value < 1e15 else { throw fail(.tooLarge) }
            return NumberRead(value: value, magnitude: words.magnitude, isOrdinal: ordinal, firstToken: words.first, endToken: index)
        }
        reading: while index < tokens.count, let info = lexicon.info(tokens[index]) {
            switch try step(info, &words) {
            case .next: continue
            case .stop: break reading
            case .finish(let value, let ordinal): return try finish(value, ordinal: ordinal)
            case .refuse:
                if let rollback = words.rollback {
                    index = rollback.index
                    return try finish(rollback.value)
                }
                // "twenty thirty", "five six": two numbers written one after the other.
                throw fail(.numberWords(index > words.first ? stream.text(index - 1..<index) : "", stream.text(index..<index + 1)))
            }
        }
        if words.last.isIn(WordClass.set(.article, .half, .and)) {
            index = words.first
            return nil
        }
        if words.last == .scale, index < tokens.count, tokens[index].spelled, let rest = try readSmallerPart(below: words.lastScale) {
            // "zwei Millionen dreihundertneunundneunzigtausend": a compound after the scale.
            return try finish(words.total + rest)
        }
        return try finish(words.total + words.group)
    }

    /// Reads the word at `index` into `words`.
    private mutating func step(_ info: WordInfo, _ words: inout NumberWords) throws(FigureError) -> Step {
        if words.last == .point { return readSpokenDecimals(&words) }
        if info.cardinal >= 0 { return cardinal(info.cardinal, &words) }
        if info.isOneAndAHalf {
            // "півтори тисячі", "anderthalb Millionen"
            guard words.last.isIn(MayFollow.cardinal) else { return .refuse }
            words.group += 1.5
            return advance(&words, to: .unit)
        }
        if info.multiplier == 100 { return hundred(&words) }
        let scale = info.multiplier > 0 ? info.multiplier : (words.last == .start ? 0 : info.magnitude)
        if scale > 0 { return self.scale(scale, &words) }
        if info.ordinal >= 0 { return try ordinal(Double(info.ordinal), &words) }
        if info.isFraction, words.last != .start { throw fail(.fraction(stream.text(words.first..<index + 1))) }
        if info.isAnd || tokens[index].id == lexicon.symbols.comma || andAHalf(at: index) != nil { return joiner(info, &words) }
        if info.isArticle {
            guard words.last == .start || words.last == .half, index + 1 < tokens.count,
                  let next = lexicon.info(tokens[index + 1]), next.takesArticle else { return .stop }
            if words.last == .start { words.group = 1 }
            return advance(&words, to: .article)
        }
        if info.isHalf, words.last == .start, index + 1 < tokens.count, lexicon.info(tokens[index + 1])?.isArticle == true {
            words.group = 0.5
            return advance(&words, to: .half)
        }
        if info.isPoint { return point(&words) }
        return .stop
    }

    private mutating func advance(_ words: inout NumberWords, to last: WordClass, by count: Int = 1) -> Step {
        words.last = last
        index += count
        return .next
    }

    /// The digits after "point", as spoken: "one point three five", "point seventy-one".
    private mutating func readSpokenDecimals(_ words: inout NumberWords) -> Step {
        var digits: [Int] = []
        while index < tokens.count, let digit = lexicon.info(tokens[index]), digit.cardinal >= 0, digit.cardinal < 100 {
            let value = digit.cardinal
            if value >= 20, value % 10 == 0, index + 1 < tokens.count,
               let unit = lexicon.info(tokens[index + 1]), (1...9).contains(unit.cardinal) {
                digits += [value / 10, unit.cardinal]
                index += 2
            } else {
                digits += value < 10 ? [value] : [value / 10, value % 10]
                index += 1
            }
        }
        for digit in digits {
            words.decimals += 1
            words.group += Double(digit) / Self.powerOfTen(words.decimals)
        }
        words.last = .unit
        return .next
    }

    /// "two", "twelve", "forty"; "a single".
    private mutating func cardinal(_ value: Int, _ words: inout NumberWords) -> Step {
        if value >= 100 {
            // A hundreds word: "двісті", "триста", "пятьсот".
            guard words.last.isIn(MayFollow.cardinal), words.group == 0 else { return .refuse }
            words.group = Double(value)
            words.groupHasHundred = true
            words.magnitude = max(words.magnitude, 100)
            return advance(&words, to: .hundred)
        }
        let allowed = words.last.isIn(MayFollow.cardinal)
            || (value < 10 && words.last == .tens && Int(words.group) % 10 == 0)
            || (words.last == .article && tokens[index].id == lexicon.symbols.single)
        guard allowed else { return .refuse }
        words.group = words.last == .article ? 1 : words.group + Double(value)
        return advance(&words, to: value < 10 ? .unit : value < 20 ? .teen : .tens)
    }

    /// "hundred": of the group before it, once a group.
    private mutating func hundred(_ words: inout NumberWords) -> Step {
        guard words.last.isIn(MayFollow.hundred), !words.groupHasHundred, words.group < 100 else { return .refuse }
        words.group = (words.group == 0 ? 1 : words.group) * 100
        words.groupHasHundred = true
        words.magnitude = max(words.magnitude, 100)
        return advance(&words, to: .hundred)
    }

    /// "thousand", "million", "dozen", "lakh": a scale of what came before it.
    private mutating func scale(_ scale: Double, _ words: inout NumberWords) -> Step {
        if scale < 100, let rollback = words.rollback, words.last.isIn(MayFollow.belowHundred) {
            // "three hundred and two dozens": the dozens are of the words after "and".
            let before = rollback.value - words.total
            words.group = before + (words.group - before) * scale
            words.lastScale = scale
            return advance(&words, to: .scale)
        }
        if words.last == .scale, scale > words.lastScale, words.group == 0 {
            // "three thousand millions", "three lakh crore": a magnitude of a magnitude.
            words.total *= scale
            words.lastScale = scale
            words.magnitude *= scale
            index += 1
            return .next
        }
        guard words.last.isIn(MayFollow.scale), scale < words.lastScale else { return .refuse }
        words.total += (words.group == 0 ? 1 : words.group) * scale
        words.group = 0
        words.groupHasHundred = false
        words.lastScale = scale
        words.magnitude = scale
        _ = advance(&words, to: .scale)
        if let end = andAHalf(at: index) {
            // "a million and a half"
            index = end
            return .finish(words.total + 0.5 * scale, ordinal: false)
        }
        return .next
    }

    /// The last word of an ordinal: "fourth", "twenty-first", "one hundredth".
    private mutating func ordinal(_ value: Double, _ words: inout NumberWords) throws(FigureError) -> Step {
        if value >= 100, words.last.isIn(MayFollow.largeOrdinal) {
            // "two hundredth", "a hundred trillionth"
            index += 1
            return .finish(words.total + words.group * value, ordinal: true)
        }
        guard words.last.isIn(MayFollow.cardinal) || (words.last == .tens && value < 10 && Int(words.group) % 10 == 0) else {
            // "one sixth", "three fifths": a fraction.
            throw fail(.fraction(stream.text(words.first..<index + 1)))
        }
        index += 1
        return .finish(words.total + words.group + value, ordinal: true)
    }

    /// "and" or a comma: "two and a half", or the next group of "two hundred and forty".
    private mutating func joiner(_ info: WordInfo, _ words: inout NumberWords) -> Step {
        if let end = andAHalf(at: index), words.last.isIn(MayFollow.belowHundred) {
            // "two and a half", "two and a half million", "три с половиной"
            words.group += 0.5
            return advance(&words, to: .unit, by: end - index)
        }
        guard words.last.isIn(MayFollow.joiner), index + 1 < tokens.count,
              let next = lexicon.info(tokens[index + 1]), next.cardinal > 0 || next.ordinal > 0 else { return .stop }
        words.rollback = (index, words.total + words.group)
        return advance(&words, to: .and)
    }

    /// "point 77", or "point" before spoken decimals: "one point five".
    private mutating func point(_ words: inout NumberWords) -> Step {
        if words.last == .start, index + 1 < tokens.count, tokens[index + 1].kind == .number,
           tokens[index + 1].fractionDigits == 0, !tokens[index + 1].overflow {
            let digits = tokens[index + 1]
            index += 2
            return .finish(Double(digits.mantissa) / Self.powerOfTen(digits.end - digits.start), ordinal: false)
        }
        guard words.last.isIn(MayFollow.point), index + 1 < tokens.count,
              let next = lexicon.info(tokens[index + 1]), next.cardinal >= 0, next.cardinal < 100 else { return .stop }
        return advance(&words, to: .point)
    }

    /// The end of "and a half" ("с половиной") at the token, or nil.
    private func andAHalf(at i: Int) -> Int? {
        lexicon.andAHalf.match(tokens, at: i)?.end
    }

    /// A number that is part of a date ("June 19", "2025-06-19") or a time ("9:30", "9 a.m.").
    private func refuseDateOrTime(after number: NumberRead) throws(FigureError) {
        let i = number.endToken
        var words: String { stream.text(number.firstToken..<min(i + 2, tokens.count)) }
        if i + 1 < tokens.count, tokens[i].kind == .symbol, !tokens[i].spaceBefore, !tokens[i + 1].spaceBefore,
           tokens[i + 1].kind == .number {
            let symbol = bytes[tokens[i].start]
            if symbol == UInt8(ascii: ":") { throw fail(.time(words)) }
            // "19.06.2025", "19.06.": a day and a month set off by points.
            if symbol == UInt8(ascii: "."), tokens[number.firstToken].kind == .number, number.value >= 1, number.value <= 31,
               number.value == number.value.rounded(), tokens[i + 1].fractionDigits == 0, (1...12).contains(tokens[i + 1].mantissa) {
                throw fail(.date(stream.text(number.firstToken..<i + 2)))
            }
            // "2025-06-19": four digits, then two dashes.
            if symbol == UInt8(ascii: "-"), tokens[number.firstToken].kind == .number,
               tokens[number.firstToken].integerDigits == 4, i + 3 < tokens.count,
               bytes[tokens[i + 2].start] == UInt8(ascii: "-"), tokens[i + 3].kind == .number {
                throw fail(.date(stream.text(number.firstToken..<i + 4)))
            }
        }
        if let time = lexicon.timeOfDay.match(tokens, at: i), tokens[number.firstToken].kind == .number {
            throw fail(.time(stream.text(number.firstToken..<time.end)))
        }
        if i < tokens.count, stream.isMonth(tokens[i]), number.value >= 1, number.value <= 31 {
            throw fail(.date(words))
        }
        if i + 1 < tokens.count, tokens[i].id == lexicon.symbols.period, !tokens[i].spaceBefore, stream.isMonth(tokens[i + 1]),
           number.value >= 1, number.value <= 31 {
            throw fail(.date(stream.text(number.firstToken..<i + 2)))  // "19. Juni"
        }
        if i + 1 < tokens.count, number.isOrdinal, tokens[i].id == lexicon.symbols.of, stream.isMonth(tokens[i + 1]) {
            throw fail(.date(stream.text(number.firstToken..<i + 2)))
        }
    }

    /// Units written between the ends of a range ("between 2l and 7l", "from 30 celsius to 40"),
    /// and a percent sign or currency word on its first end ("10% to 20%").
    private mutating func skipUnitWords() {
        var skipped = 0
        while index < tokens.count, skipped < 3 {
            if let match = lexicon.percent.match(tokens, at: index) {
                percent = true
                index = match.end
            } else if let match = lexicon.currencies.match(tokens, at: index) {
                currency = match.value
                index = match.end
            } else if tokens[index].kind == .word, !stream.startsNumber(at: index),
                      lexicon.info(tokens[index]).map({ !$0.isRangeJoiner && !$0.isAnd }) ?? true,
                      lexicon.suffixes.match(tokens, at: index) == nil {
                index += 1
            } else {
                return
            }
            skipped += 1
        }
    }

    // MARK: - Qualifiers and metrics

    /// Records a bound or approximation word; a second one must agree with the first.
    private mutating func qualify(_ family: PhraseFamily, words: Range<Int>) throws(FigureError) {
        if let qualifier, qualifier.family != family {
            throw fail(.conflictingWords(stream.text(qualifier.words), stream.text(words)))
        }
        qualifier = Qualifier(family: family, words: words)
    }

    private mutating func name(_ id: String, words: String) throws(FigureError) {
        if let metric, metric.id != id { throw fail(.twoMetrics(metric.id, id)) }
        if metric == nil { metric = (id, words) }
    }

    // MARK: - The figure

    private func assemble(_ core: Core) throws(FigureError) -> ParsedPhrase {
        var family: PhraseFamily
        var figure: Figure
        let qualifierFamily = qualifier?.family
        switch core {
        case .zero:
            if let qualifier { throw fail(.notWithZero(stream.text(qualifier.words))) }
            family = .zero
            figure = .exactly(0)
        case .vague(let quantity):
            family = .vague
            figure = Figure(lower: quantity.lower, upper: quantity.upper, upperOpen: quantity.upperOpen,
                            approximate: true, coded: quantity.coded)
            switch qualifierFamily {
            case nil, .approximate?:
                break
            case .lowerBoundClosed?, .lowerBoundOpen?:
                figure.upper = nil
                figure.upperOpen = false
                figure.lowerOpen = qualifierFamily == .lowerBoundOpen
            case .upperBoundClosed?, .upperBoundOpen?:
                figure.lower = 0
                figure.upperOpen = quantity.upperOpen || qualifierFamily == .upperBoundOpen
                figure.coded = nil
            default:
                throw fail(.notWithVague(stream.text(qualifier!.words)))
            }
        case .range(let a, let b):
            family = .range
            figure = Figure(lower: a.value, upper: b.value, coded: a.value)
            if qualifierFamily == .approximate {
                figure.lower = clean(a.value * (1 - tolerance))
                figure.upper = clean(b.value * (1 + tolerance))
                figure.approximate = true
            } else if let qualifier {
                throw fail(.notWithRange(stream.text(qualifier.words)))
            }
        case .number(let number):
            if number.isOrdinal {
                if let qualifier { throw fail(.notWithOrdinal(stream.text(qualifier.words))) }
                family = .ordinal
                figure = .exactly(number.value, kind: .ordinal)
            } else {
                family = qualifierFamily ?? (number.value == 0 ? .zero : .exact)
                figure = interval(family, number.value)
            }
        }
        if percent && currency != nil { throw fail(.percentAndMoney) }
        if figure.kind != .ordinal {
            if percent {
                figure.kind = .percent
                if percentagePoints { figure.unit = "percentage points" }
            } else if let currency {
                figure.kind = .money
                figure.unit = currency
            }
        }
        return ParsedPhrase(text: phrase, figure: figure, family: family, metric: metric?.id, metricWords: metric?.words)
    }

    /// The interval of one number n in a family, with δ = `tolerance`.
    private func interval(_ family: PhraseFamily, _ n: Double) -> Figure {
        switch family {
        case .lowerBoundClosed: Figure(lower: n, upper: nil, coded: n)
        case .lowerBoundOpen: Figure(lower: n, upper: nil, lowerOpen: true, coded: n + 1)
        case .upperBoundClosed: Figure(lower: 0, upper: n, coded: nil)
        case .upperBoundOpen: Figure(lower: 0, upper: n, upperOpen: true, coded: nil)
        case .nearBelow:
            Figure(lower: clean(n * (1 - tolerance)), upper: n, upperOpen: true, approximate: true,
                   coded: clean(n * (1 - tolerance)).rounded(.up))
        case .nearAbove:
            Figure(lower: n, upper: clean(n * (1 + tolerance)), lowerOpen: true, approximate: true, coded: n + 1)
        case .approximate:
            Figure(lower: clean(n * (1 - tolerance)), upper: clean(n * (1 + tolerance)), approximate: true, coded: n)
        case .exact, .zero, .range, .vague, .ordinal: .exactly(n)
        }
    }

    /// Rounds away the binary noise of δ arithmetic (130 × 1.1 = 143.00000000000003) by keeping
    /// 12 significant digits, far more than any reported figure has.
    private func clean(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return x }
        let exponent = x.log10Floor
        if exponent <= 11 {
            let scale = Self.powerOfTen(11 - exponent)
            return (x * scale).rounded() / scale
        }
        let scale = Self.powerOfTen(exponent - 11)
        return (x / scale).rounded() * scale
    }

    /// 10ⁿ, exact for n ≤ 22.
    static func powerOfTen(_ n: Int) -> Double {
        if n < powers.count { return powers[n] }
        var result = powers[powers.count - 1]
        for _ in powers.count - 1..<n { result *= 10 }
        return result
    }

    private static let powers: [Double] = {
        var powers = [1.0]
        for _ in 1...22 { powers.append(powers[powers.count - 1] * 10) }
        return powers
    }()

    // MARK: - Helpers

    func fail(_ reason: FigureError.Reason) -> FigureError { FigureError(phrase, reason) }
}

private extension Double {
    /// ⌊log10(x)⌋ for x > 0, without Foundation.
    var log10Floor: Int {
        var exponent = 0
        var x = self
        while x >= 10 { x /= 10; exponent += 1 }
        while x < 1 { x *= 10; exponent -= 1 }
        return exponent
    }
}
