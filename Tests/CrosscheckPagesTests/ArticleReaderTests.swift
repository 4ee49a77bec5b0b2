import CrosscheckPages
import FuzzTargets
import Testing

/// The article reader on small pages, each showing one rule.
@Suite("Reading an article out of HTML")
struct ArticleReaderTests {
    private func read(_ html: String) throws -> Article { try ArticleReader.read(Array(html.utf8)) }

    @Test("entities decoded; scripts, styles, hidden and screen-reader text left out; inline markup joined")
    func text() throws {
        let article = try read("""
            <html><head><style>p{color:red}</style><script>var views = 98765;</script></head><body>
            <article><h1>Kyiv &ndash; the night&#8217;s toll</h1>
            <p>At least <b>23</b> people were killed &amp; over 130 injured&nbsp;in the capital.</p>
            <p hidden>Loaded 250 widgets</p><p style="display: none">Hidden 7</p><span class="sr-only">Share 12 times</span>
            <p aria-hidden="true">Icon 3</p><noscript>Enable 1 script</noscript></article></body></html>
            """)
        #expect(article.headline == "Kyiv – the night’s toll")
        // A no-break space is a space like any other in the kept text.
        #expect(article.paragraphs == ["At least 23 people were killed & over 130 injured in the capital."])
    }

    @Test("menus, side columns, footers, comments, related links and share bars are furniture; a list of links is dropped")
    func furniture() throws {
        let article = try read("""
            <body><header><a href="/">Daily</a> <a href="/world">World</a></header><div class="ad-slot">Win 1,000,000 today</div>
            <main><h1>Drones over Odesa</h1><div class="story-body">
            <p>Air defences shot down 32 of 46 drones overnight, the air force said on Tuesday morning.</p>
            <div class="share-tools">Share 5</div><ul><li><a href="/a">Read: 10 things to know</a></li></ul>
            <p>Two people were injured in the city, the regional governor said.</p></div>
            <aside><p>Most read: 3 killed in Kharkiv</p></aside></main>
            <section id="comments"><p>Reader: I counted 50 drones myself last night, not 46.</p></section>
            <div class="relatedPosts"><p>Earlier: 12 drones downed over Kyiv region, officials report.</p></div>
            <footer>© 2025 Daily, 400 Main Street</footer></body>
            """)
        #expect(article.text == """
            Drones over Odesa

            Air defences shot down 32 of 46 drones overnight, the air force said on Tuesday morning.

            Two people were injured in the city, the regional governor said.

            """)
    }

    @Test("the body is where the prose is, near the headline, not a column of teasers beside it")
    func teasers() throws {
        let teaser = "<div class=\"card\"><p>Another story of the day, with a summary long enough to read as prose here.</p></div>"
        let article = try read("""
            <body><div class="page"><div class="top"><h1>Toll rises to 28 in Kyiv</h1><div class="text">
            <p>The death toll from the strike on Kyiv rose to 28 on Wednesday, the city's military administration said.</p>
            <p>Rescuers were still searching the rubble of a nine-storey building, officials added.</p>
            <p>More than 130 people were injured, among them nine children, according to the city authorities.</p></div></div>
            <div class="below">\(String(repeating: teaser, count: 6))</div></div></body>
            """)
        #expect(article.paragraphs == [
            "The death toll from the strike on Kyiv rose to 28 on Wednesday, the city's military administration said.",
            "Rescuers were still searching the rubble of a nine-storey building, officials added.",
            "More than 130 people were injured, among them nine children, according to the city authorities.",
        ])
    }

    @Test("a live blog's posts are kept in order, each with its time")
    func liveBlog() throws {
        let article = try read("""
            <body><h1>Russia-Ukraine war: live</h1><div class="feed">
            <div class="post"><time>09:12</time><p>The toll in Kyiv has risen to 23, the mayor says, with 130 injured.</p></div>
            <div class="post"><time>08:40</time><p>Ukraine's air force says Russia launched more than 400 drones overnight.</p></div>
            </div></body>
            """)
        #expect(article.paragraphs == [
            "09:12", "The toll in Kyiv has risen to 23, the mayor says, with 130 injured.",
            "08:40", "Ukraine's air force says Russia launched more than 400 drones overnight.",
        ])
    }

    @Test("the byline and the publication time; JSON-LD's articleBody where the markup holds little of it")
    func metadata() throws {
        let page = try read("""
            <html><head><meta property="article:published_time" content="2025-06-17T09:30:00+03:00"><title>Strike | Wire</title></head>
            <body><h1>Strike</h1><div class="byline">By A. Reporter</div>
            <p>KYIV, June 17 (Wire) - At least 15 people were killed in a Russian attack overnight.</p></body></html>
            """)
        #expect(page.byline == "By A. Reporter")
        #expect(page.published == "2025-06-17T09:30:00+03:00")
        let schema = try read("""
            <html><head><script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "WebPage"},
            {"@type": "NewsArticle", "headline": "Strike on Kyiv", "datePublished": "2025-06-17",
             "articleBody": "At least 23 people were killed.\\nMore than 130 were injured, officials said."}]}</script></head>
            <body><div id="app">Loading…</div></body></html>
            """)
        #expect(schema.headline == "Strike on Kyiv")
        #expect(schema.published == "2025-06-17")
        #expect(schema.paragraphs == ["At least 23 people were killed.", "More than 130 were injured, officials said."])
    }

    @Test("nothing to read, an unknown charset, markup thousands deep: one error or a reading, never a crash")
    func faults() throws {
        #expect(throws: PageError.noText) { try ArticleReader.read([]) }
        #expect(throws: PageError.noText) { try read("<html><body><nav>Home</nav></body></html>") }
        #expect(throws: PageError.charset("x-nonesuch")) { try ArticleReader.read(Array("<p>a</p>".utf8), charset: "x-nonesuch") }
        // libxml2 stops at its nesting limit (256): what lies deeper is not read.
        #expect(try read(String(repeating: "<div>", count: 200) + "<p>At the bottom: 3 killed.</p>").paragraphs == ["At the bottom: 3 killed."])
        #expect(throws: PageError.noText) { try read(String(repeating: "<div>", count: 20_000) + "<p>At the bottom: 3 killed.</p>") }
        let garbage = Array("<p>\u{0}<<</p><script>".utf8)
        #expect(garbage.withUnsafeBufferPointer { FuzzTarget.html.violation($0) } == nil)
    }
}
