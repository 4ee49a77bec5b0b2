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

    /// Words after a number that make it a time of day: "9 a.m.", "10pm", "6 o'clock".
    static let timeOfDay: [String] = ["am", "pm", "a.m.", "p.m.", "a.m", "p.m", "o'clock", "o’clock", "hrs"]
}
