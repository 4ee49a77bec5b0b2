/// Why a page gave no article: the caller names the file or address before the message.
public enum PageError: Error, Equatable, Sendable {
    /// libxml2 could not read the bytes at all.
    case unreadable
    /// The charset the server or page declares is one libxml2 does not know.
    case charset(String)
    /// Nothing of the page reads as an article's text.
    case noText

    /// One line, after the file or address: "page.html: no article text in the page".
    public var message: String {
        switch self {
        case .unreadable: "not a web page crosscheck can read"
        case .charset(let name): "the page is in charset \"\(name)\", which crosscheck cannot read"
        case .noText: "no article text in the page"
        }
    }
}
