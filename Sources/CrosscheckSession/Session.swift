import CrosscheckCore
import CrosscheckPages
import CrosscheckStore
import Foundation

/// The annotation session's state: the workspace, the current source and event, and the changes
/// this session made (for `undo`). Each command is a handler registered by its words
/// (`Session.handlers`, one file a family of commands), read from the one command table that
/// also gives the parser, `help`, completion and the command line. Each command that changes
/// data is one transaction and one history entry (`Workspace.apply`).
public final class Session {
    /// What runs one parsed command; nil from `quit`.
    typealias Handler = @Sendable (Session, ParsedCommand) throws -> String?

    public let workspace: Workspace
    public let tree = CommandTree.standard
    /// The terminal's width, asked each time something is fitted to it (`plot`, `check`).
    public var width: () -> Int = { 100 }
    /// Where `annotate` and the duplicate question read their answers, and write as they go.
    public var input: SessionInput?
    /// Whether a person answers questions (a terminal), or a script, which cannot be asked.
    public var interactive = false
    /// Whether output may be coloured: a terminal, and `NO_COLOR` not set.
    public var colour = false
    /// Whether the session is one command from the shell: `undo` then means the newest change.
    public var fromCommandLine = false
    public var output: (String) -> Void = { _ in }
    /// What `--fetch` fetches pages with; the executable gives an HTTP client. Without one,
    /// `--fetch` is refused in one line.
    public var fetcher: (any PageFetching)?
    public internal(set) var currentSource: String?
    public internal(set) var currentEvent: String?
    var changes: [Int64] = []
    /// The number the next new claim takes, if still free: found once, since finding it scans
    /// every claim id, and found again only when another session has taken it (a shared store
    /// hands out numbers itself).
    var nextClaim: Int?
    let parser: FigureParser

    /// Every command's handler, by its words.
    static let handlers: [String: Handler] = [
        sourceHandlers, eventHandlers, claimHandlers, linkHandlers, readingHandlers, historyHandlers, annotateHandlers,
    ].reduce(into: [:]) { all, family in all.merge(family) { first, _ in first } }

    /// The commands that read and change nothing of the ledger.
    static let withoutLedger: Set<String> = ["help", "quit"]

    public init(workspace: Workspace, parser: FigureParser = FigureParser()) throws(StoreError) {
        self.workspace = workspace
        self.parser = parser
        // The event worked on last: the one whose file was written last.
        let first = try workspace.store.eventIDs().first
        currentEvent = try workspace.lastWrittenEvent() ?? first
    }

    /// One line of what the workspace holds, and how to get help.
    public func greeting() throws(StoreError) -> String {
        let database = workspace.store
        let events = try database.eventIDs()
        let claims = try database.claimCount()
        // Counting open conflicts means checking every claim: worth it at the start of a session
        // only while that takes a moment.
        let conflicts = claims <= Self.greetingCheckLimit
            ? Figure.counted(try workspace.check(format: .json).counts.conflicts, "open conflict")
            : "check counts the conflicts"
        return "crosscheck: \(Figure.counted(try database.sources().count, "source")), \(Figure.counted(events.count, "event")), "
            + "\(Figure.counted(claims, "claim")), \(conflicts). help lists the commands; Tab completes."
    }

    /// Up to this many claims, the greeting counts the open conflicts.
    static let greetingCheckLimit = 50_000

    /// What completion offers: the workspace's ids by kind.
    public func completionContext() -> CompletionContext {
        let database = workspace.store
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
            guard let handler = Self.handlers[command.name] else { throw SessionError("\(command.name): not a session command") }
            // Files changed by hand or by a git pull since the last command come in first (help
            // and quit read no ledger, so a file that does not read never stands in their way).
            if !Self.withoutLedger.contains(command.name) { try workspace.refresh() }
            return try handler(self, command)
        } catch let error as SessionError {
            throw error
        } catch let error as StoreError {
            throw SessionError(error.message)
        } catch {
            throw SessionError("\(error)")
        }
    }

    // MARK: - Helpers for the commands

    /// One change: `make` reads the ledger as it is under the workspace lock and says what to
    /// write; the history entry it makes is this session's to undo.
    func change(_ command: ParsedCommand, _ make: () throws -> Workspace.Change) throws {
        changes.append(try workspace.apply(command: command.text, make))
    }


    /// A `set` command given nothing to change says so, with its usage.
    func requireChanges(_ command: ParsedCommand, of what: String) throws {
        guard !command.options.isEmpty else { throw SessionError("\(what): say what to change: \(command.spec.usage)") }
    }

    func eventInUse() throws -> String {
        guard let event = currentEvent else { throw SessionError("no current event; event use ID --title T first") }
        return event
    }

    func currentLedger() throws -> EventLedger {
        let event = try eventInUse()
        guard let ledger = try workspace.store.event(event) else { throw SessionError("no event \"\(event)\"") }
        return ledger
    }

    /// The claim and its event, the current event looked in first.
    func find(_ id: String) throws -> (EventLedger, Claim)? {
        let events = try workspace.store.eventIDs()
        for event in [currentEvent].compactMap({ $0 }) + events.filter({ $0 != currentEvent }) {
            if let ledger = try workspace.store.event(event), let claim = ledger.claims.first(where: { $0.id == id }) {
                return (ledger, claim)
            }
        }
        return nil
    }

    /// The same, or an error naming the claim.
    func claim(_ id: String) throws -> (ledger: EventLedger, claim: Claim) {
        guard let found = try find(id) else { throw SessionError("no claim \"\(id)\"") }
        return found
    }

    func slug(_ text: String, _ what: String) throws(SessionError) -> String {
        do { return try Identifier.slug(text) } catch { throw SessionError("\(what) id: \(error.explanation)") }
    }

    func time(_ text: String, _ option: String) throws(SessionError) -> ReportedTime {
        do { return try ReportedTime(text) } catch { throw SessionError("\(option): \(error.explanation)") }
    }

    func credibility(_ command: ParsedCommand) -> Credibility? {
        command.option("--credibility").flatMap(Int.init).flatMap(Credibility.init(rawValue:))
    }

}

extension ParsedCommand {
    /// The command as typed, for the history.
    public var text: String {
        var words = spec.words
        for argument in spec.arguments { if let value = arguments[argument.name] { words.append(Self.quoted(value)) } }
        words += rest.map(Self.quoted)
        for option in spec.options {
            for value in options[option.name] ?? [] { words += [option.name, Self.quoted(value)] }
            if option.kind == nil, options[option.name] != nil { words.append(option.name) }
        }
        return words.joined(separator: " ")
    }

    /// A word as it must be typed to stay one word: quoted when it holds spaces or quotes.
    public static func quoted(_ word: String) -> String {
        word.isEmpty || word.contains(where: { $0 == " " || $0 == "\"" || $0 == "'" })
            ? "\"" + word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" : word
    }
}
