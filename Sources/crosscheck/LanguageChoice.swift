import ArgumentParser
import CrosscheckCore

/// `--language`: `auto`, which tells each sentence's language from its words, or a language
/// crosscheck reads, by its code or its English name.
struct LanguageChoice: ExpressibleByArgument {
    /// nil for `auto`.
    var language: Language?

    init?(argument: String) {
        if argument.lowercased() == "auto" {
            language = nil
        } else if let language = Language(argument) {
            self.language = language
        } else {
            return nil
        }
    }

    init(_ language: Language?) {
        self.language = language
    }

    static var allValueStrings: [String] { ["auto"] + Language.all.map(\.code) }

    var defaultValueDescription: String { language?.code ?? "auto" }
}
