// Release-mode benchmarks of crosscheck's hot paths. Each times its work with ContinuousClock,
// repeats it, reports the median, and checks its own answer before it reports anything.
//
//   swift run -c release crosscheck-bench [NAME…]

let benchmarks: [String: () throws -> Void] = [
    "parse": ParseBenchmark.run,
    "extract": ExtractBenchmark.run,
]

let requested = CommandLine.arguments.dropFirst()
let names = requested.isEmpty ? benchmarks.keys.sorted() : Array(requested)
for name in names {
    guard let run = benchmarks[name] else {
        print("unknown benchmark \(name); known: \(benchmarks.keys.sorted().joined(separator: ", "))")
        exit(2)
    }
    try run()
}
