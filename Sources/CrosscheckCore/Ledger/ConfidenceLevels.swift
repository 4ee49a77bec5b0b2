/// A source's reliability, on the Admiralty scale.
public enum Reliability: String, Sendable, Hashable, CaseIterable, Codable {
    case a = "A", b = "B", c = "C", d = "D", e = "E", f = "F"

    public var meaning: String {
        switch self {
        case .a: "completely reliable"
        case .b: "usually reliable"
        case .c: "fairly reliable"
        case .d: "not usually reliable"
        case .e: "unreliable"
        case .f: "cannot be judged"
        }
    }
}

/// How credible one report (a claim–source link) is, on the Admiralty scale, 1 to 6.
public enum Credibility: Int, Sendable, Hashable, CaseIterable, Codable {
    case confirmed = 1, probablyTrue, possiblyTrue, doubtful, improbable, cannotBeJudged

    public var meaning: String {
        switch self {
        case .confirmed: "confirmed by other sources"
        case .probablyTrue: "probably true"
        case .possiblyTrue: "possibly true"
        case .doubtful: "doubtful"
        case .improbable: "improbable"
        case .cannotBeJudged: "cannot be judged"
        }
    }
}

/// The analyst's confidence in a claim, in the words of ICD 203 with their probability bands.
public enum Confidence: String, Sendable, Hashable, CaseIterable, Codable {
    case almostNoChance = "almost no chance"
    case veryUnlikely = "very unlikely"
    case unlikely
    case roughlyEvenChance = "roughly even chance"
    case likely
    case veryLikely = "very likely"
    case almostCertain = "almost certain"

    /// The probability band, in percent.
    public var band: ClosedRange<Int> {
        switch self {
        case .almostNoChance: 1...5
        case .veryUnlikely: 5...20
        case .unlikely: 20...45
        case .roughlyEvenChance: 45...55
        case .likely: 55...80
        case .veryLikely: 80...95
        case .almostCertain: 95...99
        }
    }
}

/// Where a claim stands in checking.
public enum ClaimStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case open, corroborated, disputed, verified, `false`, retracted
}
