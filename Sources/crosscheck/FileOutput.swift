#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Unbuffered writes to standard output and standard error, in the order they are made.
struct FileOutput {
    let descriptor: Int32

    static let standardOutput = FileOutput(descriptor: 1)
    static let standardError = FileOutput(descriptor: 2)

    func write(_ text: String) {
        var text = text
        text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    func write(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return failed(written < 0 ? errno : EIO) }
            offset += written
        }
    }

    /// Output that cannot be written (a full disk, a closed pipe) would be lost without a word,
    /// and the exit status would say all went well: say so on standard error and exit 2.
    private func failed(_ code: Int32) {
        guard descriptor != 2 else { return }
        let message = "crosscheck: cannot write to standard output: \(String(cString: strerror(code)))\n"
        _ = message.withCString { Glibc.write(2, $0, strlen($0)) }
        exit(2)
    }

    /// Writes the pieces `produce` gives through a 64 KB buffer: one system call a buffer, not a
    /// piece; a piece larger than the buffer goes out as it is, without a copy.
    func buffered(_ produce: ((String) -> Void) -> Void) {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 16)
        produce { piece in
            var piece = piece
            piece.withUTF8 { bytes in
                if buffer.count + bytes.count > 1 << 16, !buffer.isEmpty {
                    buffer.withUnsafeBytes { write($0) }
                    buffer.removeAll(keepingCapacity: true)
                }
                if bytes.count >= 1 << 16 { write(UnsafeRawBufferPointer(bytes)) } else { buffer.append(contentsOf: bytes) }
            }
        }
        if !buffer.isEmpty { buffer.withUnsafeBytes { write($0) } }
    }
}
