import CrosscheckFetch
import CrosscheckPages
import Foundation
import PageTestServer
import Testing

/// `--fetch` against a server of the test's own on loopback: what is kept, and every refusal,
/// each one line naming the address and what came back.
@Suite("Fetching a page: redirects, limits, charsets and refusals")
struct FetchTests {
    static let story = Array("""
        <html><head><title>Strike on Kyiv</title></head><body><nav><a href="/">Home</a></nav>
        <article><h1>Strike on Kyiv</h1><p>At least 23 people were killed and more than 130 injured, officials said.</p></article>
        </body></html>
        """.utf8)

    private func refusal(_ routes: [String: PageTestServer.Answer], _ path: String, fetcher: PageFetcher = PageFetcher())
        throws -> (message: String?, base: String) {
        let server = try PageTestServer(routes)
        defer { server.stop() }
        do {
            _ = try fetcher.fetch(server.base + path).article()
            return (nil, server.base)
        } catch {
            return (error.message, server.base)
        }
    }

    @Test("a redirect is followed, and the page it leads to is read")
    func redirect() throws {
        let server = try PageTestServer(["/moved": .redirect(to: "/story"), "/story": .page(contentType: "text/html", body: Self.story)])
        defer { server.stop() }
        let article = try PageFetcher().fetch(server.base + "/moved").article()
        #expect(article.text == "Strike on Kyiv\n\nAt least 23 people were killed and more than 130 injured, officials said.\n")
    }

