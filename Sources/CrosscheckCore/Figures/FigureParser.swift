/// A phrase read as a figure: the interval, the family of words it was written in, and the
/// metric it names, if any.
public struct ParsedPhrase: Sendable, Hashable {
    /// The phrase as given.
    public var text: String
    public var figure: Figure
    public var family: PhraseFamily
    /// The metric the phrase names ("at least 23 killed" → `killed`); nil when no word decides it.
    public var metric: String?
    /// The words that named the metric ("killed", "lives lost").
    public var metricWords: String?
    /// The language the phrase was read in.
    public var language: Language = .english
}

/// Reads figure phrases ("at least 23 killed", "400+ drones", "dozens of missiles", "щонайменше
/// 23 загиблих", "mindestens 28 Tote") into intervals, by the conventions of DESIGN.md.
///
/// The tolerance δ widens approximate figures: "about 80" is [80(1−δ), 80(1+δ)].
public struct FigureParser: Sendable {
    /// δ, the relative tolerance of approximate figures (0.1 = 10%).
    public var tolerance: Double
    /// The language phrases are read in; nil tells it from each phrase's words.
    public var language: Language?
    let lexicons: Lexicons

    public init(tolerance: Double = 0.1, vocabulary: MetricVocabulary = .standard, language: Language? = nil) {
        self.tolerance = tolerance
        self.language = language
        self.lexicons = Lexicons.compiled(for: vocabulary)
    }

    /// The figure of a phrase, or an error that names the phrase and what was not understood.
    ///
    /// Told from its words, a phrase is read in their language; where another language of the
    /// same script reads words that one does not ("dreiundzwanzig" has no word only German
    /// tables hold), in that one.
    public func parse(_ phrase: String) throws(FigureError) -> ParsedPhrase {
        var utf8 = phrase
        let result: Result<ParsedPhrase, FigureError> = utf8.withUTF8 { bytes in
            let (result, lexicon) = read(phrase, bytes, lexicons[language ?? .english], telling: language == nil)
            guard language == nil, case .failure(let error) = result else { return result }
            switch error.reason {
            case .notUnderstood, .noNumber, .secondFigure: break
            default: return result
            }
            for (k, other) in LanguageTables.all.enumerated() where k != lexicon.languageIndex && other.script == lexicon.language.script {
                if case .success(let parsed) = read(phrase, bytes, lexicons.lexicon(k), telling: false).result { return .success(parsed) }
            }
            return result
        }
        return try result.get()
    }

    /// The phrase read with a lexicon, or with the one its words tell when `telling`: the result
    /// and the lexicon it was read with.
    private func read(
        _ phrase: String, _ bytes: UnsafeBufferPointer<UInt8>, _ lexicon: Lexicon, telling: Bool
    ) -> (result: Result<ParsedPhrase, FigureError>, lexicon: Lexicon) {
        var lexicon = lexicon
        var tokens: [Token]
        do throws(TokenizerFailure) {
            tokens = try PhraseTokenizer.tokenize(bytes, lexicon: lexicon)
        } catch {
            switch error {
            case .control(let scalar):
                return (.failure(FigureError(phrase, .controlCharacter(scalar))), lexicon)
            case .foreignDigits(let start, let end):
                let digits = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                return (.failure(FigureError(phrase, .foreignDigits(digits))), lexicon)
            }
        }
        // A phrase whose every word the first language reads is read in it: nothing to tell.
        if telling, !tokens.allSatisfy({ $0.kind != .word || ($0.id >= 0 && lexicon.info[Int($0.id)].isCue) }) {
            // A phrase split with one lexicon splits with all: they differ in words, not in what they refuse.
            lexicon = lexicons.split(bytes, from: lexicon, into: &tokens, isSplit: true) { lexicon, tokens in
                tokens = (try? PhraseTokenizer.tokenize(bytes, lexicon: lexicon)) ?? tokens
            }
        }
        var reader = PhraseReader(TokenStream(bytes: bytes, tokens: tokens, lexicon: lexicon), phrase: phrase, tolerance: tolerance)
        do throws(FigureError) {
            var parsed = try reader.read()
            parsed.language = Language(index: lexicon.languageIndex)
            return (.success(parsed), lexicon)
        } catch {
            return (.failure(error), lexicon)
        }
    }
}
