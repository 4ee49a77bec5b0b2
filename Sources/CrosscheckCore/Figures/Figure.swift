/// What a figure counts in: people and things, a percentage, an amount of money, or a rank.
public enum FigureKind: String, Sendable, Hashable, Codable, CaseIterable {
    case count
    case percent
    case money
    /// "fourth", "12th": a rank, reported but never a count.
    case ordinal
}

/// A reported figure as a numeric interval.
///
/// `upper == nil` means unbounded above. Counts are never negative, so `lower` is always a
/// number (0 for an upper bound: "fewer than 10" is [0, 10)).
public struct Figure: Sendable, Hashable, Codable {
    public var lower: Double
    public var upper: Double?
    public var lowerOpen: Bool
    public var upperOpen: Bool
    /// The words made the figure approximate ("about", "nearly", "dozens"): the check widens it by δ.
    public var approximate: Bool
    public var kind: FigureKind
    /// The ISO 4217 code of a `money` figure ("USD"), "percentage points" for a difference of
    /// percentages; nil otherwise.
    public var unit: String?
    /// The single conservative number a casualty dataset would record; nil for an upper bound
    /// (a ceiling, not a count) and for an ordinal.
    public var coded: Double?

    public init(
        lower: Double, upper: Double?, lowerOpen: Bool = false, upperOpen: Bool = false,
        approximate: Bool = false, kind: FigureKind = .count, unit: String? = nil, coded: Double?
    ) {
        self.lower = lower
        self.upper = upper
        self.lowerOpen = lowerOpen
        self.upperOpen = upperOpen
        self.approximate = approximate
        self.kind = kind
        self.unit = unit
        self.coded = coded
    }

    /// The exact figure n: [n, n].
    public static func exactly(_ n: Double, kind: FigureKind = .count, unit: String? = nil) -> Figure {
        Figure(lower: n, upper: n, kind: kind, unit: unit, coded: kind == .ordinal ? nil : n)
    }
}
