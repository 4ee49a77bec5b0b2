/// Extraction's figure pass: where a figure may start, and which numbers are no count (years,
/// ages, durations, identifiers, page furniture) and are skipped.
extension SentenceScanner {
    /// A number, a number word, or words that lead into one as the figure parser reads them
    /// ("at least", "up to", "dozens", "no", "a hundred"): an article, or a preposition that can
    /// open a qualifier ("under", "in excess of"), with no number after it is passed without a parse.
    func mayStartFigure(_ i: Int) -> Bool {
        let token = tokens[i]
        if token.kind == .number { return true }
        guard token.id >= 0 else { return false }
        let info = lexicon.info[Int(token.id)]
        if info.cardinal >= 0 || info.multiplier > 0 || info.isOneAndAHalf { return true }
        guard info.isArticle || info.isHalf || info.currencySymbolIndex >= 0
            || lexicon.prefixes.starts(with: token) || lexicon.vague.starts(with: token)
            || lexicon.zero.starts(with: token) || lexicon.rangeOpeners.starts(with: token) else { return false }
        return leadsToNumber(from: i)
    }

    /// Whether the words from `i` lead to a number, a vague quantity or zero through qualifiers,
    /// range openers and currency symbols, as `PhraseReader.readMention` goes through them.
    private func leadsToNumber(from i: Int) -> Bool {
        var k = i
        while k < tokens.count, !stream.startsNumber(at: k) {
            guard k - i < 6 else { return false }
            if lexicon.vague.match(tokens, at: k) != nil || lexicon.zero.match(tokens, at: k) != nil { return true }
            if let prefix = lexicon.prefixes.match(tokens, at: k) {
                k = prefix.end
            } else if let opener = lexicon.rangeOpeners.match(tokens, at: k) {
                k = opener.end
            } else if lexicon.info(tokens[k])?.currencySymbolIndex ?? -1 >= 0 {
                k += 1
            } else {
                return false
            }
        }
        return k < tokens.count
    }

    // MARK: - What is not a count

    /// Years, identifiers, phone numbers, ages, durations, modifiers, page furniture, references, ordinals.
    func isNotACount(_ parsed: ParsedPhrase, _ start: Int, _ end: Int) -> Bool {
        if parsed.figure.kind == .ordinal { return true }
        if let first = (start..<end).first(where: { tokens[$0].kind == .number }) {
            let token = tokens[first]
            if first > 0, !token.spaceBefore, isAttachedToName(first) { return true }
            // A step of a web path: "6/recent/ticker-posts".
            if first + 2 < tokens.count, tokens[first + 1].id == lexicon.symbols.slash, !tokens[first + 1].spaceBefore,
               tokens[first + 2].kind == .word, !tokens[first + 2].spaceBefore { return true }
            if isPhoneNumber(first, end) { return true }
            // "станом на 19.06", "о 12.00": a day and a month, or a time, where the language writes
            // decimals with a comma.
            if token.pointDecimal, token.fractionDigits == 2, token.integerDigits <= 2 { return true }
            // A year: four bare digits, 1800–2100, that count nothing ("since 2014", "the 2022 invasion").
            if parsed.family == .exact, end - start == 1, token.integerDigits == 4, token.end - token.start == 4,
               (1800...2100).contains(parsed.figure.lower), countedNoun(after: end) == nil, !isPeople(at: end) {
                return true
            }
        }
        // "June 19": digits of a day after a month whose day is not written before it ("19 June four people").
        if start > 0, stream.isMonth(tokens[start - 1]), tokens[start].kind == .number, parsed.figure.lower <= 31,
           start < 2 || tokens[start - 2].kind != .number { return true }
        if end < tokens.count, tokens[end].joined { return true }  // "a nine-storey building", "45-year-old"
        if lexicon.ageAfter.match(tokens, at: end) != nil || lexicon.durationAfter.match(tokens, at: end) != nil { return true }
        // "7 и 9 лет", "aged 7 and 9 years": a number joined to one a duration or an age follows shares its unit.
        if let join = lexicon.listJoins.match(tokens, at: end), join.end + 1 < tokens.count, tokens[join.end].kind == .number,
           lexicon.ageAfter.match(tokens, at: join.end + 1) != nil || lexicon.durationAfter.match(tokens, at: join.end + 1) != nil {
            return true
        }
        if let furniture = lexicon.furnitureAfter.match(tokens, at: end), furniture.end > end { return true }
        if (end..<min(end + 3, tokens.count)).contains(where: { lexicon.ago.match(tokens, at: $0) != nil }) { return true }
        return endsHere(lexicon.ageBefore, at: start) || endsHere(lexicon.furnitureBefore, at: start)
            || endsHere(lexicon.identifierBefore, at: start)
    }

    /// "MH17", "Su-34", "#Kyiv2025", "@user123", "v2": digits joined to a name are part of it.
    func isAttachedToName(_ i: Int) -> Bool {
        let before = tokens[i - 1]
        if before.kind == .word { return true }
        guard before.kind == .symbol else { return false }
        let info = lexicon.info(before)
        if info?.currencySymbolIndex ?? -1 >= 0 { return false }
        if info?.isRangeDash == true {
            // "Su-34": a dash joined to a name on its left; "20 -34" or "x - 34" is not.
            return !before.spaceBefore && i >= 2 && tokens[i - 2].kind == .word
        }
        let symbols = lexicon.symbols
        return before.id == symbols.hash || before.id == symbols.at || before.id == symbols.slash || before.id == symbols.plus
            || before.id < 0
    }

    /// After digits that were not a count, the groups joined to them ("-2222-2222"), which are not either.
    func pastDigitChain(_ end: Int) -> Int {
        var i = end
        while i + 1 < tokens.count, tokens[i].kind == .symbol, !tokens[i].spaceBefore,
              tokens[i + 1].kind == .number, !tokens[i + 1].spaceBefore {
            i += 2
        }
        return i
    }

    /// "+1-222-2222-2222", "044-123-4567": three or more groups of digits joined by dashes.
    func isPhoneNumber(_ first: Int, _ end: Int) -> Bool {
        var groups = 1
        var i = first + 1
        while i + 1 < tokens.count, lexicon.info(tokens[i])?.isRangeDash == true, !tokens[i].spaceBefore,
              tokens[i + 1].kind == .number, !tokens[i + 1].spaceBefore {
            groups += 1
            i += 2
        }
        return groups >= 3
    }

    /// Whether a phrase of `table` ends right before token `start` ("Article 5", "No. 5", "aged 45").
    func endsHere(_ table: PhraseTable<Bool>, at start: Int) -> Bool {
        for from in max(0, start - 3)..<start {
            if let match = table.match(tokens, at: from), match.end == start { return true }
        }
        return false
    }

    /// Vague words, zero and "one" are figures only where a metric makes them one: "several
    /// times", "no doubt" and "one of them" are not.
    func needsMetric(_ parsed: ParsedPhrase, _ start: Int, _ end: Int) -> Bool {
        switch parsed.family {
        case .vague, .zero: return true
        default: return tokens[start].kind == .word && parsed.figure.lower <= 1 && end - start <= 2
        }
    }
}
