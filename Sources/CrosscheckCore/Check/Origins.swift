/// Who a report's figure comes from in the end: the link's `attributedTo`, normalised (case,
/// punctuation, titles such as "President"), mapped through the aliases an analyst declares; a
/// link without attribution is its own source's voice.
public struct OriginNames: Sendable {
    private var aliases: [String: String] = [:]

    /// `aliases` maps a name as written to the origin it stands for: "Ukraine's president" →
    /// "Zelensky". Both sides are normalised.
    public init(aliases: [String: String] = [:]) {
        for (name, origin) in aliases { self.aliases[Self.normalise(name)] = Self.normalise(origin) }
    }

    /// The names of the origins `Sources.json` declares.
    public init(_ origins: [Origin]) {
        var aliases: [String: String] = [:]
        for origin in origins { for alias in origin.aliases { aliases[alias] = origin.id } }
        self.init(aliases: aliases)
    }

    public func origin(of link: Link) -> String {
        var cache: [String: String] = [:]
        return origin(of: link, cache: &cache)
    }

    /// The same, remembering each name's normal form in `cache`: a ledger names few parties many times.
    func origin(of link: Link, cache: inout [String: String]) -> String {
        guard let who = link.attributedTo else { return "source:" + link.source }
        let name: String
        if let known = cache[who] {
            name = known
        } else {
            name = Self.normalise(who)
            cache[who] = name
        }
        return name.isEmpty ? "source:" + link.source : aliases[name] ?? name
    }

    /// Lower case, letters and digits only, one space between words, leading titles dropped.
    public static func normalise(_ name: String) -> String {
        var words = name.lowercased().unicodeScalars
            .map { $0.properties.isAlphabetic || $0.properties.numericType != nil ? String($0) : " " }
            .joined().split(separator: " ").map(String.init)
        // "Ukraine's president" reads as "ukraine s president": the possessive goes with its noun.
        words.removeAll { $0 == "s" }
        var dropped = true
        while dropped, words.count > 1 {
            dropped = false
            for title in OriginWords.titles {
                let parts = title.split(separator: " ").map(String.init)
                if words.count > parts.count, Array(words.prefix(parts.count)) == parts {
                    words.removeFirst(parts.count)
                    dropped = true
                    break
                }
            }
        }
        return words.joined(separator: " ")
    }
}