    @Test("a page sent compressed with gzip is read")
    func compressed() throws {
        // gzip of: <html><body><article><h1>Strike</h1><p>At least 23 people were killed in the capital overnight,
        // officials said.</p></article></body></html>
        let gzipped: [UInt8] = [
            0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0x3D, 0xCE, 0x41, 0x0A, 0x02, 0x31, 0x0C, 0x46, 0xE1, 0xAB,
            0xFC, 0x07, 0x10, 0x8B, 0xBA, 0x0D, 0x01, 0xCF, 0xE0, 0x09, 0x62, 0x9B, 0xB1, 0x61, 0xE2, 0xB4, 0xB4, 0x41, 0xF1, 0xF6,
            0x8A, 0x82, 0xBB, 0xB7, 0xFB, 0x1E, 0xD5, 0xB8, 0x3B, 0xD3, 0xB5, 0x95, 0x17, 0x93, 0x8C, 0xB0, 0xEC, 0xCA, 0x54, 0x0F,
            0x7C, 0x89, 0x61, 0xAB, 0x52, 0xFA, 0x24, 0x75, 0x3E, 0x07, 0x5C, 0x65, 0x06, 0x8E, 0x27, 0x74, 0x6D, 0xDD, 0x15, 0x4F,
            0x1D, 0x8A, 0xD5, 0xDC, 0xB5, 0xC0, 0x36, 0x44, 0x55, 0x64, 0xE9, 0x16, 0xE2, 0x68, 0x0F, 0x1D, 0x9B, 0xDD, 0x6A, 0xEC,
            0xD0, 0x96, 0xC5, 0xB2, 0x89, 0x4F, 0x4C, 0xB1, 0xB2, 0xA7, 0xD4, 0x99, 0xD2, 0xDF, 0x49, 0x3F, 0x37, 0x7D, 0x27, 0xDE,
            0x9A, 0x50, 0x83, 0x34, 0x8B, 0x00, 0x00, 0x00,
        ]
        let server = try PageTestServer(["/z": .page(contentType: "text/html", encoding: "gzip", body: gzipped)])
        defer { server.stop() }
        #expect(try PageFetcher().fetch(server.base + "/z").article().text
                == "Strike\n\nAt least 23 people were killed in the capital overnight, officials said.\n")
    }

    @Test("an image, a 404, a 500, no content type: refused by their answer")
    func answers() throws {
        let routes: [String: PageTestServer.Answer] = [
            "/photo.png": .page(contentType: "image/png", body: [0x89, 0x50, 0x4E, 0x47]),
            "/error": .page(status: 500, contentType: "text/html", body: Array("<p>oops</p>".utf8)),
            "/bare": .page(contentType: nil, body: Self.story),
        ]
        var (message, base) = try refusal(routes, "/photo.png")
        #expect(message == "\(base)/photo.png: not a web page or text (image/png); nothing stored")
        (message, base) = try refusal(routes, "/nothing.html")
        #expect(message == "\(base)/nothing.html: the server answered 404 Not Found; nothing stored")
        (message, base) = try refusal(routes, "/error")
        #expect(message == "\(base)/error: the server answered 500 Internal Server Error; nothing stored")
        (message, base) = try refusal(routes, "/bare")
        #expect(message == "\(base)/bare: not a web page or text (no content type); nothing stored")
    }

    @Test("a page over the size limit, told by its length, as it streams, or as it expands; a server that never answers")
    func limits() throws {
        let small = PageFetcher(sizeLimit: 1 << 20, timeLimit: 1)
        let big = [UInt8](repeating: UInt8(ascii: "x"), count: (1 << 20) + 1)
        var (message, base) = try refusal(["/huge": .endless(contentType: "text/html")], "/huge", fetcher: small)
        #expect(message == "\(base)/huge: the page is over the size limit of 1 MB; nothing stored")
        (message, base) = try refusal(["/long": .page(contentType: "text/html", body: big)], "/long", fetcher: small)
        #expect(message == "\(base)/long: the page is over the size limit of 1 MB; nothing stored")
        let bomb = try SavedPageTests.saved("expands-past-1-MB.html.gz")
        (message, base) = try refusal(["/bomb": .page(contentType: "text/html", encoding: "gzip", body: bomb)], "/bomb", fetcher: small)
        #expect(message == "\(base)/bomb: the page is over the size limit of 1 MB; nothing stored")
        (message, base) = try refusal(["/silent": .silent], "/silent", fetcher: small)
        #expect(message == "\(base)/silent: no complete answer within 1 s; nothing stored")
    }

    @Test("redirects in a circle, and more redirects than the limit")
    func redirects() throws {
        var (message, base) = try refusal(["/a": .redirect(to: "/b"), "/b": .redirect(to: "/a")], "/a")
        #expect(message == "\(base)/a: the redirects go round in a circle; nothing stored")
        let chain = Dictionary(uniqueKeysWithValues: (0..<12).map { ("/r\($0)", PageTestServer.Answer.redirect(to: "/r\($0 + 1)")) })
        (message, base) = try refusal(chain, "/r0", fetcher: PageFetcher(redirectLimit: 10))
        #expect(message == "\(base)/r0: more than 10 redirects; nothing stored")
    }

    @Test("an address that is not http(s), and a port nothing listens on")
    func unreachable() throws {
        #expect(throws: FetchError("ftp://example.org/a", "not an http or https address")) { try PageFetcher().fetch("ftp://example.org/a") }
        let server = try PageTestServer([:])
        let address = server.base + "/story"
        server.stop()
        #expect(throws: FetchError(address, "cannot reach the server: Connection refused")) { try PageFetcher().fetch(address) }
    }

    @Test("a page whose text is all furniture is refused")
    func noText() throws {
        let page = Array("<html><body><nav><a href='/'>Home</a></nav><footer>© 2025</footer></body></html>".utf8)
        let (message, base) = try refusal(["/empty": .page(contentType: "text/html", body: page)], "/empty")
        #expect(message == "\(base)/empty: no article text in the page; nothing stored")
    }

    @Test("the charset: the server's, else the page's own, else UTF-8 when the bytes are, else Windows-1252")
    func charsets() throws {
        let cyrillic = "<html><body><p>Загинули щонайменше 23 людини, понад 130 поранені.</p></body></html>"
        let meta = "<html><head><meta charset=\"windows-1251\"></head><body><p>Загинули щонайменше 23 людини.</p></body></html>"
        let server = try PageTestServer([
            "/header": .page(contentType: "text/html; charset=windows-1251", body: [UInt8](cyrillic.data(using: .windowsCP1251)!)),
            "/meta": .page(contentType: "text/html", body: [UInt8](meta.data(using: .windowsCP1251)!)),
            "/utf8": .page(contentType: "text/html", body: Array(cyrillic.utf8)),
            "/latin": .page(contentType: "text/html", body: [UInt8]("<p>Caf\u{E9} owner: 5 killed</p>".data(using: .isoLatin1)!)),
            "/plain": .page(contentType: "text/plain; charset=utf-8", body: Array("KYIV — 23 killed.\n\nMore than 130 injured.\n".utf8)),
            "/unknown": .page(contentType: "text/html; charset=x-nonesuch", body: Array(cyrillic.utf8)),
        ])
        defer { server.stop() }
        let fetcher = PageFetcher()
        #expect(try fetcher.fetch(server.base + "/header").article().paragraphs == ["Загинули щонайменше 23 людини, понад 130 поранені."])
        #expect(try fetcher.fetch(server.base + "/meta").article().paragraphs == ["Загинули щонайменше 23 людини."])
        #expect(try fetcher.fetch(server.base + "/utf8").article().paragraphs == ["Загинули щонайменше 23 людини, понад 130 поранені."])
        #expect(try fetcher.fetch(server.base + "/latin").article().paragraphs == ["Café owner: 5 killed"])
        #expect(try fetcher.fetch(server.base + "/plain").article().paragraphs == ["KYIV — 23 killed.", "More than 130 injured."])
        #expect(throws: FetchError(server.base + "/unknown", "the page is in charset \"x-nonesuch\", which crosscheck cannot read")) {
            try fetcher.fetch(server.base + "/unknown").article()
        }
    }
}
