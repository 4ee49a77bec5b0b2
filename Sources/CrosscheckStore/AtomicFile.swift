import Foundation

/// Files written whole or not at all: a temporary file beside the target, fsync, rename, and an
/// fsync of the folder, so that a killed process leaves the old file or the new one.
enum AtomicFile {
    /// Writes several files, each atomically: every temporary file is written, then all are made
    /// durable at once (one `sync` instead of one `fsync` a file, which is what makes rewriting
    /// ten thousand event files take seconds rather than minutes), then each is renamed into place.
    static func write(_ files: [(text: String, path: String)]) throws(StoreError) {
        guard files.count > 1 else {
            for file in files { try write(file.text, to: file.path) }
            return
        }
        var temporaries: [(String, String)] = []
        defer { for (temporary, _) in temporaries { unlink(temporary) } }
        for (text, path) in files {
            let temporary = path + ".tmp-\(getpid())"
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard descriptor >= 0 else { throw StoreError("\(path): cannot write: \(String(cString: strerror(errno)))") }
            temporaries.append((temporary, path))
            let failure = writeAll(text, descriptor)
            close(descriptor)
            if failure != 0 { throw StoreError("\(path): cannot write: \(String(cString: strerror(failure)))") }
        }
        #if os(Linux)
        sync()  // Linux's sync(2) returns once the data is on disk
        #else
        for (temporary, _) in temporaries {
            let descriptor = open(temporary, O_RDONLY)
            if descriptor >= 0 { fsync(descriptor); close(descriptor) }
        }
        #endif
        var folders = Set<String>()
        for (temporary, path) in temporaries {
            guard rename(temporary, path) == 0 else { throw StoreError("\(path): cannot write: \(String(cString: strerror(errno)))") }
            folders.insert((path as NSString).deletingLastPathComponent)
        }
        temporaries.removeAll()
        for folder in folders { syncFolder(folder) }
    }

    private static func writeAll(_ text: String, _ descriptor: Int32) -> Int32 {
        var failure: Int32 = 0
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        return failure
    }

    private static func syncFolder(_ folder: String) {
        let descriptor = open(folder.isEmpty ? "." : folder, O_RDONLY)
        if descriptor >= 0 {
            fsync(descriptor)
            close(descriptor)
        }
    }

    static func write(_ text: String, to path: String) throws(StoreError) {
        let temporary = path + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw StoreError("\(path): cannot write: \(String(cString: strerror(errno)))") }
        var failure = writeAll(text, descriptor)
        if failure == 0, fsync(descriptor) != 0 { failure = errno }
        close(descriptor)
        if failure == 0, rename(temporary, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw StoreError("\(path): cannot write: \(String(cString: strerror(failure)))")
        }
        syncFolder((path as NSString).deletingLastPathComponent)
    }
}

/// An exclusive lock on a file of `.crosscheck/`, held while files are rewritten, so that two
/// processes never interleave their writes.
struct FileLock {
    private let descriptor: Int32

    init(_ path: String) throws(StoreError) {
        descriptor = open(path, O_RDWR | O_CREAT, 0o644)
        guard descriptor >= 0 else { throw StoreError("\(path): cannot lock: \(String(cString: strerror(errno)))") }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw StoreError("\(path): cannot lock: \(reason)")
            }
        }
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
