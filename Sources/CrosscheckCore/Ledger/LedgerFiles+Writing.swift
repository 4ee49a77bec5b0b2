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
        let claims = ledger.claims.sorted { naturalOrder($0.id, $1.id) }.map { claim -> String in
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

    /// "c2" before "c10": runs of digits compare by value.
    static func naturalOrder(_ a: String, _ b: String) -> Bool {
        func key(_ text: String) -> [(String, Int)] {
            var parts: [(String, Int)] = []
            var letters = "", digits = ""
            for character in text {
                if character.isASCII && character.isNumber {
                    digits.append(character)
                } else {
                    if !digits.isEmpty {
                        parts.append((letters, Int(digits.prefix(18)) ?? 0))
                        letters = ""
                        digits = ""
                    }
                    letters.append(character)
                }
            }
            parts.append((letters, Int(digits.prefix(18)) ?? -1))
            return parts
        }
        let (x, y) = (key(a), key(b))
        for (p, q) in zip(x, y) where p != q {
            return p.0 != q.0 ? p.0 < q.0 : p.1 < q.1
        }
        return x.count != y.count ? x.count < y.count : a < b
    }
}
