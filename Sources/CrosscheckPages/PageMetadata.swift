import Foundation

/// What a page says about its article outside the text: the `<title>`, Open Graph and article
/// `<meta>` tags, and schema.org's `NewsArticle` (or another article type) in JSON-LD.
struct PageMetadata {
    var title: String?
    var headline: String?
    /// As the page writes it ("2025-06-19T08:12:45+00:00"): read into a time by the caller.
    var published: String?
    /// schema.org's `articleBody`, where the page gives it.
    var articleBody: String?

    init(_ tree: PageTree) {
        var meta: [String: String] = [:]
        for index in tree.elements("meta") {
            let node = tree.nodes[index]
            guard let content = node.attribute("content")?.trimmingCharacters(in: .whitespacesAndNewlines), !content.isEmpty else { continue }
            for key in [node.attribute("property"), node.attribute("name"), node.attribute("itemprop")].compactMap({ $0?.lowercased() }) {
                if meta[key] == nil { meta[key] = content }
            }
        }
        title = tree.elements("title").first.map { Self.clean(tree.text(of: $0)) }.flatMap { $0.isEmpty ? nil : $0 }
        headline = meta["og:title"] ?? meta["twitter:title"]
        published = PageWords.publishedMeta.lazy.compactMap { meta[$0] }.first
        for index in tree.elements("script") where tree.nodes[index].attribute("type")?.lowercased() == "application/ld+json" {
            guard let data = tree.text(of: index).data(using: .utf8),
                  let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { continue }
            for article in Self.articles(in: json) {
                if headline == nil, let text = article["headline"] as? String { headline = Self.clean(text) }
                if published == nil, let text = article["datePublished"] as? String { published = text }
                if articleBody == nil, let text = article["articleBody"] as? String, !text.isEmpty { articleBody = text }
            }
        }
        if published == nil, let time = tree.nodes.first(where: { $0.attribute("itemprop") == "datePublished" }) {
            published = time.attribute("datetime") ?? time.attribute("content")
        }
    }

    /// The article objects of a JSON-LD document: at its top, in a list, or in its `@graph`.
    private static func articles(in json: Any) -> [[String: Any]] {
        if let list = json as? [Any] { return list.flatMap(articles) }
        guard let object = json as? [String: Any] else { return [] }
        var found: [[String: Any]] = []
        let types = (object["@type"] as? String).map { [$0] } ?? (object["@type"] as? [Any])?.compactMap { $0 as? String } ?? []
        if types.contains(where: PageWords.articleTypes.contains) { found.append(object) }
        if let graph = object["@graph"] { found += articles(in: graph) }
        if let main = object["mainEntity"] { found += articles(in: main) }
        return found
    }

    /// schema.org's `articleBody` as paragraphs: one a line, blank lines dropped.
    static func paragraphs(_ body: String) -> [String] {
        body.split(whereSeparator: \.isNewline).map { clean(String($0)) }.filter { !$0.isEmpty }
    }

    /// Whitespace runs made one space, the ends trimmed.
    static func clean(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
