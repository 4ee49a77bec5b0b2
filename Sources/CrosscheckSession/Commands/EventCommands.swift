import CrosscheckCore
import CrosscheckStore

/// `event use|set`, `events`, `metric add|set` and `scope add|set`: events and what their claims
/// count and where.
extension Session {
    static let eventHandlers: [String: Handler] = [
        "event use": { session, command in try session.useEvent(command) },
        "event set": { session, command in try session.setEvent(command) },
        "events": { session, _ in
            let database = session.workspace.store
            let ids = try database.eventIDs()
            return ids.isEmpty ? "no events yet; event use ID --title T\n"
                : try ids.map { id throws(StoreError) in
                    let ledger = try database.event(id)
                    return (id == session.currentEvent ? "* " : "  ") + id + "  " + (ledger?.event.title ?? "")
                        + "  (\(Figure.counted(ledger?.claims.count ?? 0, "claim")))"
                }.joined(separator: "\n") + "\n"
        },
        "metric add": { session, command in try session.addMetric(command) },
        "metric set": { session, command in try session.setMetric(command) },
        "scope add": { session, command in try session.addScope(command) },
        "scope set": { session, command in try session.setScope(command) },
    ]

    private func useEvent(_ command: ParsedCommand) throws -> String {
        let id = try slug(command.argument("ID")!, "event")
        let date = try command.option("--date").map { text throws(SessionError) in try time(text, "--date") }
        if let ledger = try workspace.store.event(id), command.option("--title") == nil, date == nil {
            currentEvent = id
            return "using event \(id) (\(Figure.counted(ledger.claims.count, "claim")))\n"
        }
        var created = false
        try change(command) {
            guard var ledger = try workspace.store.event(id) else {
                created = true
                return Workspace.Change(event: EventLedger(event: Event(id: id, title: command.option("--title") ?? id, date: date)), created: [id])
            }
            ledger.event.title = command.option("--title") ?? ledger.event.title
            ledger.event.date = date ?? ledger.event.date
            return Workspace.Change(event: ledger)
        }
        currentEvent = id
        return created ? "event \(id) created; it is the current event\n" : "using event \(id), changed\n"
    }

    private func setEvent(_ command: ParsedCommand) throws -> String {
        let id = command.argument("ID")!
        let date = try command.option("--date").map { text throws(SessionError) in try time(text, "--date") }
        try requireChanges(command, of: "event set \(id)")
        var event: Event?
        try change(command) {
            guard var ledger = try workspace.store.event(id) else { throw SessionError("no event \"\(id)\"") }
            ledger.event.title = command.option("--title") ?? ledger.event.title
            ledger.event.date = date ?? ledger.event.date
            event = ledger.event
            return Workspace.Change(event: ledger)
        }
        return "\(id): \(event!.title)" + (event!.date.map { " (\($0))" } ?? "") + "\n"
    }

    private func addMetric(_ command: ParsedCommand) throws -> String {
        let id = try slug(command.argument("ID")!, "metric")
        let event = try eventInUse()
        try changeEvent(command) { ledger in
            guard !ledger.metrics.contains(where: { $0.id == id }) else { throw SessionError("\(id): the event already has this metric") }
            ledger.metrics.append(Metric(id: id, kind: MetricKind(rawValue: command.option("--kind")!)!, aliases: command.values("--alias")))
        }
        return "metric \(id) (\(command.option("--kind")!)) added to \(event)\n"
    }

    private func setMetric(_ command: ParsedCommand) throws -> String {
        let id = command.argument("ID")!
        try requireChanges(command, of: "metric set \(id)")
        var metric: Metric?
        try changeEvent(command) { ledger in
            if !ledger.metrics.contains(where: { $0.id == id }) {
                // A standard metric the event uses without declaring it: declared now, to be changed.
                guard let standard = MetricVocabulary.standard.metric(id) else { throw SessionError("no metric \"\(id)\" in \(ledger.event.id)") }
                ledger.metrics.append(Metric(id: id, kind: standard.kind))
            }
            let index = ledger.metrics.firstIndex { $0.id == id }!
            if let kind = command.option("--kind") { ledger.metrics[index].kind = MetricKind(rawValue: kind)! }
            for alias in command.values("--drop-alias") {
                guard ledger.metrics[index].aliases.contains(alias) else { throw SessionError("--drop-alias: \(id) has no alias \"\(alias)\"") }
                ledger.metrics[index].aliases.removeAll { $0 == alias }
            }
            for alias in command.values("--alias") where !ledger.metrics[index].aliases.contains(alias) {
                ledger.metrics[index].aliases.append(alias)
            }
            metric = ledger.metrics[index]
        }
        let aliases = metric!.aliases.isEmpty ? "no aliases" : "aliases " + metric!.aliases.joined(separator: ", ")
        return "metric \(id) (\(metric!.kind.rawValue)), \(aliases)\n"
    }

