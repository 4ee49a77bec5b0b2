import CrosscheckPages
import Foundation

/// How well and how fast the article reader keeps a page's body, on the 181 real pages of
/// Zyte's article extraction benchmark (github.com/scrapinghub/article-extraction-benchmark,
/// MIT licence), scored as its `evaluate.py` scores every extractor it lists: precision and
/// recall of the body's four-word shingles against a person's reading of each page.
///
///   git clone https://github.com/scrapinghub/article-extraction-benchmark /tmp/aeb
///   ARTICLE_BENCHMARK=/tmp/aeb swift run -c release crosscheck-bench articles
///
/// `ARTICLE_WORST=1` lists the 25 pages read worst; `ARTICLE_SHOW=KEY` prints what is kept of
/// one page (its file name's first characters) beside the person's reading.
enum ArticleBenchmark {
    static func run() throws {
        guard let folder = ProcessInfo.processInfo.environment["ARTICLE_BENCHMARK"] else {
            print("articles: set ARTICLE_BENCHMARK to a clone of github.com/scrapinghub/article-extraction-benchmark")
            exit(2)
        }
        let truth = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/ground-truth.json"))) as! [String: [String: Any]]
        var pages: [(key: String, bytes: [UInt8], body: String)] = []
        for key in truth.keys.sorted() {
            pages.append((key, try gunzip(folder + "/html/\(key).html.gz"), truth[key]?["articleBody"] as? String ?? ""))
        }
        if let show = ProcessInfo.processInfo.environment["ARTICLE_SHOW"], let page = pages.first(where: { $0.key.hasPrefix(show) }) {
            do { print(try ArticleReader.read(page.bytes).text) } catch { print("error \(error)") }
            print("---- truth:\n" + page.body)
            exit(0)
        }
        var scores: [(key: String, score: Shingles.Score)] = []
        for page in pages {
            let kept = (try? ArticleReader.read(page.bytes))?.paragraphs.joined(separator: "\n") ?? ""
            scores.append((page.key, Shingles.score(truth: page.body, kept: kept)))
        }
        let precision = mean(scores.map(\.score).filter { $0.tp + $0.fp > 0 }.map(\.precision))
        let recall = mean(scores.map(\.score).filter { $0.tp + $0.fn > 0 }.map(\.recall))
        let megabytes = Double(pages.reduce(0) { $0 + $1.bytes.count }) / 1e6
        let seconds = median(repeats: 3) { for page in pages { _ = try? ArticleReader.read(page.bytes) } }
        print("articles: \(pages.count) pages, F1 \(format(2 * precision * recall / (precision + recall), decimals: 3)), "
              + "precision \(format(precision, decimals: 3)), recall \(format(recall, decimals: 3)); "
              + "\(format(megabytes / seconds, decimals: 1)) MB/s of HTML (\(format(megabytes, decimals: 1)) MB in \(format(seconds * 1000)) ms)")
        if ProcessInfo.processInfo.environment["ARTICLE_WORST"] != nil {
            for (key, score) in scores.sorted(by: { $0.score.f1 < $1.score.f1 }).prefix(25) {
                print("  \(key.prefix(8)) F1 \(format(score.f1, decimals: 2)) P \(format(score.precision, decimals: 2)) R \(format(score.recall, decimals: 2))  \(truth[key]?["url"] as? String ?? "")")
            }
        }
    }

    private static func gunzip(_ path: String) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/gzip")
        process.arguments = ["-dc", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return [UInt8](data)
    }

    private static func mean(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }
}

/// The benchmark's measure: counts of four-word shingles (words as `\w+` finds them) shared,
/// kept in excess, and missed, normalised so that a long page weighs no more than a short one.
enum Shingles {
    struct Score {
        var tp: Double, fp: Double, fn: Double
        var precision: Double { fp == 0 && fn == 0 ? 1 : (tp == 0 && fp == 0 ? 0 : tp / (tp + fp)) }
        var recall: Double { fp == 0 && fn == 0 ? 1 : (tp == 0 && fn == 0 ? 0 : tp / (tp + fn)) }
        var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    static func score(truth: String, kept: String) -> Score {
        let expected = counts(truth), found = counts(kept)
        var tp = 0.0, fp = 0.0, fn = 0.0
        for key in Set(expected.keys).union(found.keys) {
            let want = Double(expected[key] ?? 0), got = Double(found[key] ?? 0)
            tp += min(want, got); fp += max(0, got - want); fn += max(0, want - got)
        }
        let sum = tp + fp + fn
        return sum > 0 ? Score(tp: tp / sum, fp: fp / sum, fn: fn / sum) : Score(tp: 0, fp: 0, fn: 0)
    }

    private static func counts(_ text: String) -> [String: Int] {
        let words = text.split { !($0.isLetter || $0.isNumber || $0 == "_") }
        var counts: [String: Int] = [:]
        if words.isEmpty { return counts }
        for start in 0..<max(1, words.count - 3) {
            counts[words[start..<min(start + 4, words.count)].joined(separator: " "), default: 0] += 1
        }
        return counts
    }
}
