/// One article, statement, report or post.
public struct Source: Sendable, Hashable {
    public var id: String
    public var title: String
    public var outlet: String
    public var url: String?
    public var published: ReportedTime?
    public var reliability: Reliability?
    /// The full text, for extraction and annotation.
    public var text: String?
    /// When `text` was fetched from `url` (`source add … --fetch`); nil for text given by hand.
    public var fetched: ReportedTime?

    public init(id: String, title: String, outlet: String, url: String? = nil, published: ReportedTime? = nil,
                reliability: Reliability? = nil, text: String? = nil, fetched: ReportedTime? = nil) {
        (self.id, self.title, self.outlet, self.url, self.published, self.reliability, self.text, self.fetched) =
            (id, title, outlet, url, published, reliability, text, fetched)
    }
}

/// What claims are about.
public struct Event: Sendable, Hashable {
    /// A slug such as `kyiv-strike-2025-06-17`; it names the event's file.
    public var id: String
    public var title: String
    public var date: ReportedTime?

    public init(id: String, title: String, date: ReportedTime? = nil) {
        (self.id, self.title, self.date) = (id, title, date)
    }
}

/// The place or part a figure covers ("Kyiv", "one apartment block"), possibly part of another.
public struct Scope: Sendable, Hashable {
    /// Free text, as analysts name places.
    public var id: String
    public var partOf: String?
    /// Other names reports give the place ("Kiev", "the capital"): `--scope` takes them, and
    /// annotate finds the scope by them.
    public var aliases: [String]

    public init(id: String, partOf: String? = nil, aliases: [String] = []) {
        (self.id, self.partOf, self.aliases) = (id, partOf, aliases)
    }

    /// Whether `name` is this scope: its id, or one of its aliases in any case.
    public func isNamed(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return name == id || aliases.contains { $0.lowercased() == lowered }
    }
}

/// A party figures come from, with the other names reports give it: "President Zelensky" is
/// also "Volodymyr Zelensky" and "Ukraine's president". Declared in `Sources.json`, so that
/// the check counts every name of one party as one origin.
public struct Origin: Sendable, Hashable {
    /// The name the analyst settles on.
    public var id: String
    public var aliases: [String]

    public init(id: String, aliases: [String] = []) {
        (self.id, self.aliases) = (id, aliases)
    }
}

/// `Sources.json`: the sources, and the origins an analyst declares.
public struct SourceRegistry: Sendable, Hashable {
    public var sources: [Source]
    public var origins: [Origin]

    public init(sources: [Source], origins: [Origin] = []) {
        (self.sources, self.origins) = (sources, origins)
    }
}
