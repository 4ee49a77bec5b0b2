import AsyncHTTPClient
import CrosscheckPages
import Foundation
import NIOCore
import NIOHTTP1
import NIOHTTPCompression
import NIOPosix

/// Fetches pages with AsyncHTTPClient: HTTPS with the system's trust roots, redirects up to a
/// limit, one time limit for the whole fetch, and a size limit checked as the body arrives, so
/// that a page too large, of the wrong kind or answered with an error is refused before it is
/// read whole.
public struct PageFetcher: PageFetching {
    /// The largest body kept: far above any article page, far below a video.
    public var sizeLimit: Int
    /// The whole fetch, redirects included, in seconds.
    public var timeLimit: Int64
    public var redirectLimit: Int

    public init(sizeLimit: Int = 20 << 20, timeLimit: Int64 = 30, redirectLimit: Int = 10) {
        (self.sizeLimit, self.timeLimit, self.redirectLimit) = (sizeLimit, timeLimit, redirectLimit)
    }

    public func fetch(_ url: String) throws(FetchError) -> FetchedPage {
        guard let address = URL(string: url), let scheme = address.scheme?.lowercased(), ["http", "https"].contains(scheme),
              address.host?.isEmpty == false else {
            throw FetchError(url, "not an http or https address")
        }
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .follow(max: redirectLimit, allowCycles: false),
            timeout: .init(connect: .seconds(min(timeLimit, 10)), read: .seconds(timeLimit)))
        configuration.decompression = .enabled(limit: .size(sizeLimit))
        // A refused connection is an answer: said at once, not retried until the time limit.
        configuration.connectionPool.retryConnectionEstablishment = false
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        defer { try? client.syncShutdown() }
        let delegate = PageDelegate(url: url, sizeLimit: sizeLimit)
        do {
            var request = try HTTPClient.Request(url: url)
            request.headers.add(name: "User-Agent", value: "crosscheck (fact-claim verification)")
            request.headers.add(name: "Accept", value: "text/html,application/xhtml+xml,text/plain;q=0.9")
            request.headers.add(name: "Accept-Encoding", value: "gzip, deflate")
            return try client.execute(request: request, delegate: delegate, deadline: .now() + .seconds(timeLimit)).wait()
        } catch let error as FetchError {
            throw error
        } catch {
            throw FetchError(url, describe(error))
        }
    }

    /// What went wrong on the way, in the user's words.
    private func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError {
            switch error {
            case .readTimeout, .deadlineExceeded, .connectTimeout, .tlsHandshakeTimeout:
                return "no complete answer within \(timeLimit) s"
            case .redirectLimitReached: return "more than \(redirectLimit) redirects"
            case .redirectCycleDetected: return "the redirects go round in a circle"
            case .remoteConnectionClosed: return "the server closed the connection before the page was complete"
            case .invalidURL, .emptyHost, .emptyScheme: return "not an http or https address"
            default: break
            }
        }
        if error is ResponseTooBig || error is NIOHTTPDecompression.DecompressionError {
            return "the page is over the size limit of \(sizeLimit >> 20) MB"
        }
        return "cannot reach the server: \(Self.reason(error))"
    }

    /// The reason of a connection failure in the system's words ("Connection refused"), not
    /// the library's type names.
    private static func reason(_ error: any Error) -> String {
        if let error = error as? NIOConnectionError {
            if let failure = error.connectionErrors.first { return reason(failure.error) }
            return "no such host \(error.host)"
        }
        if let error = error as? SocketAddressError.UnknownHost { return "no such host \(error.host)" }
        if let error = error as? IOError { return String(cString: strerror(error.errnoCode)) }
        return "\(error)"
    }
}

/// A page's body over the size limit.
struct ResponseTooBig: Error {}

/// Receives one response: refuses a status that is not success and a body that is not a page
/// or text as soon as the head arrives, and a body over the limit as soon as it passes it.
final class PageDelegate: HTTPClientResponseDelegate, @unchecked Sendable {
    typealias Response = FetchedPage
    // Touched only on the request's event loop, one call after another.
    private let url: String
    private let sizeLimit: Int
    private var mediaType = ""
    private var charset: String?
    private var body: [UInt8] = []

    init(url: String, sizeLimit: Int) { (self.url, self.sizeLimit) = (url, sizeLimit) }

    func didReceiveHead(task: HTTPClient.Task<FetchedPage>, _ head: HTTPResponseHead) -> EventLoopFuture<Void> {
        let eventLoop = task.eventLoop
        guard (200..<300).contains(head.status.code) else {
            return eventLoop.makeFailedFuture(FetchError(url, "the server answered \(head.status.code) \(head.status.reasonPhrase)"))
        }
        let contentType = head.headers.first(name: "Content-Type") ?? ""
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        mediaType = parts.first?.lowercased() ?? ""
        charset = parts.dropFirst().first { $0.lowercased().hasPrefix("charset=") }
            .map { String($0.dropFirst("charset=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\"' ")) }
        guard FetchedPage.pageTypes.contains(mediaType) || FetchedPage.textTypes.contains(mediaType) else {
            let kind = mediaType.isEmpty ? "no content type" : mediaType
            return eventLoop.makeFailedFuture(FetchError(url, "not a web page or text (\(kind))"))
        }
        if let length = head.headers.first(name: "Content-Length").flatMap(Int.init), length > sizeLimit {
            return eventLoop.makeFailedFuture(ResponseTooBig())
        }
        return eventLoop.makeSucceededVoidFuture()
    }

    func didReceiveBodyPart(task: HTTPClient.Task<FetchedPage>, _ buffer: ByteBuffer) -> EventLoopFuture<Void> {
        guard body.count + buffer.readableBytes <= sizeLimit else { return task.eventLoop.makeFailedFuture(ResponseTooBig()) }
        body += buffer.readableBytesView
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didFinishRequest(task: HTTPClient.Task<FetchedPage>) throws -> FetchedPage {
        FetchedPage(url: url, bytes: body, mediaType: mediaType, charset: charset)
    }
}
