import CrosscheckCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A ledger and what is kept beside it. Mostly a folder holding `Sources.json`, `Claims/` and
/// the working database `.crosscheck/ledger.sqlite`: opening it imports every file that changed
/// since it was last imported or written, all or nothing; every change commits to the database,
/// then rewrites the files it touched, each atomically, under a lock in `.crosscheck/`. Or a
/// team's ledger on a server, the ledger of record, with no files at all (`init(shared:)`).
public final class Workspace {
    /// The ledger's store: every read and change of the ledger goes through it.
    public let store: any LedgerStore
    /// Who every change is recorded as made by.
    public let actor: String
    let parser: FigureParser
    /// The folder's files and what the store knows of them; nil for a ledger on a server.
    let folder: Folder?
    /// Files changed but not yet taken in, and whether every file must be looked at: kept until
    /// a look succeeds, so that a file that did not read is looked at again, never passed over.
    private var unseen: Set<String> = []
    private var unseenAll = false

    /// The files of a workspace folder and what the store knows of them.
    struct Folder {
        let paths: WorkspacePaths
        let states: any WorkspaceFileStates
        /// What the kernel says has changed since the last look (nil: look at every file each time).
        let watch: FileWatch?
    }

    /// Where the workspace's files are; nil for a ledger on a server, which has none.
    public var paths: WorkspacePaths? { folder?.paths }

    /// Where the session keeps its line history: in the workspace's `.crosscheck/`, or for a
    /// ledger on a server (no files of its own) in the home folder, as psql keeps its own.
    public var lineHistoryPath: String {
        folder?.paths.history ?? (ProcessInfo.processInfo.environment["HOME"] ?? ".") + "/.crosscheck_history"
    }

    /// Opens the workspace at `directory` (the database at `databasePath`, or in `.crosscheck/`),
    /// importing the files that changed.
    public init(directory: String, databasePath: String? = nil, actor: String? = nil, parser: FigureParser = FigureParser()) throws(StoreError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue else {
            throw StoreError("\(directory): no such folder")
        }
        let paths = WorkspacePaths(root: (directory as NSString).standardizingPath)
        self.parser = parser
        self.actor = actor ?? HistoryEntry.defaultActor
        do {
            try FileManager.default.createDirectory(atPath: paths.hidden, withIntermediateDirectories: true)
        } catch {
            throw StoreError("\(paths.hidden): cannot create: \(StoreError.reason(error)); is the workspace read-only?")
        }
        // Opening sets up WAL and migrates, which a second process must not do at the same
        // moment; the workspace lock makes them take turns.
        let lock = try FileLock(paths.lock)
        defer { lock.release() }
        let database = try LedgerDatabase(path: databasePath ?? paths.database)
        store = database
        // Watching before the first look: a change made during it is told again, never missed.
        folder = Folder(paths: paths, states: database, watch: FileWatch(paths))
        try synchronise()
    }

    /// A ledger shared on a server: no files are read or written, and the store keeps other
    /// analysts' changes apart from this one's.
    public init(shared store: any LedgerStore, actor: String? = nil, parser: FigureParser = FigureParser()) {
        self.store = store
        self.actor = actor ?? HistoryEntry.defaultActor
        self.parser = parser
        folder = nil
    }

    /// The folder's lock, held until released: writers take turns on it. None for a server's
    /// ledger, whose store keeps changes apart itself.
    func lockFolder() throws(StoreError) -> FileLock? {
        guard let folder else { return nil }
        return try FileLock(folder.paths.lock)
    }

