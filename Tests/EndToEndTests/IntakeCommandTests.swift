import Foundation
import PageTestServer
import Testing

/// `source add … --fetch` and `--html-file` through the real binary, against a server of the
/// test's own on loopback.
@Suite("Articles in from a saved page or a URL, through the binary")
struct IntakeCommandTests {
    static let page = """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>Kyiv strike | Wire</title>
        <meta property="article:published_time" content="2025-06-17T09:30:00+03:00"></head>
        <body><nav><a href="/">Home</a> <a href="/recent">6/recent/ticker-posts</a></nav><main><article><h1>Kyiv strike</h1>
        <p>KYIV, June 17 (Wire) - Russia's overnight attack on Kyiv killed at least 23 people, officials said.</p>
        </article></main><footer>© 2025 Wire, 400 Main Street</footer></body></html>
        """

    @Test("fetched in script mode: the text kept, annotate proposes its figure; a 404 exits 2 naming the URL, storing nothing")
    func fetch() throws {
        let server = try PageTestServer([
            "/moved": .redirect(to: "/kyiv"), "/kyiv": .page(contentType: "text/html; charset=utf-8", body: Array(Self.page.utf8)),
        ])
        defer { server.stop() }
        let workspace = try Binary.newWorkspace()
        let added = try Binary.run(["--workspace", workspace], stdin: """
            source add wire --title "Kyiv strike" --outlet Wire --url \(server.base)/moved --fetch
            event use kyiv --title Kyiv --date 2025-06-17
            annotate wire --accept

            """)
        #expect(added.status == 0, Comment(rawValue: added.stderr))
        #expect(added.stdout.hasPrefix("source wire added: 1 paragraph from \(server.base)/moved; "
                                       + "published 2025-06-17T09:30:00+03:00, as the page says; it is the current source\n"))
        #expect(added.stdout.contains("c1: killed ≥ 23\n"), Comment(rawValue: added.stdout))
        let sources = try String(contentsOfFile: workspace + "/Sources.json", encoding: .utf8)
        #expect(sources.contains(#""text": "Kyiv strike\n\nKYIV, June 17 (Wire) - Russia's overnight attack on Kyiv killed at least 23 people, officials said.\n""#))
        #expect(!sources.contains("ticker-posts"))

        let refused = try Binary.run(["--workspace", workspace, "source", "add", "gone", "--title", "T", "--outlet", "O",
                                      "--url", server.base + "/gone", "--fetch"])
        #expect(refused.status == 2)
        #expect(refused.stderr == "crosscheck: \(server.base)/gone: the server answered 404 Not Found; nothing stored\n")
        #expect(try String(contentsOfFile: workspace + "/Sources.json", encoding: .utf8) == sources)
    }
}
