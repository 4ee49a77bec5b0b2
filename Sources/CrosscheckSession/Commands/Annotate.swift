import CrosscheckCore
import CrosscheckStore

/// `annotate`: a source's figures, one decision each.
extension Session {
    static let annotateHandlers: [String: Handler] = [
        "annotate": { session, command in
            try session.annotate(command.argument("SOURCE") ?? session.currentSource, acceptingAll: command.options["--accept"] != nil)
        },
    ]

    /// What a claim made of a mention will say, as the analyst has it after any edit.
    struct Proposal {
        var metric: String?
        var scope: String?
        var phrase: String
        var speaker: String?
        var asOf: ReportedTime?
        let role: MentionRole?

        init(_ mention: Mention) {
            (metric, scope, phrase, speaker, asOf) = (mention.metric, mention.scope, mention.text, mention.attributedTo, mention.asOf)
            role = mention.role
        }

        var description: String {
            "  → \(metric ?? "(no metric)")\(scope.map { " in " + $0 } ?? ""): \(phrase)"
                + (speaker.map { " (attributed to \($0))" } ?? "") + (asOf.map { " as of \($0)" } ?? "")
                + (role.map { " — " + Self.roleNote($0) } ?? "") + "\n"
        }

        static func roleNote(_ role: MentionRole) -> String {
            switch role {
            case .part: "a part of the figure before it"
            case .rise: "how much the count rose, not the count"
            case .projection: "what the count may come to, not a count"
            case .earlier: "what the count was before, as the report recalls it"
            }
        }
    }

    /// How an edit of a proposal ended.
    enum Edit {
        case edited(Proposal)
        /// Ctrl-C at one of its questions: the proposal stands as it was.
        case cancelled
        case ended
    }

    /// Walks through the figures extracted from a source's text: each shown in its sentence with
    /// the claim it would make, and a key: accept, edit, skip, quit. What is accepted becomes a
    /// claim of the current event linked to the source, its quote the figure's clause. A figure
    /// an earlier walk made a claim of (the same span) is shown as done and passed over.
    /// `acceptingAll`: every proposal with a metric becomes a claim, the rest are skipped, and
    /// nobody is asked: the bulk path for a pile of reports.
    private func annotate(_ sourceID: String?, acceptingAll: Bool) throws -> String {
        guard let sourceID else { throw SessionError("annotate which source? annotate SOURCE, or source use ID first") }
        guard let source = try workspace.store.sources([sourceID]).first else { throw SessionError("no source \"\(sourceID)\"") }
        guard let text = source.text, !text.isEmpty else {
            throw SessionError("\(sourceID) has no text; source add \(sourceID) … --text-file F gives it one")
        }
        guard acceptingAll || input != nil else { throw SessionError("annotate needs someone to answer") }
        let ledger = try currentLedger()
        currentSource = sourceID
        // The event's metrics, scopes and their aliases, as the analyst has them now.
        var vocabulary = MetricVocabulary.standard
        for metric in ledger.metrics { vocabulary.add(metric) }
        var extractor = Extractor(vocabulary: vocabulary)
        extractor.scopes = ledger.scopes
        extractor.published = source.published
        let mentions = extractor.extract(text)
        let done = try workspace.store.spans(of: sourceID)
        if acceptingAll { return acceptAll(mentions, done: done) }
        guard let input else { throw SessionError("annotate needs someone to answer") }
        var accepted = 0
        let stopped = { "annotate: \(Figure.counted(accepted, "claim")) added\n" }
        for (index, mention) in mentions.enumerated() {
            output("\n[\(index + 1)/\(mentions.count)] line \(mention.line): \(mention.before)[\(mention.text)]\(mention.after)\n")
            if let claim = done[mention.start..<mention.end] {
                output("  done: \(claim)\n")
                continue
            }
            var proposal = Proposal(mention)
            asking: while true {
                output(proposal.description)
                guard let key = try input.key("  accept, edit, skip, quit [a/e/s/q]? ") else { return stopped() }
                switch key {
                case "a":
                    guard let metric = proposal.metric else {
                        output("  which metric? edit (e) to give one, or skip (s)\n")
                        continue asking
                    }
                    do {
                        output(try run(Self.claimAdd(mention, proposal, metric: metric)) ?? "")
                        accepted += 1
                        break asking
                    } catch {
                        output("  \(error.message)\n")
                    }
                case "e":
                    switch try edit(proposal, speakers: mentions.compactMap(\.attributedTo), input) {
                    case .edited(let edited): proposal = edited
                    case .cancelled: output("  edit called off; the proposal stands\n")
                    case .ended: return stopped()
                    }
                case "s":
                    break asking
                case "q":
                    return stopped()
                default:
                    output("  a, e, s or q\n")
                }
            }
        }
        return "annotate: \(Figure.grouped(Double(accepted))) of \(Figure.counted(mentions.count, "figure")) added as claims\n"
    }