    /// Runs `body` with no other change to the ledger in between (see `LedgerStore.exclusively`).
    func exclusively<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        do {
            return try store.exclusively { () throws -> T in try body() }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError("\(error)")
        }
    }

    /// The event whose file was written last (what the analyst worked on last); nil on a server.
    public func lastWrittenEvent() throws(StoreError) -> String? {
        guard let folder else { return nil }
        let states = try folder.states.fileStates().filter { $0.key.hasPrefix("Claims/") }
        return states.max { ($0.value.modified, $0.key) < ($1.value.modified, $1.key) }.flatMap { LedgerFiles.eventID(ofPath: $0.key) }
    }

    /// Takes in what changed since the last look: only the files the watch names, or every
    /// file when there is no watch or it lost track. The caller holds the workspace lock.
    func takeInChanges() throws(StoreError) {
        guard let folder else { return }
        guard let watch = folder.watch else { return try synchronise() }
        if let names = watch.changes() { unseen.formUnion(names) } else { unseenAll = true }
        if !unseenAll, unseen.isEmpty, !(try folder.states.hasPendingFiles()) { return }
        try synchronise(only: unseenAll ? nil : unseen)
        (unseen, unseenAll) = ([], false)
    }

    // MARK: - Files that changed

    /// Imports the workspace files whose content changed since they were last imported or
    /// written: size and modification time first, a content hash only when those differ. A file
    /// left pending by a process killed between its commit and its rewrite is written again
    /// from the database, which holds the committed change. Runs under the workspace lock.
    /// `only` narrows the look to those files (relative paths) and the pending ones.
    func synchronise(only names: Set<String>? = nil) throws(StoreError) {
        guard let folder else { return }
        let known: [String: FileState]
        let relatives: [String]
        if let names {
            let all = names.union(try folder.states.pendingFiles())
            known = try folder.states.fileStates(Array(all))
            relatives = all.sorted()
        } else {
            known = try folder.states.fileStates()
            relatives = filesToLookAt(folder.paths, known: known)
        }
        var changed: [(path: String, text: String, state: FileState)] = []
        var pending: [String] = []
        for relative in relatives {
            if known[relative] == .pending {
                pending.append(relative)
                continue
            }
            let path = folder.paths.root + "/" + relative
            guard let stat = Self.fileStat(path) else { continue }
            if let state = known[relative], state.size == stat.size, state.modified == stat.modified { continue }
            let text = try Self.read(path, named: relative)
            let state = FileState(size: stat.size, modified: stat.modified, hash: ContentHash.of(text))
            // The states of all files come without their hashes: this file's is asked for now.
            if known[relative] != nil, try folder.states.fileStates([relative])[relative]?.hash == state.hash {
                try folder.states.record(files: [relative: state])  // touched, not changed
                continue
            }
            changed.append((relative, text, state))
        }
        if !pending.isEmpty {
            let events = pending.filter { $0.hasPrefix("Claims/") }.compactMap(LedgerFiles.eventID(ofPath:))
            try writeFiles(events: events, sources: pending.contains("Sources.json"))
        }
        guard !changed.isEmpty else { return }
        let inputs = changed.map { file in (file.path, file.path == "Sources.json", { () throws(StoreError) in file.text }) }
        let states = Dictionary(uniqueKeysWithValues: changed.map { ($0.path, $0.state) })
        _ = try storeInputs(inputs, replaceSources: true, states: states,
                  command: "open (files changed: \(changed.map(\.path).joined(separator: ", ")))", rewrite: false)
    }

    // MARK: - Import and export

    /// Merges files into the workspace, all or nothing: a sources file merges its sources, an
    /// event file replaces that event. Then the workspace files that changed are rewritten.
    /// `progress` hears of each event file stored: (done, all).
    @discardableResult
    public func importFiles(
        _ paths: [String], command: String, progress: ((Int, Int) -> Void)? = nil
    ) throws(StoreError) -> (sources: Int, events: Int, claims: Int) {
        var inputs: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw StoreError("\(path): no such file or folder")
            }
            if isFolder.boolValue {
                let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
                inputs += names.map { path + "/" + $0 }
            } else {
                inputs.append(path)
            }
        }
        let readers = inputs.map { path in (path, Self.isSourcesFile(path), { () throws(StoreError) in try Self.read(path, named: path) }) }
        let lock = try lockFolder()
        defer { lock?.release() }
        let counts = try storeInputs(readers, replaceSources: false, states: [:], command: command, rewrite: true, progress: progress)
        store.settle()
        return counts
    }

    /// The whole ledger (or one event) in one document of the files' format.
    public func exportJSON(event: String? = nil) throws(StoreError) -> String {
        var document = ""
        try export(.json, event: event) { document += $0 }
        return document
    }

    /// Writes the whole ledger (or one event) in `format`, a piece at a time to `write`, with one
    /// event in memory at a time; formats that show the check run it on each event as it comes.
    /// `progress` hears of each event written: (done, all).
    public func export(_ format: ExportFormat, event: String? = nil, settings: ExportSettings = ExportSettings(),
                       progress: ((Int, Int) -> Void)? = nil, write: (String) -> Void) throws(StoreError) {
        let ids = try store.eventIDs()
        if let event, !ids.contains(event) { throw StoreError("no event \"\(event)\" in the workspace") }
        let registry = try store.registry()
        let context = ExportContext(registry: registry, date: settings.date, baseURL: settings.baseURL, author: settings.author)
        let sources = Dictionary(registry.sources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let check = ConsistencyCheck(origins: OriginNames(registry.origins))
        var exporter = format.exporter()
        exporter.begin(context, write)
        var names: [String: String] = [:]
        let chosen = ids.filter { event == nil || $0 == event }
        // One read transaction: the export is of one state of the ledger.
        try store.events(chosen) { position, ledger in
            let report = exporter.needsCheck ? check.run(ledger, sources: sources, names: &names) : CheckReport()
            exporter.add(ExportedEvent(ledger: ledger, report: report, sources: sources), write)
            progress?(position + 1, chosen.count)
        }
        exporter.finish(write)
    }

    /// Writes an export to the file at `path`, atomically: the whole export or the file as it was.
    public func export(_ format: ExportFormat, event: String? = nil, settings: ExportSettings = ExportSettings(),
                       progress: ((Int, Int) -> Void)? = nil, to path: String) throws(StoreError) {
        let file = try AtomicFile.Writer(path)
        do {
            try export(format, event: event, settings: settings, progress: progress, write: file.write)
            try file.commit()
        } catch {
            file.abandon()
            throw error
        }
    }

    // MARK: - Storing

    /// Reads and checks every input and stores them in one transaction, one event file at a time;
    /// nothing is stored if any input is refused. Sources files are read first, since the
    /// event files' links are checked against them. With `rewrite`, each event's workspace file
    /// is staged from what was read as it is stored, marked pending in the same transaction, and
    /// renamed into place after the commit. The caller holds the workspace lock.
    private func storeInputs(
        _ inputs: [(path: String, isSources: Bool, text: () throws(StoreError) -> String)], replaceSources: Bool, states: [String: FileState],
        command: String, rewrite: Bool, progress: ((Int, Int) -> Void)? = nil
    ) throws(StoreError) -> (sources: Int, events: Int, claims: Int) {
        // A server's ledger has no files to rewrite.
        let rewriting = rewrite ? folder?.paths : nil
        var sources: [Source]?
        var origins: [Origin] = []
        var eventInputs: [(path: String, text: () throws(StoreError) -> String)] = []
        for input in inputs {
            guard input.isSources else {
                eventInputs.append((input.path, input.text))
                continue
            }
            let text = try input.text()
            do {
                let registry = try LedgerFiles.readRegistry(text)
                sources = (sources ?? []) + registry.sources
                origins += registry.origins
            } catch {
                throw StoreError.file(input.path, error)
            }
        }
        let known = Set(try store.sources().map(\.id)).union((sources ?? []).map(\.id))
        var seen = SeenIDs()
        var staged = StagedFiles()
        defer { staged.discard() }
        if rewriting != nil {
            try createClaimsFolder()
        }
        var next = eventInputs.makeIterator()
        var counts = (events: 0, claims: 0)
        var stored = 0
        // The next files are read, checked and staged on another core while the store writes.
        let reader = Prefetch { () throws(StoreError) -> EventWrite? in
            guard let (path, text) = next.next() else { return nil }
            let ledger = try self.readEvent(try text(), path: path, known: known, seen: &seen)
            if let rewriting {
                // The event is stored exactly as read: its file is written from memory, not read back.
                try staged.stage(LedgerFiles.writeEvent(ledger), at: rewriting.event(ledger.event.id))
            }
            // `readEvent` declared the standard metrics already.
            return EventWrite(ledger, path: path, pack: EventPack.stored(ledger))
        }
        defer { reader.stop() }
        var write = LedgerWrite(command: command, nextEvent: { () throws -> EventWrite? in
            guard let item = try reader.next() else { return nil }
            stored += 1
            progress?(stored, eventInputs.count)
            return item
        }, after: { events, claims in
            counts = (events, claims)
            return Self.importSummary(sources: sources?.count ?? 0, events: events, claims: claims, files: inputs.map(\.path))
        })
        (write.sources, write.origins, write.replaceSources) = (sources ?? [], origins, replaceSources && sources != nil)
        write.actor = actor
        // No source leaves the ledger, so every link the reader checked against `known` holds.
        write.bulk = !write.replaceSources
        write.files = {
            guard let rewriting else { return states }
            var marks = states
            for file in staged.staged { marks[rewriting.relative(file.path)] = .pending }
            if sources != nil { marks["Sources.json"] = .pending }
            return marks
        }
        try store.store(write)
        if let rewriting {
            if sources != nil { try staged.stage(LedgerFiles.writeRegistry(try store.registry()), at: rewriting.sources) }
            try commit(&staged)
        }
        return (sources?.count ?? 0, counts.events, counts.claims)
    }

    /// What the history keeps of an import: how much it stored, from which files.
    private static func importSummary(sources: Int, events: Int, claims: Int, files: [String]) -> String {
        var object = JSONObjectWriter()
        object.add("sources", Double(sources))
        object.add("events", Double(events))
        object.add("claims", Double(claims))
        object.add("files", strings: files)
        return object.result
    }

    /// Where each event and claim id read so far came from: an id read twice is an error naming
    /// both files. A claim id keeps the number of its file, not its path: ten million of them
    /// are the import's largest table.
    private struct SeenIDs {
        var events: [String: String] = [:]
        var files: [String] = []
        var claims: [String: Int32] = [:]
    }

    /// An event file's text read and checked: its links against the sources `known`, its ids
    /// against those `seen` in the files before it.
    private func readEvent(_ text: String, path: String, known: Set<String>, seen: inout SeenIDs) throws(StoreError) -> EventLedger {
        let ledger: EventLedger
        do {
            ledger = try LedgerFiles.readEvent(text, parser: parser)
            try LedgerFiles.checkLinks(ledger, sources: known)
        } catch {
            throw StoreError.file(path, error)
        }
        if let other = seen.events[ledger.event.id] {
            throw StoreError("\(path): event: the event \"\(ledger.event.id)\" is also in \(other)")
        }
        seen.events[ledger.event.id] = path
        let file = Int32(seen.files.count)
        seen.files.append(path)
        for index in ledger.claims.indices {
            let id = ledger.claims[index].id
            if let other = seen.claims.updateValue(file, forKey: id) {
                throw StoreError("\(path): claims[\(index)].id: the claim id \"\(id)\" is also in \(seen.files[Int(other)])")
            }
        }
        return ledger.declaringStandardMetrics()
    }

    /// Renames staged files into place and records them as written.
    func commit(_ staged: inout StagedFiles) throws(StoreError) {
        guard let folder else { return }
        let files = staged.staged
        FaultPoint.reach("committed")
        try staged.commit()
        var written: [String: FileState] = [:]
        for file in files {
            if let stat = Self.fileStat(file.path) {
                written[folder.paths.relative(file.path)] = FileState(size: stat.size, modified: stat.modified, hash: file.hash)
            }
        }
        try folder.states.record(files: written)
    }

    /// Writes the files of `events` (and `Sources.json`) from what the database holds now, in
    /// batches, so that memory holds a few hundred files' text, not the whole ledger's. The
    /// caller holds the workspace lock.
    func writeFiles(events: [String], sources: Bool) throws(StoreError) {
        guard let folder else { return }
        let paths = folder.paths
        try createClaimsFolder()
        var pending: [String?] = sources ? [nil] : []
        pending += events.map { Optional($0) }
        var start = 0
        while start < pending.count {
            var staged = StagedFiles()
            defer { staged.discard() }
            for id in pending[start..<min(start + Self.rewriteBatch, pending.count)] {
                if let id {
                    guard let ledger = try store.event(id) else {
                        // Removed by a change whose process was killed before it removed the file.
                        unlink(paths.event(id))
                        try folder.states.forget(files: [paths.relative(paths.event(id))])
                        continue
                    }
                    try staged.stage(LedgerFiles.writeEvent(ledger), at: paths.event(id))
                } else {
                    try staged.stage(LedgerFiles.writeRegistry(try store.registry()), at: paths.sources)
                }
            }
            try commit(&staged)
            start += Self.rewriteBatch
        }
    }

    func createClaimsFolder() throws(StoreError) {
        guard let claims = folder?.paths.claims else { return }
        do {
            try FileManager.default.createDirectory(atPath: claims, withIntermediateDirectories: true)
        } catch {
            throw StoreError("\(claims): cannot create: \(StoreError.reason(error))")
        }
    }


    // MARK: - Helpers

    /// Whether a file is a source registry: its format says so in its first bytes.
    static func isSourcesFile(_ path: String) -> Bool {
        // Asked of every file of an import before the first is read: one read, no objects.
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var head = [UInt8](repeating: 0, count: 256)
        let count = head.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return false }
        let mark = Array("\"crosscheck-sources/".utf8)
        return (0..<count).contains { head[$0..<count].starts(with: mark) }
    }

    /// How many files a rewrite writes and makes durable together.
    static let rewriteBatch = 500

    /// The workspace files that may have changed since `known` was recorded, relative to the
    /// workspace and in order: `Sources.json`, the pending files whether or not they exist, and
    /// each event file whose size or time differs. One look at each file, none of them kept: a
    /// workspace may hold 100,000 events. Also removes the temporary files a killed process
    /// left behind: every writer stages its files under the workspace lock, which the caller holds.
    func filesToLookAt(_ paths: WorkspacePaths, known: [String: FileState]) -> [String] {
        var names = known.filter { $0.value == .pending }.map(\.key) + ["Sources.json"]
        Self.eachName(in: paths.claims) { name in
            if name.hasSuffix(".json") {
                let relative = "Claims/" + name
                guard let state = known[relative] else { return names.append(relative) }
                let stat = Self.fileStat(paths.claims + "/" + name)
                if state != .pending, stat?.size != state.size || stat?.modified != state.modified { names.append(relative) }
            } else if name.contains(".json.tmp-") {
                unlink(paths.claims + "/" + name)
            }
        }
        Self.eachName(in: paths.root) { name in
            if name.hasPrefix("Sources.json.tmp-") { unlink(paths.root + "/" + name) }
        }
        return Set(names).sorted()
    }

    /// Calls `body` with the name of each entry of `folder` as the system reads them, one at a time.
    static func eachName(in folder: String, _ body: (String) -> Void) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name != ".", name != ".." { body(name) }
        }
    }

    static func read(_ path: String, named name: String) throws(StoreError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StoreError("\(name): cannot read: \(String(cString: strerror(errno)))")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw StoreError("\(name): not UTF-8 text") }
        return text
    }

    static func fileStat(_ path: String) -> (size: Int64, modified: Int64)? {
        var info = stat()
        guard fstatat(AT_FDCWD, path, &info, 0) == 0 else { return nil }
        #if os(Linux)
        let modified = info.st_mtim
        #else
        let modified = info.st_mtimespec
        #endif
        return (Int64(info.st_size), Int64(modified.tv_sec) * 1_000_000_000 + Int64(modified.tv_nsec))
    }
}

