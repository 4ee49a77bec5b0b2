import CrosscheckCore
import Foundation

/// `crosscheck snapshot DIR`: the ledger as workspace files, for review in git, from whichever
/// store holds it.
extension Workspace {
    /// Writes `Sources.json` and one `Claims/<event-id>.json` an event into `directory` (made if
    /// missing), the same bytes a workspace's own files hold, each atomically; an event file in
    /// `Claims/` of an event the ledger no longer has is removed, so that the folder mirrors the
    /// ledger. Returns how many sources, events and claims it wrote.
    @discardableResult
    public func snapshot(to directory: String, progress: (Int, Int) -> Void = { _, _ in })
        throws(StoreError) -> (sources: Int, events: Int, claims: Int) {
        let target = WorkspacePaths(root: directory)
        do {
            try FileManager.default.createDirectory(atPath: target.claims, withIntermediateDirectories: true)
        } catch {
            throw StoreError("\(directory): cannot create: \(StoreError.reason(error))")
        }
        let registry = try store.registry()
        try AtomicFile.write(LedgerFiles.writeRegistry(registry), to: target.sources)
        let ids = try store.eventIDs()
        var claims = 0
        var failure: StoreError?
        try store.events(ids) { index, ledger in
            guard failure == nil else { return }
            do throws(StoreError) {
                try AtomicFile.write(LedgerFiles.writeEvent(ledger), to: target.event(ledger.event.id))
                claims += ledger.claims.count
                progress(index + 1, ids.count)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        let kept = Set(ids.map { LedgerFiles.eventPath($0) })
        for name in (try? FileManager.default.contentsOfDirectory(atPath: target.claims)) ?? []
        where name.hasSuffix(".json") && !kept.contains("Claims/" + name) {
            guard unlink(target.claims + "/" + name) == 0 else {
                throw StoreError("\(target.claims)/\(name): cannot remove: \(String(cString: strerror(errno)))")
            }
        }
        return (registry.sources.count, ids.count, claims)
    }
}
