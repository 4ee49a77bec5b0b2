import CrosscheckCore
import CrosscheckStore

/// `show`, `list`, `check`, `plot` and `export`: reading the ledger.
extension Session {
    static let readingHandlers: [String: Handler] = [
        "show": { session, command in
            let (ledger, claim) = try session.claim(command.argument("CLAIM")!)
            return session.describe(claim, in: ledger, verbose: true)
        },
        "list": { session, command in try session.list(command) },
        "check": { session, command in
            guard let event = command.option("--event") ?? session.currentEvent else { throw SessionError("no event yet; event use ID first") }
            let format = CheckDocument.Format.text(CheckText(
                listUnordered: command.options["--unordered"] != nil, listSetAside: command.options["--set-aside"] != nil,
                colour: session.colour, width: session.width()))
            return try session.workspace.check(event: event, format: format).rendered
        },
        "plot": { session, command in try session.plot(command) },
        "export": { session, command in try session.export(command) },
    ]

    private func list(_ command: ParsedCommand) throws -> String {
        guard let event = command.option("--event") ?? currentEvent else { throw SessionError("no event yet; event use ID first") }
        guard let ledger = try workspace.store.event(event) else { throw SessionError("no event \"\(event)\"") }
        // Bare dates, of claims and of --since, read in the zone of the event's reports, as the check reads them.
        let zone = TimeWindow.zone(of: ledger.claims.compactMap(\.asOf))
        let since = try command.option("--since").map { text throws(SessionError) in TimeWindow(try time(text, "--since"), zone: zone) }
        let words = command.option("--text")?.lowercased()
        let claims = LedgerFiles.naturallySorted(ledger.claims).filter { claim in
            (command.option("--metric").map { $0 == claim.metric } ?? true)
                && (command.option("--source").map { source in claim.sources.contains { $0.source == source } } ?? true)
                && (command.option("--status").map { $0 == (claim.status ?? .open).rawValue } ?? true)
                // A claim that may stand at or after the time: not surely before it.
                && (since.map { window in claim.asOf.map { !TimeWindow($0, zone: zone).surelyBefore(window) } ?? false } ?? true)
                && (words.map { words in
                    claim.text.lowercased().contains(words) || claim.sources.contains { $0.quote?.lowercased().contains(words) == true }
                } ?? true)
        }
        return claims.isEmpty ? "no claims\n" : claims.map { describe($0, in: ledger, verbose: false) }.joined()
    }

    private func plot(_ command: ParsedCommand) throws -> String {
        let ledger = try currentLedger()
        let counted = Array(Set(ledger.claims.map(\.metric))).sorted()
        guard let metric = command.argument("METRIC") ?? ledger.claims.first?.metric else {
            throw SessionError("no claims to plot yet in \(ledger.event.id)")
        }
        guard counted.contains(metric) else {
            throw SessionError("plot: no \(metric) claims in \(ledger.event.id); it has \(counted.joined(separator: ", "))")
        }
        let registry = try workspace.store.registry()
        let report = ConsistencyCheck(origins: OriginNames(registry.origins)).run([ledger], sources: registry.sources)
        return TimelinePlot(ledger: ledger, metric: metric, report: report).render(width: width())
    }

    private func export(_ command: ParsedCommand) throws -> String {
        guard let format = ExportFormat(rawValue: command.argument("FORMAT") ?? "") else {
            throw SessionError("export: formats: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let event = command.option("--event")
        let settings = ExportSettings(baseURL: command.option("--base-url") ?? "", author: command.option("--author"))
        if let path = command.argument("PATH") {
            try workspace.export(format, event: event, settings: settings, to: path)
            return "wrote \(path)\n"
        }
        var document = ""
        try workspace.export(format, event: event, settings: settings) { document += $0 }
        return document
    }
}
