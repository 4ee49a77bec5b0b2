import Foundation

/// What fetches a page over HTTP(S) for `source add … --fetch`: the executable gives the real
/// client (`CrosscheckFetch`), so that the session itself builds no network stack.
public protocol PageFetching: Sendable {
    /// The page at `url`, or a refusal naming the address and what came back.
    func fetch(_ url: String) throws(FetchError) -> FetchedPage
}

/// A page as a server gave it: the body, and what the server said it is.
public struct FetchedPage: Sendable, Equatable {
    /// The address asked for.
    public var url: String
    public var bytes: [UInt8]
    /// The media type without its parameters, in lower case ("text/html").
    public var mediaType: String
    /// The charset the server declared, if any.
    public var charset: String?

    public init(url: String, bytes: [UInt8], mediaType: String, charset: String?) {
        (self.url, self.bytes, self.mediaType, self.charset) = (url, bytes, mediaType, charset)
    }

    /// The media types read as a web page; `text/plain` is kept as it is.
    public static let pageTypes: Set<String> = ["text/html", "application/xhtml+xml"]
    public static let textTypes: Set<String> = ["text/plain"]

    /// The article's text: a web page read by `ArticleReader`, plain text as it came.
    public func article() throws(FetchError) -> Article {
        if Self.textTypes.contains(mediaType) {
            guard let text = PlainText.decode(bytes, charset: charset) else {
                throw FetchError(url, "the text is not in a charset crosscheck reads (\(charset ?? "undeclared"))")
            }
            let paragraphs = text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            guard !paragraphs.isEmpty else { throw FetchError(url, "the page is empty") }
            return Article(headline: nil, byline: nil, paragraphs: paragraphs, published: nil)
        }
        do { return try ArticleReader.read(bytes, charset: charset) } catch { throw FetchError(url, error.message) }
    }
}

/// Why a page was not fetched, as one line naming the address.
public struct FetchError: Error, Equatable, Sendable {
    public let message: String

    public init(_ url: String, _ problem: String) { message = "\(url): \(problem); nothing stored" }
}
