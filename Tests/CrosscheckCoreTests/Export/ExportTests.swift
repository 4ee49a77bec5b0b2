import CrosscheckCore
import Foundation
import Testing

/// The sample workspace with four claims settled, as the export snapshots show it.
enum ExportSample {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    /// The statuses the snapshots settle; the end-to-end test sets the same through the binary.
    static let settled: [String: ClaimStatus] = ["c1": .verified, "c14": .false, "c20": .corroborated, "c24": .disputed]
    static func context(_ registry: SourceRegistry) -> ExportContext {
        ExportContext(registry: registry, date: "2026-01-15", baseURL: "https://example.org/kyiv-report.html", author: "Example Fact Desk")
    }

    static func load() throws -> (SourceRegistry, [EventLedger]) {
        let registry = try LedgerFiles.readRegistry(String(contentsOf: root.appendingPathComponent("Sources.json"), encoding: .utf8))
        let folder = root.appendingPathComponent("Claims")
        let ledgers = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { name in
            var ledger = try LedgerFiles.readEvent(String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
            for index in ledger.claims.indices { if let status = settled[ledger.claims[index].id] { ledger.claims[index].status = status } }
            return ledger.declaringStandardMetrics()
        }
        return (registry, ledgers)
    }

    static func render(_ format: ExportFormat, _ registry: SourceRegistry, _ ledgers: [EventLedger]) -> String {
        var exporter = format.exporter()
        return exporter.render(ledgers, context: context(registry))
    }
}

@Suite("Exports: every format on the sample, byte for byte, and what each format must keep safe")
struct ExportTests {
    /// Snapshots are recorded only on purpose: CROSSCHECK_RECORD_SNAPSHOTS=1 swift test --filter ExportTests.
    @Test("each format of the sample matches its snapshot", arguments: [ExportFormat.csv, .markdown, .html, .claimreview, .json])
    func snapshot(_ format: ExportFormat) throws {
        let (registry, ledgers) = try ExportSample.load()
        let output = ExportSample.render(format, registry, ledgers)
        let file = ExportSample.snapshots.appendingPathComponent("sample.\(format.rawValue)")
        if ProcessInfo.processInfo.environment["CROSSCHECK_RECORD_SNAPSHOTS"] == "1" {
            try output.write(to: file, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(output == expected, "sample.\(format.rawValue) differs from its snapshot")
    }

    @Test("csv: one row a link, the documented columns, and cells a real CSV reader gives back")
    func csvRoundTrip() throws {
        let source = Source(id: "wire", title: "Toll \"rises\", officials say\nsecond line", outlet: "=HYPERLINK(\"http://x\",\"click\")",
                            url: "https://example.org/a,b", reliability: .b)
        let claim = Claim(id: "c1", metric: "killed", scope: "Kyiv, centre", text: "at least 23", figure: Figure(lower: 23, upper: nil, coded: 23),
                          sources: [Link(source: "wire", quote: "+23 dead, \"officially\"", attributedTo: "@ministry", credibility: .probablyTrue),
                                    Link(source: "wire", quote: "-", attributedTo: nil, credibility: nil)])
        let bare = Claim(id: "c2", metric: "killed", text: "14", figure: .exactly(14))
        var exporter = CSVExporter()
        let csv = exporter.render([EventLedger(event: Event(id: "e", title: "E"), claims: [claim, bare])],
                                  context: ExportContext(registry: SourceRegistry(sources: [source]), date: "2026-01-15"))
        let rows = try Self.pythonCSV(csv)
        #expect(rows.count == 4)
        #expect(rows[0] == CSVExporter.columns)
        let header = rows[0]
        func cell(_ row: Int, _ column: String) -> String { rows[row][header.firstIndex(of: column)!] }
        #expect(cell(1, "scope") == "Kyiv, centre" && cell(1, "upper") == "" && cell(1, "lower") == "23" && cell(1, "coded") == "23")
        #expect(cell(1, "title") == "Toll \"rises\", officials say\nsecond line")
        #expect(cell(1, "url") == "https://example.org/a,b")
        // What a spreadsheet would run as a formula starts with a quote mark instead.
        #expect(cell(1, "outlet") == "'=HYPERLINK(\"http://x\",\"click\")")
        #expect(cell(1, "quote") == "'+23 dead, \"officially\"" && cell(1, "attributedTo") == "'@ministry" && cell(1, "credibility") == "2")
        #expect(cell(2, "claim") == "c1" && cell(2, "quote") == "'-" && cell(2, "credibility") == "")
        // A claim no source carries yet still has its row.
        #expect(cell(3, "claim") == "c2" && cell(3, "source") == "" && cell(3, "upper") == "14")
        #expect(csv.hasSuffix("\r\n") && csv.components(separatedBy: "\r\n").count == 5)
    }

    @Test("claimreview: one review a settled claim, with every field aggregators require")
    func claimReview() throws {
        let (registry, ledgers) = try ExportSample.load()
        let output = ExportSample.render(.claimreview, registry, ledgers)
        let reviews = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]])
        #expect(reviews.count == 4)
        let byURL = Dictionary(uniqueKeysWithValues: reviews.map { ($0["url"] as? String ?? "", $0) })
        #expect(Set(byURL.keys) == Set(["c1", "c14", "c20", "c24"].map { "https://example.org/kyiv-report.html#claim-\($0)" }))
        for review in reviews {
            #expect(review["@context"] as? String == "https://schema.org" && review["@type"] as? String == "ClaimReview")
            #expect(review["datePublished"] as? String == "2026-01-15")
            #expect((review["author"] as? [String: Any])?["name"] as? String == "Example Fact Desk")
            #expect(review["claimReviewed"] is String)
            let item = try #require(review["itemReviewed"] as? [String: Any])
            #expect(item["@type"] as? String == "Claim" && !((item["appearance"] as? [[String: Any]]) ?? []).isEmpty)
        }
        let verified = try #require(byURL["https://example.org/kyiv-report.html#claim-c1"]?["reviewRating"] as? [String: Any])
        #expect(verified["alternateName"] as? String == "Verified" && verified["ratingValue"] as? Int == 5)
        #expect(verified["ratingExplanation"] as? String
            == "The claim: killed (Kyiv) ≥ 23. Consensus of the reports: 28, from 2 independent origins; the claim agrees with it.")
        let refuted = try #require(byURL["https://example.org/kyiv-report.html#claim-c14"]?["reviewRating"] as? [String: Any])
        #expect(refuted["alternateName"] as? String == "False" && refuted["ratingValue"] as? Int == 1)
        // Found false, c14 is set aside: it lies outside the consensus, and its conflict is settled.
        #expect(refuted["ratingExplanation"] as? String
            == "The claim: killed (Kyiv) = 27. Consensus of the reports: 28, from 2 independent origins; the claim lies outside it.")
        // The party a figure is attributed to: a person when the name starts with an office.
        let attributed = { (id: String) in ((byURL["https://example.org/kyiv-report.html#claim-\(id)"]?["itemReviewed"] as? [String: Any])?["author"] as? [String: String]) ?? [:] }
        #expect(attributed("c14") == ["@type": "Person", "name": "Mayor Klitschko"])
        #expect(attributed("c1") == ["@type": "Organization", "name": "Ukrainian officials"])
        let appearances = try #require((byURL["https://example.org/kyiv-report.html#claim-c20"]?["itemReviewed"] as? [String: Any])?["appearance"] as? [[String: Any]])
        #expect(appearances.map { ($0["publisher"] as? [String: Any])?["name"] as? String } == ["Ukrainska Pravda"])
    }

    @Test("html and markdown print everything from the ledger escaped, and link only web addresses")
    func hostileText() throws {
        let source = Source(id: "evil", title: "<script>alert(1)</script>", outlet: "A | B", url: "javascript:alert(3)", reliability: .c)
        let claim = Claim(id: "c1", metric: "killed", scope: "<b>Kyiv</b>", text: "at least 5", figure: Figure(lower: 5, upper: nil, coded: 5),
                          sources: [Link(source: "evil", quote: "<img src=x onerror=alert(2)>", attributedTo: "\"officials\" & co")])
        let ledger = EventLedger(event: Event(id: "e", title: "E <i>"), claims: [claim])
        let context = ExportContext(registry: SourceRegistry(sources: [source]), date: "2026-01-15")
        var html = HTMLExporter()
        let page = html.render([ledger], context: context)
        #expect(!page.contains("<script") && !page.contains("<img") && !page.contains("<b>Kyiv") && !page.contains("javascript:alert(3)\""))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && page.contains("&lt;img src=x onerror=alert(2)&gt;"))
        #expect(page.contains("&quot;officials&quot; &amp; co") && !page.contains("href=\"javascript"))
        var markdown = MarkdownExporter()
        let text = markdown.render([ledger], context: context)
        #expect(text.contains("| evil | A \\| B | &lt;script&gt;alert(1)&lt;/script&gt; |"))
        #expect(text.contains("&lt;img src=x onerror=alert(2)&gt;") && !text.contains("<img"))
    }

    @Test("the html chart: a bar a claim linked to its row, arrows for open ends, hatching, the band, conflicts marked")
    func chart() throws {
        let (registry, ledgers) = try ExportSample.load()
        let page = ExportSample.render(.html, registry, ledgers)
        #expect(page.components(separatedBy: "<svg class=\"chart\"").count - 1 == 10)  // one per (event, metric, scope)
        #expect(page.components(separatedBy: "<path class=\"bar").count - 1 == 24)  // one per claim
        #expect(page.components(separatedBy: "<tr id=\"claim-").count - 1 == 24)
        #expect(page.components(separatedBy: "<rect class=\"band\"").count - 1 == 10)
        // The conflict's two claims (c8, c9) outlined and marked; c14, found false, is set aside, and with
        // it the 28 → 27 conflict.
        #expect(page.components(separatedBy: "class=\"bar x\"").count - 1 == 2)
        #expect(page.components(separatedBy: "class=\"mark\"").count - 1 == 2)
        // more than 400, more than 440, over 130, at least 23, at least 30: no upper bound.
        #expect(page.components(separatedBy: "<path class=\"arrow\"").count - 1 == 5)
        // dozens of missiles, nearly 3,000, hundreds exchanged: hatched.
        #expect(page.components(separatedBy: "class=\"bar approx").count - 1 == 3)
        // The bars; the findings' claims: the conflict c8|c9, the near misses c5|c15 and c24|c23, updates c9|c10
        // and c7|c12, the unordered c7|c9; the outliers c15 and c23.
        #expect(page.components(separatedBy: "<a href=\"#claim-").count - 1 == 24 + 2 + 4 + 4 + 2 + 2)

        #expect(!page.contains("<script") && !page.contains("<link") && !page.contains("src=\""))
    }

    @Test("a chart of more than 1,000 claims draws each style's bars as one path, and folds its table")
    func denseChart() throws {
        let claims = try (0..<1_500).map { (n: Int) throws -> Claim in
            let value = Double(n)
            let figure: Figure = n % 3 == 0 ? Figure(lower: value, upper: nil, coded: value) : .exactly(value)
            return Claim(id: "c\(n)", metric: "killed", scope: "Kyiv", text: "\(n)", figure: figure,
                         asOf: try ReportedTime("2025-06-17T\(10 + n % 10):00+03:00"))
        }
        var exporter = HTMLExporter()
        let page = exporter.render([EventLedger(event: Event(id: "e", title: "E"), claims: claims)],
                                   context: ExportContext(registry: SourceRegistry(sources: []), date: "2026-01-15"))
        #expect(page.components(separatedBy: "<path class=\"bar\"").count - 1 == 1)
        #expect(page.components(separatedBy: "h10v").count - 1 == 1_500)
        #expect(page.components(separatedBy: "<path class=\"arrow\"").count - 1 == 1)
        #expect(page.components(separatedBy: "l6 10h-12Z").count - 1 == 500)
        #expect(page.contains("<details class=\"claims\"><summary>1500 claims</summary>"))
        #expect(page.components(separatedBy: "<tr id=\"claim-").count - 1 == 1_500)
    }

    /// Rows as Python's csv module reads them: a real CSV reader, not this project's.
    static func pythonCSV(_ text: String) throws -> [[String]] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-\(UUID().uuidString).csv")
        try text.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import csv, json, sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))))", file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try JSONSerialization.jsonObject(with: data) as? [[String]] ?? []
    }
}
