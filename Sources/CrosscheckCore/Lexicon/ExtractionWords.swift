/// Words that tell extraction what a number in running text is: a count of people, a page's
/// furniture, an identifier, an age, a measurement that modifies a noun.
enum ExtractionWords {
    /// Nouns for people that stand between a figure and the word that says what befell them
    /// ("15 people died", "23 civilians were killed"); a bare figure followed by one of them
    /// counts what the figure before it counted ("killed 23, including 5 children").
    static let people: [String] = [
        "people", "persons", "person", "civilians", "civilian", "children", "child", "kids", "minors",
        "women", "men", "soldiers", "servicemen", "troops", "residents", "others", "individuals",
        "adults", "teenagers", "infants", "babies", "elderly", "pensioners", "workers", "rescuers",
        "firefighters", "officers", "policemen", "police officers", "medics", "doctors", "journalists",
        "passengers", "citizens", "nationals", "fighters", "militants", "more", "other", "of them", "victims",
        "soldier", "serviceman", "officer", "police officer", "guards", "guardsmen", "border guards", "privates",
        "sergeants", "servicemembers", "service members", "personnel", "marines", "sailors", "pilots", "crew",
        "crew members", "students", "pupils", "patients", "migrants", "refugees", "tourists", "climbers",
        "miners", "villagers", "inhabitants", "family members", "relatives", "our people",
    ]

    /// Words between a figure, its people and the word that names the metric: "15 people have
    /// died", "23 were reportedly killed".
    static let auxiliaries: [String] = [
        "were", "was", "are", "is", "have", "has", "had", "been", "being", "be", "reportedly",
        "confirmed", "officially", "also", "all", "of", "them", "so", "far", "now", "later",
        "subsequently", "since", "already", "eventually", "who", "that", "got", "left", "found", "the", "still",
        // hedges between the people and what befell them: "are reported missing", "are listed as missing"
        "reported", "listed", "as", "believed", "feared", "presumed", "thought", "known", "to", "said",
    ]

    /// Words after a number that make it page furniture: "0 Comments", "12 shares", "5 min read".
    static let furnitureAfter: [String] = [
        "comments", "comment", "shares", "share", "likes", "like", "views", "replies", "reactions",
        "retweets", "reposts", "min read", "minute read", "minutes read", "photos", "photo",
    ]

    /// "ago" within a few words after a number makes it a timestamp: "Posted 6 hours ago".
    static let ago = "ago"

    /// Words before a number that make it page furniture: "Posted 6 hours ago", "Updated 2".
    static let furnitureBefore: [String] = ["posted", "updated", "published", "edited", "page", "photo", "image", "slide"]

    /// Words before a number that make it a name or a reference, not a count: "No. 5",
    /// "Article 5", "Resolution 2758", "Flight 752".
    static let identifierBefore: [String] = [
        "no", "no.", "nr", "nr.", "number", "article", "articles", "resolution", "section", "chapter",
        "paragraph", "clause", "decree", "law", "order", "bill", "vol", "vol.", "volume", "issue",
        "episode", "season", "version", "channel", "flight", "route", "highway", "road", "street",
        "platform", "gate", "terminal", "apartment", "flat", "unit", "line", "room", "item", "tel",
        "tel.", "phone", "fax", "ext", "ext.", "code", "id", "index", "model", "batch", "lot",
        "building", "house", "block", "bus", "train", "tram", "squadron", "page", "pages", "p.", "pp.",
    ]

    /// Words after a number that make it an age: "a 45-year-old man", "aged 3".
    static let ageAfter: [String] = [
        "year old", "years old", "year-old", "month old", "months old", "week old", "weeks old",
        "day old", "days old",
    ]
    static let ageBefore: [String] = ["aged", "age", "ages"]

    /// Units of time after a number that make it a duration, not a count: "the past 24 hours".
    static let durationAfter: [String] = [
        "seconds", "second", "minutes", "minute", "hours", "hour", "hrs", "days", "day", "weeks", "week",
        "months", "month", "years", "year", "decades", "decade", "centuries", "century",
    ]

    /// Words that open an aside about who was among the counted: "15 people, including three
    /// children, were killed".
    static let asides: [String] = ["including", "among them", "among whom", "of whom", "most of them", "many of them"]

