import CrosscheckCore
import CrosscheckPages
import Foundation

/// A source's text as `--text-file`, `--html-file` or `--fetch` gives it: read before the
/// change's lock is taken (a fetch may take seconds), and refused whole, so that nothing is
/// stored from a page that could not be read.
struct SourceText {
    var text: String
    /// When it was fetched, for `--fetch`.
    var fetched: ReportedTime?
    /// The publication time the page gives, proposed when `--published` is not.
    var published: ReportedTime?
    /// What was read from a page, for the command's answer: "3 paragraphs from https://…"; a
    /// text file is answered as before pages could be read.
    var origin: String?
}

extension Session {
    /// The options that give a source its text.
    static let textOptions = ["--text-file", "--html-file", "--fetch"]

    /// The text the command gives, or nil when it gives none; `url` is what `--fetch` fetches.
    func sourceText(_ command: ParsedCommand, url: String?) throws -> SourceText? {
        let given = Self.textOptions.filter { command.options[$0] != nil }
        guard given.count <= 1 else { throw SessionError("\(given.joined(separator: " and ")): give the text one way") }
        if let path = command.option("--text-file") {
            let data = try read(path)
            guard let text = String(data: data, encoding: .utf8) else { throw SessionError("\(path): not UTF-8 text") }
            return SourceText(text: text)
        }
        if let path = command.option("--html-file") {
            let bytes = [UInt8](try read(path))
            let article: Article
            do throws(PageError) { article = try ArticleReader.read(bytes) } catch { throw SessionError("\(path): \(error.message)") }
            return SourceText(article, from: path)
        }
        guard command.options["--fetch"] != nil else { return nil }
        guard let url, !url.isEmpty else { throw SessionError("--fetch: the source has no URL to fetch; give --url") }
        guard let fetcher else { throw SessionError("--fetch: this program has no HTTP client to fetch \(url) with") }
        let time = ReportedTime.now()
        let article: Article
        do throws(FetchError) { article = try fetcher.fetch(url).article() } catch { throw SessionError(error.message) }
        var text = SourceText(article, from: url)
        text.fetched = time
        return text
    }

    private func read(_ path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else { throw SessionError("\(path): cannot read") }
        return data
    }
}

extension SourceText {
    init(_ article: Article, from origin: String) {
        self.init(text: article.text, published: article.published.flatMap(ReportedTime.init(page:)),
                  origin: Figure.counted(article.paragraphs.count, "paragraph") + " from \(origin)")
    }
}

extension ReportedTime {
    /// A page's publication time, as pages write it: RFC 3339 with fractional seconds
    /// ("2019-01-03T07:00:02.000Z") read to the second; a date and time with its zone in words
    /// ("20 Nov 2019 08:02 GMT", "Wed, 20 Nov 2019 08:02:00 +0000") as that instant in UTC; a
    /// date-time without a zone ("2019-04-28 06:01:07") kept as its day, the zone being unknown.
    init?(page text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var cleaned = trimmed.replacingOccurrences(of: #"\.\d+"#, with: "", options: .regularExpression)
        if cleaned.count > 10, cleaned[cleaned.index(cleaned.startIndex, offsetBy: 10)] == " " {
            cleaned.replaceSubrange(cleaned.index(cleaned.startIndex, offsetBy: 10)...cleaned.index(cleaned.startIndex, offsetBy: 10), with: "T")
        }
        if let time = try? ReportedTime(cleaned) { self = time; return }
        if let date = Self.pageFormats.lazy.compactMap({ $0.date(from: trimmed) }).first, let time = try? ReportedTime(Self.utc(date)) {
            self = time
            return
        }
        guard let day = try? ReportedTime(String(trimmed.prefix(10))) else { return nil }
        self = day
    }

    /// The forms of a date and time with its zone that pages write besides RFC 3339.
    private static var pageFormats: [DateFormatter] {
        ["d MMM yyyy HH:mm zzz", "d MMM yyyy HH:mm:ss zzz", "EEE, d MMM yyyy HH:mm:ss Z", "EEE, d MMM yyyy HH:mm:ss zzz",
         "yyyy-MM-dd HH:mm:ss Z"].map { format in
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.dateFormat = format
            return formatter
        }
    }

    private static func utc(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// This second, in UTC: when a page was fetched.
    static func now() -> ReportedTime? {
        try? ReportedTime(utc(Date()))
    }
}
