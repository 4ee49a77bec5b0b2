/// The words web pages mark their parts with: which elements hold no article text, which are
/// the page's furniture, which break text into paragraphs, and the class and id words sites
/// use for menus, adverts, share bars, related links, comments and bylines. Data, in one place.
enum PageWords {
    /// The attributes reading looks at; the rest are never copied out of libxml2.
    static let keptAttributes: Set<String> = [
        "id", "class", "role", "itemprop", "property", "name", "content", "type", "datetime", "hidden", "aria-hidden", "style", "rel",
    ]

    /// Elements whose text is never the article's: code, styles, forms, embedded media.
    static let textless: Set<String> = [
        "head", "script", "style", "noscript", "template", "svg", "math", "canvas", "iframe", "object", "embed", "form", "button",
        "select", "option", "textarea", "input", "label", "audio", "video", "picture", "map", "dialog", "link", "meta", "title",
    ]

    /// Elements that are the page's furniture wherever they stand: menus, side columns, footers,
    /// pictures with their captions.
    static let furniture: Set<String> = ["nav", "aside", "footer", "figure", "figcaption", "menu"]

    /// ARIA roles of furniture.
    static let furnitureRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu", "menubar", "toolbar",
        "tablist", "alert", "status", "marquee",
    ]

    // Class and id attributes are read as words: split at anything not a letter or digit and
    // where a lower-case letter meets a capital ("relatedPosts", "PageBuilder-pageRow").

    /// The beginnings of words that mark furniture wherever they stand ("comments",
    /// "newsletter-signup", "shareBar"): no article's own text is marked with them.
    static let furnitureStems: [String] = [
        "comment", "disqus", "related", "recommend", "newsletter", "subscri", "signup", "share", "sharing", "social", "sponsor",
        "promo", "advert", "breadcrumb", "cookie", "consent", "gdpr", "outbrain", "taboola", "trending", "mostread",
        "mostpopular", "morestories", "screenreader", "sronly", "skiplink", "aural", "kicker", "eyebrow", "overline",
        "dachzeile", "rubric",
    ]

    /// Two words that mark furniture together ("most-popular", "sr-only").
    static let furniturePairs: Set<String> = [
        "most read", "most popular", "most viewed", "more stories", "sr only", "screen reader", "visually hidden",
        "skip link", "follow us", "you may", "also like", "print only",
    ]

    /// Words of a page's layout that usually mark furniture, but that sites also put on the
    /// wrapper of the story ("article-header", "entry-content-read-more"): furniture unless the
    /// same attribute also has a word of the story (`storyStems`).
    static let layoutWords: Set<String> = [
        "sidebar", "footer", "popup", "modal", "navbar", "navigation", "nav", "menu", "pagination", "pager", "toolbar",
        "paywall", "masthead", "banner", "ticker", "carousel", "rating", "reaction", "login", "tooltip", "dropdown",
        "offcanvas", "overlay", "ad", "ads", "adv", "tags", "tag", "topics", "tools", "utility", "utilities", "extra",
        "extras", "supplemental", "rail", "more", "teaser", "teasers", "hdr", "header", "aside", "print", "readmore", "category",
    ]

    /// The beginnings of words of the story's own wrapper.
    static let storyStems: [String] = ["article", "body", "content", "main", "story", "entry", "post", "text", "column"]

    /// Class, id, rel and itemprop words of a byline or dateline.
    static let bylineParts: [String] = ["byline", "author", "dateline", "timestamp", "published", "posted", "pubdate", "date", "time"]

    /// Elements that end a paragraph before and after their text.
    static let blocks: Set<String> = [
        "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt",
        "dd", "blockquote", "pre", "table", "tr", "address", "hr", "body", "center", "details", "summary", "caption",
    ]

    /// Headings: kept within the body whatever their length.
    static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

    /// Cells: their texts are kept apart on one line.
    static let cells: Set<String> = ["td", "th"]

    /// schema.org types of one article.
    static let articleTypes: Set<String> = [
        "Article", "NewsArticle", "ReportageNews", "AnalysisNewsArticle", "BackgroundNewsArticle", "OpinionNewsArticle",
        "ReviewNewsArticle", "AskPublicNewsArticle", "BlogPosting", "LiveBlogPosting", "Report", "SocialMediaPosting",
        "TechArticle", "ScholarlyArticle", "Statement", "PressRelease",
    ]

    /// `<meta>` names and properties that give the time a page was published, best first.
    static let publishedMeta: [String] = [
        "article:published_time", "datepublished", "og:published_time", "pubdate", "publishdate", "publish-date",
        "dc.date.issued", "dcterms.created", "dc.date", "parsely-pub-date", "sailthru.date", "date",
    ]
}
