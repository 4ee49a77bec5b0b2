import ArgumentParser
import CrosscheckCore
import CrosscheckStore
import Foundation

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find every figure in a text: where it stands, what it counts, its interval.",
        discussion: """
            Each mention gives its line, the metric and interval, and the sentence with the figure
            highlighted (in colour on a terminal, in [brackets] when piped). Dates, years, times,
            ordinals, ages, modifiers, phone numbers, identifiers, numbers in web addresses and
            page furniture are skipped. Exit 2 when the text cannot be read or is not UTF-8.
            """
    )

    @Flag(help: "One JSON object per mention, a line each.")
    var json = false

    @Option(help: "δ, the relative tolerance of approximate figures.")
    var tolerance: Double = 0.1

    @Option(help: "The text's language: auto (told sentence by sentence), en, uk, ru or de.")
    var language = LanguageChoice(nil)

    @Argument(help: "The text to read: a file, or '-' for standard input.")
    var file: String

    func validate() throws {
        guard tolerance >= 0, tolerance < 1 else {
            throw ValidationError("--tolerance \(tolerance): δ must be at least 0 and below 1")
        }
    }

    func run() throws {
        let data: Data
        do {
            data = file == "-" ? FileHandle.standardInput.readDataToEndOfFile()
                : try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw Failure("\(file): cannot read: \(StoreError.reason(error))")
        }
        var extractor = Extractor(tolerance: tolerance, language: language.language)
        extractor.includesContext = !json
        let colour = !json && isatty(1) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        var out = ""
        let invalid: Int? = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            if let bad = UTF8Validation.firstInvalidByte(in: bytes) { return bad }
            _ = extractor.scan(bytes, from: Extractor.Position()) { mention in
                out += json ? mention.json + "\n" : Self.describe(mention, colour: colour)
                if out.utf8.count > 1 << 16 {
                    FileOutput.standardOutput.write(out)
                    out = ""
                }
            }
            return nil
        }
        if let invalid {
            throw Failure("\(file == "-" ? "standard input" : file): not UTF-8 text: byte \(invalid) "
                          + "(0x\(String(data[data.startIndex + invalid], radix: 16, uppercase: true))) is not valid UTF-8")
        }
        FileOutput.standardOutput.write(out)
    }

    /// "line 3  killed ≥ 23  (count, coded 23)", then the sentence with the figure marked.
    static func describe(_ mention: Mention, colour: Bool) -> String {
        let summary = (mention.metric.map { $0 + " " } ?? "") + mention.figure.intervalDescription
        let marked = colour ? "\u{1B}[1;33m\(mention.text)\u{1B}[0m" : "[\(mention.text)]"
        return "line \(mention.line)  \(summary)  (\(mention.figure.detailsDescription))\n    \(mention.before)\(marked)\(mention.after)\n"
    }
}
