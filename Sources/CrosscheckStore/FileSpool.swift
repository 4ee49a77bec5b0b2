import CrosscheckCore
import Foundation

/// A check's later lists kept in temporary files until their turn, each written through a
/// 1 MB buffer: the memory of `check --json` stays flat however much it finds. The files are
/// removed when the spool goes.
public final class FileSpool: CheckSpool {
    private let folder: URL
    private var handles: [Int: FileHandle] = [:]
    private var buffers: [Int: [UInt8]] = [:]
    private static let bufferSize = 1 << 20
    /// The first write that failed (a full disk): the output is then incomplete, and the check says so.
    public private(set) var failure: StoreError?

    public init() throws(StoreError) {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-check-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw StoreError("\(folder.path): cannot make a temporary folder for the check's output: \(error.localizedDescription)")
        }
    }

    deinit {
        for handle in handles.values { try? handle.close() }
        try? FileManager.default.removeItem(at: folder)
    }

    public func append(_ list: Int, _ bytes: UnsafeRawBufferPointer) {
        // Each buffer is made once and kept: a megabyte freed and made again for every megabyte
        // written leaves glibc's heap in pieces, and the memory grows with the output.
        if buffers[list] == nil { buffers[list] = []; buffers[list]!.reserveCapacity(Self.bufferSize) }
        if buffers[list]!.count + bytes.count > Self.bufferSize { flush(list) }
        if bytes.count > Self.bufferSize { return write(list, bytes) }
        buffers[list]!.append(contentsOf: bytes)
    }

    public func replay(_ list: Int, _ sink: (UnsafeRawBufferPointer) -> Void) {
        flush(list)
        guard let handle = handles[list] else { return }
        try? handle.seek(toOffset: 0)
        while let chunk = try? handle.read(upToCount: Self.bufferSize), !chunk.isEmpty {
            chunk.withUnsafeBytes(sink)
        }
    }

    private func flush(_ list: Int) {
        guard buffers[list]?.isEmpty == false else { return }
        buffers[list]!.withUnsafeBytes { write(list, $0) }
        buffers[list]!.removeAll(keepingCapacity: true)
    }

    private func write(_ list: Int, _ bytes: UnsafeRawBufferPointer) {
        if handles[list] == nil {
            let path = folder.appendingPathComponent("list-\(list)").path
            FileManager.default.createFile(atPath: path, contents: nil)
            handles[list] = FileHandle(forUpdatingAtPath: path)
        }
        do {
            try handles[list]?.write(contentsOf: Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: bytes.baseAddress!), count: bytes.count, deallocator: .none))
        } catch {
            if failure == nil { failure = StoreError("\(folder.path): cannot keep the check's output: \(error.localizedDescription)") }
        }
    }
}
