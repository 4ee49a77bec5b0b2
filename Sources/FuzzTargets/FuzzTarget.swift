import CrosscheckCore
import CrosscheckPages

/// What the fuzzers drive: the figure parser, extraction, the ledger-file reader and the web-page
/// reader, each given any bytes. None may crash, and each keeps a promise the rest of crosscheck relies on.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// A phrase: a figure or a `FigureError`; a figure's interval is ordered and never NaN.
    case parse
    /// An article: refused if not UTF-8, else mentions whose figures are sound.
    case extract
    /// A ledger file, read as `Sources.json` and as an event file: refused with a `LedgerError`,
    /// or read into a ledger whose written form reads back to the same bytes.
    case ledger
    /// A web page: a `PageError`, or an article of paragraphs, each one line and not empty.
    case html

    /// Runs the target on `bytes`; the promise it broke, or nil.
    public func violation(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        switch self {
        case .parse:
            let phrase = String(decoding: bytes, as: UTF8.self)
            guard let parsed = try? FigureParser().parse(phrase) else { return nil }
            return Self.unsound(parsed.figure).map { "parse \(phrase.debugDescription): \($0)" }
        case .extract:
            guard UTF8Validation.firstInvalidByte(in: bytes) == nil else { return nil }
            var found: String?
            _ = Extractor().scan(bytes, from: Extractor.Position()) { mention in
                if found == nil, let problem = Self.unsound(mention.figure) { found = "mention \(mention.text.debugDescription): \(problem)" }
                if found == nil, mention.start > mention.end { found = "mention \(mention.text.debugDescription) ends before it starts" }
            }
            return found
        case .ledger:
            guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
            if let registry = try? LedgerFiles.readRegistry(text) {
                let written = LedgerFiles.writeRegistry(registry)
                guard let again = try? LedgerFiles.readRegistry(written) else { return "Sources.json as written does not read back" }
                if LedgerFiles.writeRegistry(again) != written { return "Sources.json is not written the same twice" }
            }
            if let ledger = try? LedgerFiles.readEvent(text) {
                let written = LedgerFiles.writeEvent(ledger)
                guard let again = try? LedgerFiles.readEvent(written) else { return "the event file as written does not read back" }
                if LedgerFiles.writeEvent(again) != written { return "the event file is not written the same twice" }
            }
            return nil
        case .html:
            guard let article = try? ArticleReader.read(Array(bytes)) else { return nil }
            if article.paragraphs.isEmpty { return "an article without paragraphs" }
            if let bad = article.paragraphs.first(where: { $0.isEmpty || $0.contains(where: \.isNewline) }) {
                return "paragraph \(bad.debugDescription) is empty or spans lines"
            }
            return nil
        }
    }

    /// What is wrong with a figure's interval: an end that is NaN, or ends out of order.
    public static func unsound(_ figure: Figure) -> String? {
        if figure.lower.isNaN || figure.upper?.isNaN == true { return "an end is NaN" }
        if let upper = figure.upper, upper < figure.lower { return "upper end \(upper) below lower end \(figure.lower)" }
        return nil
    }
}
