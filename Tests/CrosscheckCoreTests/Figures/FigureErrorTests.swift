import Testing
@testable import CrosscheckCore

@Suite("Bad input: one clear line naming the phrase and what was not understood")
struct FigureErrorTests {
    @Test("every case DESIGN.md lists, and others", arguments: [
        ("", #""": empty phrase: there is no figure to read"#),
        ("   ", #""   ": empty phrase: there is no figure to read"#),
        ("lots", #""lots": "lots" is too vague to give a figure"#),
        ("many", #""many": "many" is too vague to give a figure"#),
        ("lots of people", #""lots of people": "lots of" is too vague to give a figure"#),
        ("-5", #""-5": "-5" is negative; a figure is never below zero"#),
        ("minus five", #""minus five": "minus five" is negative; a figure is never below zero"#),
        ("1e400", #""1e400": "1e400" is scientific notation, not a reported figure; write the number out"#),
        (String(repeating: "9", count: 500),
         "\"" + String(repeating: "9", count: 60) + "…\": a number of 500 digits is longer than the 15 a figure can have"),
        ("twenty-thirty", #""twenty-thirty": "thirty" cannot follow "twenty" in a number"#),
        ("٢٣", #""٢٣": "٢٣" uses digits of another script; write the number with 0–9"#),
        ("१२ killed", #""१२ killed": "१२" uses digits of another script; write the number with 0–9"#),
        ("between 30 and 20", #""between 30 and 20": reversed range: 30 is above 20"#),
        ("25-20", #""25-20": reversed range: 25 is above 20"#),
        ("at least\u{7} 23", #""at least\u{7} 23": control character U+0007 in the phrase"#),
        ("23\u{0}", #""23\u{0}": control character U+0000 in the phrase"#),
        ("June 19", #""June 19": "June 19" is a date, not a figure"#),
        ("19 June 2025", #""19 June 2025": "19 June 2025" is a date, not a figure"#),
        ("2025-06-19", #""2025-06-19": "2025-06-19" is a date, not a figure"#),
        ("9:30", #""9:30": "9:30" is a time of day, not a figure"#),
        ("9 a.m.", #""9 a.m.": "9 a.m." is a time of day, not a figure"#),
        ("2/3", #""2/3": "2/3" is a fraction, not a count"#),
        ("the", #""the": no number in the phrase"#),
        ("killed", #""killed": no number in the phrase"#),
        ("foo 23", #""foo 23": "foo" is not understood here"#),
        ("23 killed, 40 injured", #""23 killed, 40 injured": a second figure, "40"; give one figure a phrase"#),
        ("23 killed and injured", #""23 killed and injured": names two metrics, killed and injured; give one figure a phrase"#),
        ("about more than 400", #""about more than 400": "about" and "more than" contradict each other"#),
        ("at least 20-25", #""at least 20-25": "at least" cannot qualify a range"#),
        ("nearly dozens", #""nearly dozens": "nearly" cannot qualify a vague quantity"#),
        ("at least none", #""at least none": "at least" cannot qualify zero"#),
        ("more than fourth", #""more than fourth": "more than" cannot qualify an ordinal"#),
        ("40% of $5", #""40% of $5": a second figure, "5"; give one figure a phrase"#),
        ("5000 trillion", #""5000 trillion": the number is larger than a figure can be (10^15)"#),
    ])
    func message(_ phrase: String, _ expected: String) {
        #expect(throws: FigureError.self) { try FigureParser().parse(phrase) }
        do {
            _ = try FigureParser().parse(phrase)
        } catch {
            #expect(error.message == expected)
            #expect(!error.message.contains("\n"))
        }
    }
}
