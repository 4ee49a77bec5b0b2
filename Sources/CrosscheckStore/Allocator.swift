/// Settings of the C allocator for a process that builds and lets go of large buffers: set by
/// the executable at its start, never by the library.
public enum Allocator {
    /// glibc gives each large block its own mapping and hands freed memory back to the kernel at
    /// once; an export that builds an event's output, lets it go and builds the next then pays for
    /// fresh zeroed pages each time. Keeping freed memory for reuse makes the Markdown and HTML
    /// exports of a million claims about 7% faster (docs/benchmarks.md).
    public static func keepFreedMemory() {
        #if os(Linux)
        _ = mallopt(option.mmapThreshold, 512 << 20)
        _ = mallopt(option.trimThreshold, Int32.max)
        _ = mallopt(option.topPad, 64 << 20)
        #endif
    }

    // <malloc.h> is not part of Swift's Glibc module; its options are fixed by glibc's ABI.
    private enum option {
        static let trimThreshold: Int32 = -1, topPad: Int32 = -2, mmapThreshold: Int32 = -3
    }
}

#if os(Linux)
@_silgen_name("mallopt")
private func mallopt(_ option: Int32, _ value: Int32) -> Int32
#endif
