import CrosscheckCore
import CrosscheckStore
import Foundation

/// Every export format of the generated 1,000,000-claim ledger, and the HTML report of one event
/// of 10,000 claims: its size, and the time a real headless browser takes to open it.
enum ExportBenchmark {
    static func run() throws {
        let input = try LedgerBenchmark.generated()
        let workspace = NSTemporaryDirectory() + "cc-bench-export-\(getpid())"
        try FileManager.default.createDirectory(atPath: workspace, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: workspace) }
        let opened = try Workspace(directory: workspace)
        let total = try opened.importFiles([input + "/Sources.json", input + "/Claims"], command: "import").claims
        for exported in ExportFormat.allCases {
            var bytes = 0, pieces = 0
            let seconds = try median(repeats: 1) {
                (bytes, pieces) = (0, 0)
                try opened.export(exported, settings: ExportSettings(date: "2026-01-15")) { piece in
                    bytes += piece.utf8.count
                    pieces += 1
                }
            }
            verify(bytes > total * (exported == .claimreview ? 50 : 100), "\(exported.rawValue) export is only \(bytes) bytes")
            print("export --format \(exported.rawValue) of \(total) claims: \(format(Double(bytes) / 1e6)) MB in \(format(seconds, decimals: 2)) s "
                  + "(\(format(Double(total) / seconds)) claims/s); peak memory so far \(format(peakMemoryMB())) MB")
        }
        try largeReport()
    }

    /// One event of 10,000 claims as an HTML report: under 5 MB, opened by Chromium in under 2 s.
    static func largeReport() throws {
        let ledger = CheckBenchmark.ledger(event: 0, claims: 10_000)
        let registry = SourceRegistry(sources: (0..<1_000).map { Source(id: "s\($0)", title: "Report \($0)", outlet: "Outlet \($0 % 50)",
                                                                        published: try? ReportedTime("2025-06-17"), reliability: .b) })
        var exporter = HTMLExporter()
        var page = ""
        let seconds = median(repeats: 3) { page = exporter.render([ledger], context: ExportContext(registry: registry, date: "2026-01-15")) }
        // A chart of this many claims draws each style's bars as one path: a bar is one "h10v" in it.
        let bars = page.components(separatedBy: "h10v").count - 1
        verify(bars == 10_000, "\(bars) bars in the report")
        let path = NSTemporaryDirectory() + "cc-bench-report-\(getpid()).html"
        try page.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        print("html report of one event with 10,000 claims: \(format(Double(page.utf8.count) / 1e6, decimals: 2)) MB, rendered in "
              + "\(format(seconds * 1000)) ms")
        guard let browser = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: FileManager.default.isExecutableFile) else {
            print("no chromium: the browser's time is not measured (apt-get install chromium)")
            return
        }
        let empty = NSTemporaryDirectory() + "cc-bench-empty-\(getpid()).html"
        try "<!DOCTYPE html><title>empty</title>".write(toFile: empty, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        // The browser's own start is timed on an empty page, so that the report's share can be told apart.
        let startup = try median(repeats: 3) { _ = try open(browser, empty) }
        var dom = ""
        let opening = try median(repeats: 3) { dom = try open(browser, path) }
        let rendered = dom.components(separatedBy: "h10v").count - 1, rows = dom.components(separatedBy: "<tr id=\"claim-").count - 1
        verify(rendered == 10_000 && rows == 10_000, "the browser's DOM has \(rendered) bars and \(rows) rows")
        print("chromium --headless opens it, lays it out and dumps its DOM in \(format(opening, decimals: 2)) s "
              + "(an empty page: \(format(startup, decimals: 2)) s, median of 3)")
    }

    /// The DOM of a page after the browser has loaded it.
    static func open(_ browser: String, _ page: String) throws -> String {
        let profile = NSTemporaryDirectory() + "cc-bench-chromium-\(getpid())"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--log-level=3", "--user-data-dir=\(profile)", "--dump-dom", "file://\(page)"]
        process.environment = ProcessInfo.processInfo.environment.merging(["XDG_CONFIG_HOME": profile]) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
