import Foundation

/// A language crosscheck reads figures in.
public struct Language: Sendable, Hashable, CustomStringConvertible {
    /// The language's place in `LanguageTables.all`: a byte, since every mention carries one.
    private let place: UInt8
    var index: Int { Int(place) }

    /// Its ISO 639-1 code: "en", "uk", "ru", "de".
    public var code: String { LanguageTables.codes[index] }
    /// Its English name: "Ukrainian".
    public var name: String { LanguageTables.names[index] }
    public var description: String { code }

    /// The language of a code or an English name, in any case; nil for one crosscheck does not read.
    public init?(_ text: String) {
        let text = text.lowercased()
        guard let index = LanguageTables.all.firstIndex(where: { $0.code == text || $0.name.lowercased() == text }) else { return nil }
        place = UInt8(index)
    }

    init(index: Int) {
        place = UInt8(index)
    }

    public static let english = Language(index: 0)

    /// Every language crosscheck reads, English first.
    public static var all: [Language] { LanguageTables.all.indices.map(Language.init(index:)) }
}

/// The lexicons of every language for one metric vocabulary, and how the language of a stretch
/// of text is told: by the script most of its words are in, then by the words and letters of
/// each language of that script it holds (`LanguageTables.tellingWords`, `ownLetters`).
final class Lexicons: @unchecked Sendable {
    private let vocabulary: MetricVocabulary
    /// By place in `LanguageTables.all`, each compiled the first time a text asks for it: a text
    /// in one language compiles one lexicon. Guarded by `lock`.
    private var compiled: [Lexicon?]
    private let lock = NSLock()
    /// The first language's, compiled at once: what every text and phrase starts from, read
    /// without the lock.
    let first: Lexicon
    /// The languages a letter is of, one bit each, by scalar value below U+0800: "ї" Ukrainian.
    private let ownLetters: [UInt8]

    static let standard = Lexicons(vocabulary: .standard)

    /// The lexicons of a vocabulary: the standard one's shared, any other compiled for it.
    static func compiled(for vocabulary: MetricVocabulary) -> Lexicons {
        vocabulary == .standard ? standard : Lexicons(vocabulary: vocabulary)
    }

    init(vocabulary: MetricVocabulary) {
        precondition(LanguageTables.all.count <= 8, "one bit a language in a byte")
        self.vocabulary = vocabulary
        first = Lexicon(LanguageTables.all[0], vocabulary: vocabulary)
        compiled = [first] + Array(repeating: nil, count: LanguageTables.all.count - 1)
        var letters = [UInt8](repeating: 0, count: 0x800)
        for (index, language) in LanguageTables.all.enumerated() {
            for scalar in language.ownLetters.unicodeScalars where scalar.value < 0x800 {
                letters[Int(scalar.value)] |= 1 << UInt8(index)
            }
        }
        ownLetters = letters
    }

    subscript(language: Language) -> Lexicon { lexicon(language.index) }

    /// The lexicon of the language at a place of `LanguageTables.all`.
    func lexicon(_ index: Int) -> Lexicon {
        if index == 0 { return first }
        lock.lock()
        defer { lock.unlock() }
        if let lexicon = compiled[index] { return lexicon }
        let lexicon = Lexicon(LanguageTables.all[index], vocabulary: vocabulary)
        compiled[index] = lexicon
        return lexicon
    }

    /// A word's vote for each language its bits name, one lane a language.
    private static let votes: [SIMD8<Int32>] = (0..<256).map { bits in
        SIMD8<Int32>((0..<8).map { Int32(bits >> $0 & 1) })
    }

