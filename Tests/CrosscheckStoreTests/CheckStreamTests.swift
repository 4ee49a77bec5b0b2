import CrosscheckCore
import CrosscheckStore
import Foundation
import Testing

/// The check written as it is found: the same bytes as a document built whole, the lists after
/// the conflicts kept in temporary files until their turn.
@Suite("The check, written as it is found")
struct CheckStreamTests {
    @Test("check --json through temporary files gives the document's bytes, every list in its place")
    func spooled() throws {
        let workspace = try Workspace(directory: try sampleWorkspace())
        let whole = try workspace.check(format: .json)
        var written: [UInt8] = []
        let spool = FileSpool()
        let counts = try workspace.check(format: .json, spool: spool) { written.append(contentsOf: $0) }
        #expect(spool.failure == nil)
        #expect(written == whole.bytes)
        #expect(counts == whole.counts)
        let text = String(decoding: written, as: UTF8.self)
        let lists = ["\"conflicts\": [", "\"updates\": [", "\"unordered\": [", "\"nearMisses\": [", "\"consensus\": [", "\"setAside\": ["]
        let places = lists.compactMap { text.range(of: $0)?.lowerBound }
        #expect(places.count == lists.count && places == places.sorted())
        #expect(counts.conflicts == 2 && counts.updates == 2 && counts.nearMisses == 2)
    }

    @Test("a ledger with nothing to say writes a whole document, each list empty")
    func small() throws {
        let workspace = try Workspace(directory: try emptyWorkspace())
        var written: [UInt8] = []
        let counts = try workspace.check(format: .json, spool: FileSpool()) { written.append(contentsOf: $0) }
        #expect(String(decoding: written, as: UTF8.self) == """
            {
              "conflicts": [],
              "updates": [],
              "unordered": [],
              "nearMisses": [],
              "consensus": [],
              "setAside": []
            }

            """)
        #expect(counts == CheckDocument.Counts())
    }

    @Test("the spool gives back each list's bytes in order, past its buffer and with a piece larger than the buffer, around the page cache or through it",
          arguments: [true, false])
    func spoolBeyondItsBuffer(direct: Bool) throws {
        let spool = FileSpool(direct: direct)
        var expected: [[UInt8]] = [[], [], []]
        // Pieces of every size, from a byte to more than the megabyte a list keeps in memory.
        let sizes = [1, 700, 65_536, 300_000, 1 << 20, (1 << 20) + 17, 5, 999_999, 3 << 20, 2, 4096, (2 << 20) - 4096]
        for (index, size) in sizes.enumerated() {
            let list = index % 2 + 1
            let piece = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ index) }
            piece.withUnsafeBytes { spool.append(list, $0) }
            expected[list] += piece
        }
        for list in 0..<3 {
            var replayed: [UInt8] = []
            spool.replay(list) { replayed.append(contentsOf: $0) }
            #expect(replayed == expected[list], "list \(list)")
        }
        #expect(spool.failure == nil)
    }
}