    private func addScope(_ command: ParsedCommand) throws -> String {
        let id = command.argument("ID")!
        let event = try eventInUse()
        try changeEvent(command) { ledger in
            guard ledger.scope(named: id) == nil else { throw SessionError("\(id): the event already has this scope, or a scope of this name") }
            try Self.checkParent(command.option("--part-of"), of: id, in: ledger)
            ledger.scopes.append(Scope(id: id, partOf: command.option("--part-of")))
            try Self.addAliases(command.values("--alias"), to: ledger.scopes.count - 1, in: &ledger)
        }
        return "scope \(id) added to \(event)" + (command.option("--part-of").map { ", part of \($0)" } ?? "")
            + (command.values("--alias").isEmpty ? "" : ", also named " + command.values("--alias").joined(separator: ", ")) + "\n"
    }

    private func setScope(_ command: ParsedCommand) throws -> String {
        let id = command.argument("ID")!
        try requireChanges(command, of: "scope set \(id)")
        var scope: Scope?
        try changeEvent(command) { ledger in
            guard let index = ledger.scopes.firstIndex(where: { $0.id == id }) else { throw SessionError("no scope \"\(id)\" in \(ledger.event.id)") }
            if let parent = command.option("--part-of") {
                try Self.checkParent(parent.isEmpty ? nil : parent, of: id, in: ledger)
                ledger.scopes[index].partOf = parent.isEmpty ? nil : parent
            }
            for alias in command.values("--drop-alias") {
                guard ledger.scopes[index].aliases.contains(alias) else { throw SessionError("--drop-alias: \(id) has no alias \"\(alias)\"") }
                ledger.scopes[index].aliases.removeAll { $0 == alias }
            }
            try Self.addAliases(command.values("--alias"), to: index, in: &ledger)
            scope = ledger.scopes[index]
        }
        return "scope \(id)" + (scope!.partOf.map { ", part of \($0)" } ?? ", part of nothing")
            + (scope!.aliases.isEmpty ? ", no aliases" : ", also named " + scope!.aliases.joined(separator: ", ")) + "\n"
    }

    /// New names of one scope: each may name no other scope of the event, or `--scope` would be ambiguous.
    private static func addAliases(_ aliases: [String], to index: Int, in ledger: inout EventLedger) throws {
        for alias in aliases where !ledger.scopes[index].isNamed(alias) {
            guard !alias.isEmpty else { throw SessionError("--alias: an alias is never empty") }
            if let other = ledger.scope(named: alias) { throw SessionError("--alias: \"\(alias)\" already names the scope \(other.id)") }
            ledger.scopes[index].aliases.append(alias)
        }
    }

    /// A scope's whole must exist, and must not be the scope itself through any level of partOf.
    private static func checkParent(_ parent: String?, of id: String, in ledger: EventLedger) throws {
        guard let parent else { return }
        guard ledger.scopes.contains(where: { $0.id == parent }) else {
            throw SessionError("--part-of: no scope \"\(parent)\" in \(ledger.event.id); scope add \(parent) first")
        }
        var next: String? = parent
        var seen: Set<String> = []
        while let current = next, seen.insert(current).inserted {
            if current == id { throw SessionError("--part-of: \"\(id)\" would be part of itself") }
            next = ledger.scopes.first { $0.id == current }?.partOf
        }
    }

    /// Changes the current event as it is under the lock.
    func changeEvent(_ command: ParsedCommand, created: [String] = [], _ edit: (inout EventLedger) throws -> Void) throws {
        try change(command) {
            var ledger = try currentLedger()
            try edit(&ledger)
            return Workspace.Change(event: ledger, created: created)
        }
    }
}
