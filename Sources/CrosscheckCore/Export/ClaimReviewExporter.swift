/// `claimreview`: schema.org ClaimReview JSON-LD, one review a claim whose status is settled
/// (`verified`, `false`, `disputed`, `corroborated`), as fact-check aggregators read it: a JSON
/// array, one review a line. The rating's `alternateName` comes from the status, its
/// `ratingExplanation` gives the consensus range of the claim's (event, metric, scope) and any
/// conflict the claim stands in; `itemReviewed` is the claim with every source that carries it
/// as an `appearance`.
public struct ClaimReviewExporter: LedgerExporter {
    private var context: ExportContext?
    private var reviews = 0

    public init() {}

    public var needsCheck: Bool { true }

    /// The rating of each settled status, on a scale of 1 (false) to 5 (verified).
    static let ratings: [ClaimStatus: (value: Double, name: String)] = [
        .false: (1, "False"), .disputed: (2, "Disputed"), .corroborated: (4, "Corroborated"), .verified: (5, "Verified"),
    ]

    public mutating func begin(_ context: ExportContext, _ write: (String) -> Void) {
        self.context = context
        write("[")
    }

    public mutating func add(_ event: ExportedEvent, _ write: (String) -> Void) {
        guard let context else { return }
        var out = ""
        for claim in event.claims {
            guard let status = claim.status, let rating = Self.ratings[status] else { continue }
            out += (reviews == 0 ? "\n  " : ",\n  ") + review(claim, rating: rating, event: event, context: context)
            reviews += 1
        }
        write(out)
    }

    public mutating func finish(_ write: (String) -> Void) {
        write(reviews == 0 ? "]\n" : "\n]\n")
    }

    private func review(_ claim: Claim, rating: (value: Double, name: String), event: ExportedEvent, context: ExportContext) -> String {
        var object = JSONObjectWriter(spaced: true)
        object.add("@context", "https://schema.org")
        object.add("@type", "ClaimReview")
        object.add("url", context.baseURL + "#claim-" + claim.id)
        object.add("claimReviewed", "\(Self.about(claim)): \(claim.text) — \(event.ledger.event.title)")
        object.add("datePublished", context.date)
        object.add("author", json: Self.party("Organization", context.author))

        var item = JSONObjectWriter(spaced: true)
        item.add("@type", "Claim")
        if let time = event.time(claim) { item.add("datePublished", time.description) }
        // Who the figure is attributed to: a person when the name starts with an office ("Mayor
        // Klitschko"), else an organisation ("State Emergency Service", "Ukrainian officials").
        if let who = claim.sources.lazy.compactMap(\.attributedTo).first {
            item.add("author", json: Self.party(OriginWords.namesPerson(who) ? "Person" : "Organization", who))
        }
        let appearances = claim.sources.map { link -> String in
            var work = JSONObjectWriter(spaced: true)
            work.add("@type", "CreativeWork")
            let source = event.sources[link.source]
            if let url = source?.url { work.add("url", url) }
            if let title = source?.title { work.add("headline", title) }
            if let published = source?.published { work.add("datePublished", published.description) }
            work.add("publisher", json: Self.party("Organization", source?.outlet ?? link.source))
            return work.result
        }
        item.add("appearance", json: "[" + appearances.joined(separator: ", ") + "]")
        object.add("itemReviewed", json: item.result)

        var review = JSONObjectWriter(spaced: true)
        review.add("@type", "Rating")
        review.add("ratingValue", rating.value)
        review.add("bestRating", 5)
        review.add("worstRating", 1)
        review.add("alternateName", rating.name)
        review.add("ratingExplanation", explanation(claim, event: event, context: context))
        object.add("reviewRating", json: review.result)
        return object.result
    }

    /// The consensus of the claim's (metric, scope) and where the claim stands to it.
    private func explanation(_ claim: Claim, event: ExportedEvent, context: ExportContext) -> String {
        var text = "The claim: \(Self.about(claim)) \(claim.figure.intervalDescription)."
        if let consensus = event.report.consensus.first(where: { $0.metric == claim.metric && $0.scope == claim.scope }) {
            text += " Consensus of the reports: \(consensus.rangeDescription), from \(consensus.originsDescription)"
            // By the intervals, not the outliers: a claim set aside (false, retracted) is no outlier.
            let agrees = Interval(claim.figure).relation(to: consensus.interval) == .overlapping
            text += agrees ? "; the claim agrees with it." : "; the claim lies outside it."
        }
        let conflicts = event.report.conflicts.filter { $0.claims.contains(claim.id) }
        if !conflicts.isEmpty {
            text += " In conflict: " + conflicts.map { "\($0.kind.summary) (\($0.sides.map { $0.joined(separator: ", ") }.joined(separator: " / ")))" }
                .joined(separator: "; ") + "."
        }
        return text
    }

    /// "killed (Kyiv)": what the claim counts, and where.
    static func about(_ claim: Claim) -> String { claim.metric + (claim.scope.map { " (\($0))" } ?? "") }

    static func party(_ type: String, _ name: String) -> String {
        var object = JSONObjectWriter(spaced: true)
        object.add("@type", type)
        object.add("name", name)
        return object.result
    }
}
