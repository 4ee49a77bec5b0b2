import CrosscheckCore
import CrosscheckSession
import Foundation
import Testing
@testable import CrosscheckStore

@Suite("Session changes: one transaction and history entry each, undone line by line")
struct SessionChangeTests {
    @Test("undo refuses when another session changed the same lines since, and applies once they are back")
    func undoAcrossSessions() throws {
        let folder = try sampleWorkspace()
        let first = try Session(workspace: try Workspace(directory: folder))
        let second = try Session(workspace: try Workspace(directory: folder, actor: "ben"))
        _ = try first.run("event use kyiv-strike-2025-06-17")
        _ = try second.run("event use kyiv-strike-2025-06-17")
        _ = try first.run("claim set c9 --status disputed")
        let disputed = try first.workspace.store.lastHistoryID()
        _ = try second.run("claim set c9 --status verified")
        #expect(throws: SessionError("cannot undo \"claim set c9 --status disputed\": ben's \"claim set c9 --status verified\" has touched Claims/kyiv-strike-2025-06-17.json since")) {
            try first.run("undo")
        }
        // The second session undoes its own change; then the first one's lines are as it left them.
        #expect(try second.run("undo") == "undid \(disputed + 1): claim set c9 --status verified\n")
        #expect(try first.run("undo") == "undid \(disputed): claim set c9 --status disputed\n")
    }

    @Test("undoing an event's creation removes the event and its file; a claim add touches only its lines in the history")
    func createdEvent() throws {
        let folder = try sampleWorkspace()
        let workspace = try Workspace(directory: folder)
        let session = try Session(workspace: workspace)
        _ = try session.run("event use new-event --title \"New\"")
        let created = try workspace.store.lastHistoryID()
        #expect(FileManager.default.fileExists(atPath: folder + "/Claims/new-event.json"))
        _ = try session.run("source use anews-2025-06-17")
        _ = try session.run("claim add \"5 killed\"")
        let entry = try #require(try workspace.store.history().last)
        #expect(entry.command == "claim add \"5 killed\"")
        #expect(entry.created == ["c25"])
        #expect(try workspace.store.history().first { $0.id == created }?.created == ["new-event"])
        #expect(entry.after?.contains("\"line\":") == true && (entry.after?.count ?? 0) < 1_000)
        #expect(try session.run("undo") == "undid \(created + 1): claim add \"5 killed\"\n")
        #expect(try session.run("undo") == "undid \(created): event use new-event --title New\n")
        #expect(!FileManager.default.fileExists(atPath: folder + "/Claims/new-event.json"))
        #expect(try workspace.store.event("new-event") == nil)
    }
}

@Suite("Text patches: the lines a change touched")
struct TextPatchTests {
    @Test("one region, taken back only where it still stands")
    func patch() {
        let patch = TextPatch(from: "a\nb\nc\n", to: "a\nB\nB2\nc\n")
        #expect(patch == TextPatch(line: 1, removed: ["b"], added: ["B", "B2"], above: "a", below: "c"))
        #expect(patch.reverted("a\nB\nB2\nc\n") == "a\nb\nc\n")
        #expect(patch.reverted("a\nX\nB2\nc\n") == nil)
        #expect(patch.reverted("z\na\nB\nB2\nc\n") == "z\na\nb\nc\n")  // moved down a line by another change
        let removal = TextPatch(from: "a\nb\n", to: "a\n")
        #expect(removal.reverted("x\na\n") == "x\na\nb\n")  // its place found by the lines around it
        #expect(removal.reverted("x\ny\n") == nil)  // its place gone
    }
}
