import CLibXML2

/// A web page as libxml2's HTML parser reads it (tolerant as browsers are: unclosed tags,
/// stray end tags, entities, the charset the page declares), flattened in document order so
/// that an element's subtree is the run of nodes from it to `end`.
struct PageTree: Sendable {
    struct Node: Sendable {
        /// The element's name in lower case; empty for text.
        var name: String
        /// A text node's text, entities decoded.
        var text: String
        /// The attributes reading looks at (`PageWords.keptAttributes`), names in lower case.
        var attributes: [String: String]
        var parent: Int
        /// One past the subtree's last node.
        var end: Int

        var isText: Bool { name.isEmpty }
        func attribute(_ name: String) -> String? { attributes[name] }
    }

    private(set) var nodes: [Node] = []

    /// Reads `bytes` as HTML. `charset`, when the server declared one, overrides what the page
    /// says of itself; else the page's own `<meta charset>`, else UTF-8 if the bytes are UTF-8,
    /// else Windows-1252, as browsers do.
    init(_ bytes: [UInt8], charset: String? = nil) throws(PageError) {
        guard !bytes.isEmpty else { return }
        let encoding = try Self.encoding(bytes, declared: charset)
        var options = HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue
        if charset != nil { options |= HTML_PARSE_IGNORE_ENC.rawValue }
        crosscheck_xml_quiet()
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) { start in
                htmlReadMemory(start, Int32(clamping: buffer.count), nil, encoding, Int32(options))
            }
        }
        guard let document else { throw PageError.unreadable }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return }
        flatten(root)
    }

    /// The encoding libxml2 is told, or nil to let it read the page's own declaration.
    private static func encoding(_ bytes: [UInt8], declared: String?) throws(PageError) -> String? {
        if let declared {
            guard let handler = xmlFindCharEncodingHandler(declared) else { throw PageError.charset(declared) }
            xmlCharEncCloseFunc(handler)
            return declared
        }
        if declaresCharset(bytes) { return nil }
        return String(validating: bytes, as: UTF8.self) != nil ? "UTF-8" : "windows-1252"
    }

    /// Whether the page's head says its charset (`<meta charset>` or an http-equiv content type).
    private static func declaresCharset(_ bytes: [UInt8]) -> Bool {
        let head = bytes.prefix(4096).map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        let needle = Array("charset".utf8)
        guard head.count >= needle.count else { return false }
        return (0...(head.count - needle.count)).contains { start in head[start..<(start + needle.count)].elementsEqual(needle) }
    }

    /// Walks libxml2's tree without recursion: a page may nest elements thousands deep.
    private mutating func flatten(_ root: xmlNodePtr) {
        var stack: [(node: xmlNodePtr, index: Int)] = []
        var next: xmlNodePtr? = root
        var parent = -1
        while true {
            if let node = next {
                let index = nodes.count
                switch node.pointee.type {
                case XML_ELEMENT_NODE:
                    nodes.append(Node(name: Self.name(node), text: "", attributes: Self.attributes(node), parent: parent, end: index + 1))
                    if let child = node.pointee.children {
                        stack.append((node, index))
                        parent = index
                        next = child
                        continue
                    }
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = node.pointee.content {
                        nodes.append(Node(name: "", text: String(cString: content), attributes: [:], parent: parent, end: index + 1))
                    }
                default:
                    break
                }
                next = node.pointee.next
            } else {
                guard let (node, index) = stack.popLast() else { return }
                nodes[index].end = nodes.count
                parent = nodes[index].parent
                next = node.pointee.next
            }
        }
    }

    private static func name(_ node: xmlNodePtr) -> String {
        guard let name = node.pointee.name else { return "?" }
        return String(cString: name).lowercased()
    }

    private static func attributes(_ node: xmlNodePtr) -> [String: String] {
        var found: [String: String] = [:]
        var attribute = node.pointee.properties
        while let current = attribute {
            if let name = current.pointee.name {
                let key = String(cString: name).lowercased()
                if PageWords.keptAttributes.contains(key) {
                    var value = ""
                    var child = current.pointee.children
                    while let text = child {
                        if let content = text.pointee.content { value += String(cString: content) }
                        child = text.pointee.next
                    }
                    found[key] = value
                }
            }
            attribute = current.pointee.next
        }
        return found
    }

    /// The text of a subtree, as written (scripts' text included: JSON-LD is read this way).
    func text(of index: Int) -> String {
        var text = ""
        for node in nodes[index..<nodes[index].end] where node.isText { text += node.text }
        return text
    }

    /// The elements named `name`, in document order.
    func elements(_ name: String) -> [Int] {
        nodes.indices.filter { nodes[$0].name == name }
    }

    /// Whether `index` lies within the subtree of `ancestor`.
    func contains(_ ancestor: Int, _ index: Int) -> Bool {
        index >= ancestor && index < nodes[ancestor].end
    }
}
