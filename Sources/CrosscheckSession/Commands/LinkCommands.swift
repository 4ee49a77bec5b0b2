import CrosscheckCore
import CrosscheckStore

/// `link`, `link set` and `unlink`: which sources carry a claim, and what each report says of it.
extension Session {
    static let linkHandlers: [String: Handler] = [
        "link": { session, command in
            try session.changeLinks(command) { links, claim, source in
                guard !links.contains(where: { $0.source == source }) else {
                    throw SessionError("\(claim) already cites \(source); link set \(claim) \(source) changes that report")
                }
                links.append(Link(source: source, quote: command.option("--quote"), attributedTo: command.option("--attributed"),
                                  credibility: session.credibility(command)))
            }
        },
        "link set": { session, command in
            try session.requireChanges(command, of: "link set")
            return try session.changeLinks(command) { links, claim, source in
                guard let index = links.firstIndex(where: { $0.source == source }) else {
                    throw SessionError("\(claim) does not cite \(source); link \(claim) \(source) adds it")
                }
                // An empty value clears the field.
                if let quote = command.option("--quote") { links[index].quote = quote.isEmpty ? nil : quote }
                if let who = command.option("--attributed") { links[index].attributedTo = who.isEmpty ? nil : who }
                if let credibility = session.credibility(command) { links[index].credibility = credibility }
            }
        },
        "unlink": { session, command in
            try session.changeLinks(command) { links, claim, source in
                guard links.contains(where: { $0.source == source }) else { throw SessionError("\(claim) does not cite \(source)") }
                guard links.count > 1 else {
                    throw SessionError("\(source) is the only source of \(claim); claim remove \(claim) removes the claim")
                }
                links.removeAll { $0.source == source }
            }
        },
    ]

    /// Changes the links of CLAIM to SOURCE as they are under the lock; answers with each report.
    private func changeLinks(_ command: ParsedCommand, _ edit: (inout [Link], String, String) throws -> Void) throws -> String {
        let id = command.argument("CLAIM")!, sourceID = command.argument("SOURCE")!
        var changed: Claim?
        try change(command) {
            var (ledger, found) = try claim(id)
            guard try workspace.store.sources([sourceID]).first != nil else { throw SessionError("no source \"\(sourceID)\"") }
            try edit(&found.sources, id, sourceID)
            ledger.claims[ledger.claims.firstIndex { $0.id == id }!] = found
            changed = found
            return Workspace.Change(event: ledger)
        }
        return "\(id) cites " + changed!.sources.map { link in
            link.source + (link.attributedTo.map { " (\($0))" } ?? "") + (link.credibility.map { ", credibility \($0.rawValue)" } ?? "")
        }.joined(separator: "; ") + "\n"
    }
}
