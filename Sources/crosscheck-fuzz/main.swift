// The fuzzer's driver. Built with `-sanitize=fuzzer` (see Fuzz/run), the program holds
// libFuzzer, and hands it the command line and the entry below. SwiftPM gives an
// executable its own `main`, so libFuzzer's is never the one that runs: its driver is found
// and called here. A plain build has no libFuzzer, and says so.
// CROSSCHECK_FUZZ_TARGET names the target: parse, extract or ledger.

import FuzzTargets
#if canImport(Glibc)
import Glibc
#endif

typealias FuzzerDriver = @convention(c) (
    UnsafeMutablePointer<CInt>, UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

guard let symbol = dlsym(nil, "LLVMFuzzerRunDriver") else {
    let message = "crosscheck-fuzz: built without libFuzzer; run it through Fuzz/run TARGET [SECONDS]\n"
    _ = message.withCString { write(2, $0, strlen($0)) }
    exit(2)
}
private let target: FuzzTarget = {
    let name = getenv("CROSSCHECK_FUZZ_TARGET").map { String(cString: $0) } ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        let message = "crosscheck-fuzz: set CROSSCHECK_FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n"
        _ = message.withCString { write(2, $0, strlen($0)) }
        exit(2)
    }
    return target
}()

/// One input, from libFuzzer: a broken promise stops the process, which libFuzzer reports as a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: count == 0 ? nil : start, count: count)
    if let violation = target.violation(bytes) { fatalError(violation) }
    return 0
}

var count = CommandLine.argc
var arguments = CommandLine.unsafeArgv
exit(unsafeBitCast(symbol, to: FuzzerDriver.self)(&count, &arguments, fuzz))
