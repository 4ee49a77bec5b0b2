import Foundation

/// How an export is made, besides its format and event: what the command line or the session set.
public struct ExportSettings: Sendable {
    /// The day of the export (`YYYY-MM-DD`): `SOURCE_DATE_EPOCH` when set, for reproducible
    /// exports, else today in UTC.
    public var date: String
    /// Where the published HTML report lives (ClaimReview `url`s point into it).
    public var baseURL: String
    /// Who publishes the reviews: `CROSSCHECK_AUTHOR`, else the user's name.
    public var author: String

    public init(date: String? = nil, baseURL: String = "", author: String? = nil) {
        let environment = ProcessInfo.processInfo.environment
        self.date = date ?? Self.day(environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init).map(Date.init(timeIntervalSince1970:)) ?? Date())
        self.baseURL = baseURL
        self.author = author ?? environment["CROSSCHECK_AUTHOR"] ?? HistoryEntry.defaultActor
    }

    static func day(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: date)
    }
}
