extension LedgerFiles {
    /// `Sources.json`: the sources by id, one a line, every field written.
    public static func writeSources(_ sources: [Source]) -> String {
        let lines = sources.sorted { $0.id < $1.id }.map { source -> String in
            var object = JSONObjectWriter(spaced: true)
            object.add("id", source.id)
            object.add("title", source.title)
            object.add("outlet", source.outlet)
            object.add("url", source.url)
            object.add("published", source.published?.description)
            object.add("reliability", source.reliability?.rawValue)
            object.add("text", source.text)
            return "    " + object.result
        }
        return "{\n  \"format\": \(JSONText.string(sourcesFormat)),\n  \"sources\": " + block(lines, indent: "  ") + "\n}\n"
    }

    /// `Claims/<event-id>.json`: metrics and scopes by id, one a line; claims in id order (c2
    /// before c10), each field on its own line, each link on one line.
    public static func writeEvent(_ ledger: EventLedger) -> String {
        var event = JSONObjectWriter(spaced: true)
        event.add("id", ledger.event.id)
        event.add("title", ledger.event.title)
        event.add("date", ledger.event.date?.description)

        let metrics = ledger.metrics.sorted { $0.id < $1.id }.map { metric -> String in
            var object = JSONObjectWriter(spaced: true)
            object.add("id", metric.id)
            object.add("kind", metric.kind.rawValue)
            object.add("aliases", json: "[" + metric.aliases.map(JSONText.string).joined(separator: ", ") + "]")
            return "    " + object.result
        }
        let scopes = ledger.scopes.sorted { $0.id < $1.id }.map { scope -> String in
            var object = JSONObjectWriter(spaced: true)
            object.add("id", scope.id)
            object.add("partOf", scope.partOf)
            return "    " + object.result
        }
        let claims = naturallySorted(ledger.claims).map { claim -> String in
            var figure = JSONObjectWriter(spaced: true)
            claim.figure.addFields(to: &figure, writingEveryField: true)
            let links = claim.sources.map { link -> String in
                var object = JSONObjectWriter(spaced: true)
                object.add("source", link.source)
                object.add("quote", link.quote)
                object.add("attributedTo", link.attributedTo)
                object.add("credibility", link.credibility.map { Double($0.rawValue) })
                return "        " + object.result
            }
            let fields = [
                "\"id\": " + JSONText.string(claim.id),
                "\"metric\": " + JSONText.string(claim.metric),
                "\"scope\": " + optional(claim.scope),
                "\"text\": " + JSONText.string(claim.text),
                "\"figure\": " + figure.result,
                "\"asOf\": " + optional(claim.asOf?.description),
                "\"confidence\": " + optional(claim.confidence?.rawValue),
                "\"status\": " + optional(claim.status?.rawValue),
                "\"sources\": " + block(links, indent: "      "),
            ]
            return "    {\n" + fields.map { "      " + $0 }.joined(separator: ",\n") + "\n    }"
        }
        return "{\n  \"format\": \(JSONText.string(claimsFormat)),\n  \"event\": \(event.result),\n"
            + "  \"metrics\": " + block(metrics, indent: "  ") + ",\n"
            + "  \"scopes\": " + block(scopes, indent: "  ") + ",\n"
            + "  \"claims\": " + block(claims, indent: "  ") + "\n}\n"
    }

    /// "[]", or the lines between brackets.
    private static func block(_ lines: [String], indent: String) -> String {
        lines.isEmpty ? "[]" : "[\n" + lines.joined(separator: ",\n") + "\n" + indent + "]"
    }

    private static func optional(_ text: String?) -> String { text.map(JSONText.string) ?? "null" }

    /// Claims in the order of their ids, "c2" before "c10": runs of digits compare by value.
    static func naturallySorted(_ claims: [Claim]) -> [Claim] {
        claims.map { (key: naturalKey($0.id), claim: $0) }
            .sorted { $0.key.lexicographicallyPrecedes($1.key) }
            .map(\.claim)
    }

    /// An id cut into letters and numbers, each number as a fixed-width run of digits, so that
    /// comparing keys as text compares numbers by value.
    static func naturalKey(_ id: String) -> [UInt8] {
        var key: [UInt8] = []
        var digits: [UInt8] = []
        func flush() {
            guard !digits.isEmpty else { return }
            let significant = digits.drop { $0 == UInt8(ascii: "0") }
            let length = Array(String(significant.count).utf8)
            key += [UInt8(ascii: "0")] + [UInt8](repeating: UInt8(ascii: "0"), count: max(0, 3 - length.count)) + length + significant
            digits.removeAll()
        }
        for byte in id.utf8 {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits.append(byte)
            } else {
                flush()
                key.append(byte)
            }
        }
        flush()
        return key
    }
}
