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
        let document: CheckDocument
        do {
            let progress = Progress("checking events:")
            defer { progress.finish() }
            document = try workspace.check(event: event, format: format, progress: progress.update)
        } catch {
            throw Failure(error.message)
        }
        FileOutput.standardOutput.buffered(bytes: { document.write(bytes: $0) })
        // Out at once: letting go of hundreds of megabytes of output piece by piece only delays the exit.
        Self.exit(withError: document.counts.conflicts > 0 ? ExitCode(1) : nil)
    }
}
