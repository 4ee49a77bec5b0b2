import CrosscheckCore
import CrosscheckStore

/// `claim add|set|remove|merge`: recording figures and correcting them.
extension Session {
    static let claimHandlers: [String: Handler] = [
        "claim add": { session, command in try session.addClaim(command) },
        "claim set": { session, command in try session.setClaim(command) },
        "claim remove": { session, command in try session.removeClaim(command) },
        "claim merge": { session, command in try session.mergeClaims(command) },
    ]

    private func addClaim(_ command: ParsedCommand) throws -> String {
        let event = try eventInUse()
        guard let sourceID = currentSource else { throw SessionError("no current source; source use ID (or source add) first") }
        let phrase = command.argument("PHRASE")!
        let parsed = try parse(phrase)
        guard let metric = command.option("--metric") ?? parsed.metric else {
            throw SessionError("\"\(phrase)\": which metric? give --metric (the phrase names none)")
        }
        // A scope named by one of its aliases is recorded by its id.
        let before = try currentLedger()
        let scope = try Self.resolve(metric: metric, scope: command.option("--scope"), in: before)
        let source = try workspace.store.sources([sourceID]).first
        let asOf = try command.option("--as-of").map { text throws(SessionError) in try time(text, "--as-of") }
        var claim = Claim(
            id: "", metric: metric, scope: scope, text: phrase, figure: parsed.figure, asOf: asOf ?? source?.published,
            confidence: command.option("--confidence").flatMap(Confidence.init(rawValue:)), status: .open,
            sources: [Link(source: sourceID, quote: command.option("--quote") ?? phrase, attributedTo: command.option("--attributed"),
                           credibility: credibility(command), span: try command.option("--span").map(Self.span))])
        if let twin = before.claims.first(where: { Self.sameReport($0, claim, source: sourceID) }) {
            try confirmDuplicate(of: twin, sourceID)
        }
        // The event and the number as they are under the lock: another session may have added claims since.
        var number = 0
        try change(command) {
            var ledger = try currentLedger()
            _ = try Self.resolve(metric: metric, scope: scope, in: ledger)
            number = try workspace.store.newClaimNumber(suggested: nextClaim)
            claim.id = "c\(number)"
            ledger.claims.append(claim)
            return Workspace.Change(event: ledger, created: [claim.id])
        }
        nextClaim = number + 1
        let place = scope.map { " in " + $0 } ?? ""
        return "\(claim.id): \(metric)\(place) \(parsed.figure.intervalDescription)\n" + (try conflicts(of: claim, in: event))
    }

    /// Whether two claims record the same figure of the same thing from the same source.
    private static func sameReport(_ a: Claim, _ b: Claim, source: String) -> Bool {
        a.metric == b.metric && a.scope == b.scope && Interval(a.figure) == Interval(b.figure)
            && a.sources.contains { $0.source == source }
    }

    /// The same report twice is asked about on a terminal; a script cannot be asked, so the line is refused.
    private func confirmDuplicate(of twin: Claim, _ source: String) throws {
        let what = "\(twin.id) already records \(twin.metric)\(twin.scope.map { " in " + $0 } ?? "") \(twin.figure.intervalDescription) from \(source)"
        guard interactive, let input else { throw SessionError("\(what); link, or claim set \(twin.id), instead of adding it twice") }
        guard try input.key("\(what). Add it again? [y/N] ") == "y" else { throw SessionError("not added") }
    }

    /// Checks that the event knows the metric and the scope; returns the scope's id (`scope` may be an alias).
    private static func resolve(metric: String, scope: String?, in ledger: EventLedger) throws -> String? {
        guard ledger.knows(metric: metric) else {
            throw SessionError("--metric: no metric \"\(metric)\" in \(ledger.event.id); metric add \(metric) --kind … first")
        }
        guard let scope else { return nil }
        guard let found = ledger.scope(named: scope) else {
            throw SessionError("--scope: no scope \"\(scope)\" in \(ledger.event.id); scope add \(scope) first")
        }
        return found.id
    }

    private func parse(_ phrase: String) throws -> ParsedPhrase {
        do { return try parser.parse(phrase) } catch { throw SessionError(error.explanation) }
    }

    private func setClaim(_ command: ParsedCommand) throws -> String {
        let id = command.argument("CLAIM")!
        try requireChanges(command, of: "claim set \(id)")
        let figure = try command.option("--figure").map(parse)
        let asOf = try command.option("--as-of").map { text throws(SessionError) in try time(text, "--as-of") }
        var found: (ledger: EventLedger, claim: Claim)?
        try change(command) {
            var (ledger, claim) = try self.claim(id)
            if let status = command.option("--status") { claim.status = ClaimStatus(rawValue: status) }
            if let confidence = command.option("--confidence") { claim.confidence = Confidence(rawValue: confidence) }
            if let figure {
                claim.text = figure.text
                claim.figure = figure.figure
            }
            if let metric = command.option("--metric") { claim.metric = metric }
            let scope = try Self.resolve(metric: claim.metric, scope: command.option("--scope"), in: ledger)
            if let scope { claim.scope = scope }
            if let asOf { claim.asOf = asOf }
            ledger.claims[ledger.claims.firstIndex { $0.id == id }!] = claim
            found = (ledger, claim)
            return Workspace.Change(event: ledger)
        }
        let (ledger, claim) = found!
        return describe(claim, in: ledger, verbose: false) + (try conflicts(of: claim, in: ledger.event.id))
    }

