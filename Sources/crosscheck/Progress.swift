#if canImport(Glibc)
import Glibc
#endif

/// A progress line on standard error for long work, on a terminal only: piped output stays clean.
/// It redraws at most ten times a second and clears itself when the work is done.
final class Progress {
    private let label: String
    private let enabled = isatty(STDERR_FILENO) != 0
    private var last: timespec = timespec()
    private var shown = false

    init(_ label: String) { self.label = label }

    func update(_ done: Int, _ all: Int) {
        guard enabled, all > 1 else { return }
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        guard (now.tv_sec - last.tv_sec) * 1_000 + (now.tv_nsec - last.tv_nsec) / 1_000_000 >= 100 else { return }
        last = now
        shown = true
        FileOutput.standardError.write("\r\(label) \(done) of \(all)…\u{1B}[K")
    }

    func finish() {
        if shown { FileOutput.standardError.write("\r\u{1B}[K") }
    }
}