    /// Splits text into `tokens` with the lexicon of the language its words tell, starting from
    /// `lexicon`'s: split again only when another language is told, and once more when that
    /// one's script is not `lexicon`'s (a lexicon knows the telling words of its own script only).
    /// `tokens` may hold the text split with `lexicon` already (`isSplit`).
    func split(_ bytes: UnsafeBufferPointer<UInt8>, from lexicon: Lexicon, into tokens: inout [Token], isSplit: Bool = false,
               with tokenize: (Lexicon, inout [Token]) -> Void) -> Lexicon {
        if !isSplit { tokenize(lexicon, &tokens) }
        let index = tell(tokens, bytes, lexicon)
        guard index != lexicon.languageIndex else { return lexicon }
        let told = self.lexicon(index)
        tokenize(told, &tokens)
        guard told.language.script != lexicon.language.script else { return told }
        let again = self.lexicon(tell(tokens, bytes, told))
        if again !== told { tokenize(again, &tokens) }
        return again
    }

    /// The language of words as `lexicon` split them; `lexicon`'s where nothing tells it apart (a
    /// sentence of digits, a tie).
    func tell(_ tokens: [Token], _ bytes: UnsafeBufferPointer<UInt8>, _ lexicon: Lexicon) -> Int {
        let current = lexicon.languageIndex
        var latin = 0, cyrillic = 0
        var votes = SIMD8<Int32>(repeating: 0)
        lexicon.info.withUnsafeBufferPointer { info in
        tokens.withUnsafeBufferPointer { tokens in
        for token in tokens where token.kind == .word {
            var bits: UInt8 = token.id >= 0 ? info[Int(token.id)].languages : 0
            if bytes[token.start] < 0x80 {
                latin += 1
            } else {
                var isCyrillic = false
                var i = token.start
                while i < token.end {
                    let byte = bytes[i]
                    if byte & 0xE0 == 0xC0, i + 1 < token.end {
                        let value = Int(byte & 0x1F) << 6 | Int(bytes[i + 1] & 0x3F)
                        bits |= ownLetters[value]
                        if value >= 0x400 && value < 0x530 { isCyrillic = true }
                        i += 2
                    } else {
                        i += 1
                    }
                }
                if isCyrillic { cyrillic += 1 } else { latin += 1 }
            }
            votes &+= Self.votes[Int(bits)]
        }
        }
        }
        guard latin + cyrillic > 0 else { return current }
        let script: LanguageTables.Script = cyrillic > latin ? .cyrillic : .latin
        var best = -1
        for k in LanguageTables.scripts.indices where LanguageTables.scripts[k] == script {
            if best < 0 || votes[k] > votes[best] || (votes[k] == votes[best] && k == current) { best = k }
        }
        return best
    }
}

extension LanguageTables {
    /// The words that tell each language, by place in `all`: its markers and the words of its
    /// number, qualifier and cue tables. A word of two languages tells neither from the other.
    static let tellingWords: [[String]] = all.map { language in
        var phrases = language.markers + language.cardinals.map(\.word) + language.multipliers.map(\.word)
        phrases += language.prefixes.map(\.phrase) + language.suffixes.map(\.phrase) + language.neutral
        phrases += language.tooVague + language.zero + language.vague.map(\.phrase) + language.people + language.auxiliaries
        phrases += language.speechVerbs + language.speakerOpeners + language.tollVerbs + language.rangeOpeners
        phrases += language.metricWords.flatMap(\.words) + language.months.map(\.word) + language.weekdays.flatMap { $0 }
        var words = Set<String>()
        for phrase in phrases {
            for piece in PhraseTokenizer.pieces(of: phrase.lowercased()) where piece.unicodeScalars.first?.properties.isAlphabetic == true {
                words.insert(piece)
            }
        }
        return words.sorted()
    }

    /// Each language's code, name and script, by place: read per sentence and per mention, not
    /// copied out of the whole tables.
    static let codes = all.map(\.code)
    static let names = all.map(\.name)
    static let scripts = all.map(\.script)

    /// Every language's abbreviations: a sentence is cut before its language is told.
    static let allAbbreviations: Set<String> = Set(all.flatMap(\.abbreviations))

    /// Every language's month names: "19. Juni" is a date before any language is told.
    static let allMonths: Set<String> = Set(all.flatMap { $0.months.map(\.word) })
}
