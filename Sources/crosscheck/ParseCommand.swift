import ArgumentParser
import CrosscheckCore

struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read figure phrases: the interval, kind, coded number and metric of each.",
        discussion: """
            Each phrase gives one line: `at least 23 killed  →  killed ≥ 23  (count, coded 23)`.
            A phrase that cannot be read gets one line on standard error naming it and what was
            not understood; the others are still printed. Exit 0 when all parsed, 2 when any failed.
            """
    )

    @Flag(help: "One JSON object per phrase, a line each.")
    var json = false

    @Option(help: "δ, the relative tolerance of approximate figures (\"about 80\" is [80(1−δ), 80(1+δ)]).")
    var tolerance: Double = 0.1

    @Option(help: "The phrases' language: auto (told by each phrase's words), en, uk, ru or de.")
    var language = LanguageChoice(nil)

    @Argument(parsing: .allUnrecognized, help: "Phrases to read; '-' reads phrases one per line from standard input; after '--' every word is a phrase (\"-5\").")
    var phrases: [String] = []

    mutating func validate() throws {
        // '--' ends the options: the words after it are phrases, "-5" among them.
        if let end = phrases.firstIndex(of: "--") { phrases.remove(at: end) }
        guard tolerance >= 0, tolerance < 1 else {
            throw ValidationError("--tolerance \(tolerance): δ must be at least 0 and below 1")
        }
        guard !phrases.isEmpty else { throw ValidationError("give at least one phrase, or '-' to read standard input") }
    }

    func run() throws {
        let parser = FigureParser(tolerance: tolerance, language: language.language)
        var printer = ParsePrinter(json: json)
        var failed = false
        for phrase in phrases {
            if phrase == "-" {
                while let line = readLine(strippingNewline: true) {
                    let phrase = line.hasSuffix("\r") ? String(line.dropLast()) : line
                    if phrase.allSatisfy(\.isWhitespace) { continue }
                    failed = printer.add(phrase, parser) || failed
                    if printer.pending >= 1024 { printer.flush() }
                }
            } else {
                failed = printer.add(phrase, parser) || failed
            }
        }
        printer.flush()
        if failed { throw ExitCode(2) }
    }
}

/// Prints results in blocks, aligning the arrows of a block's lines.
private struct ParsePrinter {
    let json: Bool
    private var results: [Result<ParsedPhrase, FigureError>] = []

    init(json: Bool) { self.json = json }

    var pending: Int { results.count }

    /// Parses one phrase; returns whether it failed.
    mutating func add(_ phrase: String, _ parser: FigureParser) -> Bool {
        let result = Result { () throws(FigureError) in try parser.parse(phrase) }
        results.append(result)
        if json { flush() }
        if case .failure = result { return true }
        return false
    }

    mutating func flush() {
        let width = results.compactMap { try? $0.get().text.count }.max() ?? 0
        var out = ""
        for result in results {
            switch result {
            case .success(let parsed) where json:
                out += parsed.json + "\n"
            case .failure(let error) where json:
                out += error.json + "\n"
            case .success(let parsed):
                let padding = String(repeating: " ", count: max(0, width - parsed.text.count))
                out += "\(parsed.text)\(padding)  →  \(parsed.summary)  (\(parsed.figure.detailsDescription))\n"
            case .failure(let error):
                FileOutput.standardOutput.write(out)
                out = ""
                FileOutput.standardError.write("error: \(error.message)\n")
            }
        }
        FileOutput.standardOutput.write(out)
        results.removeAll(keepingCapacity: true)
    }
}