extension Workspace {
    /// The check of one (event, metric, scope) after a change to it: its findings, those with
    /// every part and whole of its scope, and its consensus, from its claims alone.
    public func check(event: String, metric: String, scope: String?) throws(StoreError) -> CheckOutput {
        guard let outline = try store.event(event, metric: metric, scopes: []) else {
            throw StoreError("no event \"\(event)\" in the workspace")
        }
        // The scope, the wholes above it and the parts below it.
        var parts: Set<String> = scope.map { [$0] } ?? []
        var grew = true
        while grew {
            grew = false
            for item in outline.scopes where !parts.contains(item.id) && item.partOf.map(parts.contains) == true {
                parts.insert(item.id)
                grew = true
            }
        }
        var related = Set<String?>(parts.map(Optional.some)).union([scope])
        var next = scope.flatMap { name in outline.scopes.first { $0.id == name }?.partOf }
        while let whole = next, related.insert(whole).inserted { next = outline.scopes.first { $0.id == whole }?.partOf }
        guard let ledger = try store.event(event, metric: metric, scopes: related) else {
            throw StoreError("no event \"\(event)\" in the workspace")
        }
        // Only the sources these claims cite: a registry may hold thousands.
        let sources = try store.sources(Set(ledger.claims.flatMap { $0.sources.map(\.source) }))
        var report = ConsistencyCheck(origins: OriginNames(try store.origins())).run([ledger], sources: sources)
        let mine = { (finding: Finding) in finding.scope == scope || finding.otherScope == scope && finding.otherScope != nil }
        report.conflicts.removeAll { !mine($0) }
        report.updates.removeAll { !mine($0) }
        report.unordered.removeAll { !mine($0) }
        report.nearMisses.removeAll { !mine($0) }
        report.consensus.removeAll { $0.scope != scope }
        return CheckOutput(report, ledgers: [ledger], sources: sources)
    }

