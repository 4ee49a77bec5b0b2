/// A figure as the check compares it: its interval as it stands.
public struct Interval: Sendable, Hashable {
    public var lower: Double
    /// nil: unbounded above.
    public var upper: Double?
    public var lowerOpen: Bool
    public var upperOpen: Bool

    public init(lower: Double, upper: Double?, lowerOpen: Bool = false, upperOpen: Bool = false) {
        (self.lower, self.upper, self.lowerOpen, self.upperOpen) = (lower, upper, lowerOpen, upperOpen)
    }

    /// The figure's interval. An approximate figure already carries its tolerance ("about 500"
    /// is [450, 550]): widening it again would let it agree with figures its words rule out.
    public init(_ figure: Figure) {
        self.init(lower: figure.lower, upper: figure.upper, lowerOpen: figure.lowerOpen, upperOpen: figure.upperOpen)
    }

    /// How two intervals stand to each other.
    public enum Relation: Sendable, Hashable {
        case overlapping
        /// This interval lies wholly above the other.
        case above
        case below
        /// They meet at one point that one of them leaves out: "440" and "more than 440".
        case touching
    }

    public func relation(to other: Interval) -> Relation {
        if let gap = Self.gap(from: other, to: self) { return gap > 0 ? .above : .touching }
        if let gap = Self.gap(from: self, to: other) { return gap > 0 ? .below : .touching }
        return .overlapping
    }

    /// How far `high` lies above `low` (0 when they touch at an open end), or nil if they overlap.
    static func gap(from low: Interval, to high: Interval) -> Double? {
        guard let top = low.upper else { return nil }
        if high.lower > top { return high.lower - top }
        if high.lower == top, high.lowerOpen || low.upperOpen { return 0 }
        return nil
    }

    /// The relative gap between two disjoint intervals, from 0 to 1: how far the higher one's
    /// lower end is above the lower one's upper end, as a share of the former.
    public static func severity(low: Interval, high: Interval) -> Double {
        guard let gap = gap(from: low, to: high), high.lower > 0 else { return 0 }
        return min(1, gap / high.lower)
    }
}

/// When a report's figure holds: an instant is one second; a bare date the whole of that day,
/// in the zone of the event's reports when it has one (`zone`, minutes east of UTC: reports of
/// one event are dated where it happened), else anywhere on Earth; no time at all any time.
public struct TimeWindow: Sendable, Hashable {
    public var earliest: Int64
    public var latest: Int64
    /// The exact instant, when the report gave one.
    public var instant: Int64?

    public init(_ time: ReportedTime?, zone: Int? = nil) {
        guard let time else {
            (earliest, latest, instant) = (.min, .max, nil)
            return
        }
        if time.precision == .day, let zone {
            earliest = time.midnight(offsetMinutes: zone)
            latest = earliest + 86_399
        } else {
            (earliest, latest) = (time.earliest, time.latest)
        }
        instant = time.precision == .instant ? time.earliest : nil
    }

    /// The zone of an event's reports: the offset its dated instants give most often (the
    /// smallest of a tie), or nil when none has one.
    public static func zone(of times: [ReportedTime]) -> Int? {
        var zones = Zones()
        for time in times { zones.count(time) }
        return zones.zone
    }

    /// The offsets of an event's instants, counted one at a time.
    struct Zones {
        private var counts: [Int: Int] = [:]

        mutating func count(_ time: ReportedTime?) {
            if let time, time.precision == .instant { counts[time.offsetMinutes, default: 0] += 1 }
        }

        var zone: Int? { counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key }
    }

    /// Whether this surely comes before `other`: no reading of the two times puts it later.
    public func surelyBefore(_ other: TimeWindow) -> Bool { latest < other.earliest }

    public func overlaps(_ other: TimeWindow) -> Bool { !surelyBefore(other) && !other.surelyBefore(self) }
}
