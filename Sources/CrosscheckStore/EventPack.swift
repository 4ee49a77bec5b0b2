import CrosscheckCore
import Foundation

/// An event (its title and date, metrics, scopes, and claims with their links) in one compact
/// value, its claims in the order the claim rows are read (by metric, scope, then as stored). The
/// rows stay the ledger; the pack is what a check or an export of the whole ledger reads: one
/// value an event instead of a million rows joined to their links, which cost more than all the
/// checking did.
///
/// Layout (integers as LEB128 varints, numbers as IEEE 754 bits, little-endian): version 3;
/// title, date?; metric count, and each metric: id, kind, alias count, aliases; scope count, and
/// each scope: id, partOf?, alias count, aliases (version 1, still read, has no scope aliases); claim count, and each claim: id, metric, scope?, text, lower, flags
/// (lower open, upper open, approximate, has upper, has coded), upper?, kind, unit?, coded?,
/// asOf?, confidence, status, link count, and each link: source, quote?, attributedTo?,
/// credibility, span (0 for none, or start + 1 and its length; versions 1 and 2, still read,
/// have no span). A text is its byte count and its UTF-8; an optional text is 0 for none or
/// count + 1; a word from a closed list (a kind, confidence, status, credibility) is one byte,
/// its place in the list from 1, 0 for none.
public enum EventPack {
    static let version: UInt8 = 3

    public static func encode(_ ledger: EventLedger) -> [UInt8] {
        var out: [UInt8] = [version]
        out.reserveCapacity(ledger.claims.count * 128 + 256)
        appendText(ledger.event.title, to: &out)
        appendText(ledger.event.date?.description, to: &out)
        appendInteger(ledger.metrics.count, to: &out)
        for metric in ledger.metrics {
            appendText(metric.id, to: &out)
            out.append(word(metric.kind, in: metricKinds))
            appendInteger(metric.aliases.count, to: &out)
            for alias in metric.aliases { appendText(alias, to: &out) }
        }
        appendInteger(ledger.scopes.count, to: &out)
        for scope in ledger.scopes {
            appendText(scope.id, to: &out)
            appendText(scope.partOf, to: &out)
            appendInteger(scope.aliases.count, to: &out)
            for alias in scope.aliases { appendText(alias, to: &out) }
        }
        appendInteger(ledger.claims.count, to: &out)
        for claim in ledger.claims {
            let figure = claim.figure
            appendText(claim.id, to: &out)
            appendText(claim.metric, to: &out)
            appendText(claim.scope, to: &out)
            appendText(claim.text, to: &out)
            appendNumber(figure.lower, to: &out)
            var flags: UInt8 = 0
            if figure.lowerOpen { flags |= Flag.lowerOpen }
            if figure.upperOpen { flags |= Flag.upperOpen }
            if figure.approximate { flags |= Flag.approximate }
            if figure.upper != nil { flags |= Flag.upper }
            if figure.coded != nil { flags |= Flag.coded }
            out.append(flags)
            if let upper = figure.upper { appendNumber(upper, to: &out) }
            out.append(word(figure.kind, in: kinds))
            appendText(figure.unit, to: &out)
            if let coded = figure.coded { appendNumber(coded, to: &out) }
            appendText(claim.asOf?.description, to: &out)
            out.append(claim.confidence.map { word($0, in: confidences) } ?? 0)
            out.append(claim.status.map { word($0, in: statuses) } ?? 0)
            appendInteger(claim.sources.count, to: &out)
            for link in claim.sources {
                appendText(link.source, to: &out)
                appendText(link.quote, to: &out)
                appendText(link.attributedTo, to: &out)
                out.append(link.credibility.map { UInt8($0.rawValue) } ?? 0)
                appendInteger(link.span.map { $0.lowerBound + 1 } ?? 0, to: &out)
                if let span = link.span { appendInteger(span.count, to: &out) }
            }
        }
        return out
    }

    /// The pack of an event written anew (`ledger` with its standard metrics declared, as the
    /// store writes them): made from the event alone, in the order its rows will read back, so
    /// that an import makes it on the core that reads the files rather than the one that writes
    /// the database.
    public static func stored(_ ledger: EventLedger) -> [UInt8] {
        encode(inStoredOrder(ledger))
    }

