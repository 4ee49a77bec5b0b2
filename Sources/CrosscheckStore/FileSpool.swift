import CrosscheckCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A check's later lists kept in temporary files until their turn, each written through a
/// 1 MiB buffer: the memory of `check --json` stays flat however much it finds. Each file is
/// unlinked as soon as it is open, so that nothing is left behind however the process ends.
///
/// Where the file system allows, the files bypass the page cache (`O_DIRECT`): written once and
/// read once, they would otherwise grow the cache by gigabytes at ten million claims, which costs
/// the kernel more than the disk's own writes, and push out what the machine had cached.
public final class FileSpool: CheckSpool {
    private let folder: String
    private let name = "crosscheck-check-\(UUID().uuidString)"
    private let direct: Bool
    private var lists: [Int: ListFile] = [:]
    private static let bufferSize = 1 << 20
    /// The first write or read that failed (a full disk): the output is then incomplete, and the check says so.
    public private(set) var failure: StoreError?

    /// A spool in the temporary folder (`TMPDIR`); `direct: false` keeps its files in the page cache.
    public init(direct: Bool = true) {
        folder = FileManager.default.temporaryDirectory.path
        self.direct = direct && ListFile.directFlag != 0
    }

    public func append(_ list: Int, _ bytes: UnsafeRawBufferPointer) {
        guard let file = file(list) else { return }
        do { try file.append(bytes) } catch { fail(error) }
    }

    public func replay(_ list: Int, _ sink: (UnsafeRawBufferPointer) -> Void) {
        guard let file = lists[list] else { return }
        do { try file.replay(sink) } catch { fail(error) }
    }

    /// List `list`'s file, opened on its first bytes; nil when it cannot be opened.
    private func file(_ list: Int) -> ListFile? {
        if let file = lists[list] { return file }
        do {
            let file = try ListFile(path: "\(folder)/\(name)-\(list)", direct: direct, bufferSize: Self.bufferSize)
            lists[list] = file
            return file
        } catch {
            fail(error)
            return nil
        }
    }

    private func fail(_ error: SpoolFault) {
        if failure == nil { failure = StoreError("\(folder): cannot keep the check's output: \(String(cString: strerror(error.code)))") }
    }
}

/// A system call of the spool that failed, by its `errno`.
private struct SpoolFault: Error {
    let code: Int32
}

/// One list's temporary file and its buffer: each full buffer goes to the file, the last part
/// stays in memory until the list is replayed. Buffer, writes and reads are whole aligned
/// blocks, as direct input and output requires.
private final class ListFile {
    /// Linux's `O_DIRECT`, which the Glibc module does not export; 0 where it is not known.
    #if os(Linux) && (arch(x86_64) || arch(i386))
    static let directFlag: Int32 = 0o40000
    #elseif os(Linux) && (arch(arm64) || arch(arm))
    static let directFlag: Int32 = 0o200000
    #else
    static let directFlag: Int32 = 0
    #endif
    /// The alignment direct input and output asks of memory, offsets and sizes.
    private static let alignment = 4096

    private let descriptor: Int32
    private let buffer: UnsafeMutableRawBufferPointer
    private var count = 0
    private var written = 0

    /// Opens a new file at `path` and unlinks it at once: nothing is left behind by a process
    /// killed meanwhile. A file system that refuses direct input and output gets the page cache.
    init(path: String, direct: Bool, bufferSize: Int) throws(SpoolFault) {
        var descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | (direct ? Self.directFlag : 0), 0o600)
        if descriptor < 0, direct, errno == EINVAL { descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600) }
        guard descriptor >= 0 else { throw SpoolFault(code: errno) }
        unlink(path)
        self.descriptor = descriptor
        buffer = .allocate(byteCount: bufferSize, alignment: Self.alignment)
    }

    deinit {
        close(descriptor)
        buffer.deallocate()
    }

    func append(_ bytes: UnsafeRawBufferPointer) throws(SpoolFault) {
        var offset = 0
        while offset < bytes.count {
            let taken = min(bytes.count - offset, buffer.count - count)
            UnsafeMutableRawBufferPointer(rebasing: buffer[count..<(count + taken)])
                .copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + taken)]))
            (count, offset) = (count + taken, offset + taken)
            if count == buffer.count { try flush() }
        }
    }

    /// Everything appended, in order: the file a buffer at a time, then what is still in memory.
    func replay(_ sink: (UnsafeRawBufferPointer) -> Void) throws(SpoolFault) {
        if written > 0 {
            let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count, alignment: Self.alignment)
            defer { chunk.deallocate() }
            var offset = 0
            while offset < written {
                let read = try retried { pread(descriptor, chunk.baseAddress, min(chunk.count, written - offset), off_t(offset)) }
                guard read > 0 else { throw SpoolFault(code: EIO) }
                sink(UnsafeRawBufferPointer(rebasing: chunk[0..<read]))
                offset += read
            }
        }
        sink(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
    }

    /// The full buffer to the file, whole: a direct write refused by the file system is done
    /// again through the page cache.
    private func flush() throws(SpoolFault) {
        var done = 0
        while done < count {
            let result = try retried { pwrite(descriptor, buffer.baseAddress! + done, count - done, off_t(written + done)) }
            guard result > 0 else { throw SpoolFault(code: ENOSPC) }
            done += result
        }
        (written, count) = (written + count, 0)
    }

    /// A call retried when interrupted, and once without direct input and output when the file
    /// system refuses it (`EINVAL`).
    private func retried(_ call: () -> Int) throws(SpoolFault) -> Int {
        while true {
            let result = call()
            if result >= 0 { return result }
            let code = errno
            if code == EINTR { continue }
            let flags = fcntl(descriptor, F_GETFL)
            guard code == EINVAL, flags >= 0, flags & Self.directFlag != 0 else { throw SpoolFault(code: code) }
            _ = fcntl(descriptor, F_SETFL, flags & ~Self.directFlag)
        }
    }
}
