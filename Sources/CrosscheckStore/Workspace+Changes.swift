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
        /// The ids the change makes, which its history entry names.
        public var created: [String]

        public init(event: EventLedger? = nil, removedEvent: String? = nil, registry: SourceRegistry? = nil, created: [String] = []) {
            (self.event, self.removedEvent, self.registry, self.created) = (event, removedEvent, registry, created)
        }
    }

    /// Applies `change` as one transaction with one history entry; returns the entry's id.
    @discardableResult
    public func apply(_ change: Change, command: String) throws(StoreError) -> Int64 {
        let lock = try lockFolder()
        defer { lock?.release() }
        try takeInChanges()
        return try exclusively { () throws(StoreError) in try applyHoldingLock(change, command: command) }
    }

    /// Reads, changes and writes under the workspace lock: `make` reads the ledger as it is now
    /// and returns the change, which is applied before any other process may write. Two
    /// sessions changing one event (or numbering claims) never write over each other's change.
    @discardableResult
    public func apply(command: String, _ make: () throws -> Change) throws -> Int64 {
        let lock = try lockFolder()
        defer { lock?.release() }
        // A hand edit or a git pull since the last command is taken in first, never written over.
        try takeInChanges()
        return try store.exclusively { try applyHoldingLock(try make(), command: command) }
    }

    /// Takes in the workspace files changed since this process last looked (a hand edit, a
    /// `git pull`), as opening the workspace does: what every command reads first.
    public func refresh() throws(StoreError) {
        let lock = try lockFolder()
        defer { lock?.release() }
        try takeInChanges()
    }

    private func applyHoldingLock(_ change: Change, command: String) throws(StoreError) -> Int64 {
        let event = change.event.map { $0.declaringStandardMetrics() }
        let previous = try event.flatMap { event throws(StoreError) in try store.event(event.event.id) }
        // What each file held and will hold; the history keeps only the lines that differ.
        var files: [String: (before: String?, after: String?)] = [:]
        if let event { files[LedgerFiles.eventPath(event.event.id)] = (previous.map(LedgerFiles.writeEvent), LedgerFiles.writeEvent(event)) }
        if let removed = change.removedEvent {
            files[LedgerFiles.eventPath(removed)] = (try store.event(removed).map(LedgerFiles.writeEvent), nil)
        }
        if let registry = change.registry {
            files["Sources.json"] = (LedgerFiles.writeRegistry(try store.registry()), LedgerFiles.writeRegistry(registry))
        }
        try createClaimsFolder()
        var staged = StagedFiles()
        defer { staged.discard() }
        var supplied = event
        let patches = Self.patchesJSON(files)
        var write = LedgerWrite(command: command, nextEvent: { () throws -> EventWrite? in
            guard let ledger = supplied else { return nil }
            supplied = nil
            if let paths = self.paths { try staged.stage(files[LedgerFiles.eventPath(ledger.event.id)]!.after!, at: paths.event(ledger.event.id)) }
            return EventWrite(ledger, path: LedgerFiles.eventPath(ledger.event.id))
        }, after: { _, _ in patches })
        write.sources = change.registry?.sources ?? []
        write.origins = change.registry?.origins ?? []
        write.replaceSources = change.registry != nil
        if paths != nil { write.files = { Dictionary(uniqueKeysWithValues: files.keys.map { ($0, FileState.pending) }) } }
        (write.removing, write.previous, write.created, write.actor) = (change.removedEvent, previous, change.created, actor)
        let entry = try store.store(write)
        guard let folder else { return entry }
        if let text = files["Sources.json"]?.after { try staged.stage(text, at: folder.paths.sources) }
        try commit(&staged)
        if let removed = change.removedEvent {
            unlink(folder.paths.event(removed))
            try folder.states.forget(files: [LedgerFiles.eventPath(removed)])
        }
        return entry
    }

    /// Reverses the change of history entry `id`: the lines it changed in each file come back,
    /// unless another change has touched them since, which is refused.
    public func undo(_ id: Int64) throws(StoreError) -> String {
        guard let entry = try store.history(after: id - 1).first, entry.id == id else {
            throw StoreError("nothing to undo: history entry \(id) is gone")
        }
        // The files as they are now, read under the lock: another session may be writing.
        let lock = try lockFolder()
        defer { lock?.release() }
        try takeInChanges()
        try exclusively { () throws(StoreError) in
            _ = try applyHoldingLock(try reverting(entry), command: "undo \(entry.command)")
        }
        return entry.command
    }

    /// The change that takes back the lines `entry` changed, if they still stand.
    private func reverting(_ entry: HistoryEntry) throws(StoreError) -> Change {
        var change = Change()
        for (path, patch) in Self.patches(entry.after) {
            let event = LedgerFiles.eventID(ofPath: path)
            let now: String?
            if let event {
                now = try store.event(event).map(LedgerFiles.writeEvent)
            } else {
                now = LedgerFiles.writeRegistry(try store.registry())
            }
            if patch.created {
                // The change created the event: undoing it removes the event, if it is as the change left it.
                guard let now, TextPatch(from: "", to: now) == patch.text else { throw try refusal(entry, path) }
                change.removedEvent = event
                continue
            }
            guard let text = now.flatMap(patch.text.reverted) else { throw try refusal(entry, path) }
            do {
                if event == nil { change.registry = try LedgerFiles.readRegistry(text) } else { change.event = try LedgerFiles.readEvent(text, parser: parser) }
            } catch {
                throw StoreError.file(path, error)
            }
        }
        return change
    }

    /// Why `entry` cannot be undone: a later change touched the same lines of `path`, named with
    /// who made it, so that an analyst knows whom to ask.
    private func refusal(_ entry: HistoryEntry, _ path: String) throws(StoreError) -> StoreError {
        let later = try store.history(after: entry.id).last { Self.patches($0.after).contains { $0.0 == path } }
        let who = later.map { "\($0.actor)'s \"\($0.command)\"" } ?? "another change"
        return StoreError("cannot undo \"\(entry.command)\": \(who) has touched \(path) since")
    }

    /// What the history keeps of one file a change touched: the lines it changed, and whether
    /// the change created the file. A history entry's `after` is these by path, as JSON.
    struct FilePatch: Codable {
        var line: Int
        var removed: [String]
        var added: [String]
        var above: String?
        var below: String?
        var created: Bool
    }

    /// Written with the core's JSON writer, which Foundation's encoder would make a session's
    /// every change a millisecond slower; read back with Foundation's decoder, as only undo does.
    static func patchesJSON(_ files: [String: (before: String?, after: String?)]) -> String {
        "{" + files.keys.sorted().map { path in
            let (before, after) = files[path]!
            let patch = TextPatch(from: before ?? "", to: after ?? "")
            var object = JSONObjectWriter()
            object.add("line", Double(patch.line))
            object.add("removed", strings: patch.removed)
            object.add("added", strings: patch.added)
            object.add("above", patch.above)
            object.add("below", patch.below)
            object.add("created", before == nil)
            return JSONText.string(path) + ": " + object.result
        }.joined(separator: ", ") + "}"
    }

    static func patches(_ json: String?) -> [(String, (text: TextPatch, created: Bool))] {
        guard let json, let patches = try? JSONDecoder().decode([String: FilePatch].self, from: Data(json.utf8)) else { return [] }
        return patches.keys.sorted().map { path in
            let patch = patches[path]!
            return (path, (TextPatch(line: patch.line, removed: patch.removed, added: patch.added, above: patch.above, below: patch.below),
                           patch.created))
        }
    }
}
