import ArgumentParser
import CrosscheckStore

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the ledger: every source and event in one JSON document of the files' format."
    )

    /// The export formats this version writes.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json
    }

    @OptionGroup var options: WorkspaceOptions

    @Option(help: "The format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format

    @Option(help: "Only this event.")
    var event: String?

    @Option(help: "Write to this file (atomically) instead of standard output.")
    var out: String?

    func run() throws {
        let workspace = try options.open()
        do {
            let document = try workspace.exportJSON(event: event)
            if let out {
                try workspace.writeExport(document, to: out)
            } else {
                FileOutput.standardOutput.write(document)
            }
        } catch {
            throw Failure(error.message)
        }
    }
}
