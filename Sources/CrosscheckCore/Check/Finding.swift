/// What the check reports about two sides of one disagreement (or agreement in time: an update),
/// gathered: every claim on each side, for the same event, metric, scope, kind and two figures.
public struct Finding: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Two figures of a fixed count that cannot both be true.
        case snapshot
        /// A cumulative toll that must have fallen: a figure surely later below one surely earlier.
        case tollFell = "toll-fell"
        /// Two disjoint figures reported for the same instant.
        case sameTime = "same-time"
        /// One source giving two disjoint figures for the same thing at the same time.
        case selfContradiction = "self-contradiction"
        /// A part's figure above its whole's at the same time.
        case partAboveWhole = "part-above-whole"
        /// A cumulative toll rising: a later, higher figure.
        case update
        /// Two disjoint figures whose times overlap: read in the order that lets the toll rise.
        case unordered
        /// A part above its whole where the times overlap.
        case partWholeUnordered = "part-whole-unordered"
        /// Intervals that only touch at an open end: "440" and "more than 440".
        case nearMiss = "near-miss"

        /// What the finding means, in a few words for the human report.
        public var summary: String {
            switch self {
            case .snapshot: "two counts of one thing disagree"
            case .tollFell: "the toll fell"
            case .sameTime: "two figures for one instant"
            case .selfContradiction: "a source contradicts itself"
            case .partAboveWhole: "a part above its whole"
            case .update: "the toll rose"
            case .unordered: "order unknown: a fall one way, a rise the other"
            case .partWholeUnordered: "a part above its whole, order unknown"
            case .nearMiss: "the figures only touch at an open end"
            }
        }

        public var isConflict: Bool {
            switch self {
            case .snapshot, .tollFell, .sameTime, .selfContradiction, .partAboveWhole: true
            case .update, .unordered, .partWholeUnordered, .nearMiss: false
            }
        }
    }

    /// Where a finding stands: one event, metric and scope (and a whole's scope), shared by every
    /// finding of one group instead of copied into each.
    final class Place: Sendable, Hashable {
        let event: String, metric: String, scope: String?, otherScope: String?

        init(event: String, metric: String, scope: String?, otherScope: String? = nil) {
            (self.event, self.metric, self.scope, self.otherScope) = (event, metric, scope, otherScope)
        }

        static func == (a: Place, b: Place) -> Bool {
            a === b || (a.event, a.metric, a.scope, a.otherScope) == (b.event, b.metric, b.scope, b.otherScope)
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(event)
            hasher.combine(metric)
            hasher.combine(scope)
            hasher.combine(otherScope)
        }
    }

    let place: Place
    public var event: String { place.event }
    public var metric: String { place.metric }
    /// The scope of the first side; a part–whole finding names the part here and the whole in `otherScope`.
    public var scope: String? { place.scope }
    public var otherScope: String? { place.otherScope }
    public let kind: Kind
    /// The relative gap between the two sides' intervals, 0 to 1.
    public let severity: Double
    /// Claim ids, the first side's and then the second's: one array a finding, not three, since
    /// a check of a large ledger makes hundreds of thousands of findings.
    public let claims: [String]
    /// How many of `claims` are on the first side.
    public let firstSideCount: Int

    /// Claim ids on each side (always two); for a fall or an update, the earlier side first.
    public var sides: [[String]] { [Array(claims[..<firstSideCount]), Array(claims[firstSideCount...])] }

    public init(event: String, metric: String, scope: String?, otherScope: String? = nil, kind: Kind, severity: Double, sides: [[String]]) {
        precondition(sides.count == 2, "a finding has two sides")
        self.init(Place(event: event, metric: metric, scope: scope, otherScope: otherScope), kind: kind, severity: severity,
                  claims: sides[0] + sides[1], firstSideCount: sides[0].count)
    }

    init(_ place: Place, kind: Kind, severity: Double, claims: [String], firstSideCount: Int) {
        (self.place, self.kind, self.severity, self.claims, self.firstSideCount) = (place, kind, severity, claims, firstSideCount)
    }

    /// The claim ids of the first side, then of the second, without copying them.
    public var firstSide: ArraySlice<String> { claims[..<firstSideCount] }
    public var secondSide: ArraySlice<String> { claims[firstSideCount...] }
}
