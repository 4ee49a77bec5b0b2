/// When a sentence says its figures stood: the day and time its words give ("on Saturday",
/// "yesterday", "on January 31", "as of 16:00"), read against the report's publication, at the
/// precision written. Each cue where it stands, so that a figure takes the nearest one.
struct Times {
    struct Cue {
        var at: Int
        var time: ReportedTime
        var words: String
    }

    private(set) var found: [Cue] = []

    init(_ stream: TokenStream, published: ReportedTime) {
        let tokens = stream.tokens, lexicon = stream.lexicon
        func word(_ i: Int) -> String { Self.word(i, stream) }
        let today = ReportedTime.epochDay(published.year, published.month, published.day)
        var clock: (at: Int, hour: Int, minute: Int)?
        for i in tokens.indices {
            let token = tokens[i]
            if token.kind == .number, i + 2 < tokens.count, tokens[i + 1].id == lexicon.symbols.colon, !tokens[i + 1].spaceBefore,
               tokens[i + 2].kind == .number, !tokens[i + 2].spaceBefore,
               let hour = Self.integer(token), let minute = Self.integer(tokens[i + 2]), hour < 24, minute < 60 {
                clock = (i, hour, minute)
                continue
            }
            // Words the calendar tables know, looked up by id: a string is made only for a day found.
            guard token.kind == .word, token.id >= 0, lexicon.weekdays.starts(with: token) || lexicon.relativeDays.starts(with: token)
                    || lexicon.info(token)?.isMonth == true else { continue }
            var day: Int64?
            var words = ""
            if let weekday = lexicon.weekdays.match(tokens, at: i)?.value {
                // The latest such day on or before the publication: 1970-01-01 was a Thursday.
                let published = Int((today + 3) % 7 + 7) % 7  // 0 is Monday
                day = today - Int64((published - weekday + 7) % 7)
            } else if let shift = lexicon.relativeDays.match(tokens, at: i)?.value {
                day = today + Int64(shift)
            } else if let info = lexicon.info(token), info.isMonth, token.capitalised || !info.isMonthOnlyCapitalised {
                // "January 31", "31 January", "19. Juni".
                let month = Int(info.month)
                let after = i + 1 < tokens.count && tokens[i + 1].kind == .number ? Self.integer(tokens[i + 1]) : nil
                let number = i > 1 && tokens[i - 1].id == lexicon.symbols.period && !tokens[i - 1].spaceBefore ? i - 2 : i - 1
                let before = number >= 0 && tokens[number].kind == .number ? Self.integer(tokens[number]) : nil
                if let date = after ?? before, date >= 1, date <= ReportedTime.daysIn(month, of: published.year) {
                    var year = published.year
                    if ReportedTime.epochDay(year, month, date) > today { year -= 1 }
                    day = ReportedTime.epochDay(year, month, date)
                    words = after != nil ? "\(word(i)) \(date)" : "\(date) \(word(i))"
                }
            }
            if let day, !Self.isNotAsOf(i, stream), let time = try? ReportedTime(Self.date(day)) {
                found.append(Cue(at: i, time: time, words: words.isEmpty ? word(i) : words))
            }
        }
        // A time of day: on the day the sentence names, else the publication's, in its zone.
        if let clock, published.precision == .instant {
            let day = found.last { abs($0.at - clock.at) < 12 }.map { ReportedTime.epochDay($0.time.year, $0.time.month, $0.time.day) } ?? today
            let offset = published.offsetMinutes
            let zone = (offset < 0 ? "-" : "+") + Self.two(abs(offset) / 60) + ":" + Self.two(abs(offset) % 60)
            if let time = try? ReportedTime(Self.date(day) + "T" + Self.two(clock.hour) + ":" + Self.two(clock.minute) + zone) {
                found.append(Cue(at: clock.at, time: time, words: "\(clock.hour):\(Self.two(clock.minute))"))
            }
        }
    }

    /// A day that is not when figures stood: the start of a period ("since June 14"), or the day
    /// of the event itself, named as its modifier ("the April 25 quake", "Saturday's attack").
    private static func isNotAsOf(_ i: Int, _ stream: TokenStream) -> Bool {
        let (tokens, lexicon) = (stream.tokens, stream.lexicon)
        func word(_ i: Int) -> String { Self.word(i, stream) }
        // The word before the day, past a day number written first ("since 14 June").
        var before = i - 1
        if before > 0, tokens[before].id == lexicon.symbols.period, !tokens[before].spaceBefore { before -= 1 }
        if before >= 0, tokens[before].kind == .number { before -= 1 }
        if before >= 0, tokens[before].kind == .word, lexicon.periodStarts.match(tokens, at: before) != nil { return true }
        if before >= 0, tokens[before].id == lexicon.symbols.the { return true }
        // "Saturday's": an apostrophe and an s right after the day (or after its number).
        var after = i + 1
        if after < tokens.count, tokens[after].kind == .number { after += 1 }
        return after + 1 < tokens.count && !tokens[after].spaceBefore
            && (tokens[after].id == lexicon.symbols.apostrophe || tokens[after].id == lexicon.symbols.rightQuote) && word(after + 1) == "s"
    }

    /// Token `i`'s word, lower-cased.
    private static func word(_ i: Int, _ stream: TokenStream) -> String { stream.text(i..<i + 1).lowercased() }

    /// The time nearest to a figure at tokens `figure`, before or after it.
    func nearest(to figure: Range<Int>) -> Cue? {
        found.min { Speakers.distance($0.at, figure) < Speakers.distance($1.at, figure) }
    }

    private static func integer(_ token: Token) -> Int? {
        guard token.fractionDigits == 0, token.end - token.start <= 2 else { return nil }
        return Int(token.mantissa)
    }

    private static func two(_ n: Int) -> String { ReportedTime.twoDigits(n) }

    static func date(_ days: Int64) -> String { ReportedTime.dateText(days) }
}
