/// The ledger at rest: `Sources.json` and `Claims/<event-id>.json`, read with errors that name the
/// JSON path, and written with every field in a stable order, so that export → import → export
/// gives the same bytes and a change to one claim changes only its lines.
public enum LedgerFiles {
    public static let sourcesFormat = "crosscheck-sources/1"
    public static let claimsFormat = "crosscheck-claims/1"

    // MARK: - Reading

    /// Reads the sources of `Sources.json`.
    public static func readSources(_ text: String) throws(LedgerError) -> [Source] {
        try readRegistry(text).sources
    }

    /// Reads `Sources.json`: its sources and the origins it declares.
    public static func readRegistry(_ text: String) throws(LedgerError) -> SourceRegistry {
        let root = try document(text)
        let members = try root.object(known: Self.sourcesFileKeys)
        try checkFormat(members, sourcesFormat)
        var seen = Set<String>()
        var sources: [Source] = []
        for item in try members.required("sources").array() {
            let fields = try item.object(known: Self.sourceKeys)
            let id = try fields.slug("id")
            guard seen.insert(id).inserted else { throw LedgerError(.duplicate(id), path: item.child("id")) }
            sources.append(Source(
                id: id, title: try fields.text("title"), outlet: try fields.text("outlet"), url: try fields.optionalText("url"),
                published: try fields.time("published"), reliability: try fields.choice("reliability", Reliability.self),
                text: try fields.optionalText("text"), fetched: try fields.time("fetched")))
        }
        var origins: [Origin] = []
        var names: [String: String] = [:]  // every name, normalised, to the origin it belongs to
        for item in try members.optional("origins")?.array() ?? [] {
            let fields = try item.object(known: Self.originKeys)
            let id = try fields.text("id")
            var aliases: [String] = []
            for alias in try fields.optional("aliases")?.array() ?? [] {
                let text = try alias.string()
                if text.isEmpty { throw alias.fail(.empty) }
                aliases.append(text)
            }
            for (name, path) in [(id, item.child("id"))] + aliases.enumerated().map({ ($0.element, item.child("aliases") + "[\($0.offset)]") }) {
                let key = OriginNames.normalise(name)
                if let other = names[key], other != id { throw LedgerError(.duplicate(name), path: path) }
                names[key] = id
            }
            origins.append(Origin(id: id, aliases: aliases))
        }
        return SourceRegistry(sources: sources, origins: origins)
    }

    /// Reads one `Claims/<event-id>.json`. A claim without a figure has it parsed from its text
    /// with `parser`; metrics it names must be declared in the file or be standard ones.
    public static func readEvent(_ text: String, parser: FigureParser = FigureParser()) throws(LedgerError) -> EventLedger {
        let root = try document(text)
        let members = try root.object(known: Self.eventFileKeys)
        try checkFormat(members, claimsFormat)

        let eventFields = try members.required("event").object(known: Self.eventKeys)
        let event = Event(id: try eventFields.slug("id"), title: try eventFields.text("title"), date: try eventFields.time("date"))

        // Sets, not searches of the arrays: a file may hold a hundred thousand claims.
        var metrics: [Metric] = []
        var metricIDs: Set<String> = []
        for item in try members.optional("metrics")?.array() ?? [] {
            let fields = try item.object(known: Self.metricKeys)
            let id = try fields.slug("id")
            guard metricIDs.insert(id).inserted else { throw LedgerError(.duplicate(id), path: item.child("id")) }
            guard let kind = try fields.choice("kind", MetricKind.self) else { throw LedgerError(.missingField("kind"), path: item.path) }
            let aliases = try (fields.optional("aliases")?.array() ?? []).map { (alias) throws(LedgerError) -> String in
                let text = try alias.string()
                if text.isEmpty { throw alias.fail(.empty) }
                return text
            }
            metrics.append(Metric(id: id, kind: kind, aliases: aliases))
        }

        var scopes: [Scope] = []
        var parents: [String: String?] = [:]
        let scopeItems = try members.optional("scopes")?.array() ?? []
        for item in scopeItems {
            let fields = try item.object(known: Self.scopeKeys)
            let id = try fields.text("id")
            guard parents[id] == nil else { throw LedgerError(.duplicate(id), path: item.child("id")) }
            let aliases = try (fields.optional("aliases")?.array() ?? []).map { (alias) throws(LedgerError) -> String in
                let text = try alias.string()
                if text.isEmpty { throw alias.fail(.empty) }
                return text
            }
            let scope = Scope(id: id, partOf: try fields.optionalText("partOf"), aliases: aliases)
            parents[id] = .some(scope.partOf)
            scopes.append(scope)
        }
        for (scope, item) in zip(scopes, scopeItems) {
            guard let parent = scope.partOf else { continue }
            guard parents[parent] != nil else {
                throw LedgerError(.missing(kind: "scope", id: parent), path: item.child("partOf"))
            }
            var seen: Set<String> = [scope.id]
            var next: String? = parent
            while let current = next {
                guard seen.insert(current).inserted else { throw LedgerError(.cycle(scope.id), path: item.child("partOf")) }
                next = parents[current] ?? nil
            }
        }

        var claims: [Claim] = []
        var claimIDs: Set<String> = []
        for item in try members.optional("claims")?.array() ?? [] {
            let fields = try item.object(known: Self.claimKeys)
            let id = try fields.slug("id")
            guard claimIDs.insert(id).inserted else { throw LedgerError(.duplicate(id), path: item.child("id")) }
            let metric = try fields.slug("metric")
            guard metricIDs.contains(metric) || MetricVocabulary.standard.metric(metric) != nil else {
                throw LedgerError(.missing(kind: "metric", id: metric), path: item.child("metric"))
            }
            let scope = try fields.optionalText("scope")
            if let scope, parents[scope] == nil {
                throw LedgerError(.missing(kind: "scope", id: scope), path: item.child("scope"))
            }
            let words = try fields.text("text")
            let figure: Figure
            if let reader = fields.optional("figure") {
                figure = try readFigure(reader)
            } else {
                do {
                    figure = try parser.parse(words).figure
                } catch {
                    throw LedgerError(.figure(error.explanation), path: item.child("text"))
                }
            }
            var links: [Link] = []
            for linkItem in try fields.optional("sources")?.array() ?? [] {
                let linkFields = try linkItem.object(known: Self.linkKeys)
                var credibility: Credibility?
                if let reader = linkFields.optional("credibility") {
                    let number = try reader.number()
                    guard number == number.rounded(), let value = Credibility(rawValue: Int(exactly: number) ?? 0) else {
                        throw reader.fail(.outOfRange(JSONText.number(number), range: "1–6"))
                    }
                    credibility = value
                }
                links.append(Link(source: try linkFields.slug("source"), quote: try linkFields.optionalText("quote"),
                                  attributedTo: try linkFields.optionalText("attributedTo"), credibility: credibility,
                                  span: try linkFields.optional("span").map(readSpan)))
            }
            claims.append(Claim(
                id: id, metric: metric, scope: scope, text: words, figure: figure, asOf: try fields.time("asOf"),
                confidence: try fields.choice("confidence", Confidence.self), status: try fields.choice("status", ClaimStatus.self),
                sources: links))
        }
        return EventLedger(event: event, metrics: metrics, scopes: scopes, claims: claims)
    }

