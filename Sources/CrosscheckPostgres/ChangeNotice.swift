import CrosscheckCore
import CrosscheckStore
import Foundation
import PostgresNIO

/// What a change on the server tells every session listening: who made it, with which command,
/// to which events, and what it created. Sent in the change's own transaction, so it is heard
/// only once the change is there to be read.
public struct ChangeNotice: Sendable, Hashable, CustomStringConvertible {
    /// The channel changes are announced on.
    static let channel = "crosscheck_changes"

    /// The connection that made the change: a session does not announce its own changes to itself.
    var session: String
    public var actor: String
    public var command: String
    public var events: [String]
    public var created: [String]

    /// The line a session shows before its next prompt: "ana added c412, c413 to kyiv-strike-2025-06-17".
    public var description: String {
        let claims = created.filter { EventMerge.number(of: $0) != nil }
        let events = self.events.joined(separator: ", ")
        if !claims.isEmpty, !events.isEmpty { return "\(actor) added \(claims.joined(separator: ", ")) to \(events)" }
        return "\(actor) changed \(events.isEmpty ? "the sources" : events): \(command)"
    }

    var payload: String {
        var object = JSONObjectWriter()
        object.add("session", session)
        object.add("actor", actor)
        object.add("command", command)
        object.add("events", strings: events)
        object.add("created", strings: created)
        return object.result
    }

    init(session: String, actor: String, command: String, events: [String], created: [String]) {
        (self.session, self.actor, self.command, self.events, self.created) = (session, actor, command, events, created)
    }

    /// A notice read back from its payload; nil for one this version cannot read.
    init?(payload: String) {
        guard let object = try? JSONReader.parse(payload), let session = object.member("session")?.text,
              let actor = object.member("actor")?.text, let command = object.member("command")?.text else { return nil }
        self.init(session: session, actor: actor, command: command, events: object.member("events")?.strings ?? [],
                  created: object.member("created")?.strings ?? [])
    }
}

/// Notices heard on the connection's event loop, kept until asked for.
final class Heard: @unchecked Sendable {
    private let lock = NSLock()
    private var notices: [ChangeNotice] = []

    func append(_ notice: ChangeNotice) {
        lock.withLock { notices.append(notice) }
    }

    func drain() -> [ChangeNotice] {
        lock.withLock {
            defer { notices.removeAll() }
            return notices
        }
    }
}

extension ServerLedger {
    /// Starts hearing colleagues' changes: from now on, `colleaguesChanges()` gives each one made
    /// by another connection, in the order they were committed.
    public func listen() throws(StoreError) {
        try serially { () throws(StoreError) in
            try startListening()
            listening = true
        }
    }

    /// Hears notices on the current connection. The caller holds the lock.
    func startListening() throws(StoreError) {
        let session = self.session, heard = self.heard
        connection.addListener(channel: ChangeNotice.channel) { _, message in
            guard let notice = ChangeNotice(payload: message.payload), notice.session != session else { return }
            heard.append(notice)
        }
        try run("LISTEN \(unescaped: ChangeNotice.channel)")
    }

    /// The colleagues' changes heard since the last call.
    public func colleaguesChanges() -> [ChangeNotice] {
        heard.drain()
    }
}
