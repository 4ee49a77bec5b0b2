/// Three versions of one event's file merged claim by claim, as git's merge driver
/// (`crosscheck merge-file BASE OURS THEIRS`): what either side added is kept, a field changed on
/// one side takes that change, and a field changed differently on both keeps ours and is a
/// conflict. A claim id both sides took for different claims is renumbered on theirs.
public struct EventMerge: Sendable {
    /// The merged event, always a valid event file's content.
    public private(set) var ledger: EventLedger
    /// Claims of theirs given a new id: ("c13", "c14").
    public private(set) var renumbered: [(from: String, to: String)] = []
    /// Each field both sides changed differently, as a line: `claims c3 text: ours "…", theirs "…"`.
    public private(set) var conflicts: [String] = []

    /// Merges `ours` and `theirs`, both changed from `base` (nil when the file is new on both
    /// sides); a renumbered claim takes a number above `takenNumbers` (the workspace's other files').
    public init(base: EventLedger?, ours: EventLedger, theirs: EventLedger, takenNumbers: Int = 0) {
        var theirs = theirs
        renumbered = Self.renumberCollisions(base: base, ours: ours, theirs: &theirs, above: takenNumbers)
        let merger = Merger()
        ledger = ours
        ledger.event.title = merger.field("event title", base?.event.title, ours.event.title, theirs.event.title)
        ledger.event.date = merger.field("event date", base?.event.date, ours.event.date, theirs.event.date)
        ledger.metrics = merger.keyed("metrics", base?.metrics ?? [], ours.metrics, theirs.metrics, id: \.id) { path, b, o, t in
            var metric = o
            metric.kind = merger.field(path + " kind", b?.kind, o.kind, t.kind)
            metric.aliases = merger.field(path + " aliases", b?.aliases, o.aliases, t.aliases)
            return metric
        }
        ledger.scopes = merger.keyed("scopes", base?.scopes ?? [], ours.scopes, theirs.scopes, id: \.id) { path, b, o, t in
            var scope = o
            scope.partOf = merger.field(path + " partOf", b?.partOf, o.partOf, t.partOf)
            scope.aliases = merger.field(path + " aliases", b?.aliases, o.aliases, t.aliases)
            return scope
        }
        ledger.claims = LedgerFiles.naturallySorted(
            merger.keyed("claims", base?.claims ?? [], ours.claims, theirs.claims, id: \.id, merge: merger.claim))
        conflicts = merger.conflicts
    }

    /// The number of a claim id "cN", nil for any other id.
    public static func number(of id: String) -> Int? {
        guard id.first == "c" else { return nil }
        return Int(id.dropFirst())
    }

    /// Gives each claim theirs added under an id ours added for another claim the next free number.
    private static func renumberCollisions(
        base: EventLedger?, ours: EventLedger, theirs: inout EventLedger, above taken: Int
    ) -> [(from: String, to: String)] {
        var renumbered: [(from: String, to: String)] = []
        let baseIDs = Set(base?.claims.map(\.id) ?? [])
        let ourClaims = Dictionary(ours.claims.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var next = ([taken] + [base?.claims ?? [], ours.claims, theirs.claims].joined().compactMap { Self.number(of: $0.id) }).max()! + 1
        for k in theirs.claims.indices {
            let id = theirs.claims[k].id
            guard !baseIDs.contains(id), let our = ourClaims[id], our != theirs.claims[k] else { continue }
            theirs.claims[k].id = "c\(next)"
            renumbered.append((id, "c\(next)"))
            next += 1
        }
        return renumbered
    }

    /// The merge of fields and lists, noting each conflict as it meets it.
    private final class Merger {
        var conflicts: [String] = []

        func claim(_ path: String, _ b: Claim?, _ o: Claim, _ t: Claim) -> Claim {
            var claim = o
            claim.metric = field(path + " metric", b?.metric, o.metric, t.metric)
            claim.scope = field(path + " scope", b?.scope, o.scope, t.scope)
            claim.text = field(path + " text", b?.text, o.text, t.text)
            claim.figure = field(path + " figure", b?.figure, o.figure, t.figure)
            claim.asOf = field(path + " asOf", b?.asOf, o.asOf, t.asOf)
            claim.confidence = field(path + " confidence", b?.confidence, o.confidence, t.confidence)
            claim.status = field(path + " status", b?.status, o.status, t.status)
            claim.sources = keyed(path + " sources", b?.sources ?? [], o.sources, t.sources, id: \.source) { path, b, o, t in
                var link = o
                link.quote = field(path + " quote", b?.quote, o.quote, t.quote)
                link.attributedTo = field(path + " attributedTo", b?.attributedTo, o.attributedTo, t.attributedTo)
                link.credibility = field(path + " credibility", b?.credibility, o.credibility, t.credibility)
                link.span = field(path + " span", b?.span, o.span, t.span)
                return link
            }
            return claim
        }

        /// One field: the side that changed it, or ours (and a conflict) when both did, differently.
        func field<T: Equatable>(_ path: String, _ base: T??, _ ours: T, _ theirs: T) -> T {
            if ours == theirs { return ours }
            if let base, base == ours { return theirs }
            if let base, base == theirs { return ours }
            conflicts.append("\(path): ours \(Self.describe(ours)), theirs \(Self.describe(theirs))")
            return ours
        }

        /// Items with ids, in ours' order then theirs' additions: each merged by `merge` where both
        /// sides hold it; one side's removal taken where the other left the item as it was.
        func keyed<T: Equatable>(
            _ path: String, _ base: [T], _ ours: [T], _ theirs: [T], id: (T) -> String,
            merge: (_ path: String, _ base: T?, _ ours: T, _ theirs: T) -> T
        ) -> [T] {
            let baseByID = Dictionary(base.map { (id($0), $0) }, uniquingKeysWith: { first, _ in first })
            let theirsByID = Dictionary(theirs.map { (id($0), $0) }, uniquingKeysWith: { first, _ in first })
            let oursIDs = Set(ours.map(id))
            var merged: [T] = []
            for item in ours {
                let key = id(item)
                if let their = theirsByID[key] {
                    merged.append(merge("\(path) \(key)", baseByID[key], item, their))
                } else if let old = baseByID[key] {
                    // Removed on theirs: gone, unless ours changed it.
                    if item != old {
                        conflicts.append("\(path) \(key): changed on ours, removed on theirs")
                        merged.append(item)
                    }
                } else {
                    merged.append(item)
                }
            }
            for item in theirs where !oursIDs.contains(id(item)) {
                let key = id(item)
                if let old = baseByID[key] {
                    // Removed on ours: stays removed, unless theirs changed it.
                    if item != old { conflicts.append("\(path) \(key): removed on ours, changed on theirs") }
                } else {
                    merged.append(item)
                }
            }
            return merged
        }

        /// A field's value as the file writes it, near enough to tell the sides apart.
        static func describe<T>(_ value: T) -> String {
            switch value {
            case let text as String: JSONText.string(text)
            case let texts as [String]: "[" + texts.map(JSONText.string).joined(separator: ", ") + "]"
            case let figure as Figure: figure.intervalDescription
            case let time as ReportedTime: time.description
            case let confidence as Confidence: confidence.rawValue
            case let status as ClaimStatus: status.rawValue
            case let credibility as Credibility: String(credibility.rawValue)
            case let kind as MetricKind: kind.rawValue
            case let span as Range<Int>: "\(span.lowerBound)..<\(span.upperBound)"
            // A cast unwraps an optional that holds a value; what is left is an empty one.
            default: Mirror(reflecting: value).displayStyle == .optional ? "null" : String(describing: value)
            }
        }
    }
}