    /// Verbs by which a toll named as a clause's subject gives its figure, far from it ("the death
    /// toll from the strike on the apartment building in Dnipro has risen to 35"), or a group its
    /// members ("the group consisted of 180 privates"), as lemmas (see `VerbForms`).
    static let tollVerbs: [String] = VerbForms.all([
        "rise:rose:risen", "reach", "climb", "stand:stood:stood", "increase", "jump", "grow:grew:grown", "number",
        "total:totalled:totalled:totalling", "total", "hit:hit:hit:hitting", "near", "cross", "exceed", "surpass",
        "top:topped:topped", "soar", "swell", "mount", "pass", "edge", "consist", "comprise",
    ])

    /// Words that link a toll named as the clause's subject to its figure without a verb of
    /// change: "the previous death toll … was 5,500", "put the death toll in Derna at 5,500".
    /// The words that name a toll rather than what it counts: "the death toll", "the number of dead".
    static let tollNouns: [String] = ["toll", "number", "count", "tally", "total", "figure"]
    static let linkingWords: [String] = VerbForms.all(["be:was:been"]) + ["is", "are", "were", "at"]

    /// What an event named as a clause's subject counts, when its figure counts people: "the swap
    /// involved hundreds of soldiers", "the evacuation brought out 300 people".
    static let eventSubjects: [(phrase: String, metric: String)] = [
        ("swap", "prisoners-exchanged"), ("exchange", "prisoners-exchanged"), ("prisoner swap", "prisoners-exchanged"),
        ("prisoner exchange", "prisoners-exchanged"), ("evacuation", "evacuated"), ("rescue", "rescued"),
    ]

    /// Verbs by which a report gives a figure to someone: "X said", "said X", "X told reporters".
    static let speechVerbs: [String] = [
        "put", "puts", "putting",
        "said", "says", "say", "told", "tells", "reported", "reports", "report", "wrote", "writes", "stated", "states",
        "announced", "announces", "confirmed", "confirms", "added", "adds", "claimed", "claims", "posted",
        "tweeted", "quoted", "cited", "estimated", "estimates", "showed", "shows", "indicate", "indicates",
    ]

    /// Words that open a speaker after them: "according to the State Emergency Service".
    /// Words by which a speaker passes on another's figure: "Al Jazeera reports citing the
    /// Libyan Red Crescent" gives the figure to the Red Crescent.
    static let citing: [String] = ["citing", "quoting"]

    /// Speech verbs whose object is the listener, not the speaker: "X told The Associated Press".
    static let listenerVerbs: [String] = ["told", "tells", "tell"]

    static let speakerOpeners: [String] = [
        "according to", "as reported by", "citing", "quoting", "as per", "released by", "published by", "issued by", "compiled by",
    ]

    /// Words a speaker's name does not run past: "X said on Monday", "said X in a statement".
    static let speakerStops: [String] = [
        "and", "but", "while", "as", "that", "which", "who", "when", "after", "because", "where", "if",
        "on", "in", "at", "late", "early", "earlier", "later", "yesterday", "today", "tonight", "this", "last",
        "from", "to", "via", "during", "before", "since", "with", "for", "had", "has", "have", "was", "were",
        "is", "are", "would", "will", "also", "then", "so", "it", "its", "there", "some", "more", "than",
    ]

    /// Who may be a speaker when no word of it is capitalised: "officials said", "police said".
    static let parties: [String] = [
        "officials", "official", "authorities", "authority", "police", "ministry", "governor", "mayor", "sheriff",
        "spokesman", "spokeswoman", "spokesperson", "army", "military", "service", "agency", "council",
        "department", "sources", "source", "statistics", "reporter", "reporters", "media", "commission",
        "committee", "government", "office", "headquarters", "president", "minister", "rescuers", "data",
        "sides", "side", "figures", "report", "statement",
    ]

    /// A speaker named by a pronoun is the last one named before it.
    static let pronouns: [String] = ["he", "she", "they", "it", "we", "i"]

