/// Vague quantities and the intervals they stand for.
///
/// `coded` follows the ACLED codebook's conservative numbers (tens → 10, dozens → 12,
/// hundreds → 100): the single figure a casualty dataset records for the words.
///
/// | words | interval | coded |
/// | --- | --- | --- |
/// | a couple (of) | [2, 3] | 2 |
/// | a few | [2, 5] | 2 |
/// | several, a handful | [3, 9] | 3 |
/// | dozens | [24, 100) | 12 |
/// | a few dozen | [24, 72] | 24 |
/// | several dozen | [36, 108] | 36 |
/// | scores | [40, 100) | 40 |
/// | tens | [20, 100) | 10 |
/// | hundreds | [200, 1000) | 100 |
/// | several hundred | [300, 1000) | 300 |
/// | thousands, tens of thousands, hundreds of thousands, millions | [2·10ᵏ, 10ᵏ⁺¹), k = 3…6 | 10ᵏ |
///
/// The same rules carry to every magnitude, so that a phrase outside the table is read the way
/// its nearest row is: "several thousand" as "several hundred" ([3·10ᵏ, 10ᵏ⁺¹), coded 3·10ᵏ),
/// "a few hundred" as "a few dozen" ([2m, 6m], coded 2m), "a couple of hundred" as "a couple"
/// ([2m, 3m], coded 2m), "tens of millions" and "hundreds of millions" as their thousands.
public struct VagueQuantity: Sendable, Hashable {
    public var lower: Double
    public var upper: Double
    public var upperOpen: Bool
    public var coded: Double
}

enum VagueQuantities {
    /// The rows of DESIGN.md's table, exactly as written there.
    static let table: [(phrase: String, quantity: VagueQuantity)] = [
        ("a couple", .init(lower: 2, upper: 3, upperOpen: false, coded: 2)),
        ("couple", .init(lower: 2, upper: 3, upperOpen: false, coded: 2)),
        ("a few", .init(lower: 2, upper: 5, upperOpen: false, coded: 2)),
        ("several", .init(lower: 3, upper: 9, upperOpen: false, coded: 3)),
        ("a handful", .init(lower: 3, upper: 9, upperOpen: false, coded: 3)),
        ("handful", .init(lower: 3, upper: 9, upperOpen: false, coded: 3)),
        ("dozens", .init(lower: 24, upper: 100, upperOpen: true, coded: 12)),
        ("a few dozen", .init(lower: 24, upper: 72, upperOpen: false, coded: 24)),
        ("several dozen", .init(lower: 36, upper: 108, upperOpen: false, coded: 36)),
        ("scores", .init(lower: 40, upper: 100, upperOpen: true, coded: 40)),
        ("tens", .init(lower: 20, upper: 100, upperOpen: true, coded: 10)),
        ("hundreds", .init(lower: 200, upper: 1000, upperOpen: true, coded: 100)),
        ("several hundred", .init(lower: 300, upper: 1000, upperOpen: true, coded: 300)),
    ]

    /// Magnitudes the rules below carry the table to, with their singular and plural words.
    static let magnitudes: [(singular: String, plural: String?, value: Double)] = [
        ("dozen", nil, 12), ("hundred", nil, 1e2), ("thousand", "thousands", 1e3),
        ("million", "millions", 1e6), ("billion", "billions", 1e9),
        ("hundred thousand", nil, 1e5), ("hundred million", nil, 1e8),
    ]

    /// Every phrase the parser knows: the table, then the rules applied to each magnitude.
    /// A row of the table wins over a rule for the same words.
    static var all: [(phrase: String, quantity: VagueQuantity)] {
        var rows = table
        var seen = Set(table.map(\.phrase))
        func add(_ phrase: String, _ lower: Double, _ upper: Double, open: Bool, coded: Double) {
            guard seen.insert(phrase).inserted else { return }
            rows.append((phrase, VagueQuantity(lower: lower, upper: upper, upperOpen: open, coded: coded)))
        }
        for (singular, plural, m) in magnitudes {
            if let plural {
                // "thousands", "millions": [2m, 10m), coded m; and "tens of", "hundreds of" them.
                add(plural, 2 * m, 10 * m, open: true, coded: m)
                add("tens of \(plural)", 20 * m, 100 * m, open: true, coded: 10 * m)
                add("hundreds of \(plural)", 200 * m, 1000 * m, open: true, coded: 100 * m)
                add("dozens of \(plural)", 24 * m, 100 * m, open: true, coded: 12 * m)
            }
            add("several \(singular)", 3 * m, 10 * m, open: true, coded: 3 * m)
            add("a few \(singular)", 2 * m, 6 * m, open: false, coded: 2 * m)
            for prefix in ["a couple", "a couple of", "couple of"] {
                add("\(prefix) \(singular)", 2 * m, 3 * m, open: false, coded: 2 * m)
            }
        }
        return rows
    }
}
