/// An article's own text, read out of a web page: its headline, its byline or dateline, and
/// its body's paragraphs in order, without the page's menus, adverts, related links, comments,
/// footers, scripts or styles.
public struct Article: Sendable, Equatable {
    public var headline: String?
    public var byline: String?
    public var paragraphs: [String]
    /// When the page says the article was published, as it writes it
    /// (`article:published_time`, JSON-LD's `datePublished`).
    public var published: String?

    public init(headline: String?, byline: String?, paragraphs: [String], published: String?) {
        (self.headline, self.byline, self.paragraphs, self.published) = (headline, byline, paragraphs, published)
    }

    /// What a source keeps: the headline, the byline and each paragraph, a blank line between.
    public var text: String {
        ([headline, byline].compactMap { $0 } + paragraphs).joined(separator: "\n\n") + "\n"
    }
}