    /// What was done to what a figure counts, when it changes the count: drones launched are
    /// not drones shot down ("428 drones were shot down"), bodies handed over are not bodies
    /// pulled from the rubble. The verb may stand before the figure or after its noun.
    static let actions: [(metric: String, verbs: [String], becomes: String)] = [
        ("drones", downing, "drones-downed"),
        ("missiles", downing, "missiles-downed"),
        ("bodies-repatriated", ["pulled", "recovered", "retrieved", "found", "removed", "dug out", "exhumed", "recovery"], "bodies-recovered"),
        ("injured", ["hospitalised", "hospitalized", "taken to hospital", "admitted"], "hospitalized"),
        ("killed", ["saved", "rescued"], "rescued"),
        ("buildings", damaging, "buildings-damaged"),
    ]
    static let damaging = VerbForms.all([
        "damage", "destroy", "hit:hit:hit:hitting", "flatten", "raze", "level:levelled:levelled:levelling", "collapse", "topple",
    ]) + ["brought down", "bring down", "reduced to rubble"]

    /// What a figure counts that no metric is by itself, only with an action (`actions`): "72
    /// apartments" are a count of buildings damaged only where they "were destroyed".
    static let objects: [(phrase: String, group: String)] = [
        "buildings", "building", "houses", "homes", "apartments", "flats", "apartment buildings",
        "residential buildings", "high-rises", "dwellings", "structures", "schools", "hospitals",
    ].map { ($0, "buildings") }

    /// Verbs that, said of people, say which metric counts them: "207 of our people have
    /// returned", "one police officer has been released".
    static let peopleVerbs: [(phrase: String, metric: String)] =
        VerbForms.all(["release", "free", "return", "swap", "exchange", "repatriate"]).map { ($0, "prisoners-exchanged") }
        + ["handed over", "brought home", "came home", "come home", "returned home"].map { ($0, "prisoners-exchanged") }

    /// What follows a verb of `peopleVerbs` when it is not said of prisoners: "released from hospital".
    static let peopleVerbExceptions: [String] = ["from hospital", "from the hospital", "from care", "to their homes", "home from hospital"]
    static let downing = [
        "shot down", "intercepted", "downed", "destroyed", "neutralised", "neutralized", "shooting down",
        "intercepting", "shot", "suppressed",
    ]

    /// Words that put a figure in the event's whole, the widest scope it has: "the national
    /// death toll", "across the country".
    static let wholeScope: [String] = [
        "national", "nationwide", "countrywide", "across the country", "nationally", "in all", "overall", "combined", "altogether",
    ]

    /// Words after a figure that make it a part of the figure before: "12 of them hospitalised".
    static let partsAfter: [String] = ["of them", "of whom", "among them"]

    /// Words right after a figure that make it a rise, not the count: "22 more people", "37 new deaths".
    static let risesAfter: [String] = ["more", "new", "fresh"]

    /// A period in the figure's clause that makes it a rise: "26 lives lost in the last 24 hours".
    static let risePeriods: [String] = [
        "in the last", "in the past", "over the past", "over the last", "during the past", "during the last",
        "within the past", "within the last", "in the previous", "since yesterday",
    ]

    /// Words before the verb that governs a figure that make it a projection: "could reach 20,000".
    /// Words in the clause before a figure that make it an earlier count the report recalls.
    static let earlier: [String] = ["previously", "previous", "earlier", "initially", "at first", "originally"]

    static let modals: [String] = ["could", "may", "might", "would", "will", "can", "expected to", "likely to", "feared to", "set to"]

    /// Words that end the clause a figure stands in: a bare figure before them counts what the
    /// figure before it counted ("Ukraine returned 1,212 bodies, Russia 27").
    static let clauseEnds: [String] = ["and", "or", "but", "while", "whereas", "with", "including", "according"]

    /// Words that join the figures of a list, which count one thing unless each says otherwise:
    /// "759 died in Sindh, 308 in Khyber Pakhtunkhwa and 336 in Balochistan", "95 soldiers, 56
    /// national guardsmen and one police officer have been released".
    static let listJoins: [String] = ["and", "or", "as well as", "followed by", "plus", "along with"]

    /// Words that end with a full stop without ending a sentence: "Mr. Zelensky", "Gen. Syrskyi".
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "no", "nr", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep",
        "prof", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "approx", "est", "etc", "vs", "inc", "ltd", "co", "corp", "dept", "fig", "vol", "pp", "p", "ca", "c",
        "maj", "brig", "adm", "cmdr", "pres", "hon", "jr", "sr", "mt", "ft", "ave", "blvd", "rd",
    ]
}
