import CrosscheckCore
import CrosscheckStore

/// `undo`, `history`, `help` and `quit`.
extension Session {
    static let historyHandlers: [String: Handler] = [
        "undo": { session, command in try session.undo(command.argument("ENTRY")) },
        "history": { session, command in
            let entries = try session.workspace.store.history()
            let shown = command.options["--all"] != nil ? entries[...] : entries.suffix(50)
            guard !shown.isEmpty else { return "no changes yet\n" }
            let width = String(shown.last!.id).count
            return shown.map { entry in
                String(repeating: " ", count: width - String(entry.id).count) + "\(entry.id)  \(entry.time)  \(entry.actor)  \(entry.command)"
                    + (entry.created.isEmpty ? "" : "  → " + entry.created.joined(separator: ", "))
            }.joined(separator: "\n") + "\n"
        },
        "help": { session, command in try session.tree.help(command.argument("COMMAND")) },
        "quit": { _, _ in nil },
    ]

    /// `undo`: this session's last change; from the command line, the newest change of the
    /// history made by this actor; `undo ENTRY`: that entry, whoever made it.
    private func undo(_ entry: String?) throws -> String {
        if let entry {
            guard let id = Int64(entry), id > 0 else { throw SessionError("undo: \"\(entry)\" is not a history entry; history numbers them") }
            let undone = try workspace.undo(id)
            changes.removeAll { $0 == id }
            return "undid \(id): \(undone)\n"
        }
        if fromCommandLine {
            // The newest change of whoever runs it: on a shared ledger, never a colleague's by accident.
            let history = try workspace.store.history()
            guard !history.isEmpty else { throw SessionError("nothing to undo: the history is empty") }
            guard let last = history.last(where: { $0.actor == workspace.actor })?.id else {
                throw SessionError("nothing to undo: no change by \(workspace.actor) in the history; undo ENTRY undoes anyone's")
            }
            return "undid \(last): \(try workspace.undo(last))\n"
        }
        guard let last = changes.popLast() else { throw SessionError("nothing to undo in this session; undo ENTRY undoes an entry of history") }
        do {
            return "undid \(last): \(try workspace.undo(last))\n"
        } catch {
            changes.append(last)
            throw error
        }
    }
}
