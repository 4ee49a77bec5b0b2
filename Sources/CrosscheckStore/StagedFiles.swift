import Foundation

/// Files written in two steps: each is staged as a temporary file beside its target, and
/// `commit` makes them durable (many at once with one `sync` instead of one `fsync` a file,
/// which is what makes rewriting ten thousand event files take seconds rather than minutes) and
/// renames each into place. A killed process leaves every target as it was or as it is meant to be;
/// what was staged and not committed is removed by `discard`.
struct StagedFiles {
    private(set) var staged: [(temporary: String, path: String, size: Int, hash: String)] = []

    static func temporaryPath(for path: String) -> String { path + ".tmp-\(getpid())" }

    /// Writes `text` to the temporary file of `path`.
    mutating func stage(_ text: String, at path: String) throws(StoreError) {
        let temporary = Self.temporaryPath(for: path)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw StoreError("\(path): cannot write: \(String(cString: strerror(errno)))") }
        staged.append((temporary, path, text.utf8.count, ContentHash.of(text)))
        let failure = AtomicFile.writeAll(text, descriptor)
        close(descriptor)
        if failure != 0 { throw StoreError("\(path): cannot write: \(String(cString: strerror(failure)))") }
    }

    /// Makes the staged files durable and renames each into place.
    mutating func commit() throws(StoreError) {
        guard !staged.isEmpty else { return }
        #if os(Linux)
        if staged.count > Self.fsyncLimit {
            sync()  // Linux's sync(2) returns once the data is on disk
        } else {
            try syncEach()  // a session's change: a file or two, not the whole disk's dirty pages
        }
        #else
        try syncEach()
        #endif
        var folders = Set<String>()
        var renamed = 0
        // What is renamed leaves the list at the end or at a failure, not one file at a time:
        // taking the first of ten thousand moves the other 9,999.
        defer { staged.removeFirst(renamed) }
        for file in staged {
            guard rename(file.temporary, file.path) == 0 else {
                throw StoreError("\(file.path): cannot write: \(String(cString: strerror(errno)))")
            }
            renamed += 1
            folders.insert((file.path as NSString).deletingLastPathComponent)
            FaultPoint.reach("rename")
        }
        for folder in folders { AtomicFile.syncFolder(folder) }
    }

    /// Up to this many files are made durable one `fsync` each; more, with one `sync`.
    static let fsyncLimit = 16

    private func syncEach() throws(StoreError) {
        for file in staged {
            let descriptor = open(file.temporary, O_RDONLY)
            guard descriptor >= 0, fsync(descriptor) == 0 else {
                let reason = String(cString: strerror(errno))
                if descriptor >= 0 { close(descriptor) }
                throw StoreError("\(file.path): cannot write: \(reason)")
            }
            close(descriptor)
        }
    }

    /// Removes what was staged and not committed.
    mutating func discard() {
        for file in staged { unlink(file.temporary) }
        staged.removeAll()
    }
}

/// Where a test may have the process killed, to prove that a kill at that point loses nothing, as
/// SQLite's own crash tests do: `CROSSCHECK_FAULT=NAME` kills the process (SIGKILL, no cleanup)
/// when it reaches the point of that name. The points of a change, in order: `stored` (the
/// database's transaction written, not committed), `committed` (committed, the files staged but
/// none renamed), `rename` (the first staged file renamed into place).
enum FaultPoint {
    private static let armed = ProcessInfo.processInfo.environment["CROSSCHECK_FAULT"]

    static func reach(_ name: String) {
        if armed == name { kill(getpid(), SIGKILL) }
    }
}
