/// Words that name a speaker's office rather than the speaker: "President Zelensky" and
/// "Zelensky" are one origin. Leading words only; compared after lower-casing and dropping
/// punctuation. Longer titles first, so that "prime minister" is taken whole.
enum OriginWords {
    static let titles: [String] = [
        "interior minister", "defence minister", "defense minister", "foreign minister", "prime minister",
        "deputy minister", "minister", "president", "vice president", "mayor", "deputy mayor", "governor",
        "spokesperson", "spokesman", "spokeswoman", "chairman", "chairwoman", "chair", "chief", "head",
        "commander", "general", "colonel", "lieutenant", "secretary", "senator", "ambassador",
        "mr", "mrs", "ms", "dr", "sir", "the", "a", "an",
    ]

    /// The titles that name an office a person holds: "Mayor Klitschko" is a person, "the
    /// State Emergency Service" is not.
    static let offices: [String] = titles.filter { !["the", "a", "an"].contains($0) }

    /// Whether a name, as a report attributes a figure, is a person's: it starts with an office.
    static func namesPerson(_ name: String) -> Bool {
        let lower = name.lowercased()
        return offices.contains { lower.hasPrefix($0 + " ") || lower.hasPrefix($0 + ". ") }
    }
}