    /// The event as its rows read back: metrics and scopes by id, claims by metric, scope (none
    /// first) and the order they were stored in, every comparison of text by its bytes, as
    /// SQLite's binary collation and the server's "C" collation compare.
    public static func inStoredOrder(_ ledger: EventLedger, claims: [Claim]? = nil) -> EventLedger {
        let before = { (a: String, b: String) in compareBytes(a, b) < 0 }
        let claims = claims ?? ledger.claims
        let metrics = ledger.metrics.sorted { before($0.id, $1.id) }, scopes = ledger.scopes.sorted { before($0.id, $1.id) }
        // Each claim's metric and scope as their places among the event's, found once: the sort
        // then mostly compares integers, not texts byte by byte. A name the event does not
        // declare has no place and is compared as text.
        let metricIDs = metrics.map(\.id), scopeIDs = scopes.map(\.id)
        let places = claims.map { claim in
            (metric: place(of: claim.metric, in: metricIDs), scope: claim.scope.map { place(of: $0, in: scopeIDs) })
        }
        func order(_ x: Int, _ y: Int) -> Int {
            if let first = places[x].metric, let second = places[y].metric {
                if first != second { return first - second }
            } else {
                let metrics = compareBytes(claims[x].metric, claims[y].metric)
                if metrics != 0 { return metrics }
            }
            switch (places[x].scope, places[y].scope) {
            case (nil, nil): return 0
            case (nil, _): return -1
            case (_, nil): return 1
            case let (first??, second??): return first - second
            default: return compareBytes(claims[x].scope!, claims[y].scope!)
            }
        }
        // Places are sorted, not claims, which are large to move.
        let sorted = claims.indices.sorted { x, y in
            let order = order(x, y)
            return order == 0 ? x < y : order < 0
        }
        return EventLedger(event: ledger.event, metrics: metrics, scopes: scopes, claims: sorted.map { claims[$0] })
    }

