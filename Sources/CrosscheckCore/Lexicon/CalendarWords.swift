/// Words that make a number a date or a time of day rather than a figure.
enum CalendarWords {
    /// Month names and their abbreviations. "may" and "march" are months only when capitalised,
    /// since "23 may have died" and "a march of 5,000" are not dates.
    static let months: [String] = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec",
    ]
    static let monthsOnlyCapitalised: Set<String> = ["may", "march", "mar", "jan", "dec"]

    /// A month's number, 1 to 12, from its name or abbreviation.
    static func monthNumber(_ word: String) -> Int? {
        guard let index = months.firstIndex(of: word) else { return nil }
        return index < 12 ? index + 1 : [1, 2, 3, 4, 6, 7, 8, 9, 9, 10, 11, 12][index - 12]
    }

    /// The days of the week, Monday first.
    static let weekdays: [String] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// Words that make a day the start of a period, not when figures stood: "since June 14".
    static let periodStarts: Set<String> = ["since", "from", "after", "before", "until", "till", "between"]

    /// Days named by their distance from the day of the report.
    static let relativeDays: [String: Int] = ["yesterday": -1, "today": 0, "tonight": 0]

    /// Words after a number that make it a time of day: "9 a.m.", "10pm", "6 o'clock".
    static let timeOfDay: [String] = ["am", "pm", "a.m.", "p.m.", "a.m", "p.m", "o'clock", "o’clock", "hrs"]
}
