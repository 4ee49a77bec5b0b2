/// The report as `check --json` prints it, and what a text rendering of it reads.
public struct CheckOutput: Sendable {
    public let report: CheckReport
    private let claims: ClaimsByID
    private let sources: [String: Source]

    public init(_ report: CheckReport, ledgers: [EventLedger], sources: [Source]) {
        self.init(report, claims: ledgers.flatMap(\.claims), sources: sources)
    }

    /// `claims` need hold only those the findings name: what is printed of them.
    public init(_ report: CheckReport, claims: [Claim], sources: [Source]) {
        self.init(report, claims: claims, sources: Dictionary(sources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }))
    }

    /// The same with the sources by id, built once for a check of many events.
    public init(_ report: CheckReport, claims: [Claim], sources: [String: Source]) {
        self.report = report
        self.claims = ClaimsByID(claims)
        self.sources = sources
    }

    // MARK: - JSON

    /// One document: `conflicts`, `updates`, `unordered`, `nearMisses` (findings, one shape),
    /// `consensus` and `setAside` (claim ids).
    public var json: String { CheckDocument.json(jsonLists) }

    /// The document's six lists, each its items written one after another (`,` and a line
    /// break between them) as UTF-8, or empty: a million findings become five runs of bytes an
    /// event, not a million.
    var jsonLists: [[UInt8]] {
        var items = SourceItems(count: claims.count)
        return [report.conflicts, report.updates, report.unordered, report.nearMisses].map { findings in
            var out = ByteWriter(capacity: findings.count * 512)
            for (index, finding) in findings.enumerated() {
                if index > 0 { out.append(raw: CheckDocument.itemSeparator) }
                appendJSON(finding, to: &out, items: &items)
            }
            return out.bytes
        } + [Array(report.consensus.map(json).joined(separator: CheckDocument.itemSeparator).utf8),
             Array(report.setAside.map(JSONText.string).joined(separator: CheckDocument.itemSeparator).utf8)]
    }

    /// What is written once and repeated while an event's findings are rendered: each claim's
    /// entries in a finding's `sources` (a claim stands in many findings: each step of a rising
    /// toll), and the opening fields of the group the last finding was about.
    struct SourceItems: ~Copyable {
        var bytes = ByteWriter()
        /// Where each claim's entries lie in `bytes`, by its place among the claims.
        var ranges: [Range<Int>?]
        var opening: [UInt8] = []
        var openingPlace: ObjectIdentifier?

        init(count: Int) { ranges = Array(repeating: nil, count: count) }
    }

    /// The key and value of each kind of finding, with the key after it: nine short texts,
    /// found by comparing kinds (a table keyed by kind would hash each kind's name).
    private static let kindFields = Finding.Kind.allCases.map { kind in
        var bytes: [UInt8] = []
        bytes.append(raw: ",\"kind\":")
        bytes.append(json: kind.rawValue)
        bytes.append(raw: ",\"severity\":")
        return (kind: kind, bytes: bytes)
    }

    /// A finding as `check --json` lists it. Written field by field, its keys as they are, and
    /// each claim id escaped once though it is listed twice: this runs for every finding of a
    /// check, hundreds of megabytes of them.
    func appendJSON(_ finding: Finding, to out: inout ByteWriter, items: inout SourceItems) {
        if items.openingPlace != ObjectIdentifier(finding.place) {
            var opening: [UInt8] = []
            opening.append(raw: "{\"event\":")
            opening.append(json: finding.event)
            opening.append(raw: ",\"metric\":")
            opening.append(json: finding.metric)
            opening.append(raw: ",\"scope\":")
            opening.append(json: finding.scope)
            if let whole = finding.otherScope {
                opening.append(raw: ",\"wholeScope\":")
                opening.append(json: whole)
            }
            (items.opening, items.openingPlace) = (opening, ObjectIdentifier(finding.place))
        }
        items.opening.withUnsafeBufferPointer { out.append(bytes: $0) }
        Self.kindFields.first { $0.kind == finding.kind }!.bytes.withUnsafeBufferPointer { out.append(bytes: $0) }
        JSONText.appendNumber((finding.severity * 1000).rounded() / 1000, to: &out)
        out.append(raw: ",\"claims\":[")
        let idsStart = out.count
        var secondStart: Int?
        for (index, id) in finding.claims.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            if index == finding.firstSideCount { secondStart = out.count }
            out.append(json: id)
        }
        let idsEnd = out.count
        let firstEnd = finding.firstSideCount == 0 ? idsStart : secondStart.map { $0 - 1 } ?? idsEnd
        out.append(raw: "],\"sides\":[[")
        out.appendCopy(of: idsStart..<firstEnd)
        out.append(raw: "],[")
        out.appendCopy(of: (secondStart ?? idsEnd)..<idsEnd)
        out.append(raw: "]],\"sources\":[")
        var first = true
        for id in finding.claims {
            guard let place = claims.place(of: id) else { continue }
            let range: Range<Int>
            if let written = items.ranges[place] {
                range = written
            } else {
                let start = items.bytes.count
                appendSourceItems(place, to: &items.bytes)
                range = start..<items.bytes.count
                items.ranges[place] = range
            }
            guard !range.isEmpty else { continue }
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            out.append(items.bytes, range)
        }
        out.append(raw: "]}")
    }

    /// A claim's entries in a finding's `sources`: one a link, comma separated.
    private func appendSourceItems(_ place: Int, to out: inout ByteWriter) {
        let claim = claims[place]
        for (index, link) in claim.sources.enumerated() {
            let source = sources[link.source]
            out.append(raw: index > 0 ? ",{\"claim\":" : "{\"claim\":")
            out.append(json: claim.id)
            out.append(raw: ",\"source\":")
            out.append(json: link.source)
            out.append(raw: ",\"outlet\":")
            out.append(json: source?.outlet)
            out.append(raw: ",\"text\":")
            out.append(json: claim.text)
            out.append(raw: ",\"asOf\":")
            out.append(json: (claim.asOf ?? source?.published)?.description)
            out.append(raw: ",\"quote\":")
            out.append(json: link.quote)
            out.append(raw: ",\"attributedTo\":")
            out.append(json: link.attributedTo)
            out.append(UInt8(ascii: "}"))
        }
    }

    func json(_ consensus: Consensus) -> String {
        var object = JSONObjectWriter()
        object.add("event", consensus.event)
        object.add("metric", consensus.metric)
        object.add("scope", consensus.scope)
        object.add("lower", consensus.interval.lower)
        object.add("upper", consensus.interval.upper)
        object.add("lowerOpen", consensus.interval.lowerOpen)
        object.add("upperOpen", consensus.interval.upperOpen)
        object.add("low", consensus.low)
        object.add("best", consensus.best)
        object.add("high", consensus.high)
        object.add("origins", Double(consensus.origins))
        object.add("outliers", strings: consensus.outliers)
        return object.result
    }

    // MARK: - What a rendering reads

    /// A claim the findings name, by id.
    public func claim(_ id: String) -> Claim? { claims[id] }

    /// A source of the registry, by id.
    public func source(_ id: String) -> Source? { sources[id] }
}

/// Claims looked up by id: the claims as they are, and each id's place among them (the first of
/// a repeated id), so that an event's claims are indexed without being copied.
private struct ClaimsByID: Sendable {
    private let claims: [Claim]
    private let places: [String: Int]

    init(_ claims: [Claim]) {
        self.claims = claims
        var places: [String: Int] = [:]
        places.reserveCapacity(claims.count)
        for (place, claim) in claims.enumerated() where places[claim.id] == nil { places[claim.id] = place }
        self.places = places
    }

    var count: Int { claims.count }

    subscript(id: String) -> Claim? { places[id].map { claims[$0] } }

    subscript(place: Int) -> Claim { claims[place] }

    func place(of id: String) -> Int? { places[id] }
}
