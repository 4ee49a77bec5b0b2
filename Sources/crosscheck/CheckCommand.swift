import ArgumentParser
import CrosscheckCore
import CrosscheckSession
import CrosscheckStore
#if canImport(Glibc)
import Glibc
#endif

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find the figures that conflict across reports, the updates, the near misses and the consensus.",
        discussion: "Exit status: 0 consistent, 1 conflicts, 2 bad input or usage."
    )

    @OptionGroup var options: WorkspaceOptions

    @Flag(help: "One JSON document: conflicts, updates, unordered, nearMisses, consensus, setAside.")
    var json = false

    @Option(help: "Only this event.")
    var event: String?

    @Flag(help: "List the unordered pairs (same-day reports without a time) instead of counting them.")
    var unordered = false

    @Flag(help: "List the claims set aside (status false or retracted) instead of counting them.")
    var setAside = false

    func run() throws {
        let workspace = try options.open()
        let format: CheckDocument.Format
        if json {
            format = .json
        } else {
            let terminal = Terminal.standardOutput
            format = .text(CheckText(listUnordered: unordered, listSetAside: setAside, colour: terminal.colour, width: terminal.width ?? 100))
        }
        // Written as it is found: a JSON document's lists after the conflicts wait in temporary files.
        let output = FileOutput.Buffer(output: .standardOutput)
        let counts: CheckDocument.Counts
        do throws(StoreError) {
            let spool = FileSpool()
            let progress = Progress("checking events:")
            defer { progress.finish() }
            counts = try workspace.check(event: event, format: format, spool: spool, progress: progress.update, into: output.add)
            if let failure = spool.failure { throw failure }
        } catch {
            output.flush()
            throw Failure(error.message)
        }
        output.flush()
        Self.exit(withError: counts.conflicts > 0 ? ExitCode(1) : nil)
    }
}
