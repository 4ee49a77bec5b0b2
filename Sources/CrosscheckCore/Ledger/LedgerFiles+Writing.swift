extension LedgerFiles {
    /// `Sources.json` with no origins declared.
    public static func writeSources(_ sources: [Source]) -> String {
        writeRegistry(SourceRegistry(sources: sources))
    }

    /// `Sources.json`: the sources by id, one a line, every field written; then the origins by
    /// id, one a line, when there are any (a registry without them keeps its old bytes).
    public static func writeRegistry(_ registry: SourceRegistry) -> String {
        let origins = registry.origins.sorted { $0.id < $1.id }.map { origin -> String in
            var object = JSONObjectWriter(spaced: true)
            object.add("id", origin.id)
            object.add("aliases", json: "[" + origin.aliases.map(JSONText.string).joined(separator: ", ") + "]")
            return "    " + object.result
        }
        let lines = registry.sources.sorted { $0.id < $1.id }.map { source -> String in
            var object = JSONObjectWriter(spaced: true)
            object.add("id", source.id)
            object.add("title", source.title)
            object.add("outlet", source.outlet)
            object.add("url", source.url)
            object.add("published", source.published?.description)
            object.add("reliability", source.reliability?.rawValue)
            object.add("text", source.text)
            // Only fetched sources have it: registries written before it existed keep their bytes.
            if let fetched = source.fetched { object.add("fetched", fetched.description) }
            return "    " + object.result
        }
        return "{\n  \"format\": \(JSONText.string(sourcesFormat)),\n  \"sources\": " + block(lines, indent: "  ")
            + (origins.isEmpty ? "" : ",\n  \"origins\": " + block(origins, indent: "  ")) + "\n}\n"
    }

    /// `Claims/<event-id>.json`: metrics and scopes by id, one a line; claims in id order (c2
    /// before c10), each field on its own line, each link on one line.
    public static func writeEvent(_ ledger: EventLedger) -> String {
        // One buffer for the whole file: this runs for every event of an import or an export.
        var out: [UInt8] = []
        out.reserveCapacity(256 + ledger.claims.count * 512)
        out += "{\n  \"format\": ".utf8
        JSONText.appendString(claimsFormat, to: &out)
        out += ",\n  \"event\": ".utf8
        JSONObjectWriter.append(to: &out, spaced: true) { object in
            object.add("id", ledger.event.id)
            object.add("title", ledger.event.title)
            object.add("date", ledger.event.date?.description)
        }
        out += ",\n  \"metrics\": ".utf8
        appendBlock(ledger.metrics.sorted { $0.id < $1.id }, to: &out, indent: "    ") { metric, out in
            JSONObjectWriter.append(to: &out, spaced: true) { object in
                object.add("id", metric.id)
                object.add("kind", metric.kind.rawValue)
                object.add("aliases", json: "[" + metric.aliases.map(JSONText.string).joined(separator: ", ") + "]")
            }
        }
        out += ",\n  \"scopes\": ".utf8
        appendBlock(ledger.scopes.sorted { $0.id < $1.id }, to: &out, indent: "    ") { scope, out in
            JSONObjectWriter.append(to: &out, spaced: true) { object in
                object.add("id", scope.id)
                object.add("partOf", scope.partOf)
                // Only when there are any: files from before scope aliases keep their bytes.
                if !scope.aliases.isEmpty { object.add("aliases", json: "[" + scope.aliases.map(JSONText.string).joined(separator: ", ") + "]") }
            }
        }
        out += ",\n  \"claims\": ".utf8
        appendBlock(naturallySorted(ledger.claims), to: &out, indent: "    ") { claim, out in
            out += "{\n      \"id\": ".utf8
            JSONText.appendString(claim.id, to: &out)
            out += ",\n      \"metric\": ".utf8
            JSONText.appendString(claim.metric, to: &out)
            out += ",\n      \"scope\": ".utf8
            appendOptional(claim.scope, to: &out)
            out += ",\n      \"text\": ".utf8
            JSONText.appendString(claim.text, to: &out)
            out += ",\n      \"figure\": ".utf8
            JSONObjectWriter.append(to: &out, spaced: true) { claim.figure.addFields(to: &$0, writingEveryField: true) }
            out += ",\n      \"asOf\": ".utf8
            appendOptional(claim.asOf?.description, to: &out)
            out += ",\n      \"confidence\": ".utf8
            appendOptional(claim.confidence?.rawValue, to: &out)
            out += ",\n      \"status\": ".utf8
            appendOptional(claim.status?.rawValue, to: &out)
            out += ",\n      \"sources\": ".utf8
            appendBlock(claim.sources, to: &out, indent: "        ") { link, out in
                JSONObjectWriter.append(to: &out, spaced: true) { object in
                    object.add("source", link.source)
                    object.add("quote", link.quote)
                    object.add("attributedTo", link.attributedTo)
                    object.add("credibility", link.credibility.map { Double($0.rawValue) })
                    if let span = link.span { object.add("span", json: "[\(span.lowerBound), \(span.upperBound)]") }
                }
            }
            out += "\n    }".utf8
        }
        out += "\n}\n".utf8
        return String(decoding: out, as: UTF8.self)
    }

    /// "[]", or the items between brackets, one a line at `indent`, the closing bracket two
    /// spaces to the left.
    private static func appendBlock<Item>(
        _ items: [Item], to out: inout [UInt8], indent: StaticString, _ write: (Item, inout [UInt8]) -> Void
    ) {
        guard !items.isEmpty else {
            out += "[]".utf8
            return
        }
        let indentBytes = UnsafeBufferPointer(start: indent.utf8Start, count: indent.utf8CodeUnitCount)
        out.append(UInt8(ascii: "["))
        for (index, item) in items.enumerated() {
            out += index == 0 ? [0x0A] : [0x2C, 0x0A]
            out += indentBytes
            write(item, &out)
        }
        out.append(0x0A)
        out += indentBytes.dropLast(2)
        out.append(UInt8(ascii: "]"))
    }

    private static func appendOptional(_ text: String?, to out: inout [UInt8]) {
        if let text { JSONText.appendString(text, to: &out) } else { out += JSONText.null }
    }

    /// "[]", or the lines between brackets.
    private static func block(_ lines: [String], indent: String) -> String {
        lines.isEmpty ? "[]" : "[\n" + lines.joined(separator: ",\n") + "\n" + indent + "]"
    }

    private static func optional(_ text: String?) -> String { text.map(JSONText.string) ?? "null" }

    /// Claims in the order of their ids, "c2" before "c10": runs of digits compare by value.
    public static func naturallySorted(_ claims: [Claim]) -> [Claim] {
        // A file crosscheck wrote is in this order already: one look at each pair, no sort.
        if zip(claims, claims.dropFirst()).allSatisfy({ !naturallyPrecedes($1.id, $0.id) }) { return claims }
        let keys = claims.map { naturalKey($0.id) }
        // Places are sorted, not claims, which are large to move; equal keys keep their order.
        let order = keys.indices.sorted { a, b in
            keys[a] == keys[b] ? a < b : keys[a].lexicographicallyPrecedes(keys[b])
        }
        return order.map { claims[$0] }
    }

    /// Whether `a` comes before `b` in the order of `naturalKey`, without building the keys:
    /// runs of digits compare by value (their length without leading zeros, then their digits).
    /// The file of an event, relative to the workspace: `Claims/<id>.json`.
    public static func eventPath(_ id: String) -> String { "Claims/\(id).json" }

    /// The event whose file `path` (relative to the workspace) is, or nil for another file.
    public static func eventID(ofPath path: String) -> String? {
        guard path.hasPrefix("Claims/"), path.hasSuffix(".json") else { return nil }
        return String(path.dropFirst("Claims/".count).dropLast(".json".count))
    }

    public static func naturallyPrecedes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in b.withUTF8 { y in naturallyPrecedes(x, y) } }
    }

    private static func naturallyPrecedes(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
        func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
        var i = 0, j = 0
        while i < x.count, j < y.count {
            if isDigit(x[i]), isDigit(y[j]) {
                var endX = i, endY = j
                while endX < x.count, isDigit(x[endX]) { endX += 1 }
                while endY < y.count, isDigit(y[endY]) { endY += 1 }
                while i < endX - 1, x[i] == 0x30 { i += 1 }
                while j < endY - 1, y[j] == 0x30 { j += 1 }
                // "0" alone counts as no significant digit, as in naturalKey.
                let lengthX = x[i] == 0x30 ? 0 : endX - i, lengthY = y[j] == 0x30 ? 0 : endY - j
                if lengthX != lengthY { return lengthX < lengthY }
                while i < endX, j < endY {
                    if x[i] != y[j] { return x[i] < y[j] }
                    i += 1
                    j += 1
                }
                (i, j) = (endX, endY)
                continue
            }
            // A run of digits begins with "0" in a key: compare that with the other side's byte.
            let byteX = isDigit(x[i]) ? 0x30 : x[i], byteY = isDigit(y[j]) ? 0x30 : y[j]
            if byteX != byteY { return byteX < byteY }
            i += 1
            j += 1
        }
        return i == x.count && j < y.count
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
