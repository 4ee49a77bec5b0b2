import Foundation

/// The page's text as paragraphs ("blocks"), each with the element it stands in, how much of
/// it is link text, and whether it is a heading; the page's furniture left out.
struct PageBlocks {
    struct Block {
        var text: String
        /// The innermost block element holding the text.
        var node: Int
        /// Characters of the text that are inside links.
        var linkLength: Int
        var length: Int
        var heading: Bool

        var linkDensity: Double { length == 0 ? 0 : Double(linkLength) / Double(length) }
        /// A paragraph of prose: long enough, and not mostly links.
        var isProse: Bool { !heading && length >= 25 && linkDensity < 0.33 }
    }

    let tree: PageTree
    /// Nodes whose subtree is furniture (their own index marks the whole subtree).
    private(set) var furniture: Set<Int> = []
    private(set) var blocks: [Block] = []

    init(_ tree: PageTree) {
        self.tree = tree
        let shielded = shieldedNodes()
        for index in tree.nodes.indices where isFurniture(index) && !shielded.contains(index) { furniture.insert(index) }
        collect()
    }

    /// Elements that hold the article's own markers (`<article>`, `<main>`, the headline,
    /// `itemprop="articleBody"`): a class word never makes them furniture, since a site's
    /// layout classes ("sidebar-layout", "has-header") may name the wrapper of the story.
    private func shieldedNodes() -> Set<Int> {
        var shielded = Set<Int>()
        for (index, node) in tree.nodes.enumerated()
        where ["article", "main", "h1"].contains(node.name) || node.attribute("itemprop") == "articleBody" {
            var ancestor = index
            while ancestor >= 0, shielded.insert(ancestor).inserted { ancestor = tree.nodes[ancestor].parent }
        }
        return shielded
    }

    private func isFurniture(_ index: Int) -> Bool {
        let node = tree.nodes[index]
        // The page itself: sites put their whole layout's words on these.
        guard !node.isText, node.name != "html", node.name != "body" else { return false }
        if PageWords.textless.contains(node.name) || PageWords.furniture.contains(node.name) { return true }
        if node.attribute("hidden") != nil || node.attribute("aria-hidden") == "true" { return true }
        if let style = node.attribute("style")?.lowercased().filter({ $0 != " " }),
           style.contains("display:none") || style.contains("visibility:hidden") { return true }
        if let role = node.attribute("role"), PageWords.furnitureRoles.contains(role.lowercased()) { return true }
        // A page's header (logo, menus) is furniture; an article's header holds its headline.
        if node.name == "header" { return true }
        let words = Self.words(of: (node.attribute("class") ?? "") + " " + (node.attribute("id") ?? ""))
        guard !words.isEmpty else { return false }
        if words.contains(where: { word in PageWords.furnitureStems.contains { word.hasPrefix($0) } }) { return true }
        if zip(words, words.dropFirst()).contains(where: { PageWords.furniturePairs.contains($0 + " " + $1) }) { return true }
        return words.contains(where: PageWords.layoutWords.contains)
            && !words.contains { word in PageWords.storyStems.contains { word.hasPrefix($0) } }
    }

    /// The words of a class or id list, in lower case: split at anything not a letter or digit,
    /// and where a lower-case letter meets a capital.
    static func words(of marks: String) -> [String] {
        var words: [String] = []
        var word = ""
        var lastLower = false
        for character in marks {
            let isWordCharacter = character.isLetter || character.isNumber
            if !isWordCharacter || (lastLower && character.isUppercase) {
                if !word.isEmpty { words.append(word); word = "" }
            }
            if isWordCharacter { word += character.lowercased() }
            lastLower = character.isLowercase
        }
        if !word.isEmpty { words.append(word) }
        return words
    }

    /// Walks the page once, cutting its text into blocks and skipping the furniture's subtrees.
    private mutating func collect() {
        var current = Block(text: "", node: 0, linkLength: 0, length: 0, heading: false)
        var open: [(end: Int, block: Int, isLink: Bool)] = []  // elements being walked
        var index = 0
        var links = 0  // how many of the open elements are links
        let nodes = tree.nodes
        func innermostBlock() -> Int { open.last { $0.block >= 0 }?.block ?? 0 }
        func flush() {
            let text = current.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if !text.isEmpty {
                let heading = PageWords.headings.contains(nodes[current.node].name)
                let linkShare = current.length == 0 ? 0 : Double(current.linkLength) / Double(current.length)
                let length = text.count
                blocks.append(Block(text: text, node: current.node, linkLength: Int((linkShare * Double(length)).rounded()),
                                    length: length, heading: heading))
            }
            current = Block(text: "", node: innermostBlock(), linkLength: 0, length: 0, heading: false)
        }
        while index < nodes.count {
            while let last = open.last, index >= last.end {
                open.removeLast()
                if last.isLink { links -= 1 }
                if last.block >= 0 { flush() }
            }
            let node = nodes[index]
            if node.isText {
                let length = node.text.unicodeScalars.count
                current.text += node.text
                current.length += length
                if links > 0 { current.linkLength += length }
                index += 1
                continue
            }
            if furniture.contains(index) { index = node.end; continue }
            let isBlock = PageWords.blocks.contains(node.name)
            if isBlock || node.name == "br" { flush() }
            if PageWords.cells.contains(node.name) { current.text += " " }
            open.append((node.end, isBlock ? index : -1, node.name == "a"))
            if node.name == "a" { links += 1 }
            if isBlock { current.node = index }
            index += 1
        }
        while let last = open.popLast() { if last.block >= 0 { flush() } }
        flush()
    }
}
