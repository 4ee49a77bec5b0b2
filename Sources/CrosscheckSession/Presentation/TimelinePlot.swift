import CrosscheckCore

/// A terminal chart of one metric of an event: a row a claim in time order, its interval drawn
/// as a bar on the value axis (█ exact, ▓ a bound or range, ░ approximate, ▶ unbounded above),
/// the consensus band shaded (▒ where no bar covers it), conflicting claims marked ✗. Fitted to
/// `width` columns.
public struct TimelinePlot: Sendable {
    public var ledger: EventLedger
    public var metric: String
    public var report: CheckReport

    public init(ledger: EventLedger, metric: String, report: CheckReport) {
        (self.ledger, self.metric, self.report) = (ledger, metric, report)
    }

    public func render(width: Int) -> String {
        let claims = ledger.claims.filter { $0.metric == metric }
        guard !claims.isEmpty else { return "no \(metric) claims in \(ledger.event.id)\n" }
        let intervals = claims.map { Interval($0.figure) }
        // The value axis: from 0 (or the lowest figure) to a little above the highest finite end.
        let top = intervals.map { $0.upper ?? $0.lower }.max() ?? 1
        let bottom = min(0, intervals.map(\.lower).min() ?? 0)
        let span = max(top * 1.1 - bottom, 1)
        let labelWidth = min(34, max(20, width / 3))
        // A row: mark and space, label, " │", the cells, "│".
        let columns = max(20, width - labelWidth - 5)
        func column(_ value: Double) -> Int { min(columns - 1, max(0, Int(((value - bottom) / span * Double(columns - 1)).rounded()))) }

        let conflicting = Set(report.conflicts.filter { $0.metric == metric && $0.event == ledger.event.id }.flatMap(\.claims))
        var lines: [String] = ["\(ledger.event.id) · \(metric)"]
        let scopes = Array(Set(claims.map { $0.scope ?? "" })).sorted()
        for scope in scopes {
            lines.append(scope.isEmpty ? "(no scope)" : scope)
            let band = report.consensus.first { $0.event == ledger.event.id && $0.metric == metric && ($0.scope ?? "") == scope }
            // In time order as the check reads time: bare dates in the zone of the event's reports.
            let zone = TimeWindow.zone(of: claims.compactMap(\.asOf))
            func start(_ claim: Claim) -> Int64 { TimeWindow(claim.asOf, zone: zone).earliest }
            let rows = claims.filter { ($0.scope ?? "") == scope }.sorted { (start($0), $0.id) < (start($1), $1.id) }
            for claim in rows {
                let interval = Interval(claim.figure)
                var cells = [Character](repeating: " ", count: columns)
                if let band {
                    for index in column(band.interval.lower)...column(band.interval.upper ?? top * 1.1) { cells[index] = "▒" }
                }
                let fill: Character = claim.figure.approximate ? "░" : (interval.upper == interval.lower ? "█" : "▓")
                let end = interval.upper.map(column) ?? columns - 1
                for index in column(interval.lower)...max(column(interval.lower), end) { cells[index] = fill }
                if interval.upper == nil { cells[columns - 1] = "▶" }
                let mark = conflicting.contains(claim.id) ? "✗" : " "
                let time = claim.asOf?.description ?? "no time"
                let label = Self.fit("\(claim.id) \(time)", labelWidth)
                lines.append("\(mark) \(label)\(String(repeating: " ", count: labelWidth - label.count)) │\(String(cells))│")
            }
        }
        // The axis: the lowest value, the middle and the highest, under their columns.
        var axis = [Character](repeating: " ", count: columns)
        for value in [bottom, bottom + span / 2, bottom + span] {
            let text = Array(Figure.grouped(value.rounded()))
            let start = min(columns - text.count, max(0, column(value) - text.count / 2))
            for (offset, character) in text.enumerated() { axis[start + offset] = character }
        }
        lines.append(String(repeating: " ", count: labelWidth + 2) + " " + String(axis))
        lines += Self.legend(width: width)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The key to the bars, as many items a line as fit in `width`.
    static func legend(width: Int) -> [String] {
        let items = ["█ exact", "▓ bound or range", "░ approximate", "▶ no upper bound", "▒ consensus", "✗ in a conflict"]
        var lines = [""]
        for item in items {
            let joined = lines[lines.count - 1].isEmpty ? item : lines[lines.count - 1] + "  " + item
            if joined.count <= width || lines[lines.count - 1].isEmpty { lines[lines.count - 1] = joined } else { lines.append(item) }
        }
        return lines
    }

    static func fit(_ text: String, _ width: Int) -> String { text.count <= width ? text : String(text.prefix(width - 1)) + "…" }
}
