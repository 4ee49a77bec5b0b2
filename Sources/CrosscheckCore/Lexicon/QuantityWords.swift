/// The words that turn a number into an interval: bounds, approximations and the modifiers that
/// leave a figure exact. Each entry is a phrase in lower case, words separated by one space.
///
/// | family | interval | examples |
/// | --- | --- | --- |
/// | lower bound, closed | [n, ∞) | at least 23, no fewer than, 23 or more, 400+, 400-plus |
/// | lower bound, open | (n, ∞) | more than 400, over 130, upwards of, in excess of |
/// | upper bound, closed | [0, n] | up to 50, at most, no more than, 50 or fewer |
/// | upper bound, open | [0, n) | fewer than 10, less than, under, below |
/// | near, below | [n(1−δ), n) | nearly 500, almost, just under, close to |
/// | near, above | (n, n(1+δ)] | just over 130, slightly more than, 40-odd |
/// | approximate | [n(1−δ), n(1+δ)] | about, around, roughly, some, an estimated, ~, or so |
enum QuantityWords {
    /// Words written before the number.
    static let prefixes: [(phrase: String, family: PhraseFamily)] = [
        // lower bound, closed
        ("at least", .lowerBoundClosed), ("no fewer than", .lowerBoundClosed),
        ("no less than", .lowerBoundClosed), ("not fewer than", .lowerBoundClosed),
        ("not less than", .lowerBoundClosed), ("a minimum of", .lowerBoundClosed),
        ("minimum of", .lowerBoundClosed), ("at a minimum", .lowerBoundClosed),
        ("at the very least", .lowerBoundClosed), ("as few as", .lowerBoundClosed),
        ("equal to or more than", .lowerBoundClosed), ("equal to or greater than", .lowerBoundClosed),
        ("greater than or equal to", .lowerBoundClosed), ("more than or equal to", .lowerBoundClosed),
        ("no lower than", .lowerBoundClosed), ("≥", .lowerBoundClosed), (">=", .lowerBoundClosed),
        ("greater or equal than", .lowerBoundClosed), ("bigger or equal than", .lowerBoundClosed),
        ("larger or equal than", .lowerBoundClosed), ("more or equal than", .lowerBoundClosed),
        ("higher or equal than", .lowerBoundClosed), ("greater than or equal", .lowerBoundClosed),
        ("at least or equal to", .lowerBoundClosed),
        // lower bound, open
        ("more than", .lowerBoundOpen), ("over", .lowerBoundOpen), ("upwards of", .lowerBoundOpen),
        ("upward of", .lowerBoundOpen), ("in excess of", .lowerBoundOpen), ("above", .lowerBoundOpen),
        ("exceeding", .lowerBoundOpen), ("exceed", .lowerBoundOpen), ("exceeds", .lowerBoundOpen),
        ("exceeded", .lowerBoundOpen), ("surpassed", .lowerBoundOpen), ("surpass", .lowerBoundOpen),
        ("greater than", .lowerBoundOpen), ("higher than", .lowerBoundOpen),
        ("larger than", .lowerBoundOpen), ("bigger than", .lowerBoundOpen),
        ("well over", .lowerBoundOpen), ("well above", .lowerBoundOpen),
        ("well in excess of", .lowerBoundOpen), ("surpassing", .lowerBoundOpen),
        ("topping", .lowerBoundOpen), ("topped", .lowerBoundOpen), ("tops", .lowerBoundOpen), ("crossed", .lowerBoundOpen),
        ("crosses", .lowerBoundOpen), ("crossing", .lowerBoundOpen), ("passed", .lowerBoundOpen), ("passes", .lowerBoundOpen),
        ("passing", .lowerBoundOpen), (">", .lowerBoundOpen),
        // upper bound, closed
        ("up to", .upperBoundClosed), ("at most", .upperBoundClosed), ("at the most", .upperBoundClosed),
        ("no more than", .upperBoundClosed), ("not more than", .upperBoundClosed),
        ("a maximum of", .upperBoundClosed), ("maximum of", .upperBoundClosed),
        ("as many as", .upperBoundClosed), ("as much as", .upperBoundClosed),
        ("no greater than", .upperBoundClosed), ("no higher than", .upperBoundClosed),
        ("equal to or less than", .upperBoundClosed), ("equal to or fewer than", .upperBoundClosed),
        ("less than or equal to", .upperBoundClosed), ("fewer than or equal to", .upperBoundClosed),
        ("≤", .upperBoundClosed), ("<=", .upperBoundClosed),
        ("smaller or equal than", .upperBoundClosed), ("less or equal than", .upperBoundClosed),
        ("lower or equal than", .upperBoundClosed), ("fewer or equal than", .upperBoundClosed),
        ("less than or equal", .upperBoundClosed),
        // upper bound, open
        ("fewer than", .upperBoundOpen), ("less than", .upperBoundOpen), ("under", .upperBoundOpen),
        ("below", .upperBoundOpen), ("lower than", .upperBoundOpen), ("smaller than", .upperBoundOpen),
        ("short of", .upperBoundOpen), ("<", .upperBoundOpen),
        // near, below
        ("nearly", .nearBelow), ("almost", .nearBelow), ("just under", .nearBelow),
        ("close to", .nearBelow), ("closer to", .nearBelow), ("just below", .nearBelow),
        ("just short of", .nearBelow), ("just shy of", .nearBelow), ("not quite", .nearBelow),
        ("slightly fewer than", .nearBelow), ("slightly less than", .nearBelow),
        ("slightly under", .nearBelow), ("a little under", .nearBelow),
        ("a little less than", .nearBelow), ("approaching", .nearBelow),
        ("just fewer than", .nearBelow), ("just less than", .nearBelow), ("nigh on", .nearBelow),
        ("nears", .nearBelow), ("nearing", .nearBelow), ("neared", .nearBelow),
        // near, above
        ("just over", .nearAbove), ("slightly more than", .nearAbove), ("slightly over", .nearAbove),
        ("slightly above", .nearAbove), ("just above", .nearAbove), ("just more than", .nearAbove),
        ("a little over", .nearAbove), ("a little more than", .nearAbove),
        ("a little above", .nearAbove), ("just in excess of", .nearAbove),
        // approximate
        ("about", .approximate), ("around", .approximate), ("roughly", .approximate),
        ("approximately", .approximate), ("approx", .approximate), ("approx.", .approximate),
        ("some", .approximate), ("an estimated", .approximate), ("estimated", .approximate),
        ("est.", .approximate), ("~", .approximate), ("≈", .approximate), ("circa", .approximate),
        ("c.", .approximate), ("ca.", .approximate), ("ca", .approximate),
        ("in the region of", .approximate), ("on the order of", .approximate),
        ("in the order of", .approximate), ("something like", .approximate),
        ("an approximate", .approximate), ("roughly about", .approximate),
        ("somewhere around", .approximate), ("give or take", .approximate),
        ("an approximated", .approximate), ("a rough", .approximate),
    ]