    /// Where `id` is among `ids` (sorted by their bytes), or nil if it is not one of them.
    private static func place(of id: String, in ids: [String]) -> Int? {
        var (low, high) = (0, ids.count)
        while low < high {
            let middle = (low + high) / 2
            let order = compareBytes(ids[middle], id)
            if order == 0 { return middle }
            if order < 0 { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// Two texts compared by their UTF-8 bytes, as SQLite's binary collation does (negative when
    /// `a` comes first): not Swift's comparison, which takes "é" and "e\u{301}" for one text.
    static func compareBytes(_ a: String, _ b: String) -> Int {
        var (a, b) = (a, b)
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let common = min(x.count, y.count)
                let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
                return order != 0 ? Int(order) : x.count - y.count
            }
        }
    }

    /// The event `id` from its pack, or nil if it is not one this version wrote whole.
    public static func decode(_ id: String, _ bytes: UnsafeRawBufferPointer) -> EventLedger? {
        var reader = Reader(bytes: bytes)
        return try? reader.ledger(id)
    }

    // The closed lists, once: `allCases` makes a new array each time it is asked.
    private static let kinds = FigureKind.allCases, confidences = Confidence.allCases, statuses = ClaimStatus.allCases
    private static let metricKinds = MetricKind.allCases

    private enum Flag {
        static let lowerOpen: UInt8 = 1, upperOpen: UInt8 = 2, approximate: UInt8 = 4, upper: UInt8 = 8, coded: UInt8 = 16
    }

    /// A word's place in its list, from 1.
    private static func word<Word: Equatable>(_ value: Word, in list: [Word]) -> UInt8 {
        UInt8(list.firstIndex(of: value)! + 1)
    }

    private static func appendInteger(_ value: Int, to out: inout [UInt8]) {
        var value = UInt64(value)
        while value >= 0x80 {
            out.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        out.append(UInt8(value))
    }

    private static func appendNumber(_ value: Double, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { out.append(contentsOf: $0) }
    }

    private static func appendText(_ text: String, to out: inout [UInt8]) {
        appendInteger(text.utf8.count, to: &out)
        out.append(contentsOf: text.utf8)
    }

    private static func appendText(_ text: String?, to out: inout [UInt8]) {
        guard let text else { return out.append(0) }
        appendInteger(text.utf8.count + 1, to: &out)
        out.append(contentsOf: text.utf8)
    }

    /// Reads a pack front to back; any read past its end or value out of its list is `Damaged`.
    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var at = 0

        struct Damaged: Error {}

        mutating func ledger(_ id: String) throws -> EventLedger {
            let version = try byte()
            guard (1...EventPack.version).contains(version) else { throw Damaged() }
            let event = Event(id: id, title: try text(), date: try optionalText().map { text in try ReportedTime(text) })
            var metrics: [Metric] = []
            for _ in 0..<(try count()) {
                let metric = try text(), kind = try word(in: EventPack.metricKinds)
                var aliases: [String] = []
                for _ in 0..<(try count()) { aliases.append(try text()) }
                metrics.append(Metric(id: metric, kind: kind, aliases: aliases))
            }
            var scopes: [Scope] = []
            for _ in 0..<(try count()) {
                var scope = Scope(id: try text(), partOf: try optionalText())
                if version > 1 { for _ in 0..<(try count()) { scope.aliases.append(try text()) } }
                scopes.append(scope)
            }
            let ledger = EventLedger(event: event, metrics: metrics, scopes: scopes, claims: try claims(spans: version > 2))
            guard at == bytes.count else { throw Damaged() }
            return ledger
        }

        /// A count of things still to read: each takes at least a byte, so more than the bytes
        /// left is damage, not a size to reserve.
        mutating func count() throws -> Int {
            let count = try integer()
            guard count <= bytes.count - at else { throw Damaged() }
            return count
        }

        mutating func claims(spans: Bool) throws -> [Claim] {
            let claimCount = try count()
            var claims: [Claim] = []
            claims.reserveCapacity(claimCount)
            for _ in 0..<claimCount {
                let id = try text(), metric = try text(), scope = try optionalText(), text = try self.text()
                let lower = try number()
                let flags = try byte()
                let upper = flags & Flag.upper != 0 ? try number() : nil
                let kind = try word(in: EventPack.kinds)
                let unit = try optionalText()
                let coded = flags & Flag.coded != 0 ? try number() : nil
                let asOf = try optionalText().map { text in try ReportedTime(text) }
                let confidence = try optionalWord(in: EventPack.confidences), status = try optionalWord(in: EventPack.statuses)
                let linkCount = try self.count()
                var links: [Link] = []
                links.reserveCapacity(linkCount)
                for _ in 0..<linkCount {
                    let source = try self.text(), quote = try optionalText(), attributedTo = try optionalText()
                    let rating = Int(try byte())
                    let credibility = Credibility(rawValue: rating)
                    guard rating == 0 || credibility != nil else { throw Damaged() }
                    var span: Range<Int>?
                    if spans, case let start = try integer(), start > 0 {
                        let length = try integer()
                        guard start - 1 <= Int.max - length else { throw Damaged() }
                        span = (start - 1)..<(start - 1 + length)
                    }
                    links.append(Link(source: source, quote: quote, attributedTo: attributedTo, credibility: credibility, span: span))
                }
                claims.append(Claim(
                    id: id, metric: metric, scope: scope, text: text,
                    figure: Figure(lower: lower, upper: upper, lowerOpen: flags & Flag.lowerOpen != 0, upperOpen: flags & Flag.upperOpen != 0,
                                   approximate: flags & Flag.approximate != 0, kind: kind, unit: unit, coded: coded),
                    asOf: asOf, confidence: confidence, status: status, sources: links))
            }
            return claims
        }

        mutating func byte() throws -> UInt8 {
            guard at < bytes.count else { throw Damaged() }
            defer { at += 1 }
            return bytes[at]
        }

        mutating func integer() throws -> Int {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let next = try byte()
                guard shift < 63 else { throw Damaged() }
                value |= UInt64(next & 0x7F) << shift
                if next < 0x80 { break }
                shift += 7
            }
            guard value <= UInt64(Int.max) else { throw Damaged() }
            return Int(value)
        }

        mutating func number() throws -> Double {
            guard bytes.count - at >= 8 else { throw Damaged() }
            defer { at += 8 }
            return Double(bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self)))
        }

        mutating func text() throws -> String {
            try text(count: integer())
        }

        mutating func optionalText() throws -> String? {
            let count = try integer()
            return count == 0 ? nil : try text(count: count - 1)
        }

        private mutating func text(count: Int) throws -> String {
            guard count <= bytes.count - at else { throw Damaged() }
            defer { at += count }
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[at..<at + count]), as: UTF8.self)
        }

        mutating func word<Word>(in list: [Word]) throws -> Word {
            guard let word = try optionalWord(in: list) else { throw Damaged() }
            return word
        }

        mutating func optionalWord<Word>(in list: [Word]) throws -> Word? {
            let number = Int(try byte())
            guard number != 0 else { return nil }
            guard number <= list.count else { throw Damaged() }
            return list[number - 1]
        }
    }
}
