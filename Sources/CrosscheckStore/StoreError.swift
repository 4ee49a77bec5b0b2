import CrosscheckCore

/// Why the workspace or its database refused a change; `message` is the one line a user sees.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }

    /// A ledger error in a file, named as the user named the file.
    static func file(_ path: String, _ error: LedgerError) -> StoreError {
        var located = error
        located.file = path
        return StoreError(located.message)
    }
}