    /// Every link names a source of the registry: the cross-file check of an import.
    public static func checkLinks(_ ledger: EventLedger, sources: Set<String>) throws(LedgerError) {
        // By place, not by value: a claim copied out for the loop is a dozen references counted.
        for c in ledger.claims.indices {
            for l in ledger.claims[c].sources.indices where !sources.contains(ledger.claims[c].sources[l].source) {
                throw LedgerError(.missing(kind: "source", id: ledger.claims[c].sources[l].source), path: "claims[\(c)].sources[\(l)].source")
            }
        }
    }

    private static func readFigure(_ reader: DocumentReader) throws(LedgerError) -> Figure {
        let fields = try reader.object(known: Self.figureKeys)
        let lowerReader = try fields.required("lower")
        let lower = try lowerReader.number()
        guard lower >= 0 else { throw lowerReader.fail(.outOfRange(JSONText.number(lower), range: "0 and above")) }
        var upper: Double?
        if let upperReader = fields.optional("upper") {
            let value = try upperReader.number()
            guard value >= lower else {
                throw upperReader.fail(.outOfRange(JSONText.number(value), range: "\(JSONText.number(lower)) (lower) and above"))
            }
            upper = value
        }
        return Figure(
            lower: lower, upper: upper, lowerOpen: try fields.optional("lowerOpen")?.bool() ?? false,
            upperOpen: try fields.optional("upperOpen")?.bool() ?? false,
            approximate: try fields.optional("approximate")?.bool() ?? false,
            kind: try fields.choice("kind", FigureKind.self) ?? .count, unit: try fields.optionalText("unit"),
            coded: try fields.optional("coded")?.number())
    }

    private static func document(_ text: String) throws(LedgerError) -> DocumentReader {
        do {
            return DocumentReader(try JSONReader.parse(text))
        } catch {
            throw LedgerError(.syntax(error.description))
        }
    }

    private static func checkFormat(_ members: DocumentReader.Members, _ expected: String) throws(LedgerError) {
        let reader = try members.required("format")
        let format = try reader.string()
        guard format == expected else { throw reader.fail(.unknownFormat(format, expected: expected)) }
    }

    // The fields each object of the files may hold; anything else is refused by name.
    static let sourcesFileKeys: Set<String> = ["format", "sources", "origins"]
    static let originKeys: Set<String> = ["id", "aliases"]
    static let sourceKeys: Set<String> = ["id", "title", "outlet", "url", "published", "reliability", "text", "fetched"]
    static let eventFileKeys: Set<String> = ["format", "event", "metrics", "scopes", "claims"]
    static let eventKeys: Set<String> = ["id", "title", "date"]
    static let metricKeys: Set<String> = ["id", "kind", "aliases"]
    static let scopeKeys: Set<String> = ["id", "partOf", "aliases"]
    static let claimKeys: Set<String> = ["id", "metric", "scope", "text", "figure", "asOf", "confidence", "status", "sources"]
    static let linkKeys: Set<String> = ["source", "quote", "attributedTo", "credibility", "span"]

    /// `[start, end]`: two whole numbers, 0 ≤ start ≤ end.
    private static func readSpan(_ reader: DocumentReader) throws(LedgerError) -> Range<Int> {
        let items = try reader.array()
        var bounds: [Int] = []
        for item in items {
            let number = try item.number()
            guard let bound = Int(exactly: number), bound >= 0 else { throw item.fail(.outOfRange(JSONText.number(number), range: "0, 1, 2, …")) }
            bounds.append(bound)
        }
        guard bounds.count == 2, bounds[0] <= bounds[1] else {
            throw reader.fail(.wrongType(expected: "[start, end] with start ≤ end", found: "\(items.count) numbers"))
        }
        return bounds[0]..<bounds[1]
    }
    static let figureKeys: Set<String> = ["lower", "upper", "lowerOpen", "upperOpen", "approximate", "kind", "unit", "coded"]

}
