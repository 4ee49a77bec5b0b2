import Foundation

/// The folders the tests make in the temporary folder, each removed when the test process ends,
/// so that a run of the suite leaves nothing behind. A test that takes write permission away
/// from a folder it made has it given back before the folder goes.
public enum TestFolders {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var made: [String] = []
    private static let removedAtExit: Void = { atexit { TestFolders.removeAll() } }()

    /// A new empty folder whose name starts with `prefix`.
    public static func make(_ prefix: String) throws -> String {
        _ = removedAtExit
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        lock.withLock { made.append(path) }
        return path
    }

    static func removeAll() {
        let manager = FileManager.default
        for path in lock.withLock({ made }) where manager.fileExists(atPath: path) {
            try? manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
            for case let name as String in manager.enumerator(atPath: path) ?? NSEnumerator() {
                var isFolder: ObjCBool = false
                if manager.fileExists(atPath: path + "/" + name, isDirectory: &isFolder), isFolder.boolValue {
                    try? manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path + "/" + name)
                }
            }
            try? manager.removeItem(atPath: path)
        }
    }
}