    private func removeClaim(_ command: ParsedCommand) throws -> String {
        let id = command.argument("CLAIM")!
        try change(command) {
            var (ledger, _) = try claim(id)
            ledger.claims.removeAll { $0.id == id }
            return Workspace.Change(event: ledger)
        }
        return "\(id) removed; undo \(changes.last!) brings it back\n"
    }

    private func mergeClaims(_ command: ParsedCommand) throws -> String {
        let keep = command.argument("KEEP")!
        let others = [command.argument("OTHER")!] + command.rest
        guard !others.contains(keep) else { throw SessionError("claim merge: \(keep) cannot merge into itself") }
        var merged: Claim?
        try change(command) {
            var (ledger, kept) = try claim(keep)
            for other in others {
                guard let theirs = ledger.claims.first(where: { $0.id == other }) else {
                    throw SessionError(try find(other) == nil ? "no claim \"\(other)\"" : "\(other) is not in \(ledger.event.id), as \(keep) is")
                }
                guard theirs.metric == kept.metric, theirs.scope == kept.scope else {
                    throw SessionError("\(other) counts \(theirs.metric)\(theirs.scope.map { " in " + $0 } ?? ""), "
                                       + "\(keep) \(kept.metric)\(kept.scope.map { " in " + $0 } ?? ""): not one figure")
                }
                kept.sources = Self.merging(kept.sources, theirs.sources)
                ledger.claims.removeAll { $0.id == other }
            }
            ledger.claims[ledger.claims.firstIndex { $0.id == keep }!] = kept
            merged = kept
            return Workspace.Change(event: ledger)
        }
        return "\(others.joined(separator: ", ")) merged into \(keep), which cites \(merged!.sources.map(\.source).joined(separator: ", "))\n"
    }

    /// Links moved onto a claim: a source it already cites keeps its link, with the fields it
    /// lacks taken from the moved one.
    private static func merging(_ links: [Link], _ moved: [Link]) -> [Link] {
        var result = links
        for link in moved {
            if let index = result.firstIndex(where: { $0.source == link.source }) {
                result[index].quote = result[index].quote ?? link.quote
                result[index].attributedTo = result[index].attributedTo ?? link.attributedTo
                result[index].credibility = result[index].credibility ?? link.credibility
            } else {
                result.append(link)
            }
        }
        return result
    }

    /// The conflicts a claim is in now: the check of its group alone.
    func conflicts(of claim: Claim, in event: String) throws -> String {
        let output = try workspace.check(event: event, metric: claim.metric, scope: claim.scope)
        let mine = output.report.conflicts.filter { $0.claims.contains(claim.id) }
        // A claim at odds with dozens of others is told the first few of each kind, and how many more.
        var shown: [String: Int] = [:]
        var lines = ""
        for finding in mine {
            let summary = finding.kind.summary
            shown[summary, default: 0] += 1
            guard shown[summary]! <= Self.conflictsShown else { continue }
            let others = finding.claims.filter { $0 != claim.id }.joined(separator: ", ")
            lines += "  conflict: \(summary) (with \(others); severity \(JSONText.number((finding.severity * 100).rounded()))%)\n"
        }
        for (summary, count) in shown.sorted(by: { $0.key < $1.key }) where count > Self.conflictsShown {
            lines += "  … and \(count - Self.conflictsShown) more: \(summary) (check lists them)\n"
        }
        return lines
    }

    /// How many conflicts of one kind a change shows.
    static let conflictsShown = 3

    func describe(_ claim: Claim, in ledger: EventLedger, verbose: Bool) -> String {
        let scope: String = claim.scope.map { " · " + $0 } ?? ""
        let time: String = claim.asOf.map { "  @ " + $0.description } ?? ""
        let status: String = claim.status.map { "  [" + $0.rawValue + "]" } ?? ""
        var text = "\(claim.id)  \(claim.metric)\(scope)  \(claim.text)  →  \(claim.figure.intervalDescription)\(time)\(status)\n"
        if verbose {
            text += "  event \(ledger.event.id)" + (claim.confidence.map { ", confidence \($0.rawValue)" } ?? "") + "\n"
            for link in claim.sources {
                let who: String = link.attributedTo.map { ", attributed to " + $0 } ?? ""
                let credibility: String = link.credibility.map { ", credibility \($0.rawValue)" } ?? ""
                let quote: String = link.quote.map { ": \"" + $0 + "\"" } ?? ""
                text += "  source \(link.source)\(who)\(credibility)\(quote)\n"
            }
        }
        return text
    }

    /// "START,END" of `--span`: two whole numbers, 0 ≤ START ≤ END.
    static func span(_ text: String) throws(SessionError) -> Range<Int> {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let start = parts[0], let end = parts[1], start >= 0, start <= end else {
            throw SessionError("--span \"\(text)\": give START,END, two whole numbers with START ≤ END")
        }
        return start..<end
    }
}
