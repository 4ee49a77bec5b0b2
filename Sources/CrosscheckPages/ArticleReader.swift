/// Reads the article out of a web page. The body is the element where the page's prose
/// concentrates: starting near the headline, reading goes down into the child that holds
/// most of the prose while that child holds most of it, so that a story's body, a live blog's
/// column of posts or a statement's text is found whatever the site calls it; `itemprop=
/// "articleBody"` is taken at its word. Furniture (menus, side columns, footers, share bars,
/// related links, comments) is left out by the elements, roles and class words pages use for
/// it (`PageWords`), and paragraphs that are mostly links are dropped. Where the page's
/// schema.org `articleBody` holds much more than its markup shows, that text is the body.
public enum ArticleReader {
    /// Reads a page's bytes; `charset` is what the server declared, if anything.
    public static func read(_ bytes: [UInt8], charset: String? = nil) throws(PageError) -> Article {
        let tree = try PageTree(bytes, charset: charset)
        let metadata = PageMetadata(tree)
        let page = PageBlocks(tree)
        let headline = Self.headline(page, metadata)
        let body = Self.body(page, headline: headline?.node)
        var paragraphs = page.blocks.filter { body.contains($0.node) && $0.linkDensity < 0.5 }
        paragraphs.removeAll { $0.text == headline?.text }
        var texts = paragraphs.map(\.text)
        if let schema = metadata.articleBody.map(PageMetadata.paragraphs), !schema.isEmpty,
           Double(texts.reduce(0) { $0 + $1.count }) < 0.6 * Double(schema.reduce(0) { $0 + $1.count }) {
            texts = schema
        }
        let byline = Self.byline(page, body: body, headline: headline?.node).flatMap { line in texts.contains(line) ? nil : line }
        guard !texts.isEmpty else { throw PageError.noText }
        return Article(headline: headline?.text, byline: byline, paragraphs: texts, published: metadata.published)
    }

    /// Where the body's blocks stand: the element found, and the test of a block's node.
    struct Body {
        let tree: PageTree
        let root: Int
        func contains(_ node: Int) -> Bool { tree.contains(root, node) }
    }

    private static func body(_ page: PageBlocks, headline: Int?) -> Body {
        let tree = page.tree
        var prose = [Int](repeating: 0, count: tree.nodes.count)
        for block in page.blocks where block.isProse {
            var node = block.node
            while node >= 0 { prose[node] += block.length; node = tree.nodes[node].parent }
        }
        guard !tree.nodes.isEmpty else { return Body(tree: tree, root: 0) }
        if let marked = tree.nodes.indices.first(where: { tree.nodes[$0].attribute("itemprop") == "articleBody" }),
           Double(prose[marked]) >= 0.5 * Double(prose[0]) {
            return Body(tree: tree, root: marked)
        }
        // The story is near its headline: reading starts from the headline's nearest ancestor
        // that holds a good share of the prose, not from a column of teasers beside it.
        var root = 0
        if var anchor = headline {
            while anchor > 0, Double(prose[anchor]) < Self.anchorShare * Double(prose[0]) { anchor = tree.nodes[anchor].parent }
            root = max(anchor, 0)
        }
        while true {
            var best = -1
            var child = root + 1
            while child < tree.nodes[root].end {
                if best < 0 || prose[child] > prose[best] { best = child }
                child = tree.nodes[child].end
            }
            guard best >= 0, prose[best] > 0, Double(prose[best]) >= Self.concentration * Double(prose[root]) else { break }
            root = best
        }
        return Body(tree: tree, root: root)
    }

    /// The share of the prose a child must hold for reading to go down into it.
    static let concentration = 0.6
    /// The share of the page's prose the headline's ancestor must hold to be where reading starts.
    static let anchorShare = 0.3

    /// The headline: the page's top heading that shares most words with its title (an `<h1>`,
    /// or an `<h2>` nearly the title itself, as some sites keep `<h1>` for their name), else the
    /// title the page gives in its metadata.
    private static func headline(_ page: PageBlocks, _ metadata: PageMetadata) -> (text: String, node: Int?)? {
        let title = metadata.headline ?? metadata.title
        let titleWords = words(title ?? "")
        let needed = ["h1": 0.3, "h2": 0.6]
        let headings = page.blocks.compactMap { block -> (block: PageBlocks.Block, score: Double)? in
            guard let share = needed[page.tree.nodes[block.node].name] else { return nil }
            let score = titleWords.isEmpty ? 1 : similarity(block.text, titleWords)
            return score >= share ? (block, score) : nil
        }
        // The first of the best: a page's own headline comes before its teasers'.
        if let best = headings.reduce(nil, { best, next in best.map { $0.score >= next.score ? $0 : next } ?? next }) {
            return (best.block.text, best.block.node)
        }
        return title.map { ($0, nil) }
    }

    private static func words(_ text: String) -> Set<Substring> {
        Set(text.lowercased().split { !$0.isLetter && !$0.isNumber })
    }

    /// The words two texts share, of all the words either has.
    private static func similarity(_ text: String, _ other: Set<Substring>) -> Double {
        let own = words(text)
        return own.isEmpty ? 0 : Double(own.intersection(other).count) / Double(own.union(other).count)
    }

    /// The byline and dateline: the short elements marked as one ("byline", "author",
    /// "dateline", `<time>`, `rel="author"`) around the headline and before the body's first
    /// prose, in page order, joined with " · ".
    private static func byline(_ page: PageBlocks, body: Body, headline: Int?) -> String? {
        let tree = page.tree
        guard let first = page.blocks.first(where: { $0.isProse && body.contains($0.node) })?.node else { return nil }
        // A dateline may stand just above the headline, beside it in the same element.
        var index = headline.map { max(tree.nodes[$0].parent, 0) } ?? Self.region(tree, around: body.root)
        var parts: [String] = []
        while index < first, parts.count < 3 {
            let node = tree.nodes[index]
            if page.furniture.contains(index) || index == headline { index = node.end; continue }
            if !node.isText, isByline(node) {
                let text = PageMetadata.clean(visibleText(tree, index))
                if (3...200).contains(text.count) {
                    if !parts.contains(text) { parts.append(text) }
                    index = node.end
                    continue
                }
            }
            index += 1
        }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    /// Where a byline is looked for when no headline was found: the body's article, or a few
    /// levels above the body.
    private static func region(_ tree: PageTree, around root: Int) -> Int {
        var node = root
        for _ in 0..<3 where tree.nodes[node].parent >= 0 && !["article", "main"].contains(tree.nodes[node].name) {
            node = tree.nodes[node].parent
        }
        return node
    }

    private static func isByline(_ node: PageTree.Node) -> Bool {
        if node.name == "time" || node.name == "address" { return true }
        let marks = [node.attribute("class"), node.attribute("id"), node.attribute("rel"), node.attribute("itemprop")]
            .compactMap { $0?.lowercased() }.joined(separator: " ")
        return PageWords.bylineParts.contains { marks.contains($0) }
    }

    /// A subtree's text without the text of scripts, styles and other textless elements.
    private static func visibleText(_ tree: PageTree, _ root: Int) -> String {
        var text = ""
        var index = root
        while index < tree.nodes[root].end {
            let node = tree.nodes[index]
            if PageWords.textless.contains(node.name) { index = node.end; continue }
            if node.isText { text += node.text } else if PageWords.blocks.contains(node.name) || node.name == "br" { text += " " }
            index += 1
        }
        return text
    }
}
