// Release-mode benchmarks of crosscheck's hot paths. Each times its work with ContinuousClock,
// repeats it, reports the median, and checks its own answer before it reports anything.
//
//   swift run -c release crosscheck-bench [NAME…]

import CrosscheckCore

let benchmarks: [String: () throws -> Void] = [
    "parse": ParseBenchmark.run,
    "extract": ExtractBenchmark.run,
    "languages": ExtractBenchmark.runLanguages,
    "ledger": LedgerBenchmark.run,
    "large-event": LedgerBenchmark.largeEventLatency,
    "check": CheckBenchmark.run,
    "export": ExportBenchmark.run,
    "report": ExportBenchmark.largeReport,
    "team": TeamBenchmark.run,
    "articles": ArticleBenchmark.run,
    "growth": GrowthBenchmark.run,
]

// The ledger benchmark generates its input in a child process: `crosscheck-bench generate-ledger DIR`.
if CommandLine.arguments.count == 3, CommandLine.arguments[1] == "generate-ledger" {
    try LedgerBenchmark.generate(into: CommandLine.arguments[2])
    exit(0)
}

let requested = CommandLine.arguments.dropFirst()
let names = requested.isEmpty ? ["parse", "extract", "languages", "ledger", "check", "export"] : Array(requested)
for name in names {
    guard let run = benchmarks[name] else {
        print("unknown benchmark \(name); known: \(benchmarks.keys.sorted().joined(separator: ", "))")
        exit(2)
    }
    try run()
}
