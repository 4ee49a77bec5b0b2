/// What `check` prints, written one event at a time as each event's findings are found (in
/// event order) and then let go: neither the claims, nor the findings, nor the output of a
/// large check are held at once. A JSON document lists every conflict before the first update:
/// conflicts go straight out, and the later lists wait in a `CheckSpool` (a temporary file, for
/// the command line) until the conflicts are done.
public struct CheckDocument: Sendable {
    /// How the check prints.
    public enum Format: Sendable {
        case json
        /// The readable report, as the side that shows it renders it.
        case text(any CheckTextRendering)
    }

    /// How many findings of each list.
    public struct Counts: Sendable, Hashable {
        public var conflicts = 0, updates = 0, unordered = 0, nearMisses = 0, consensus = 0, setAside = 0

        public init() {}

        init(_ report: CheckReport) {
            (conflicts, updates, unordered, nearMisses, consensus, setAside) = (
                report.conflicts.count, report.updates.count, report.unordered.count, report.nearMisses.count,
                report.consensus.count, report.setAside.count)
        }

        mutating func add(_ other: Counts) {
            conflicts += other.conflicts
            updates += other.updates
            unordered += other.unordered
            nearMisses += other.nearMisses
            consensus += other.consensus
            setAside += other.setAside
        }
    }

    /// One event's output, rendered.
    public struct Part: Sendable {
        var counts: Counts
        /// The six lists of a JSON document, each this event's items already joined, as UTF-8.
        var lists: [[UInt8]] = []
        var text = ""
    }

    /// Renders one event's output.
    public static func part(_ output: CheckOutput, format: Format) -> Part {
        switch format {
        case .json: Part(counts: Counts(output.report), lists: output.jsonLists)
        case .text(let rendering): Part(counts: Counts(output.report), text: rendering.block(output))
        }
    }

    /// The findings counted, and the whole output (for a check whose output is kept, not written out).
    public let counts: Counts
    public let bytes: [UInt8]

    public init(counts: Counts, bytes: [UInt8]) { (self.counts, self.bytes) = (counts, bytes) }

    /// The whole output, as one string.
    public var rendered: String { String(decoding: bytes, as: UTF8.self) }

    /// A document of one event's lists (each its items joined).
    static func json(_ lists: [[UInt8]]) -> String {
        var whole: [UInt8] = []
        var writer = Writer(format: .json, spool: MemorySpool()) { whole.append(contentsOf: $0) }
        writer.add(Part(counts: Counts(), lists: lists))
        writer.finish()
        return String(decoding: whole, as: UTF8.self)
    }

    /// The document's lists, in order.
    static let listNames = ["conflicts", "updates", "unordered", "nearMisses", "consensus", "setAside"]

    /// Between two items of a list.
    static let itemSeparator = ",\n    "

    /// Writes the output as the events' parts come, in order, through `sink`.
    public struct Writer {
        public let format: Format
        public private(set) var counts = Counts()
        private let spool: any CheckSpool
        private let sink: (UnsafeRawBufferPointer) -> Void
        /// Whether each list has had an item.
        private var started = Array(repeating: false, count: CheckDocument.listNames.count)
        private var opened = false

        /// `spool` keeps the lists after the first until `finish`.
        public init(format: Format, spool: any CheckSpool, sink: @escaping (UnsafeRawBufferPointer) -> Void) {
            (self.format, self.spool, self.sink) = (format, spool, sink)
        }

        /// The next event's part.
        public mutating func add(_ part: Part) {
            counts.add(part.counts)
            guard case .json = format else { return put(part.text) }
            if !opened { put("{\n  \"" + listNames[0] + "\": "); opened = true }
            for (index, items) in part.lists.enumerated() where !items.isEmpty {
                // The conflicts' list is opened here; the others when their turn comes, in `finish`.
                var lead = started[index] ? itemSeparator : (index == 0 ? "[\n    " : "")
                started[index] = true
                if index == 0 {
                    put(lead)
                    items.withUnsafeBytes(sink)
                } else {
                    lead.withUTF8 { spool.append(index, UnsafeRawBufferPointer($0)) }
                    items.withUnsafeBytes { spool.append(index, $0) }
                }
            }
        }

        /// The end: the lists kept in the spool, then the closing brackets (JSON) or the summary.
        public mutating func finish() {
            guard case .json = format else {
                if case .text(let rendering) = format { put(rendering.summary(counts)) }
                return
            }
            if !opened { put("{\n  \"" + listNames[0] + "\": ") }
            for index in listNames.indices {
                if index > 0 {
                    put(",\n  \"" + listNames[index] + "\": ")
                    if started[index] { put("[\n    "); spool.replay(index, sink) }
                }
                put(started[index] ? "\n  ]" : "[]")
            }
            put("\n}\n")
        }

        private func put(_ text: String) {
            var text = text
            text.withUTF8 { sink(UnsafeRawBufferPointer($0)) }
        }
    }
}

/// Where the lists of a JSON document that come after the conflicts wait for their turn.
public protocol CheckSpool: AnyObject {
    /// Keeps more bytes of list `list`.
    func append(_ list: Int, _ bytes: UnsafeRawBufferPointer)
    /// Gives back everything list `list` was given, in order.
    func replay(_ list: Int, _ sink: (UnsafeRawBufferPointer) -> Void)
}

/// A spool in memory: for checks whose whole output is kept anyway.
public final class MemorySpool: CheckSpool {
    private var lists: [[UInt8]] = Array(repeating: [], count: CheckDocument.listNames.count)

    public init() {}

    public func append(_ list: Int, _ bytes: UnsafeRawBufferPointer) { lists[list].append(contentsOf: bytes) }

    public func replay(_ list: Int, _ sink: (UnsafeRawBufferPointer) -> Void) { lists[list].withUnsafeBytes(sink) }
}

/// The check's report for a person, rendered by the side that knows where it is shown (a
/// terminal's colours and width): the core decides what was found, not how it looks.
public protocol CheckTextRendering: Sendable {
    /// One event's block of the report.
    func block(_ output: CheckOutput) -> String
    /// The closing line: what the check found in all.
    func summary(_ counts: CheckDocument.Counts) -> String
}
