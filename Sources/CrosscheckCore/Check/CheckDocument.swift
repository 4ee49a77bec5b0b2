/// What `check` prints, built one event at a time: each event's findings are rendered as soon as
/// they are found and then let go, so that a check of a million claims holds its output, not
/// its claims and findings.
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

    public let format: Format
    public private(set) var counts = Counts()
    private var lists: [[[UInt8]]] = Array(repeating: [], count: CheckDocument.listNames.count)
    private var text = ""

    public init(format: Format) { self.format = format }

    /// Renders one event's output.
    public static func part(_ output: CheckOutput, format: Format) -> Part {
        switch format {
        case .json: Part(counts: Counts(output.report), lists: output.jsonLists)
        case .text(let rendering): Part(counts: Counts(output.report), text: rendering.block(output))
        }
    }

    /// Adds the next event's rendered output.
    public mutating func add(_ part: Part) {
        counts.add(part.counts)
        for (index, items) in part.lists.enumerated() where !items.isEmpty { lists[index].append(items) }
        text += part.text
    }

    /// The whole output, as one string.
    public var rendered: String {
        var whole = ""
        write { whole += $0 }
        return whole
    }

    /// The whole output, a piece at a time: a large check is written out without being joined
    /// into one string first.
    public func write(_ sink: (String) -> Void) {
        write(bytes: { sink(String(decoding: $0, as: UTF8.self)) })
    }

    /// The same as the UTF-8 bytes it is written as: hundreds of megabytes of JSON need not be
    /// made strings (and checked as UTF-8) only to be written out again.
    public func write(bytes sink: (UnsafeRawBufferPointer) -> Void) {
        switch format {
        case .json: Self.json(lists, sink)
        case .text(let rendering):
            Self.put(text, sink)
            Self.put(rendering.summary(counts), sink)
        }
    }

    static func json(_ lists: [[[UInt8]]]) -> String {
        var whole: [UInt8] = []
        json(lists) { whole.append(contentsOf: $0) }
        return String(decoding: whole, as: UTF8.self)
    }

    /// The document's lists, in order.
    static let listNames = ["conflicts", "updates", "unordered", "nearMisses", "consensus", "setAside"]

    /// Between two items of a list.
    static let itemSeparator = ",\n    "

    /// Each list's pieces, each piece one or more items.
    static func json(_ lists: [[[UInt8]]], _ sink: (UnsafeRawBufferPointer) -> Void) {
        func put(_ text: String) { Self.put(text, sink) }
        for (index, name) in listNames.enumerated() {
            put((index == 0 ? "{\n  \"" : ",\n  \"") + name + "\": ")
            guard !lists[index].isEmpty else {
                put("[]")
                continue
            }
            put("[\n    ")
            for (position, item) in lists[index].enumerated() {
                if position > 0 { put(itemSeparator) }
                item.withUnsafeBytes(sink)
            }
            put("\n  ]")
        }
        put("\n}\n")
    }

    private static func put(_ text: String, _ sink: (UnsafeRawBufferPointer) -> Void) {
        var text = text
        text.withUTF8 { sink(UnsafeRawBufferPointer($0)) }
    }
}

/// The check's report for a person, rendered by the side that knows where it is shown (a
/// terminal's colours and width): the core decides what was found, not how it looks.
public protocol CheckTextRendering: Sendable {
    /// One event's block of the report.
    func block(_ output: CheckOutput) -> String
    /// The closing line: what the check found in all.
    func summary(_ counts: CheckDocument.Counts) -> String
}
