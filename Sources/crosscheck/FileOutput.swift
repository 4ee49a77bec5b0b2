#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
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
            let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
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
        _ = message.withCString { systemWrite(2, $0, strlen($0)) }
        exit(2)
    }

    /// Writes the pieces `produce` gives through a 64 KB buffer: one system call a buffer, not a
    /// piece; a piece larger than the buffer goes out as it is, without a copy.
    func buffered(_ produce: ((String) -> Void) -> Void) {
        let buffer = Buffer(output: self)
        produce { piece in
            var piece = piece
            piece.withUTF8 { buffer.add(UnsafeRawBufferPointer($0)) }
        }
        buffer.flush()
    }

    /// The same for pieces that are bytes already.
    func buffered(bytes produce: ((UnsafeRawBufferPointer) -> Void) -> Void) {
        let buffer = Buffer(output: self)
        produce { buffer.add($0) }
        buffer.flush()
    }

    /// The 64 KB buffer, for pieces that come from anywhere (one caller at a time).
    final class Buffer {
        let output: FileOutput
        var bytes: [UInt8] = []

        init(output: FileOutput) {
            self.output = output
            bytes.reserveCapacity(1 << 16)
        }

        func add(_ piece: UnsafeRawBufferPointer) {
            if bytes.count + piece.count > 1 << 16 { flush() }
            if piece.count >= 1 << 16 { output.write(piece) } else { bytes.append(contentsOf: piece) }
        }

        func flush() {
            guard !bytes.isEmpty else { return }
            bytes.withUnsafeBytes { output.write($0) }
            bytes.removeAll(keepingCapacity: true)
        }
    }
}
