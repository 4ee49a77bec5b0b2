#if canImport(Glibc)
@_exported import Glibc
#endif

/// Repeats `work` and returns the median duration in seconds.
func median(repeats: Int, _ work: () throws -> Void) rethrows -> Double {
    var samples: [Double] = []
    for _ in 0..<repeats {
        let clock = ContinuousClock()
        let elapsed = try clock.measure(work)
        samples.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }
    samples.sort()
    return samples[samples.count / 2]
}

/// Stops the run when a benchmark's own answer is wrong: a fast wrong answer is no figure.
func verify(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition {
        print("benchmark check failed: \(message())")
        exit(1)
    }
}

/// Peak resident memory of this process so far, in MB (Linux: VmHWM).
func peakMemoryMB() -> Double {
    guard let file = fopen("/proc/self/status", "r") else { return 0 }
    defer { fclose(file) }
    var line = [CChar](repeating: 0, count: 256)
    while fgets(&line, 256, file) != nil {
        let text = String(cString: line)
        if text.hasPrefix("VmHWM:") {
            let digits = text.filter(\.isNumber)
            return (Double(digits) ?? 0) / 1024
        }
    }
    return 0
}

func format(_ value: Double, decimals: Int = 0) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    return decimals == 0 ? String(Int(rounded)) : String(rounded)
}

/// Processor time this process has used so far, user and system, in seconds.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}
