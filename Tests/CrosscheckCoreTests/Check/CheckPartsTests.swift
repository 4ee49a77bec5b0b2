@testable import CrosscheckCore
import Testing

@Suite("Parts of the check")
struct CheckPartsTests {
    @Test("the minimum tree finds exactly the positions a scan finds, in order")
    func minimumTree() {
        var random = SplitMix64(state: 7)
        for count in [0, 1, 2, 3, 5, 8, 13, 64, 100] {
            let values = (0..<count).map { _ in Int64(random.next() % 20) }
            let tree = MinimumTree(values)
            for _ in 0..<50 {
                let start = count == 0 ? 0 : Int(random.next() % UInt64(count + 1))
                let end = start + (count == start ? 0 : Int(random.next() % UInt64(count - start + 1)))
                let bound = Int64(random.next() % 22) - 1
                var found: [Int] = []
                tree.forEach(in: start..<end, atMost: bound) { found.append($0) }
                #expect(found == (start..<end).filter { values[$0] <= bound }, "\(values) \(start)..<\(end) at most \(bound)")
            }
        }
    }

    @Test("a finding keeps its two sides in one array, and equals one made from the same sides")
    func findingSides() {
        let finding = Finding(event: "e", metric: "killed", scope: "Kyiv", otherScope: "Ukraine", kind: .partAboveWhole,
                              severity: 0.5, sides: [["c2", "c10"], ["c1"]])
        #expect(finding.claims == ["c2", "c10", "c1"])
        #expect(finding.sides == [["c2", "c10"], ["c1"]])
        #expect(Array(finding.firstSide) == ["c2", "c10"] && Array(finding.secondSide) == ["c1"])
        #expect((finding.event, finding.metric, finding.scope, finding.otherScope) == ("e", "killed", "Kyiv", "Ukraine"))
        let same = Finding(event: "e", metric: "killed", scope: "Kyiv", otherScope: "Ukraine", kind: .partAboveWhole,
                           severity: 0.5, sides: [["c2", "c10"], ["c1"]])
        #expect(finding == same && Set([finding, same]).count == 1)
        // The same claims split differently are another finding.
        let moved = Finding(event: "e", metric: "killed", scope: "Kyiv", otherScope: "Ukraine", kind: .partAboveWhole,
                            severity: 0.5, sides: [["c2"], ["c10", "c1"]])
        #expect(finding != moved)
        let empty = Finding(event: "e", metric: "killed", scope: nil, kind: .update, severity: 0, sides: [[], ["c1"]])
        #expect(empty.sides == [[], ["c1"]] && empty.scope == nil)
    }
}
