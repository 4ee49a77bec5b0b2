import CrosscheckCore
import Foundation

/// Changes made one at a time, as the session makes them: each is one transaction and one
/// history entry whose `before` and `after` hold the whole text of every file it touched, then
/// the files are rewritten. `undo` puts the `before` texts back, if nothing changed them since.
extension Workspace {
    /// A change: the event as it is to be (or an event to remove), and/or the source registry.
    public struct Change: Sendable {
        public var event: EventLedger?
        public var removedEvent: String?
        public var registry: SourceRegistry?

        public init(event: EventLedger? = nil, removedEvent: String? = nil, registry: SourceRegistry? = nil) {
            (self.event, self.removedEvent, self.registry) = (event, removedEvent, registry)
        }
    }

    /// Applies `change` as one transaction with one history entry; returns the entry's id.
    @discardableResult
    public func apply(_ change: Change, command: String) throws(StoreError) -> Int64 {
        let lock = try FileLock(lockPath)
        defer { lock.release() }
        let event = change.event.map { $0.declaringStandardMetrics() }
        var before: [String: String?] = [:], after: [String: String?] = [:]
        if let event {
            let path = "Claims/\(event.event.id).json"
            before[path] = try database.event(event.event.id).map(LedgerFiles.writeEvent)
            after[path] = LedgerFiles.writeEvent(event)
        }
        if let removed = change.removedEvent {
            let path = "Claims/\(removed).json"
            before[path] = try database.event(removed).map(LedgerFiles.writeEvent)
            after[path] = .some(nil)
        }
        if let registry = change.registry {
            before["Sources.json"] = LedgerFiles.writeRegistry(try database.registry())
            after["Sources.json"] = LedgerFiles.writeRegistry(registry)
        }
        try createClaimsFolder()
        var staged = StagedFiles()
        defer { staged.discard() }
        var supplied = event
        try database.store(
            sources: change.registry?.sources ?? [], origins: change.registry?.origins ?? [], replaceSources: change.registry != nil,
            nextEvent: { () throws -> (ledger: EventLedger, path: String)? in
                guard let ledger = supplied else { return nil }
                supplied = nil
                try staged.stage(LedgerFiles.writeEvent(ledger), at: self.eventPath(ledger.event.id))
                return (ledger, "Claims/\(ledger.event.id).json")
            },
            files: {
                var marks: [String: FileState] = [:]
                for path in after.keys { marks[path] = .pending }
                return marks
            },
            command: command, history: { _, _ in Self.filesJSON(after) }, before: Self.filesJSON(before), removing: change.removedEvent)
        if let registry = change.registry { try staged.stage(LedgerFiles.writeRegistry(registry), at: sourcesPath) }
        try commit(&staged)
        if let removed = change.removedEvent {
            unlink(eventPath(removed))
            try database.forget(files: ["Claims/\(removed).json"])
        }
        return try database.lastHistoryID()
    }

    /// Reverses the change of history entry `id`: its files' `before` texts come back, unless
    /// another change has touched them since, which is refused.
    public func undo(_ id: Int64) throws(StoreError) -> String {
        guard let entry = try database.history(after: id - 1).first, entry.id == id else {
            throw StoreError("nothing to undo: history entry \(id) is gone")
        }
        let before = Self.files(entry.before), after = Self.files(entry.after)
        for (path, text) in after {
            let now: String?
            if path == "Sources.json" {
                now = LedgerFiles.writeRegistry(try database.registry())
            } else {
                now = try database.event(String(path.dropFirst(7).dropLast(5))).map(LedgerFiles.writeEvent)
            }
            guard now == text else {
                throw StoreError("cannot undo \"\(entry.command)\": another change has touched \(path) since")
            }
        }
        var change = Change()
        for (path, text) in before {
            if path == "Sources.json" {
                guard let text else { continue }
                do { change.registry = try LedgerFiles.readRegistry(text) } catch { throw StoreError.file(path, error) }
            } else if let text {
                do { change.event = try LedgerFiles.readEvent(text, parser: parser) } catch { throw StoreError.file(path, error) }
            } else {
                change.removedEvent = String(path.dropFirst(7).dropLast(5))
            }
        }
        try apply(change, command: "undo \(entry.command)")
        return entry.command
    }

    /// `{"path": "text" | null, …}`, paths in order.
    static func filesJSON(_ files: [String: String?]) -> String {
        "{" + files.keys.sorted().map { JSONText.string($0) + ": " + (files[$0]!.map(JSONText.string) ?? "null") }.joined(separator: ", ") + "}"
    }

    static func files(_ json: String?) -> [String: String?] {
        guard let json, case .object(let members)? = try? JSONReader.parse(json) else { return [:] }
        var files: [String: String?] = [:]
        for (path, value) in members {
            if case .string(let text) = value { files[path] = text } else { files[path] = .some(nil) }
        }
        return files
    }
}
