/// What a figure is beside the count it names, where it is not that count itself.
public enum MentionRole: String, Sendable, Hashable, CaseIterable {
    /// A part of the figure before it: "including three children", "12 of them".
    case part
    /// How much a count grew, not the count: "22 more people", "37 new deaths", "26 in the last 24 hours".
    case rise
    /// What a count may come to: "the death toll could reach 20,000".
    case projection
    /// What a count was before, as the report recalls it: "previously put the death toll at 5,500".
    case earlier
}

/// A figure found in a text: where it stands, its words, the figure, and what it counts.
public struct Mention: Sendable, Hashable {
    /// Offsets in Unicode scalars of the whole text, start inclusive, end exclusive.
    public var start: Int
    public var end: Int
    /// The line the figure starts on, from 1.
    public var line: Int
    /// The figure's words exactly as written ("at least 23", "more than 6 million").
    public var text: String
    public var figure: Figure
    public var family: PhraseFamily
    /// The metric the figure counts; nil where no word decides it.
    public var metric: String?
    /// The words that decided the metric ("people" … "killing", "bodies", "death toll").
    public var metricWords: String?
    /// The scope the figure's clause names, among the scopes the extractor was given; nil where none.
    public var scope: String?
    /// Who the report gives the figure to: the speaker nearest it in its sentence ("according to
    /// the State Emergency Service", "officials said"); nil where the outlet speaks for itself.
    public var attributedTo: String?
    /// When the figure stood, as its sentence says it, read against the report's publication
    /// ("on Saturday", "as of 16:00"); nil where the sentence says nothing or no publication was given.
    public var asOf: ReportedTime?
    /// The words that said when ("saturday", "16:00").
    public var asOfWords: String?
    /// The clause the figure stands in, between the commas, semicolons or sentence ends around
    /// it: what a claim quotes.
    public var clause: String?
    /// What the figure is beside the count its metric names; nil where it is that count.
    public var role: MentionRole?
    /// The words of its sentence before and after the figure, at most `Mention.contextLength`
    /// characters each way, with "…" where the sentence goes on; empty when the extractor was
    /// asked for figures only (`Extractor.includesContext`).
    public var before: String
    public var after: String
    /// The language the figure's sentence was read in.
    public var language: Language = .english

    /// How much of its sentence a mention keeps on each side of the figure.
    public static let contextLength = 80

    /// One JSON object: `start`, `end`, `line`, `text`, `metric`, `metricWords`, `family`, the
    /// figure's fields, then `scope`, `attributedTo`, `asOf`, `asOfWords`, `clause`, `role` and
    /// `language`.
    public var json: String {
        var object = JSONObjectWriter()
        object.add("start", Double(start))
        object.add("end", Double(end))
        object.add("line", Double(line))
        object.add("text", text)
        object.add("metric", metric)
        object.add("metricWords", metricWords)
        object.add("family", family.rawValue)
        figure.addFields(to: &object)
        object.add("scope", scope)
        object.add("attributedTo", attributedTo)
        object.add("asOf", asOf?.description)
        object.add("asOfWords", asOfWords)
        object.add("clause", clause)
        object.add("role", role?.rawValue)
        object.add("language", language.code)
        return object.result
    }
}
