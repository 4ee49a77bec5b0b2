import Testing
@testable import CrosscheckCore

@Suite("Merging three versions of an event file, claim by claim")
struct EventMergeTests {
    static let base = EventLedger(
        event: Event(id: "quake", title: "The earthquake"),
        metrics: [Metric(id: "killed", kind: .cumulative, aliases: ["dead"])],
        scopes: [Scope(id: "Nepal")],
        claims: [claim("c1", "at least 23 killed", 23), claim("c2", "130 injured", 130, metric: "injured")])

    static func claim(_ id: String, _ text: String, _ lower: Double, metric: String = "killed") -> Claim {
        Claim(id: id, metric: metric, scope: "Nepal", text: text, figure: .exactly(lower),
              sources: [Link(source: "wire", quote: text)])
    }

    @Test("claims added on both sides are kept; an id both took is renumbered on theirs above every number in sight")
    func additions() {
        var ours = Self.base, theirs = Self.base
        ours.claims.append(Self.claim("c3", "29 killed", 29))
        theirs.claims.append(Self.claim("c3", "31 killed", 31))
        theirs.scopes.append(Scope(id: "Kathmandu", partOf: "Nepal"))
        let merge = EventMerge(base: Self.base, ours: ours, theirs: theirs, takenNumbers: 40)
        #expect(merge.ledger.claims.map(\.id) == ["c1", "c2", "c3", "c41"])
        #expect(merge.ledger.claims.map(\.text) == ["at least 23 killed", "130 injured", "29 killed", "31 killed"])
        #expect(merge.renumbered.map { "\($0.from)→\($0.to)" } == ["c3→c41"])
        #expect(merge.ledger.scopes.map(\.id) == ["Nepal", "Kathmandu"])
        #expect(merge.conflicts.isEmpty)
        // The same claim added on both sides is one claim.
        let same = EventMerge(base: Self.base, ours: ours, theirs: ours)
        #expect(same.ledger.claims.count == 3 && same.renumbered.isEmpty && same.conflicts.isEmpty)
    }

    @Test("a field changed on one side takes the change; changed on both, ours is kept and the conflict named")
    func fields() {
        var ours = Self.base, theirs = Self.base
        ours.claims[0].status = .verified
        theirs.claims[0].sources[0].credibility = .probablyTrue
        theirs.claims[1].text = "over 130 injured"
        let merged = EventMerge(base: Self.base, ours: ours, theirs: theirs)
        #expect(merged.ledger.claims[0].status == .verified)
        #expect(merged.ledger.claims[0].sources[0].credibility == .probablyTrue)
        #expect(merged.ledger.claims[1].text == "over 130 injured")
        #expect(merged.conflicts.isEmpty)

        ours.claims[1].text = "about 130 injured"
        ours.metrics[0].aliases = ["dead", "deaths"]
        theirs.metrics[0].aliases = ["dead", "fatalities"]
        let both = EventMerge(base: Self.base, ours: ours, theirs: theirs)
        #expect(both.ledger.claims[1].text == "about 130 injured")
        #expect(both.ledger.metrics[0].aliases == ["dead", "deaths"])
        #expect(both.conflicts == [
            #"metrics killed aliases: ours ["dead", "deaths"], theirs ["dead", "fatalities"]"#,
            #"claims c2 text: ours "about 130 injured", theirs "over 130 injured""#,
        ])
    }

    @Test("a removal is taken where the other side left the item alone, and is a conflict where it changed it")
    func removals() {
        var ours = Self.base, theirs = Self.base
        ours.claims.removeLast()
        theirs.claims[0].status = .verified
        let merged = EventMerge(base: Self.base, ours: ours, theirs: theirs)
        #expect(merged.ledger.claims.map(\.id) == ["c1"] && merged.ledger.claims[0].status == .verified)
        #expect(merged.conflicts.isEmpty)

        theirs.claims[1].status = .false
        let changed = EventMerge(base: Self.base, ours: ours, theirs: theirs)
        #expect(changed.ledger.claims.map(\.id) == ["c1"])
        #expect(changed.conflicts == ["claims c2: removed on ours, changed on theirs"])
    }

    @Test("the claim ids of event files, read as text")
    func numbers() {
        #expect(EventMerge.number(of: "c12") == 12)
        #expect(EventMerge.number(of: "x12") == nil && EventMerge.number(of: "c") == nil)
    }
}
