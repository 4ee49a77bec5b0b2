import CrosscheckCore
import CrosscheckStore

/// `annotate`: a source's figures, one decision each.
extension Session {
    static let annotateHandlers: [String: Handler] = [
        "annotate": { session, command in
            try session.annotate(command.argument("SOURCE") ?? session.currentSource, acceptingAll: command.options["--accept"] != nil)
        },
    ]

    /// Walks through the figures extracted from a source's text: each shown in its sentence with
    /// the claim it would make, and a key: accept, edit, skip, quit. What is accepted becomes a
    /// claim of the current event linked to the source, its quote the figure's words.
    /// `acceptingAll`: every proposal with a metric becomes a claim, the rest are skipped, and
    /// nobody is asked: the bulk path for a pile of reports.
    private func annotate(_ sourceID: String?, acceptingAll: Bool) throws -> String {
        guard let sourceID else { throw SessionError("annotate which source? annotate SOURCE, or source use ID first") }
        guard let source = try workspace.database.sources([sourceID]).first else { throw SessionError("no source \"\(sourceID)\"") }
        guard let text = source.text, !text.isEmpty else {
            throw SessionError("\(sourceID) has no text; source add \(sourceID) … --text-file F gives it one")
        }
        guard acceptingAll || input != nil else { throw SessionError("annotate needs someone to answer") }
        let ledger = try currentLedger()
        currentSource = sourceID
        // The event's scopes and their aliases, as the analyst has them now.
        var extractor = Extractor()
        extractor.scopes = ledger.scopes
        extractor.published = source.published
        let mentions = extractor.extract(text)
        // What an earlier walk made a claim of, by where it stands: passed over, never made twice.
        let done = try workspace.database.spans(of: sourceID)
        var accepted = 0
        if acceptingAll { return acceptAll(mentions, done: done) }
        guard let input else { throw SessionError("annotate needs someone to answer") }
        for (index, mention) in mentions.enumerated() {
            var metric = mention.metric, phrase = mention.text, scope = mention.scope, speaker = mention.attributedTo
            output("\n[\(index + 1)/\(mentions.count)] line \(mention.line): \(mention.before)[\(mention.text)]\(mention.after)\n")
            if let claim = done[mention.start..<mention.end] {
                output("  done: \(claim)\n")
                continue
            }
            asking: while true {
                output("  → \(metric ?? "(no metric)")\(scope.map { " in " + $0 } ?? ""): \(phrase)"
                       + (speaker.map { " (attributed to \($0))" } ?? "") + (mention.asOf.map { " as of \($0)" } ?? "") + "\n")
                guard let key = try input.key("  accept, edit, skip, quit [a/e/s/q]? ") else { return "annotate: \(Figure.counted(accepted, "claim")) added\n" }
                switch key {
                case "a":
                    guard let chosen = metric else {
                        output("  which metric? edit (e) to give one, or skip (s)\n")
                        continue asking
                    }
                    let line = Self.claimAdd(mention, phrase: phrase, metric: chosen, scope: scope, speaker: speaker)
                    do {
                        output(try run(line) ?? "")
                        accepted += 1
                        break asking
                    } catch {
                        output("  \(error.message)\n")
                    }
                case "e":
                    guard let newMetric = input.line("  metric: ", default: metric ?? ""),
                          let newScope = input.line("  scope (empty for none): ", default: scope ?? ""),
                          let newPhrase = input.line("  figure: ", default: phrase),
                          let newSpeaker = input.line("  attributed to (empty for none): ", default: speaker ?? "") else {
                        return "annotate: \(Figure.counted(accepted, "claim")) added\n"
                    }
                    metric = newMetric.isEmpty ? nil : newMetric
                    scope = newScope.isEmpty || newScope == "-" ? nil : newScope
                    phrase = newPhrase
                    speaker = newSpeaker.isEmpty || newSpeaker == "-" ? nil : newSpeaker
                    // A metric or scope the event does not have yet is made here, not refused later.
                    guard try define(metric: metric, scope: scope, input) else { return "annotate: \(Figure.counted(accepted, "claim")) added\n" }
                case "s":
                    break asking
                case "q":
                    return "annotate: \(Figure.counted(accepted, "claim")) added\n"
                default:
                    output("  a, e, s or q\n")
                }
            }
        }
        return "annotate: \(Figure.grouped(Double(accepted))) of \(Figure.counted(mentions.count, "figure")) added as claims\n"
    }

    /// Every proposal that has a metric, as it stands; a line for each claim made, its conflicts,
    /// and each proposal refused (a figure already recorded from this source).
    private func acceptAll(_ mentions: [Mention], done: [Range<Int>: String]) -> String {
        var accepted = 0, skipped = 0, recorded = 0
        for mention in mentions {
            if done[mention.start..<mention.end] != nil {
                recorded += 1
                continue
            }
            guard let metric = mention.metric else {
                skipped += 1
                continue
            }
            do {
                let line = Self.claimAdd(mention, phrase: mention.text, metric: metric, scope: mention.scope, speaker: mention.attributedTo)
                output(try run(line) ?? "")
                accepted += 1
            } catch {
                output("  line \(mention.line), \"\(mention.text)\": \(error.message)\n")
            }
        }
        return "annotate: \(Figure.grouped(Double(accepted))) of \(Figure.counted(mentions.count, "figure")) added as claims, "
            + "\(Figure.grouped(Double(skipped))) without a metric skipped"
            + (recorded > 0 ? ", \(Figure.grouped(Double(recorded))) already recorded\n" : "\n")
    }

    /// The `claim add` a proposal makes: its words, metric, scope, speaker and time, its clause as
    /// the quote, and where it stands in the text.
    static func claimAdd(_ mention: Mention, phrase: String, metric: String, scope: String?, speaker: String?) -> String {
        var line = "claim add \(ParsedCommand.quoted(phrase)) --metric \(ParsedCommand.quoted(metric)) --quote \(ParsedCommand.quoted(mention.clause ?? mention.text))"
            + " --span \(mention.start),\(mention.end)"
        if let scope { line += " --scope \(ParsedCommand.quoted(scope))" }
        if let speaker { line += " --attributed \(ParsedCommand.quoted(speaker))" }
        if let asOf = mention.asOf { line += " --as-of \(asOf.description)" }
        return line
    }

    /// Makes a metric or scope named in an edit that the event does not have yet, asking what it
    /// needs (a metric's kind, what a scope is part of); false at the end of input.
    private func define(metric: String?, scope: String?, _ input: SessionInput) throws -> Bool {
        let ledger = try currentLedger()
        if let metric, !ledger.knows(metric: metric) {
            var kind: String?
            while kind == nil {
                guard let answer = input.line("  \(metric) is a new metric: cumulative or snapshot? ", default: "") else { return false }
                kind = MetricKind(rawValue: answer)?.rawValue
            }
            output(try run("metric add \(ParsedCommand.quoted(metric)) --kind \(kind!)") ?? "")
        }
        if let scope, ledger.scope(named: scope) == nil {
            guard let whole = input.line("  \(scope) is a new scope: part of (empty for none)? ", default: "") else { return false }
            output(try run("scope add \(ParsedCommand.quoted(scope))" + (whole.isEmpty ? "" : " --part-of \(ParsedCommand.quoted(whole))")) ?? "")
        }
        return true
    }
}