    /// Asks for each field of a proposal with its value typed in and Tab completing the event's
    /// metrics, scopes and the text's speakers; a metric or scope the event does not have yet is
    /// made here, not refused later.
    private func edit(_ proposal: Proposal, speakers: [String], _ input: SessionInput) throws -> Edit {
        let ledger = try currentLedger()
        var edited = proposal
        var interruption = LineAnswer.cancelled
        // nil when the question was called off; an empty answer or "-" is none.
        func ask(_ prompt: String, _ value: String?, _ choices: [String] = []) -> String?? {
            switch input.line(prompt, default: value ?? "", choices: Array(Set(choices)).sorted()) {
            case .text(let text): return .some(text.isEmpty || text == "-" ? nil : text)
            case let other:
                interruption = other
                return .none
            }
        }
        func stopped() -> Edit { interruption == .ended ? .ended : .cancelled }
        let metrics = ledger.metrics.map(\.id) + MetricVocabulary.standard.metrics.map(\.id)
        guard let metric = ask("  metric: ", edited.metric, metrics),
              let scope = ask("  scope (empty for none): ", edited.scope, ledger.scopes.flatMap { [$0.id] + $0.aliases }),
              let phrase = ask("  figure: ", edited.phrase),
              let speaker = ask("  attributed to (empty for none): ", edited.speaker, speakers) else { return stopped() }
        (edited.metric, edited.scope, edited.phrase, edited.speaker) = (metric, scope, phrase ?? proposal.phrase, speaker)
        while true {
            guard let time = ask("  as of (empty for none): ", edited.asOf?.description) else { return stopped() }
            do {
                edited.asOf = try time.map { text throws(SessionError) in try self.time(text, "as of") }
                break
            } catch {
                output("  \(error.message)\n")
            }
        }
        guard let metric = edited.metric, !ledger.knows(metric: metric) else { return try defineScope(edited, ledger, ask) ?? stopped() }
        var kind: MetricKind?
        while kind == nil {
            guard let answer = ask("  \(metric) is a new metric: cumulative or snapshot? ", nil, MetricKind.allCases.map(\.rawValue)) else {
                return stopped()
            }
            kind = answer.flatMap(MetricKind.init(rawValue:))
        }
        output(try run("metric add \(ParsedCommand.quoted(metric)) --kind \(kind!.rawValue)") ?? "")
        return try defineScope(edited, ledger, ask) ?? stopped()
    }

    /// Makes the proposal's scope when the event does not have it, asking what it is part of;
    /// nil when that question was called off.
    private func defineScope(_ proposal: Proposal, _ ledger: EventLedger, _ ask: (String, String?, [String]) -> String??) throws -> Edit? {
        guard let scope = proposal.scope, ledger.scope(named: scope) == nil else { return .edited(proposal) }
        guard let whole = ask("  \(scope) is a new scope: part of (empty for none)? ", nil, ledger.scopes.map(\.id)) else { return nil }
        output(try run("scope add \(ParsedCommand.quoted(scope))" + (whole.map { " --part-of \(ParsedCommand.quoted($0))" } ?? "")) ?? "")
        return .edited(proposal)
    }

    /// Every proposal that has a metric and is a count itself (not a part of another figure, a
    /// rise, a projection or an earlier count), as it stands; a line for each claim made, its
    /// conflicts, and each proposal refused. What an earlier walk recorded is counted, not made again.
    private func acceptAll(_ mentions: [Mention], done: [Range<Int>: String]) -> String {
        var accepted = 0, skipped = 0, recorded = 0, notCounts = 0
        for mention in mentions {
            if done[mention.start..<mention.end] != nil {
                recorded += 1
                continue
            }
            if mention.metric != nil, mention.role != nil {
                notCounts += 1
                continue
            }
            guard let metric = mention.metric else {
                skipped += 1
                continue
            }
            do {
                output(try run(Self.claimAdd(mention, Proposal(mention), metric: metric)) ?? "")
                accepted += 1
            } catch {
                output("  line \(mention.line), \"\(mention.text)\": \(error.message)\n")
            }
        }
        return "annotate: \(Figure.grouped(Double(accepted))) of \(Figure.counted(mentions.count, "figure")) added as claims, "
            + "\(Figure.grouped(Double(skipped))) without a metric skipped"
            + (notCounts > 0 ? ", \(Figure.grouped(Double(notCounts))) parts, rises, projections or earlier counts skipped" : "")
            + (recorded > 0 ? ", \(Figure.grouped(Double(recorded))) already recorded\n" : "\n")
    }

    /// The `claim add` a proposal makes: its words, metric, scope, speaker and time, its clause as
    /// the quote, and where it stands in the text.
    static func claimAdd(_ mention: Mention, _ proposal: Proposal, metric: String) -> String {
        var line = "claim add \(ParsedCommand.quoted(proposal.phrase)) --metric \(ParsedCommand.quoted(metric))"
            + " --quote \(ParsedCommand.quoted(mention.clause ?? mention.text)) --span \(mention.start),\(mention.end)"
        if let scope = proposal.scope { line += " --scope \(ParsedCommand.quoted(scope))" }
        if let speaker = proposal.speaker { line += " --attributed \(ParsedCommand.quoted(speaker))" }
        if let asOf = proposal.asOf { line += " --as-of \(asOf.description)" }
        return line
    }
}
