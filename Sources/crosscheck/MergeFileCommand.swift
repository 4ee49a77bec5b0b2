import ArgumentParser
import CrosscheckCore
import CrosscheckStore

struct MergeFile: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-file",
        abstract: "Merge two versions of an event file claim by claim: git's merge driver for Claims/*.json.",
        discussion: """
            Claims, metrics and scopes added on either side are kept; a claim id both sides took
            for different claims is renumbered on theirs, and the renumbering printed. A field
            changed on one side takes that change; a field changed differently on both keeps ours
            and is printed as a conflict. The result is written over OURS and is always a valid
            event file. Exit 0: merged; 1: conflicts (git then marks the file); 2: a version that
            does not read as an event file (nothing written). `crosscheck init` writes the
            .gitattributes line; each clone names the driver once:
            \(MergeDriver.configuration)
            """
    )

    @Argument(help: "The common ancestor's version (git's %O); an empty file when there is none.")
    var base: String
    @Argument(help: "Our version (git's %A), written over with the merge.")
    var ours: String
    @Argument(help: "Their version (git's %B).")
    var theirs: String

    func run() throws {
        let merge: EventMerge
        do {
            merge = try MergeDriver.merge(base: base, ours: ours, theirs: theirs)
        } catch {
            throw Failure(error.message)
        }
        for (from, to) in merge.renumbered { print("\(merge.ledger.event.id): their claim \(from) is now \(to)") }
        for conflict in merge.conflicts { print("\(merge.ledger.event.id): conflict: \(conflict) (ours kept)") }
        if !merge.conflicts.isEmpty { throw ExitCode(1) }
    }
}
