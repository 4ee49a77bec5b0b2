/// An error a command reports as one line on standard error, with exit status 2.
struct Failure: Error, CustomStringConvertible {
    let description: String

    init(_ message: String) { description = message }
}
