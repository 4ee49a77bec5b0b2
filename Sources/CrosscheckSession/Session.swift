import CrosscheckCore
import CrosscheckStore
import Foundation

/// The annotation session's state and commands: the workspace, the current source and event,
/// and the changes this session made (for `undo`). Each command that changes data is one
/// transaction and one history entry (`Workspace.apply`).
public final class Session {
    public let workspace: Workspace
    public let tree = CommandTree.standard
    /// The terminal's width, for `plot`.
    public var width = 100
    /// Where `annotate` reads its answers, and writes as it goes.
    public var input: SessionInput?
    public var output: (String) -> Void = { _ in }
    public private(set) var currentSource: String?
    public private(set) var currentEvent: String?
    private var changes: [Int64] = []
    /// The number the next new claim takes, if still free: found once, since finding it scans
    /// every claim id, and found again only when another session has taken it.
    private var nextClaim: Int?
    private let parser: FigureParser

    public init(workspace: Workspace, parser: FigureParser = FigureParser()) throws(StoreError) {
        self.workspace = workspace
        self.parser = parser
        // The event worked on last: the one whose file was written last.
        let states = try workspace.database.fileStates().filter { $0.key.hasPrefix("Claims/") }
        let first = try workspace.database.eventIDs().first
        currentEvent = states.max { ($0.value.modified, $0.key) < ($1.value.modified, $1.key) }
            .map { String($0.key.dropFirst(7).dropLast(5)) } ?? first
    }

    /// One line of what the workspace holds, and how to get help.
    public func greeting() throws(StoreError) -> String {
        let database = workspace.database
        let events = try database.eventIDs()
        let claims = try database.claimCount()
        // Counting open conflicts means checking every claim: worth it at the start of a session
        // only while that takes a moment.
        let conflicts = claims <= Self.greetingCheckLimit
            ? Self.count(try workspace.check(format: .json).counts.conflicts, "open conflict")
            : "check counts the conflicts"
        return "crosscheck: \(Self.count(try database.sources().count, "source")), \(Self.count(events.count, "event")), "
            + "\(Self.count(claims, "claim")), \(conflicts). help lists the commands; Tab completes."
    }

    /// Up to this many claims, the greeting counts the open conflicts.
    static let greetingCheckLimit = 50_000


    /// What completion offers: the workspace's ids by kind.
    public func completionContext() -> CompletionContext {
        let database = workspace.database
        var ids: [ValueKind: [String]] = [:]
        ids[.source] = (try? database.sources().map(\.id)) ?? []
        ids[.event] = (try? database.eventIDs()) ?? []
        // Every claim id when there are not too many to offer; else the current event's.
        let all = (try? database.claimIDs(limit: 10_001)) ?? []
        if all.count <= 10_000 { ids[.claim] = all }
        if let event = currentEvent, let ledger = try? database.event(event) {
            if all.count > 10_000 { ids[.claim] = ledger.claims.map(\.id) }
            ids[.metric] = Array(Set(ledger.metrics.map(\.id) + MetricVocabulary.standard.metrics.map(\.id)))
            ids[.scope] = ledger.scopes.map(\.id)
        }
        return CompletionContext(ids: ids)
    }

    /// Runs one line; returns what to print. `quit` returns nil.
    public func run(_ line: String) throws(SessionError) -> String? {
        guard let command = try tree.parse(line) else { return "" }
        do {
            return try execute(command)
        } catch let error as SessionError {
            throw error
        } catch let error as StoreError {
            throw SessionError(error.message)
        } catch {
            throw SessionError("\(error)")
        }
    }

