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
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }

    /// Writes the pieces `produce` gives through a 64 KB buffer: one system call a buffer, not a piece.
    func buffered(_ produce: ((String) -> Void) -> Void) {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 16)
        produce { piece in
            buffer.append(contentsOf: piece.utf8)
            if buffer.count >= 1 << 16 {
                write(String(decoding: buffer, as: UTF8.self))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if !buffer.isEmpty { write(String(decoding: buffer, as: UTF8.self)) }
    }
}
