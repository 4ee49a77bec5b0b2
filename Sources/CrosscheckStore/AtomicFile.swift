import Foundation

/// Files written whole or not at all: a temporary file beside the target, fsync, rename, and an
/// fsync of the folder, so that a killed process leaves the old file or the new one.
enum AtomicFile {
    static func writeAll(_ text: String, _ descriptor: Int32) -> Int32 {
        var text = text
        return text.withUTF8 { writeAll(UnsafeRawBufferPointer($0), descriptor) }
    }

    /// Writes every byte, retrying after a signal; the error number, or 0.
    static func writeAll(_ buffer: UnsafeRawBufferPointer, _ descriptor: Int32) -> Int32 {
        var offset = 0
        while offset < buffer.count {
            let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return 0
    }

    static func syncFolder(_ folder: String) {
        let descriptor = open(folder.isEmpty ? "." : folder, O_RDONLY)
        if descriptor >= 0 {
            fsync(descriptor)
            close(descriptor)
        }
    }

    static func write(_ text: String, to path: String) throws(StoreError) {
        let file = try Writer(path)
        file.write(text)
        try file.commit()
    }
}

extension AtomicFile {
    /// A file written a piece at a time through a 64 KB buffer, then made durable and renamed
    /// into place: an export of any size, whole or not at all.
    final class Writer {
        private let path: String
        private let temporary: String
        private let descriptor: Int32
        private var buffer: [UInt8] = []
        private var failure: Int32 = 0
        private var isOpen = true

        init(_ path: String) throws(StoreError) {
            self.path = path
            temporary = path + ".tmp-\(getpid())"
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard descriptor >= 0 else { throw StoreError("\(path): cannot write: \(String(cString: strerror(errno)))") }
            buffer.reserveCapacity(1 << 16)
        }

        func write(_ piece: String) {
            buffer.append(contentsOf: piece.utf8)
            if buffer.count >= 1 << 16 { flush() }
        }

        private func flush() {
            guard failure == 0, !buffer.isEmpty else { return }
            failure = buffer.withUnsafeBytes { AtomicFile.writeAll($0, descriptor) }
            buffer.removeAll(keepingCapacity: true)
        }

        /// Makes the file durable and puts it in place.
        func commit() throws(StoreError) {
            flush()
            if failure == 0, fsync(descriptor) != 0 { failure = errno }
            close(descriptor)
            isOpen = false
            if failure == 0, rename(temporary, path) != 0 { failure = errno }
            guard failure == 0 else {
                unlink(temporary)
                throw StoreError("\(path): cannot write: \(String(cString: strerror(failure)))")
            }
            AtomicFile.syncFolder((path as NSString).deletingLastPathComponent)
        }

        /// Leaves the file as it was.
        func abandon() {
            guard isOpen else { return }
            close(descriptor)
            isOpen = false
            unlink(temporary)
        }
    }
}

/// An exclusive lock on a file of `.crosscheck/`, held while files are rewritten, so that two
/// processes never interleave their writes.
struct FileLock {
    private let descriptor: Int32

    init(_ path: String) throws(StoreError) {
        descriptor = open(path, O_RDWR | O_CREAT, 0o644)
        guard descriptor >= 0 else {
            let hint = errno == EACCES || errno == EROFS || errno == EPERM ? "; is the workspace read-only?" : ""
            throw StoreError("\(path): cannot lock: \(String(cString: strerror(errno)))\(hint)")
        }
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