    /// The consistency check of the whole ledger, or of one event, rendered in `format` and kept.
    /// `progress` hears of each event checked: (done, all).
    public func check(
        event: String? = nil, format: CheckDocument.Format, progress: ((Int, Int) -> Void)? = nil
    ) throws(StoreError) -> CheckDocument {
        var bytes: [UInt8] = []
        let counts = try check(event: event, format: format, spool: MemorySpool(), progress: progress) { bytes.append(contentsOf: $0) }
        return CheckDocument(counts: counts, bytes: bytes)
    }

    /// The same, written through `sink` as it is found, in event order; the lists a JSON
    /// document holds after the conflicts wait in `spool`. Each core reads, checks and renders
    /// every other event, an event in memory at a time, and no core runs far ahead of the
    /// output: the memory stays flat however large the ledger or its findings.
    public func check(
        event: String? = nil, format: CheckDocument.Format, spool: any CheckSpool, progress: ((Int, Int) -> Void)? = nil,
        into sink: @escaping (UnsafeRawBufferPointer) -> Void
    ) throws(StoreError) -> CheckDocument.Counts {
        let ids = try store.eventIDs()
        if let event, !ids.contains(event) { throw StoreError("no event \"\(event)\" in the workspace") }
        let registry = try store.registry()
        let check = ConsistencyCheck(origins: OriginNames(registry.origins))
        let sources = Dictionary(registry.sources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let chosen = ids.filter { event == nil || $0 == event }
        let results = OrderedParts(count: chosen.count, writer: CheckDocument.Writer(format: format, spool: spool, sink: sink),
                                   progress: progress)
        let store = self.store
        WorkerPool.run(items: chosen.count) { mine in
            var names: [String: String] = [:]
            do throws(StoreError) {
                try store.events(mine.map { chosen[$0] }) { position, ledger in
                    let found = check.run(ledger, sources: sources, names: &names)
                    // Rendered at once and let go: the claims need not be narrowed to those the findings name.
                    let output = CheckOutput(found, claims: ledger.claims, sources: sources)
                    results.deliver(mine[position], CheckDocument.part(output, format: format))
                }
            } catch {
                results.fail(error)
            }
        }
        if let error = results.error { throw error }
        return results.finish()
    }
}

/// What the workers of a check hand back, written out in event order: a part that arrives
/// early waits for those before it, and a worker more than `window` events ahead of the output
/// waits for it to catch up. One worker at a time writes, outside the lock.
private final class OrderedParts: @unchecked Sendable {
    private let condition = NSCondition()
    private var writer: CheckDocument.Writer
    private var waiting: [Int: CheckDocument.Part] = [:]
    private var next = 0
    private var writing = false
    private let count: Int
    private let progress: ((Int, Int) -> Void)?
    private(set) var error: StoreError?
    private static let window = 32

    init(count: Int, writer: CheckDocument.Writer, progress: ((Int, Int) -> Void)?) {
        (self.count, self.writer, self.progress) = (count, writer, progress)
    }

    func deliver(_ index: Int, _ part: CheckDocument.Part) {
        condition.lock()
        while index - next > Self.window, error == nil { condition.wait() }
        waiting[index] = part
        guard !writing else { return condition.unlock() }
        writing = true
        while let ready = waiting.removeValue(forKey: next) {
            next += 1
            let done = next
            condition.unlock()
            writer.add(ready)
            progress?(done, count)
            condition.lock()
            condition.broadcast()
        }
        writing = false
        condition.unlock()
    }

    func fail(_ error: StoreError) {
        condition.lock()
        if self.error == nil { self.error = error }
        condition.broadcast()
        condition.unlock()
    }

    /// Closes the output once every part is written.
    func finish() -> CheckDocument.Counts {
        writer.finish()
        return writer.counts
    }
}
