import CrosscheckCore
import Testing
@testable import CrosscheckStore

@Suite("The check of one group, from the store")
struct GroupCheckTests {
    @Test("one (event, metric, scope) read through the index gives what the full check says of it")
    func group() throws {
        let workspace = try Workspace(directory: try sampleWorkspace())
        let ledgers = try workspace.store.eventIDs().compactMap { id throws(StoreError) in try workspace.store.event(id) }
        let full = ConsistencyCheck(origins: OriginNames(try workspace.store.origins())).run(ledgers, sources: try workspace.store.sources())
        func about(_ scope: String, _ findings: [Finding]) -> [Finding] {
            findings.filter { $0.metric == "killed" && $0.event == "kyiv-strike-2025-06-17" && ($0.scope == scope || $0.otherScope == scope) }
        }
        for scope in ["Kyiv", "Ukraine", "one building in Solomianskyi district"] {
            let one = try workspace.check(event: "kyiv-strike-2025-06-17", metric: "killed", scope: scope).report
            #expect(one.conflicts == about(scope, full.conflicts))
            #expect(one.updates == about(scope, full.updates))
            #expect(one.unordered == about(scope, full.unordered))
            #expect(one.nearMisses == about(scope, full.nearMisses))
            #expect(one.consensus == full.consensus.filter { $0.metric == "killed" && $0.event == "kyiv-strike-2025-06-17" && $0.scope == scope })
        }
        let kyiv = try workspace.check(event: "kyiv-strike-2025-06-17", metric: "killed", scope: "Kyiv").report
        #expect(kyiv.conflicts.map(\.sides) == [[["c8"], ["c9"]], [["c12", "c13"], ["c14"]]])
        let error = #expect(throws: StoreError.self) { try workspace.check(event: "nope", metric: "killed", scope: nil) }
        #expect(error?.message == "no event \"nope\" in the workspace")
    }
}
