/// How much one report counts toward a consensus: its source's reliability times the report's
/// credibility. A grade that cannot be judged (F, 6) or is missing counts as the middle of the
/// scale, neither trusted nor distrusted.
public enum Weights {
    public static let reliability: [Reliability: Double] = [.a: 1.0, .b: 0.8, .c: 0.6, .d: 0.4, .e: 0.2, .f: 0.5]
    public static let credibility: [Credibility: Double] = [
        .confirmed: 1.0, .probablyTrue: 0.8, .possiblyTrue: 0.6, .doubtful: 0.4, .improbable: 0.2, .cannotBeJudged: 0.5,
    ]
    static let unknown = 0.5

    public static func weight(reliability grade: Reliability?, credibility rating: Credibility?) -> Double {
        (grade.map { byGrade[Self.position(of: $0)] } ?? unknown) * (rating.map { byRating[$0.rawValue - 1] } ?? unknown)
    }

    // The tables above as arrays, read without hashing: this runs for every claim of a check.
    private static let byGrade = Reliability.allCases.map { reliability[$0]! }
    private static let byRating = Credibility.allCases.map { credibility[$0]! }
    private static func position(of grade: Reliability) -> Int { Reliability.allCases.firstIndex(of: grade)! }
}
