import CrosscheckCore
import CrosscheckStore

/// `source add|set|use|grade|remove` and `sources`: the source registry.
extension Session {
    static let sourceHandlers: [String: Handler] = [
        "source add": { session, command in try session.addSource(command) },
        "source set": { session, command in try session.setSource(command) },
        "source use": { session, command in
            let id = command.argument("ID")!
            guard try session.workspace.store.sources([id]).first != nil else { throw SessionError("no source \"\(id)\"; source add \(id) … first") }
            session.currentSource = id
            return "using source \(id)\n"
        },
        "source grade": { session, command in
            let id = command.argument("ID")!, grade = command.argument("GRADE")!
            var old = "none"
            try session.changeSource(command, id) { source in
                old = source.reliability?.rawValue ?? "none"
                source.reliability = Reliability(rawValue: grade)
            }
            return "\(id): reliability \(old) → \(grade)\n"
        },
        "source remove": { session, command in try session.removeSource(command) },
        "sources": { session, _ in
            let sources = try session.workspace.store.sources()
            return sources.isEmpty ? "no sources yet; source add ID --title T --outlet O\n"
                : sources.map { "\($0.id)  \($0.reliability?.rawValue ?? "-")  \($0.outlet): \($0.title)" + ($0.published.map { " (\($0))" } ?? "") }
                    .joined(separator: "\n") + "\n"
        },
    ]

    private func addSource(_ command: ParsedCommand) throws -> String {
        let id = try slug(command.argument("ID")!, "source")
        let published = try command.option("--published").map { text throws(SessionError) in try time(text, "--published") }
        // Refused before anything is read or fetched.
        guard try workspace.store.sources([id]).isEmpty else { throw SessionError("\(id): a source with this id exists") }
        let read = try sourceText(command, url: command.option("--url"))
        let source = Source(
            id: id, title: command.option("--title")!, outlet: command.option("--outlet")!, url: command.option("--url"),
            published: published ?? read?.published, reliability: command.option("--reliability").flatMap(Reliability.init(rawValue:)),
            text: read?.text, fetched: read?.fetched)
        try change(command) {
            var registry = try workspace.store.registry()
            guard !registry.sources.contains(where: { $0.id == id }) else { throw SessionError("\(id): a source with this id exists") }
            registry.sources.append(source)
            return Workspace.Change(registry: registry, created: [id])
        }
        currentSource = id
        return "source \(id) added" + Self.describe(read, publishedGiven: published != nil) + "; it is the current source\n"
    }

    /// What a text option read, for the command's answer: "3 paragraphs from page.html;
    /// published 2025-06-19, as the page says".
    private static func describe(_ read: SourceText?, publishedGiven: Bool) -> String {
        guard let read, let origin = read.origin else { return "" }
        return ": " + origin + (publishedGiven ? "" : read.published.map { "; published \($0), as the page says" } ?? "")
    }

    private func setSource(_ command: ParsedCommand) throws -> String {
        let id = command.argument("ID")!
        let published = try command.option("--published").map { text throws(SessionError) in try time(text, "--published") }
        try requireChanges(command, of: "source set \(id)")
        guard let old = try workspace.store.sources([id]).first else { throw SessionError("no source \"\(id)\"") }
        let read = try sourceText(command, url: command.option("--url") ?? old.url)
        var changed: Source?
        try changeSource(command, id) { source in
            if let title = command.option("--title") { source.title = title }
            if let outlet = command.option("--outlet") { source.outlet = outlet }
            if let url = command.option("--url") { source.url = url.isEmpty ? nil : url }
            if let published { source.published = published }
            if let grade = command.option("--reliability") { source.reliability = Reliability(rawValue: grade) }
            if let read {
                (source.text, source.fetched) = (read.text, read.fetched)
                if source.published == nil { source.published = read.published }
            }
            changed = source
        }
        let source = changed!
        return "\(id)  \(source.reliability?.rawValue ?? "-")  \(source.outlet): \(source.title)"
            + (source.published.map { " (\($0))" } ?? "") + (source.url.map { " <\($0)>" } ?? "")
            + (read?.origin.map { "; text: \($0)" } ?? "") + "\n"
    }

    /// Changes one source of the registry as it is under the lock.
    private func changeSource(_ command: ParsedCommand, _ id: String, _ edit: (inout Source) throws -> Void) throws {
        try change(command) {
            var registry = try workspace.store.registry()
            guard let index = registry.sources.firstIndex(where: { $0.id == id }) else { throw SessionError("no source \"\(id)\"") }
            try edit(&registry.sources[index])
            return Workspace.Change(registry: registry)
        }
    }

    private func removeSource(_ command: ParsedCommand) throws -> String {
        let id = command.argument("ID")!
        try change(command) {
            var registry = try workspace.store.registry()
            guard registry.sources.contains(where: { $0.id == id }) else { throw SessionError("no source \"\(id)\"") }
            let citing = try workspace.store.claimIDs(citing: id)
            guard citing.isEmpty else {
                throw SessionError("\(id) is cited by \(Self.list(citing)); unlink or claim remove them first")
            }
            registry.sources.removeAll { $0.id == id }
            return Workspace.Change(registry: registry)
        }
        if currentSource == id { currentSource = nil }
        return "source \(id) removed\n"
    }

    /// Ids for a message: the first ten, then how many more.
    static func list(_ ids: [String]) -> String {
        ids.prefix(10).joined(separator: ", ") + (ids.count > 10 ? " and \(ids.count - 10) more" : "")
    }
}
