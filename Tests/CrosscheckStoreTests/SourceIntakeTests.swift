import CrosscheckCore
import CrosscheckPages
@testable import CrosscheckSession
import CrosscheckStore
import Foundation
import Testing

/// `source add|set` with `--html-file` and `--fetch`, in-process, with a fetcher that answers
/// from a table: the article's text and the fetch time kept, nothing stored from a refusal.
@Suite("Sources from a saved page or a URL")
struct SourceIntakeTests {
    /// Answers each address from a table; any other is refused as a 404 would be.
    struct TableFetcher: PageFetching {
        var pages: [String: String]
        func fetch(_ url: String) throws(FetchError) -> FetchedPage {
            guard let page = pages[url] else { throw FetchError(url, "the server answered 404 Not Found") }
            return FetchedPage(url: url, bytes: Array(page.utf8), mediaType: "text/html", charset: "utf-8")
        }
    }

    static let page = """
        <html><head><meta property="article:published_time" content="2025-06-19T08:12:45.000Z"></head><body>
        <nav>Home · World · 6/recent/ticker-posts</nav><article><h1>POW exchange</h1><p class="byline">By Staff</p>
        <p>Ukrainian officials report that the attack on Kyiv killed at least 23 people and injured over 130.</p></article></body></html>
        """
    static let text = "POW exchange\n\nBy Staff\n\nUkrainian officials report that the attack on Kyiv killed at least 23 people and injured over 130.\n"

    private func session() throws -> (Session, String) {
        let folder = try emptyWorkspace()
        let session = try Session(workspace: try Workspace(directory: folder))
        session.fetcher = TableFetcher(pages: ["https://example.org/pow": Self.page])
        return (session, folder)
    }

    private func registry(_ folder: String) throws -> SourceRegistry {
        try LedgerFiles.readRegistry(String(contentsOfFile: folder + "/Sources.json", encoding: .utf8))
    }

    @Test("--html-file keeps the article's own text and proposes the page's publication time")
    func htmlFile() throws {
        let (session, folder) = try session()
        try Self.page.write(toFile: folder + "/pow.html", atomically: true, encoding: .utf8)
        #expect(try session.run("source add pow --title POW --outlet Hot --html-file \(folder)/pow.html")
                == "source pow added: 1 paragraph from \(folder)/pow.html; published 2025-06-19T08:12:45Z, as the page says; "
                + "it is the current source\n")
        let source = try #require(try registry(folder).sources.first)
        #expect(source.text == Self.text)
        #expect(source.published?.description == "2025-06-19T08:12:45Z")
        #expect(source.fetched == nil)
    }

    @Test("--fetch keeps the text and the time it was fetched; --published given wins over the page's")
    func fetch() throws {
        let (session, folder) = try session()
        let before = Date()
        #expect(try session.run("source add pow --title POW --outlet Hot --published 2025-06-19 --url https://example.org/pow --fetch")
                == "source pow added: 1 paragraph from https://example.org/pow; it is the current source\n")
        let source = try #require(try registry(folder).sources.first)
        #expect(source.text == Self.text)
        #expect(source.published?.description == "2025-06-19")
        let fetched = try #require(source.fetched)
        #expect(fetched.earliest >= Int64(before.timeIntervalSince1970) - 1 && fetched.earliest <= Int64(Date().timeIntervalSince1970))
        let written = try String(contentsOfFile: folder + "/Sources.json", encoding: .utf8)
        #expect(written.contains("\"fetched\": \"\(fetched)\""))
    }

    @Test("a refused fetch stores nothing and makes no history entry; so does a source id already taken")
    func refused() throws {
        let (session, folder) = try session()
        _ = try session.run("source add pow --title POW --outlet Hot --url https://example.org/pow")
        let before = try String(contentsOfFile: folder + "/Sources.json", encoding: .utf8)
        #expect(throws: SessionError("https://example.org/gone: the server answered 404 Not Found; nothing stored")) {
            try session.run("source add gone --title G --outlet O --url https://example.org/gone --fetch")
        }
        #expect(throws: SessionError("pow: a source with this id exists")) {
            try session.run("source add pow --title G --outlet O --url https://example.org/pow --fetch")
        }
        #expect(try String(contentsOfFile: folder + "/Sources.json", encoding: .utf8) == before)
        #expect(try session.workspace.store.history().count == 1)
        #expect(throws: SessionError("--fetch: the source has no URL to fetch; give --url")) {
            try session.run("source add nourl --title G --outlet O --fetch")
        }
        #expect(throws: SessionError("--html-file and --fetch: give the text one way")) {
            try session.run("source add two --title G --outlet O --url https://example.org/pow --html-file a.html --fetch")
        }
        #expect(throws: SessionError("\(folder)/missing.html: cannot read")) {
            try session.run("source add missing --title G --outlet O --html-file \(folder)/missing.html")
        }
    }

    @Test("source set --fetch fetches the source's own URL again; --text-file then forgets the fetch time")
    func set() throws {
        let (session, folder) = try session()
        _ = try session.run("source add pow --title POW --outlet Hot --url https://example.org/pow")
        #expect(try session.run("source set pow --fetch")
                == "pow  -  Hot: POW (2025-06-19T08:12:45Z) <https://example.org/pow>; text: 1 paragraph from https://example.org/pow\n")
        #expect(try registry(folder).sources.first?.fetched != nil)
        try "At least 23 killed.\n".write(toFile: folder + "/a.txt", atomically: true, encoding: .utf8)
        _ = try session.run("source set pow --text-file \(folder)/a.txt")
        let source = try #require(try registry(folder).sources.first)
        #expect(source.text == "At least 23 killed.\n")
        #expect(source.fetched == nil)
    }

    @Test("a page's publication time as pages write it")
    func pageTimes() {
        #expect(ReportedTime(page: "2019-01-03T07:00:02.000Z")?.description == "2019-01-03T07:00:02Z")
        #expect(ReportedTime(page: "20 Nov 2019 08:02 GMT")?.description == "2019-11-20T08:02:00Z")
        #expect(ReportedTime(page: "Wed, 20 Nov 2019 08:02:00 +0100")?.description == "2019-11-20T07:02:00Z")
        #expect(ReportedTime(page: "2019-04-28 06:01:07")?.description == "2019-04-28")
        #expect(ReportedTime(page: "yesterday") == nil)
    }
}
