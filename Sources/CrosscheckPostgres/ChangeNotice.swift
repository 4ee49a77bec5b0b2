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
    /// Events (and created ids) beyond those named: a notice's payload is limited (8,000 bytes),
    /// and an import of thousands of events is told in one line anyway.
    public var moreEvents = 0
    public var moreCreated = 0

    /// The line a session shows before its next prompt: "ana added c412, c413 to kyiv-strike-2025-06-17".
    public var description: String {
        let claims = created.filter { EventMerge.number(of: $0) != nil }
        let events = self.events.joined(separator: ", ") + Self.more(moreEvents)
        if !claims.isEmpty, !events.isEmpty { return "\(actor) added \(claims.joined(separator: ", "))\(Self.more(moreCreated)) to \(events)" }
        return "\(actor) changed \(events.isEmpty ? "the sources" : events): \(command)"
    }

    private static func more(_ count: Int) -> String {
        count > 0 ? " and \(count) more" : ""
    }

    var payload: String {
        var object = JSONObjectWriter()
        object.add("session", session)
        object.add("actor", actor)
        object.add("command", command)
        object.add("events", strings: events)
        object.add("created", strings: created)
        object.add("moreEvents", Double(moreEvents))
        object.add("moreCreated", Double(moreCreated))
        return object.result
    }

    /// At most `named` events and created ids are named, the command cut at `commandLength`
    /// characters, so that the payload stays within the server's limit.
    init(session: String, actor: String, command: String, events: [String], created: [String], moreEvents: Int = 0, moreCreated: Int = 0) {
        (self.session, self.actor, self.events, self.created) = (session, actor, Array(events.prefix(Self.named)), Array(created.prefix(Self.named)))
        self.command = command.count > Self.commandLength ? String(command.prefix(Self.commandLength)) + "…" : command
        self.moreEvents = moreEvents + max(0, events.count - Self.named)
        self.moreCreated = moreCreated + max(0, created.count - Self.named)
    }

    static let named = 20, commandLength = 1_000

    /// A notice read back from its payload; nil for one this version cannot read.
    init?(payload: String) {
        guard let object = try? JSONReader.parse(payload), let session = object.member("session")?.text,
              let actor = object.member("actor")?.text, let command = object.member("command")?.text else { return nil }
        self.init(session: session, actor: actor, command: command, events: object.member("events")?.strings ?? [],
                  created: object.member("created")?.strings ?? [], moreEvents: object.member("moreEvents")?.numberValue.map { Int($0) } ?? 0,
                  moreCreated: object.member("moreCreated")?.numberValue.map { Int($0) } ?? 0)
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