    /// Words written after the number (and its magnitude): "23 or more", "400+", "400-plus",
    /// "50 or fewer", "100 or so", "40-odd".
    static let suffixes: [(phrase: String, family: PhraseFamily)] = [
        ("or more", .lowerBoundClosed), ("or greater", .lowerBoundClosed), ("or above", .lowerBoundClosed),
        ("or over", .lowerBoundClosed), ("or higher", .lowerBoundClosed), ("and more", .lowerBoundClosed),
        ("and above", .lowerBoundClosed), ("and over", .lowerBoundClosed), ("and up", .lowerBoundClosed),
        ("and upwards", .lowerBoundClosed), ("or upwards", .lowerBoundClosed), ("plus", .lowerBoundClosed),
        ("+", .lowerBoundClosed), ("at least", .lowerBoundClosed), ("or more than", .lowerBoundClosed),
        ("at minimum", .lowerBoundClosed), ("minimum", .lowerBoundClosed),
        ("or fewer", .upperBoundClosed), ("or less", .upperBoundClosed), ("or below", .upperBoundClosed),
        ("or under", .upperBoundClosed), ("and under", .upperBoundClosed), ("and below", .upperBoundClosed),
        ("or lower", .upperBoundClosed), ("and less", .upperBoundClosed), ("and fewer", .upperBoundClosed),
        ("at most", .upperBoundClosed), ("at the most", .upperBoundClosed), ("max", .upperBoundClosed),
        ("maximum", .upperBoundClosed), ("at maximum", .upperBoundClosed),
        ("or so", .approximate), ("or thereabouts", .approximate), ("give or take", .approximate),
        ("approximately", .approximate), ("roughly", .approximate), ("or about", .approximate),
        ("odd", .nearAbove),
    ]

