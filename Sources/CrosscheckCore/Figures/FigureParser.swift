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
}

/// Reads English figure phrases ("at least 23 killed", "400+ drones", "dozens of missiles")
/// into intervals, by the conventions of DESIGN.md.
///
/// The tolerance δ widens approximate figures: "about 80" is [80(1−δ), 80(1+δ)].
public struct FigureParser: Sendable {
    /// δ, the relative tolerance of approximate figures (0.1 = 10%).
    public var tolerance: Double
    let lexicon: Lexicon

    public init(tolerance: Double = 0.1, vocabulary: MetricVocabulary = .standard) {
        self.tolerance = tolerance
        self.lexicon = Lexicon.compiled(for: vocabulary)
    }

    /// The figure of a phrase, or an error that names the phrase and what was not understood.
    public func parse(_ phrase: String) throws(FigureError) -> ParsedPhrase {
        var utf8 = phrase
        let result: Result<ParsedPhrase, FigureError> = utf8.withUTF8 { bytes in
            let tokens: [Token]
            do throws(TokenizerFailure) {
                tokens = try PhraseTokenizer.tokenize(bytes, lexicon: lexicon)
            } catch {
                switch error {
                case .control(let scalar):
                    return .failure(FigureError(phrase, .controlCharacter(scalar)))
                case .foreignDigits(let start, let end):
                    let digits = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                    return .failure(FigureError(phrase, .foreignDigits(digits)))
                }
            }
            var reader = PhraseReader(TokenStream(bytes: bytes, tokens: tokens, lexicon: lexicon), phrase: phrase, tolerance: tolerance)
            do throws(FigureError) {
                return .success(try reader.read())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}
