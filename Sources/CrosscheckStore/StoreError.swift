import CrosscheckCore
import Foundation

/// Why the workspace or its database refused a change; `message` is the one line a user sees.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }

    /// The system's words for why a file could not be read or written, without Foundation's framing.
    public static func reason(_ error: Error) -> String {
        let error = error as NSError
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if error.code == NSFileReadNoSuchFileError { return "no such file" }
        return error.localizedDescription
    }

    /// A ledger error in a file, named as the user named the file.
    static func file(_ path: String, _ error: LedgerError) -> StoreError {
        var located = error
        located.file = path
        return StoreError(located.message)
    }
}