    /// Words that leave the figure exactly as written: "exactly 42", "an additional 3,000",
    /// "a total of 28", "another 10".
    static let neutral: [String] = [
        "the", "exactly", "precisely", "just", "only", "a total of", "total of", "in total",
        "a further", "further", "an additional", "additional", "another", "a reported",
        "reportedly", "officially", "a record", "a confirmed", "confirmed", "all", "all of",
        "fully", "equal to", "equals", "equaling", "equaling to", "equalling", "equalling to", "a staggering", "a whopping",
        "an extra", "extra", "a mere", "mere", "a single",
    ]

    /// Words that are too vague to give any figure: an error names them instead of a guess.
    static let tooVague: [String] = [
        "lots", "lots of", "a lot", "a lot of", "many", "numerous", "countless", "multiple",
        "plenty", "plenty of", "a number of", "a great many", "untold", "innumerable",
        "a large number of", "a small number of", "masses", "loads", "a host of", "few", "a bunch",
        "a bunch of", "heaps", "tons", "a ton of", "various", "dozens upon dozens", "some number of",
    ]

    /// Words that make a figure zero: "no one", "none", "nobody", "zero", "no".
    static let zero: [String] = [
        "no one", "noone", "none", "nobody", "no", "not one", "not a single", "not any", "no-one",
    ]

    /// Words after a strict bound that make it inclusive: "less than 5000 or equal".
    static let inclusiveSuffixes: [String] = ["or equal", "or equal to", "or equals"]

    /// Words that negate: a negative figure is never a count.
    static let negative: [String] = ["minus", "negative"]

    /// Words between two numbers that make a range: "20 to 25", "between 20 and 25", "20 or 25".
    static let rangeJoiners: [String] = ["to", "through", "thru", "till", "until", "or", "and"]

    /// Words that open a range written with "and": "between 20 and 25", "from 20 to 25".
    static let rangeOpeners: [String] = ["between", "from", "in the range of", "ranging from", "anywhere from", "anywhere between"]

    /// Words that, joined to a number, make a percentage: "40%", "12.5 per cent".
    static let percent: [String] = ["%", "per cent", "percent", "pct", "pc", "percents", "per-cent", "percentage"]

    /// Percentage points, a difference of percentages.
    static let percentagePoints: [String] = ["percentage points", "percentage point", "pp", "ppt", "ppts"]

    /// Words that may stand between a metric named first and its figure:
    /// "the death toll rose to 28", "killing at least 23", "death toll of 14".
    static let metricConnectors = [
        "of", "at", "to", "has", "had", "have", "is", "was", "now", "went", "up", "reportedly", "by", "were",
        "are", "put", "puts", "an", "the", "further", "tally",
    ] + ExtractionWords.tollVerbs

    /// Punctuation that carries no meaning around a figure: quotes, brackets, full stops.
    static let punctuation: [Unicode.Scalar] = [
        "\"", "'", "“", "”", "‘", "’", "«", "»", "(", ")", "[", "]", ".", ",", ";", ":", "!", "?", "…", "*",
    ]
}
