import CrosscheckFetch
import CrosscheckPages
import Foundation
import PageTestServer
import Testing

/// Pages saved from real sites, fetched from a server of the test's own on loopback: the body a
/// person read in each is kept whole, and none of the page's furniture is.
@Suite("Saved real pages: the body kept whole, the furniture left out")
struct SavedPageTests {
    struct SavedPage: Sendable, CustomStringConvertible {
        var file: String
        var headline: String
        var byline: String?
        var published: String?
        /// Text of the page's menus, teasers, comments and footers (read from the page itself).
        var furniture: [String]
        var description: String { file }
    }

    static let pages: [SavedPage] = [
        SavedPage(
            file: "ap-wire-story", headline: "UK Tories under fire for Twitter name switch during debate",
            byline: "Nov. 20, 2019 6:02 AM EST · By DANICA KIRKA and JILL LAWLESS Associated Press", published: "2019-11-20T06:01:44-05:00",
            furniture: ["Skip to main content", "'Tarzan' actor Ron Ely's wife killed", "Iowa man finds 5 inches of animal blood",
                        "Yudichak leaves Democratic Party", "All rights reserved", "Places in this Story", "Privacy Policy"]),
        SavedPage(
            file: "ap-live-blog", headline: "The Latest: Man stabbed to death on San Francisco Bay train",
            byline: "Updated 10:01 pm PST, Tuesday, November 19, 2019", published: "2019-11-20T05:57:50Z",
            furniture: ["South Hayward Station reopens after rider killed in stabbing", "Austria: 3 arrested over video",
                        "Place an Obituary", "Sign up for SFGATE Newsletters", "Price Point: $2.3 million",
                        "Frustrated SF ice cream shop offers 1,000 cone reward", "Top 100 Restaurants"]),
        SavedPage(
            file: "aljazeera-casualty-report", headline: "US service members killed in Afghanistan helicopter crash",
            byline: "20 Nov 2019 08:00 GMT", published: "20 Nov 2019 08:02 GMT",
            furniture: ["Featured Documentaries", "Afghan woman politician sees Taliban talks", "China invites Taliban, Afghan officials",
                        "Have your say", "Cookie Policy", "Toggle navigation"]),
        SavedPage(
            file: "givewell-blog-comments", headline: "September 2018 open thread", byline: "September 10, 2018 · by Catherine",
            published: "2018-09-10T16:25:36-05:00",
            furniture: ["Any update on how the Blattman", "I skimmed your Zusha report", "Have you written anything about the trade-off",
                        "We have not prioritized further investigation", "Your Donation Can Change Someone", "Schistosomiasis Control Initiative",
                        "This search returns results", "Want to stay updated on GiveWell", "We’re offering matching funds to new donors",
                        "Catherine (GiveWell) commented on", "Creative Commons"]),
        SavedPage(
            file: "bmjv-ministry-statement", headline: "Mehr Transparenz bei Preisanpassungen", byline: nil, published: nil,
            furniture: ["Springe direkt zu", "Hauptmenü", "Meine Rechte bei Verbraucherverträgen", "Kostenfallen im Internet",
                        "Rückzahlungsanspruch aufgrund unberechtigter Preiserhöhungen",
                        "Einbeziehung Allgemeiner Geschäftsbedingungen in den Vertrag", "Sie sind hier", "Das Ministerium im Überblick",
                        "© 2019 Bundesministerium"]),
    ]

    static func saved(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Pages"))
        return [UInt8](try Data(contentsOf: url))
    }

    /// Whitespace runs as one space: the person's reading and the page space words differently.
    static func spaced(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test("each page, fetched from loopback: headline, byline, publication time, the whole body and no furniture", arguments: pages)
    func page(_ page: SavedPage) throws {
        let server = try PageTestServer(["/\(page.file)": .page(contentType: "text/html", body: try Self.saved(page.file + ".html"))])
        defer { server.stop() }
        let article = try PageFetcher().fetch(server.base + "/\(page.file)").article()
        #expect(article.headline == page.headline)
        #expect(article.byline == page.byline)
        #expect(article.published == page.published)
        let kept = Self.spaced(article.text)
        let body = String(decoding: try Self.saved(page.file + ".body.txt"), as: UTF8.self)
        for paragraph in body.components(separatedBy: "\n\n").map(Self.spaced) where !paragraph.isEmpty {
            #expect(kept.contains(paragraph), "the body's paragraph is not kept whole: \(paragraph)")
        }
        for furniture in page.furniture {
            #expect(!kept.contains(furniture), "the page's furniture is kept: \(furniture)")
        }
    }
}
