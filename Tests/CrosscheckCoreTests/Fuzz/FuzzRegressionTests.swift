import CrosscheckCore
import Foundation
import FuzzTargets
import Testing

/// Every input a fuzzer once crashed on (kept in Fuzz/Regressions/TARGET/ beside this file) and
/// every seed the fuzzers start from (Fuzz/seeds/TARGET/ at the repository's root) goes through
/// its target again: none may crash or break the target's promise.
@Suite("Fuzz inputs, replayed")
struct FuzzRegressionTests {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let root = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func inputs(_ target: FuzzTarget) -> [URL] {
        [here.appendingPathComponent("Regressions/\(target.rawValue)"), root.appendingPathComponent("Fuzz/seeds/\(target.rawValue)")]
            .flatMap { folder in
                ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
                    .filter { !$0.lastPathComponent.hasPrefix(".") }
            }
            .sorted { $0.path < $1.path }
    }

    @Test("each kept input and seed passes its target", arguments: FuzzTarget.allCases)
    func replay(_ target: FuzzTarget) throws {
        let inputs = Self.inputs(target)
        #expect(!inputs.isEmpty, "no seeds for \(target.rawValue)")
        for input in inputs {
            let data = try Data(contentsOf: input)
            let violation = data.withUnsafeBytes { target.violation($0.bindMemory(to: UInt8.self)) }
            #expect(violation == nil, "\(input.lastPathComponent): \(violation ?? "")")
        }
    }

    @Test("a broken promise is reported, not passed over")
    func brokenPromise() {
        #expect(FuzzTarget.unsound(Figure(lower: 5, upper: 3, coded: nil)) == "upper end 3.0 below lower end 5.0")
        #expect(FuzzTarget.unsound(Figure(lower: .nan, upper: nil, coded: nil)) == "an end is NaN")
        #expect(FuzzTarget.unsound(Figure(lower: 3, upper: 5, coded: nil)) == nil)
    }
}
