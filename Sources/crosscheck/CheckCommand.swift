import ArgumentParser
import CrosscheckCore
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

    @Flag(help: "One JSON document: conflicts, updates, unordered, nearMisses, consensus.")
    var json = false

    @Option(help: "Only this event.")
    var event: String?

    @Flag(help: "List the unordered pairs (same-day reports without a time) instead of counting them.")
    var unordered = false

    @Option(help: "δ, the tolerance of approximate figures (default 0.1).")
    var tolerance: Double = 0.1

    func validate() throws {
        guard tolerance >= 0, tolerance < 1 else { throw ValidationError("--tolerance must be at least 0 and below 1") }
    }

    func run() throws {
        let workspace = try options.open()
        let format: CheckDocument.Format
        if json {
            format = .json
        } else {
            let terminal = isatty(STDOUT_FILENO) != 0
            var size = winsize()
            let width = terminal && ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : 100
            format = .text(listUnordered: unordered, colour: terminal, width: width)
        }
        let document: CheckDocument
        do {
            let progress = Progress("checking events:")
            defer { progress.finish() }
            document = try workspace.check(event: event, tolerance: tolerance, format: format, progress: progress.update)
        } catch {
            throw Failure(error.message)
        }
        FileOutput.standardOutput.buffered(bytes: { document.write(bytes: $0) })
        // Out at once: letting go of hundreds of megabytes of output piece by piece only delays the exit.
        Self.exit(withError: document.counts.conflicts > 0 ? ExitCode(1) : nil)
    }
}
