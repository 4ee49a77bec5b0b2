import CrosscheckCore
import Foundation

/// Whether a folder is a workspace, and making an empty one: a command never makes one silently.
extension Workspace {
    /// A workspace has `Sources.json`, `Claims/` or a database (at `databasePath`, or in `.crosscheck/`).
    public static func exists(at directory: String, databasePath: String? = nil) -> Bool {
        let (files, paths) = (FileManager.default, WorkspacePaths(root: directory))
        return files.fileExists(atPath: paths.sources) || files.fileExists(atPath: paths.claims)
            || files.fileExists(atPath: databasePath ?? paths.database)
    }

    /// The one line a command says where there is no workspace.
    public static func missing(_ directory: String) -> StoreError {
        StoreError("\(directory): not a crosscheck workspace (no Sources.json, Claims/ or .crosscheck/ledger.sqlite); "
                   + "crosscheck init \(directory) makes one")
    }

    /// Makes an empty workspace in `directory` (made if missing): an empty `Sources.json`,
    /// `Claims/`, the database, a `.gitignore` that keeps `.crosscheck/` out of git, and a
    /// `.gitattributes` that merges event files through `crosscheck merge-file`.
    /// Refused where a workspace is already.
    @discardableResult
    public static func create(at directory: String, databasePath: String? = nil) throws(StoreError) -> Workspace {
        guard !exists(at: directory, databasePath: databasePath) else { throw StoreError("\(directory): already a crosscheck workspace") }
        let paths = WorkspacePaths(root: directory)
        do {
            try FileManager.default.createDirectory(atPath: paths.claims, withIntermediateDirectories: true)
        } catch {
            throw StoreError("\(directory): cannot create: \(StoreError.reason(error))")
        }
        try AtomicFile.write(LedgerFiles.writeRegistry(SourceRegistry(sources: [])), to: paths.sources)
        if !FileManager.default.fileExists(atPath: paths.gitignore) {
            try AtomicFile.write(".crosscheck/\n", to: paths.gitignore)
        }
        if !FileManager.default.fileExists(atPath: paths.gitattributes) {
            try AtomicFile.write(MergeDriver.attributes, to: paths.gitattributes)
        }
        return try Workspace(directory: directory, databasePath: databasePath)
    }
}
