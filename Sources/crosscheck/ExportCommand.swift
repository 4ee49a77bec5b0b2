import ArgumentParser
import CrosscheckCore
import CrosscheckStore

extension ExportFormat: ExpressibleByArgument {}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the ledger as JSON, CSV, Markdown, a self-contained HTML report, or schema.org ClaimReview.",
        discussion: "The date of an export is today (UTC), or SOURCE_DATE_EPOCH when it is set, so that exports can be reproduced."
    )

    @OptionGroup var options: WorkspaceOptions

    @Option(help: "The format: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ExportFormat

    @Option(help: "Only this event.")
    var event: String?

    @Option(help: "Write to this file (atomically) instead of standard output.")
    var out: String?

    @Option(help: "claimreview: where the HTML report is published; each review's url is this plus #claim-ID.")
    var baseURL: String = ""

    @Option(help: "claimreview: who publishes the reviews (default: CROSSCHECK_AUTHOR, else the user's name).")
    var author: String?

    func run() throws {
        let workspace = try options.open()
        let settings = ExportSettings(baseURL: baseURL, author: author)
        // On standard error, and only on a terminal: the export itself may go to standard output.
        let progress = Progress("exporting events:")
        defer { progress.finish() }
        do throws(StoreError) {
            if let out {
                try workspace.export(format, event: event, settings: settings, progress: progress.update, to: out)
            } else {
                var failure: StoreError?
                FileOutput.standardOutput.buffered { sink in
                    do throws(StoreError) {
                        try workspace.export(format, event: event, settings: settings, progress: progress.update, write: sink)
                    } catch {
                        failure = error
                    }
                }
                if let failure { throw failure }
            }
        } catch {
            throw Failure(error.message)
        }
    }
}
