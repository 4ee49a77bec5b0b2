import ArgumentParser
import Foundation

/// An error a command reports as one line on standard error, with exit status 2.
struct Failure: Error, CustomStringConvertible {
    let description: String

    init(_ message: String) { description = message }

    /// The system's words for why a file could not be read, without Foundation's framing.
    static func reason(_ error: Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let underlying, underlying.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue))
        }
        if (error as NSError).code == NSFileReadNoSuchFileError { return "no such file" }
        return (error as NSError).localizedDescription
    }
}
