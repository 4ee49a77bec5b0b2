/// When a report was published or what time a figure refers to, with the precision it was
/// written with: a bare date is the whole of that day; a date-time with its offset is an instant.
/// The text it was read from is kept, so that every round trip writes it back the same.
public struct ReportedTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Precision: Sendable, Hashable {
        /// "2025-06-17": the whole day, wherever it was written.
        case day
        /// "2025-06-17T16:00+03:00": one instant.
        case instant
    }

    /// The text as written: "2025-06-17", "2025-06-17T16:00+03:00", "2025-06-17T13:00:00Z".
    public let description: String
    /// The first UTC second it may mean, worked out once: the check compares it again and again.
    public let earliest: Int64
    // The fields in as few bytes as they need: every claim holds a time, a ledger a million claims.
    private let storedYear: UInt16, storedMonth: UInt8, storedDay: UInt8
    private let storedHour: UInt8, storedMinute: UInt8, storedSecond: UInt8
    private let storedOffset: Int16
    public let precision: Precision

    public var year: Int { Int(storedYear) }
    public var month: Int { Int(storedMonth) }
    public var day: Int { Int(storedDay) }
    public var hour: Int { Int(storedHour) }
    public var minute: Int { Int(storedMinute) }
    public var second: Int { Int(storedSecond) }
    /// Minutes east of UTC; 0 for a bare date.
    public var offsetMinutes: Int { Int(storedOffset) }

    /// Reads a date or an RFC 3339 date-time with its offset (seconds may be left out).
    public init(_ text: String) throws(LedgerError) {
        // Read in place, without a copy of the bytes: every claim of a ledger read has a time.
        var bytes = text
        let read = bytes.withUTF8 { bytes in Result { () throws(LedgerError) in try Self.read(bytes, text) } }
        let (year, month, day, hour, minute, second, offset, precision) = try read.get()
        // Four digits of year, hours below 24, offsets within ±14:59: each fits its field.
        (storedYear, storedMonth, storedDay) = (UInt16(year), UInt8(month), UInt8(day))
        (storedHour, storedMinute, storedSecond, storedOffset) = (UInt8(hour), UInt8(minute), UInt8(second), Int16(offset))
        self.precision = precision
        let midnight = Self.epochDay(year, month, day) * 86_400
        switch precision {
        case .instant: earliest = midnight + Int64(hour * 3600 + minute * 60 + second - offset * 60)
        case .day: earliest = midnight - 14 * 3600
        }
        description = text
    }

    private static func read(_ bytes: UnsafeBufferPointer<UInt8>, _ text: String) throws(LedgerError)
        -> (Int, Int, Int, Int, Int, Int, Int, Precision) {
        func digits(_ at: Int, _ count: Int) -> Int? {
            guard at + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[at..<at + count] {
                guard byte &- 0x30 < 10 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        func byte(_ at: Int) -> UInt8? { at < bytes.count ? bytes[at] : nil }
        let malformed = LedgerError.Reason.malformedTime(text)
        guard let year = digits(0, 4), byte(4) == UInt8(ascii: "-"), let month = digits(5, 2),
              byte(7) == UInt8(ascii: "-"), let day = digits(8, 2) else { throw LedgerError(malformed) }
        guard (1...12).contains(month), (1...Self.daysIn(month, of: year)).contains(day) else {
            throw LedgerError(.impossibleTime(text))
        }
        if bytes.count == 10 { return (year, month, day, 0, 0, 0, 0, .day) }
        guard byte(10) == UInt8(ascii: "T") || byte(10) == UInt8(ascii: "t"), let hour = digits(11, 2),
              byte(13) == UInt8(ascii: ":"), let minute = digits(14, 2) else { throw LedgerError(malformed) }
        var at = 16
        var second = 0
        if byte(at) == UInt8(ascii: ":") {
            guard let written = digits(at + 1, 2) else { throw LedgerError(malformed) }
            second = written
            at += 3
            if byte(at) == UInt8(ascii: ".") { throw LedgerError(.fractionalSeconds(text)) }
        }
        var offset = 0
        if byte(at) == UInt8(ascii: "Z") || byte(at) == UInt8(ascii: "z") {
            at += 1
        } else if let sign = byte(at), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"),
                  let offsetHours = digits(at + 1, 2), byte(at + 3) == UInt8(ascii: ":"), let offsetMinutes = digits(at + 4, 2) {
            guard offsetHours <= 14, offsetMinutes < 60 else { throw LedgerError(.impossibleTime(text)) }
            offset = (offsetHours * 60 + offsetMinutes) * (sign == UInt8(ascii: "-") ? -1 : 1)
            at += 6
        } else {
            throw LedgerError(.missingOffset(text))
        }
        guard at == bytes.count else { throw LedgerError(malformed) }
        guard hour < 24, minute < 60, second < 60 else { throw LedgerError(.impossibleTime(text)) }
        return (year, month, day, hour, minute, second, offset, .instant)
    }

    /// The latest UTC second the time may mean (`earliest` the first): an instant is one second;
    /// a bare date is its day anywhere on Earth (from UTC+14 to UTC−12), since no zone was given.
    public var latest: Int64 {
        switch precision {
        case .instant: earliest
        case .day: earliest + (14 + 24 + 12) * 3600 - 1
        }
    }

    /// The first UTC second of the day in a zone `offsetMinutes` east of UTC: where a bare date
    /// is read in the zone of the event it belongs to.
    public func midnight(offsetMinutes zone: Int) -> Int64 {
        Self.epochDay(year, month, day) * 86_400 - Int64(zone * 60)
    }

    /// Orders by the earliest moment, then the latest, then the text: a stable order for files.
    public static func < (a: ReportedTime, b: ReportedTime) -> Bool {
        (a.earliest, a.latest, a.description) < (b.earliest, b.latest, b.description)
    }

    public static func == (a: ReportedTime, b: ReportedTime) -> Bool { a.description == b.description }

    public func hash(into hasher: inout Hasher) { hasher.combine(description) }

    static func daysIn(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The proleptic Gregorian date of a day since 1970-01-01 (H. Hinnant's civil_from_days).
    static func civil(_ days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (Int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0)), Int(month), Int(day))
    }

    /// "YYYY-MM-DD" of a day since 1970-01-01.
    static func dateText(_ days: Int64) -> String {
        let (year, month, day) = civil(days)
        return "\(year)-" + twoDigits(month) + "-" + twoDigits(day)
    }

    static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
    static func epochDay(_ year: Int, _ month: Int, _ day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
