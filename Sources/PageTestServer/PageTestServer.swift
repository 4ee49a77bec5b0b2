import NIOCore
import NIOHTTP1
import NIOPosix

/// An HTTP server of the tests' own on a free loopback port, answering each path as a table
/// says: pages, redirects, errors, a server that never answers, a body without end. Used by
/// tests alone; nothing reaches beyond 127.0.0.1.
public final class PageTestServer: Sendable {
    /// How the server answers one path.
    public enum Answer: Sendable {
        /// A whole response; `encoding` is its `Content-Encoding`, if any.
        case page(status: Int = 200, contentType: String?, encoding: String? = nil, body: [UInt8])
        /// A redirect to another path or address.
        case redirect(to: String)
        /// No answer at all: the client's time limit is what ends it.
        case silent
        /// A body streamed until the client hangs up (or 256 MB have gone).
        case endless(contentType: String)
    }

    public let port: Int
    private let channel: any Channel

    /// Starts the server; unknown paths are answered 404.
    public init(_ routes: [String: Answer]) throws {
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(Responder(routes))
                }
            }
        channel = try bootstrap.bind(host: "127.0.0.1", port: 0).wait()
        port = channel.localAddress?.port ?? 0
    }

    /// `http://127.0.0.1:PORT`.
    public var base: String { "http://127.0.0.1:\(port)" }

    public func stop() { try? channel.close().wait() }
}

/// Answers each request by the table.
private final class Responder: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let routes: [String: PageTestServer.Answer]

    init(_ routes: [String: PageTestServer.Answer]) { self.routes = routes }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(let request) = unwrapInboundIn(data) else { return }
        switch routes[request.uri] ?? .page(status: 404, contentType: "text/plain", body: Array("not found".utf8)) {
        case .page(let status, let contentType, let encoding, let body):
            var headers = HTTPHeaders([("Content-Length", "\(body.count)"), ("Connection", "close")])
            if let contentType { headers.add(name: "Content-Type", value: contentType) }
            if let encoding { headers.add(name: "Content-Encoding", value: encoding) }
            respond(context, status: status, headers: headers, body: body)
        case .redirect(let target):
            respond(context, status: 301, headers: HTTPHeaders([("Location", target), ("Content-Length", "0"), ("Connection", "close")]), body: [])
        case .silent:
            break
        case .endless(let contentType):
            let head = HTTPResponseHead(version: .http1_1, status: .ok, headers: HTTPHeaders([("Content-Type", contentType)]))
            context.write(wrapOutboundOut(.head(head)), promise: nil)
            pump(context, left: 4096)
        }
    }

    private func respond(_ context: ChannelHandlerContext, status: Int, headers: HTTPHeaders, body: [UInt8]) {
        let head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: status), headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: body)))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in context.close(promise: nil) }
    }

    /// Writes 64 KB at a time, the next once the last has gone, until the client hangs up.
    private func pump(_ context: ChannelHandlerContext, left: Int) {
        guard left > 0, context.channel.isActive else { context.close(promise: nil); return }
        let chunk = context.channel.allocator.buffer(bytes: [UInt8](repeating: UInt8(ascii: "x"), count: 65_536))
        context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(chunk)))).whenComplete { result in
            if case .success = result { self.pump(context, left: left - 1) } else { context.close(promise: nil) }
        }
    }
}
