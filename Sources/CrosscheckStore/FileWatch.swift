#if canImport(Glibc)
import Glibc

/// Which workspace files have changed since the last look, told by the kernel (inotify), so that
/// a command in a long session looks again only at those instead of every file of a workspace
/// that may hold ten thousand. Changes to `Sources.json` and `Claims/*.json` count, by any
/// process, this one included; when the kernel's queue overflowed or a watched folder was
/// replaced, the answer is "look at everything".
final class FileWatch {
    private let descriptor: Int32
    private let paths: WorkspacePaths
    private var rootWatch: Int32 = -1
    private var claimsWatch: Int32 = -1

    private static let events = UInt32(IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO)
        | UInt32(IN_DELETE_SELF | IN_MOVE_SELF)

    /// nil where the kernel will not watch (no inotify, too many watches): every look is then a full one.
    init?(_ paths: WorkspacePaths) {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        self.paths = paths
        rootWatch = inotify_add_watch(descriptor, paths.root, Self.events)
        guard rootWatch >= 0 else {
            close(descriptor)
            return nil
        }
        claimsWatch = inotify_add_watch(descriptor, paths.claims, Self.events)
    }

    deinit { close(descriptor) }

    /// The files changed since the last call, relative to the workspace ("Sources.json",
    /// "Claims/kyiv.json"); nil when they cannot be told apart and every file must be looked at.
    func changes() -> Set<String>? {
        var changed: Set<String> = []
        var everything = false
        let size = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: MemoryLayout<inotify_event>.alignment)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer, size)
            guard count > 0 else { break }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
                let nameStart = buffer + offset + MemoryLayout<inotify_event>.size
                let name = event.len > 0 ? String(cString: nameStart.assumingMemoryBound(to: CChar.self)) : ""
                if !note(event, name, into: &changed) { everything = true }
                offset += MemoryLayout<inotify_event>.size + Int(event.len)
            }
        }
        return everything ? nil : changed
    }

    /// Records one event; false when it means every file must be looked at.
    private func note(_ event: inotify_event, _ name: String, into changed: inout Set<String>) -> Bool {
        if event.mask & UInt32(IN_Q_OVERFLOW) != 0 { return false }
        let replaced = UInt32(IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED)
        if event.wd == claimsWatch {
            if event.mask & replaced != 0 {
                claimsWatch = -1
                return false
            }
            if name.hasSuffix(".json") { changed.insert("Claims/" + name) }
            return true
        }
        guard event.wd == rootWatch else { return true }
        if event.mask & replaced != 0 { return false }
        if name == "Sources.json" { changed.insert(name) }
        if name == "Claims" {
            // The folder of event files made, moved or replaced: watch the one there now.
            if claimsWatch >= 0 { inotify_rm_watch(descriptor, claimsWatch) }
            claimsWatch = inotify_add_watch(descriptor, paths.claims, Self.events)
            return false
        }
        return true
    }
}
#else
/// Where the kernel offers no file watch, every look is a full one.
final class FileWatch {
    init?(_ paths: WorkspacePaths) { return nil }
    func changes() -> Set<String>? { nil }
}
#endif
