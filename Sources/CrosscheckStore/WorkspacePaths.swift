import CrosscheckCore

/// Where everything of a workspace lives, in one place: the files a person reads and keeps in git,
/// and `.crosscheck/`, the working state kept out of it.
public struct WorkspacePaths: Sendable, Hashable {
    /// The workspace's folder, standardised.
    public let root: String

    public init(root: String) { self.root = root }

    /// `Sources.json`, the source registry.
    public var sources: String { root + "/" + Self.sourcesName }
    /// `Claims/`, a file an event.
    public var claims: String { root + "/Claims" }
    /// `.crosscheck/`: the database, the lock, the session's history.
    public var hidden: String { root + "/.crosscheck" }
    /// The database, unless another is given.
    public var database: String { hidden + "/ledger.sqlite" }
    /// The lock writers take turns on.
    public var lock: String { hidden + "/lock" }
    /// The session's line history.
    public var history: String { hidden + "/history" }
    /// The `.gitignore` that keeps `.crosscheck/` out of git.
    public var gitignore: String { root + "/.gitignore" }
    /// The `.gitattributes` that sends event files through the merge driver.
    public var gitattributes: String { root + "/.gitattributes" }

    static let sourcesName = "Sources.json"

    /// The file of an event.
    public func event(_ id: String) -> String { root + "/" + LedgerFiles.eventPath(id) }

    /// A path inside the workspace as the database records it: relative to the root. Compared
    /// as bytes, as the file system does, not as characters: an import asks this of every file.
    public func relative(_ path: String) -> String {
        let (bytes, prefix) = (path.utf8, root.utf8.count)
        guard bytes.count > prefix + 1, bytes.starts(with: root.utf8),
              bytes[bytes.index(bytes.startIndex, offsetBy: prefix)] == UInt8(ascii: "/") else { return path }
        return String(Substring(bytes.dropFirst(prefix + 1)))
    }
}
