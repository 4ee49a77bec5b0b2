/// Settings of the C allocator for a process that builds and lets go of large buffers.
public enum Allocator {
    /// glibc gives each large block its own mapping and hands freed memory back to the kernel at
    /// once; a check or export that builds an event's output, lets it go and builds the next then
    /// pays for fresh zeroed pages each time (a tenth of a full check's time). Keeping freed memory
    /// for reuse costs nothing in peak memory, which is set by the largest moment anyway.
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