    private func execute(_ command: ParsedCommand) throws -> String? {
        let database = workspace.database
        switch command.name {
        case "quit":
            return nil
        case "help":
            return try tree.help(command.argument("COMMAND"))
        case "source add":
            return try addSource(command)
        case "source use":
            let id = command.argument("ID")!
            guard try database.sources([id]).first != nil else { throw SessionError("no source \"\(id)\"; source add \(id) … first") }
            currentSource = id
            return "using source \(id)\n"
        case "source grade":
            let id = command.argument("ID")!
            var old = "none"
            try change(command) {
                var registry = try database.registry()
                guard let index = registry.sources.firstIndex(where: { $0.id == id }) else { throw SessionError("no source \"\(id)\"") }
                old = registry.sources[index].reliability?.rawValue ?? "none"
                registry.sources[index].reliability = Reliability(rawValue: command.argument("GRADE")!)
                return Workspace.Change(registry: registry)
            }
            return "\(id): reliability \(old) → \(command.argument("GRADE")!)\n"
        case "event use":
            return try useEvent(command)
        case "metric add":
            let id = try slug(command.argument("ID")!, "metric")
            let event = try eventInUse()
            try change(command) {
                var ledger = try currentLedger()
                guard !ledger.metrics.contains(where: { $0.id == id }) else { throw SessionError("\(id): the event already has this metric") }
                ledger.metrics.append(Metric(id: id, kind: MetricKind(rawValue: command.option("--kind")!)!, aliases: command.values("--alias")))
                return Workspace.Change(event: ledger)
            }
            return "metric \(id) (\(command.option("--kind")!)) added to \(event)\n"
        case "scope add":
            let id = command.argument("ID")!
            let event = try eventInUse()
            try change(command) {
                var ledger = try currentLedger()
                guard !ledger.scopes.contains(where: { $0.id == id }) else { throw SessionError("\(id): the event already has this scope") }
                if let parent = command.option("--part-of"), !ledger.scopes.contains(where: { $0.id == parent }) {
                    throw SessionError("--part-of: no scope \"\(parent)\" in \(ledger.event.id); scope add \(parent) first")
                }
                ledger.scopes.append(Scope(id: id, partOf: command.option("--part-of")))
                return Workspace.Change(event: ledger)
            }
            return "scope \(id) added to \(event)" + (command.option("--part-of").map { ", part of \($0)" } ?? "") + "\n"
        case "claim add":
            return try addClaim(command)
        case "claim set":
            return try setClaim(command)
        case "link":
            return try link(command)
        case "show":
            let id = command.argument("CLAIM")!
            guard let (ledger, claim) = try find(id) else { throw SessionError("no claim \"\(id)\"") }
            return describe(claim, in: ledger, verbose: true)
        case "list":
            return try list(command)
        case "sources":
            let sources = try database.sources()
            return sources.isEmpty ? "no sources yet; source add ID --title T --outlet O\n"
                : sources.map { "\($0.id)  \($0.reliability?.rawValue ?? "-")  \($0.outlet): \($0.title)" + ($0.published.map { " (\($0))" } ?? "") }
                    .joined(separator: "\n") + "\n"
        case "events":
            let ids = try database.eventIDs()
            return ids.isEmpty ? "no events yet; event use ID --title T\n"
                : try ids.map { id throws(StoreError) in
                    let ledger = try database.event(id)
                    return (id == currentEvent ? "* " : "  ") + id + "  " + (ledger?.event.title ?? "") + "  (\(ledger?.claims.count ?? 0) \(ledger?.claims.count == 1 ? "claim" : "claims"))"
                }.joined(separator: "\n") + "\n"
        case "check":
            guard let event = command.option("--event") ?? currentEvent else { throw SessionError("no event yet; event use ID first") }
            return try workspace.check(event: event, format: .text(listUnordered: false, colour: false, width: 100)).rendered
        case "annotate":
            return try annotate(command.argument("SOURCE") ?? currentSource)
        case "plot":
            let ledger = try currentLedger()
            guard let metric = command.argument("METRIC") ?? ledger.claims.first?.metric else { throw SessionError("no claims to plot yet") }
            let registry = try workspace.database.registry()
            let report = ConsistencyCheck(origins: OriginNames(registry.origins)).run([ledger], sources: registry.sources)
            return TimelinePlot(ledger: ledger, metric: metric, report: report).render(width: width)
        case "export":
            guard let format = ExportFormat(rawValue: command.argument("FORMAT") ?? "") else {
                throw SessionError("export: formats: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let event = command.option("--event")
            if let path = command.argument("PATH") {
                try workspace.export(format, event: event, to: path)
                return "wrote \(path)\n"
            }
            var document = ""
            try workspace.export(format, event: event) { document += $0 }
            return document
        case "undo":
            guard let last = changes.popLast() else { throw SessionError("nothing to undo in this session") }
            do {
                let undone = try workspace.undo(last)
                return "undid: \(undone)\n"
            } catch {
                changes.append(last)
                throw error
            }
        case "history":
            let entries = try database.history()
            return entries.suffix(50).map { "\($0.id)  \($0.time)  \($0.actor)  \($0.command)" }.joined(separator: "\n") + "\n"
        default:
            throw SessionError("\(command.name): not a session command")
        }
    }

    // MARK: - Commands that change data

    private func addSource(_ command: ParsedCommand) throws -> String {
        let id = try slug(command.argument("ID")!, "source")
        var text: String?
        if let file = command.option("--text-file") {
            guard let data = FileManager.default.contents(atPath: file) else { throw SessionError("\(file): cannot read") }
            guard let decoded = String(data: data, encoding: .utf8) else { throw SessionError("\(file): not UTF-8 text") }
            text = decoded
        }
        let source = Source(
            id: id, title: command.option("--title")!, outlet: command.option("--outlet")!, url: command.option("--url"),
            published: try command.option("--published").map { text throws(SessionError) in try time(text, "--published") },
            reliability: command.option("--reliability").flatMap(Reliability.init(rawValue:)), text: text)
        try change(command) {
            var registry = try workspace.database.registry()
            guard !registry.sources.contains(where: { $0.id == id }) else { throw SessionError("\(id): a source with this id exists") }
            registry.sources.append(source)
            return Workspace.Change(registry: registry)
        }
        currentSource = id
        return "source \(id) added; it is the current source\n"
    }

    private func useEvent(_ command: ParsedCommand) throws -> String {
        let id = try slug(command.argument("ID")!, "event")
        let date = try command.option("--date").map { text throws(SessionError) in try time(text, "--date") }
        if let ledger = try workspace.database.event(id), command.option("--title") == nil, date == nil {
            currentEvent = id
            return "using event \(id) (\(ledger.claims.count) claims)\n"
        }
        var created = false
        try change(command) {
            guard var ledger = try workspace.database.event(id) else {
                created = true
                return Workspace.Change(event: EventLedger(event: Event(id: id, title: command.option("--title") ?? id, date: date)))
            }
            ledger.event.title = command.option("--title") ?? ledger.event.title
            ledger.event.date = date ?? ledger.event.date
            return Workspace.Change(event: ledger)
        }
        currentEvent = id
        return created ? "event \(id) created; it is the current event\n" : "using event \(id), changed\n"
    }

    private func addClaim(_ command: ParsedCommand) throws -> String {
        let event = try eventInUse()
        guard let sourceID = currentSource else { throw SessionError("no current source; source use ID (or source add) first") }
        let phrase = command.argument("PHRASE")!
        let parsed: ParsedPhrase
        do {
            parsed = try parser.parse(phrase)
        } catch {
            throw SessionError(error.explanation)
        }
        guard let metric = command.option("--metric") ?? parsed.metric else {
            throw SessionError("\"\(phrase)\": which metric? give --metric (the phrase names none)")
        }
        let scope = command.option("--scope")
        let source = try workspace.database.sources([sourceID]).first
        let asOf = try command.option("--as-of").map { text throws(SessionError) in try time(text, "--as-of") }
        var claim = Claim(
            id: "", metric: metric, scope: scope, text: phrase, figure: parsed.figure, asOf: asOf ?? source?.published,
            confidence: command.option("--confidence").flatMap(Confidence.init(rawValue:)), status: .open,
            sources: [Link(source: sourceID, quote: command.option("--quote") ?? phrase, attributedTo: command.option("--attributed"),
                           credibility: command.option("--credibility").flatMap(Int.init).flatMap(Credibility.init(rawValue:)))])
        // The event and the number as they are under the lock: another session may have added claims since.
        var number = 0
        try change(command) {
            var ledger = try currentLedger()
            let known = ledger.metrics.contains { $0.id == metric } || MetricVocabulary.standard.metric(metric) != nil
            guard known else { throw SessionError("--metric: no metric \"\(metric)\" in \(event); metric add \(metric) --kind … first") }
            if let scope, !ledger.scopes.contains(where: { $0.id == scope }) {
                throw SessionError("--scope: no scope \"\(scope)\" in \(event); scope add \(scope) first")
            }
            number = try nextClaim ?? workspace.database.lastClaimNumber() + 1
            if try workspace.database.hasClaim("c\(number)") { number = try workspace.database.lastClaimNumber() + 1 }
            claim.id = "c\(number)"
            ledger.claims.append(claim)
            return Workspace.Change(event: ledger)
        }
        nextClaim = number + 1
        let place = scope.map { " in " + $0 } ?? ""
        return "\(claim.id): \(metric)\(place) \(parsed.figure.intervalDescription)\n" + (try conflicts(of: claim, in: event))
    }


    private func setClaim(_ command: ParsedCommand) throws -> String {
        let id = command.argument("CLAIM")!
        var found: (ledger: EventLedger, claim: Claim)?
        try change(command) {
            found = try setting(command, id)
            return Workspace.Change(event: found!.ledger)
        }
        let (ledger, claim) = found!
        return describe(claim, in: ledger, verbose: false) + (try conflicts(of: claim, in: ledger.event.id))
    }

    /// The claim as `claim set` leaves it, in its event as it is now.
    private func setting(_ command: ParsedCommand, _ id: String) throws -> (ledger: EventLedger, claim: Claim) {
        guard var (ledger, claim) = try find(id) else { throw SessionError("no claim \"\(id)\"") }
        if let status = command.option("--status") { claim.status = ClaimStatus(rawValue: status) }
        if let confidence = command.option("--confidence") { claim.confidence = Confidence(rawValue: confidence) }
        if let metric = command.option("--metric") {
            guard ledger.metrics.contains(where: { $0.id == metric }) || MetricVocabulary.standard.metric(metric) != nil else {
                throw SessionError("--metric: no metric \"\(metric)\" in \(ledger.event.id)")
            }
            claim.metric = metric
        }
        if let scope = command.option("--scope") {
            guard ledger.scopes.contains(where: { $0.id == scope }) else { throw SessionError("--scope: no scope \"\(scope)\" in \(ledger.event.id)") }
            claim.scope = scope
        }
        if let asOf = command.option("--as-of") { claim.asOf = try time(asOf, "--as-of") }
        ledger.claims[ledger.claims.firstIndex { $0.id == id }!] = claim
        return (ledger, claim)
    }

    private func link(_ command: ParsedCommand) throws -> String {
        let id = command.argument("CLAIM")!, sourceID = command.argument("SOURCE")!
        var claim: Claim?
        try change(command) {
            guard var (ledger, found) = try find(id) else { throw SessionError("no claim \"\(id)\"") }
            guard try workspace.database.sources([sourceID]).first != nil else { throw SessionError("no source \"\(sourceID)\"") }
            guard !found.sources.contains(where: { $0.source == sourceID }) else { throw SessionError("\(id) already cites \(sourceID)") }
            found.sources.append(Link(source: sourceID, quote: command.option("--quote"), attributedTo: command.option("--attributed"),
                                      credibility: command.option("--credibility").flatMap(Int.init).flatMap(Credibility.init(rawValue:))))
            ledger.claims[ledger.claims.firstIndex { $0.id == id }!] = found
            claim = found
            return Workspace.Change(event: ledger)
        }
        return "\(id) now cites \(claim!.sources.map(\.source).joined(separator: ", "))\n"
    }

    /// Walks through the figures extracted from a source's text: each shown in its sentence with
    /// the claim it would make, and a key: accept, edit, skip, quit. What is accepted becomes a
    /// claim of the current event linked to the source, its quote the figure's words.
    private func annotate(_ sourceID: String?) throws -> String {
        guard let sourceID else { throw SessionError("annotate which source? annotate SOURCE, or source use ID first") }
        guard let source = try workspace.database.sources([sourceID]).first else { throw SessionError("no source \"\(sourceID)\"") }
        guard let text = source.text, !text.isEmpty else {
            throw SessionError("\(sourceID) has no text; source add \(sourceID) … --text-file F gives it one")
        }
        guard let input else { throw SessionError("annotate needs someone to answer") }
        let ledger = try currentLedger()
        currentSource = sourceID
        let mentions = Extractor().extract(text)
        var accepted = 0
        for (index, mention) in mentions.enumerated() {
            // The scope the words after the figure name ("killed in Kyiv"), the most specific
            // (longest) name first; not the words before it, where datelines stand.
            let sentence = (mention.text + mention.after).lowercased()
            var scope = ledger.scopes.map(\.id).filter { sentence.contains($0.lowercased()) }.max { $0.count < $1.count }
            var metric = mention.metric, phrase = mention.text
            output("\n[\(index + 1)/\(mentions.count)] line \(mention.line): \(mention.before)[\(mention.text)]\(mention.after)\n")
            asking: while true {
                output("  → \(metric ?? "(no metric)")\(scope.map { " in " + $0 } ?? ""): \(phrase)\n")
                guard let key = input.key("  accept, edit, skip, quit [a/e/s/q]? ") else { return "annotate: \(Self.count(accepted, "claim")) added\n" }
                switch key {
                case "a":
                    guard let chosen = metric else {
                        output("  which metric? edit (e) to give one, or skip (s)\n")
                        continue asking
                    }
                    var line = "claim add \(ParsedCommand.quoted(phrase)) --metric \(ParsedCommand.quoted(chosen)) --quote \(ParsedCommand.quoted(mention.text))"
                    if let scope { line += " --scope \(ParsedCommand.quoted(scope))" }
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
                          let newPhrase = input.line("  figure: ", default: phrase) else { return "annotate: \(Self.count(accepted, "claim")) added\n" }
                    metric = newMetric.isEmpty ? nil : newMetric
                    scope = newScope.isEmpty || newScope == "-" ? nil : newScope
                    phrase = newPhrase
                case "s":
                    break asking
                case "q":
                    return "annotate: \(Self.count(accepted, "claim")) added\n"
                default:
                    output("  a, e, s or q\n")
                }
            }
        }
        return "annotate: \(accepted) of \(Self.count(mentions.count, "figure")) added as claims\n"
    }

    // MARK: - Reading

    private func list(_ command: ParsedCommand) throws -> String {
        guard let event = command.option("--event") ?? currentEvent else { throw SessionError("no event yet; event use ID first") }
        guard let ledger = try workspace.database.event(event) else { throw SessionError("no event \"\(event)\"") }
        let claims = LedgerFiles.naturallySorted(ledger.claims).filter { claim in
            (command.option("--metric").map { $0 == claim.metric } ?? true)
                && (command.option("--source").map { source in claim.sources.contains { $0.source == source } } ?? true)
        }
        return claims.isEmpty ? "no claims\n" : claims.map { describe($0, in: ledger, verbose: false) }.joined()
    }

    private func describe(_ claim: Claim, in ledger: EventLedger, verbose: Bool) -> String {
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

    /// The conflicts a claim is in now: the check of its group alone.
    private func conflicts(of claim: Claim, in event: String) throws -> String {
        let output = try workspace.check(event: event, metric: claim.metric, scope: claim.scope)
        let mine = output.report.conflicts.filter { $0.claims.contains(claim.id) }
        guard !mine.isEmpty else { return "" }
        return mine.map { finding in
            let others = finding.claims.filter { $0 != claim.id }.joined(separator: ", ")
            return "  conflict: \(finding.kind.summary) (with \(others); severity \(JSONText.number((finding.severity * 100).rounded()))%)\n"
        }.joined()
    }

    // MARK: - Helpers

    /// One change: `make` reads the ledger as it is under the workspace lock and says what to
    /// write; the history entry it makes is this session's to undo.
    private func change(_ command: ParsedCommand, _ make: () throws -> Workspace.Change) throws {
        changes.append(try workspace.apply(command: command.text, make))
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    private func eventInUse() throws -> String {
        guard let event = currentEvent else { throw SessionError("no current event; event use ID --title T first") }
        return event
    }

    private func currentLedger() throws -> EventLedger {
        let event = try eventInUse()
        guard let ledger = try workspace.database.event(event) else { throw SessionError("no event \"\(event)\"") }
        return ledger
    }

    private func find(_ id: String) throws -> (EventLedger, Claim)? {
        let events = try workspace.database.eventIDs()
        for event in [currentEvent].compactMap({ $0 }) + events.filter({ $0 != currentEvent }) {
            if let ledger = try workspace.database.event(event), let claim = ledger.claims.first(where: { $0.id == id }) {
                return (ledger, claim)
            }
        }
        return nil
    }

    private func slug(_ text: String, _ what: String) throws(SessionError) -> String {
        do { return try Identifier.slug(text) } catch { throw SessionError("\(what) id: \(error.explanation)") }
    }

    private func time(_ text: String, _ option: String) throws(SessionError) -> ReportedTime {
        do { return try ReportedTime(text) } catch { throw SessionError("\(option): \(error.explanation)") }
    }
}

extension ParsedCommand {
    /// The command as typed, for the history.
    public var text: String {
        var words = spec.words
        for argument in spec.arguments { if let value = arguments[argument.name] { words.append(Self.quoted(value)) } }
        for option in spec.options { for value in options[option.name] ?? [] { words += [option.name, Self.quoted(value)] } }
        return words.joined(separator: " ")
    }

    /// A word as it must be typed to stay one word: quoted when it holds spaces or quotes.
    public static func quoted(_ word: String) -> String {
        word.isEmpty || word.contains(where: { $0 == " " || $0 == "\"" || $0 == "'" })
            ? "\"" + word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" : word
    }
}
