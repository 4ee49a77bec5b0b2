/// The families of phrases a figure is written in (DESIGN.md, "Figures: from words to intervals").
public enum PhraseFamily: String, Sendable, Hashable, CaseIterable {
    /// 23, 1,200, twenty-three, a dozen, 1.5 million: [n, n].
    case exact
    /// at least 23, 400+, 23 or more: [n, ∞).
    case lowerBoundClosed
    /// more than 400, over 130: (n, ∞).
    case lowerBoundOpen
    /// up to 50, at most, 50 or fewer: [0, n].
    case upperBoundClosed
    /// fewer than 10, under, below: [0, n).
    case upperBoundOpen
    /// nearly 500, almost, just under: [n(1−δ), n), approximate.
    case nearBelow
    /// just over 130, slightly more than: (n, n(1+δ)], approximate.
    case nearAbove
    /// about, around, roughly, some, ~, or so: [n(1−δ), n(1+δ)], approximate.
    case approximate
    /// between 20 and 25, 20-25, 20 to 25, 20 or 25: [a, b].
    case range
    /// a few, several, dozens, hundreds: the vague-quantity table, approximate.
    case vague
    /// no one, none, nobody, zero: [0, 0].
    case zero
    /// fourth, 12th: a rank, not a count.
    case ordinal

    /// Whether the family bounds the figure on one side only.
    var isBound: Bool {
        switch self {
        case .lowerBoundClosed, .lowerBoundOpen, .upperBoundClosed, .upperBoundOpen: true
        default: false
        }
    }

    /// Whether the family sets a ceiling.
    var isUpperBound: Bool { self == .upperBoundClosed || self == .upperBoundOpen }
}
