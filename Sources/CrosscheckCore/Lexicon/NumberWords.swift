/// The words English uses to write numbers, and the magnitudes written after digits.
///
/// Each table is data the figure parser compiles once into `Lexicon`; nothing else spells a
/// number word.
enum NumberWords {
    /// Cardinal words below one hundred, by value ("twenty-three" is read as "twenty" "three").
    static let cardinals: [(word: String, value: Int)] = [
        ("zero", 0), ("nought", 0), ("naught", 0), ("nil", 0), ("single", 1),
        ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5),
        ("six", 6), ("seven", 7), ("eight", 8), ("nine", 9), ("ten", 10),
        ("eleven", 11), ("twelve", 12), ("thirteen", 13), ("fourteen", 14), ("fifteen", 15),
        ("sixteen", 16), ("seventeen", 17), ("eighteen", 18), ("nineteen", 19),
        ("twenty", 20), ("thirty", 30), ("forty", 40), ("fourty", 40), ("fifty", 50),
        ("sixty", 60), ("seventy", 70), ("eighty", 80), ("ninety", 90),
    ]

    /// Words that multiply what stands before them. "hundred" groups below a thousand; the
    /// others close a group ("two hundred thousand", "1.5 million", "3 dozen").
    static let multipliers: [(word: String, value: Double)] = [
        ("hundred", 100), ("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12),
        ("lakh", 1e5), ("lakhs", 1e5), ("lac", 1e5), ("lacs", 1e5), ("lkh", 1e5), ("lkhs", 1e5),
        ("crore", 1e7), ("crores", 1e7), ("krore", 1e7), ("krores", 1e7), ("koti", 1e7), ("cr", 1e7),
        ("dozen", 12), ("score", 20), ("pair", 2), ("pairs", 2),
    ]

    /// Magnitudes written right after digits or as an abbreviation: "1.2k", "$3m", "3bn", "2.33 k".
    static let magnitudeSuffixes: [(word: String, value: Double)] = [
        ("k", 1e3), ("thou", 1e3),
        ("m", 1e6), ("mn", 1e6), ("mln", 1e6), ("mil", 1e6),
        ("b", 1e9), ("bn", 1e9), ("bln", 1e9),
        ("tn", 1e12), ("trn", 1e12), ("tln", 1e12),
        ("dz", 12), ("dzs", 12), ("doz", 12), ("dozs", 12),
        ("hundreds", 1e2), ("thousands", 1e3), ("millions", 1e6), ("billions", 1e9), ("trillions", 1e12),
        ("dozens", 12),
    ]

    /// Ordinal words, by value: "fourth", "twenty-first", "hundredth".
    static let ordinals: [(word: String, value: Int)] = [
        ("zeroth", 0), ("first", 1), ("second", 2), ("third", 3), ("fourth", 4), ("fifth", 5),
        ("sixth", 6), ("seventh", 7), ("eighth", 8), ("ninth", 9), ("tenth", 10),
        ("eleventh", 11), ("twelfth", 12), ("thirteenth", 13), ("fourteenth", 14),
        ("fifteenth", 15), ("sixteenth", 16), ("seventeenth", 17), ("eighteenth", 18),
        ("nineteenth", 19), ("twentieth", 20), ("thirtieth", 30), ("fortieth", 40),
        ("fiftieth", 50), ("sixtieth", 60), ("seventieth", 70), ("eightieth", 80),
        ("ninetieth", 90), ("hundredth", 100), ("thousandth", 1000), ("millionth", 1_000_000),
        ("billionth", 1_000_000_000), ("trillionth", 1_000_000_000_000),
    ]

    /// Magnitudes that are read only in capitals, since in lower case they are units: "US$ 1MM"
    /// is a million dollars and "$10G" ten billion, but "5 mm" is five millimetres, "10g" ten grams.
    static let capitalMagnitudes: [(word: String, value: Double)] = [("mm", 1e6), ("g", 1e9)]

    /// Words that, after a number, make it a fraction: "two thirds", "three quarters".
    static let fractionWords = [
        "half", "halves", "third", "thirds", "quarter", "quarters", "fourths", "fifths", "sixths",
        "sevenths", "eighths", "ninths", "tenths", "hundredths", "thousandths",
    ]

    /// Letters written after digits to make an ordinal: "1st", "22nd", "3rd", "12th".
    static let ordinalSuffixes = ["st", "nd", "rd", "th"]

    /// Words that stand for "one" before a multiplier: "a hundred", "an estimated", "a dozen".
    static let indefiniteArticles = ["a", "an"]
}
