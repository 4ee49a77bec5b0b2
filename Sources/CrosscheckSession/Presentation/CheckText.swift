import CrosscheckCore

/// The check's report for a person: per event and metric, conflicts with both sides next to each
/// other, then near misses, updates as a timeline, the consensus; unordered pairs counted, or
/// listed with `listUnordered`, and the claims set aside listed with `listSetAside`. `colour`
/// adds ANSI colour (a terminal only); `width` is the line width.
public struct CheckText: CheckTextRendering {
    public var listUnordered: Bool
    public var listSetAside: Bool
    public var colour: Bool
    public var width: Int

    public init(listUnordered: Bool = false, listSetAside: Bool = false, colour: Bool = false, width: Int = 100) {
        (self.listUnordered, self.listSetAside, self.colour, self.width) = (listUnordered, listSetAside, colour, width)
    }

    /// One event's block of the report, without the summary line.
    public func block(_ output: CheckOutput) -> String {
        let (report, style) = (output.report, Style(on: colour))
        var lines: [String] = []
        // Findings by event and metric, once: a ledger may have ten thousand events.
        var byMetric: [String: [String: (findings: [[Finding]], consensus: [Consensus])]] = [:]
        let lists = [report.conflicts, report.nearMisses, report.updates, report.unordered]
        for (position, list) in lists.enumerated() {
            for finding in list {
                byMetric[finding.event, default: [:]][finding.metric, default: (Array(repeating: [], count: lists.count), [])]
                    .findings[position].append(finding)
            }
        }
        for consensus in report.consensus {
            byMetric[consensus.event, default: [:]][consensus.metric, default: (Array(repeating: [], count: lists.count), [])]
                .consensus.append(consensus)
        }
        for event in byMetric.keys.sorted() {
            lines.append(style.bold(event))
            for (metric, found) in byMetric[event]!.sorted(by: { $0.key < $1.key }) {
                lines.append("  " + style.bold(metric))
                let (conflicts, nearMisses, updates, unordered) = (found.findings[0], found.findings[1], found.findings[2], found.findings[3])
                for finding in conflicts { lines += describe(finding, output, style: style, label: style.red("conflict")) }
                for finding in nearMisses { lines += describe(finding, output, style: style, label: style.yellow("near miss")) }
                for scope in Set(updates.map { $0.scope ?? "" }).sorted() {
                    lines.append("    " + timeline(updates.filter { ($0.scope ?? "") == scope }, output, style: style))
                }
                if listUnordered {
                    for finding in unordered { lines += describe(finding, output, style: style, label: "unordered") }
                } else if !unordered.isEmpty {
                    lines.append("    \(Figure.counted(unordered.count, "unordered pair")) (same-day reports without a time; --unordered lists them)")
                }
                for consensus in found.consensus { lines.append("    " + describe(consensus, style: style)) }
            }
        }
        if listSetAside {
            for id in report.setAside {
                guard let claim = output.claim(id) else { continue }
                lines.append("  set aside: \(id) \(claim.metric)\(claim.scope.map { " · " + $0 } ?? "")  \(claim.text)  [\(claim.status?.rawValue ?? "")]")
            }
        }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    /// The closing line: what the check found in all.
    public func summary(_ counts: CheckDocument.Counts) -> String {
        let style = Style(on: colour)
        let head = counts.conflicts == 0
            ? style.green("consistent: no conflicts")
            : style.red(Figure.counted(counts.conflicts, "conflict"))
        return "\(head); \(Figure.counted(counts.nearMisses, "near miss", "near misses")), \(Figure.counted(counts.updates, "update")), "
            + "\(Figure.grouped(Double(counts.unordered))) unordered"
            + (counts.setAside == 0 ? "" : ", \(Figure.grouped(Double(counts.setAside))) set aside (false or retracted)") + "\n"
    }

    private func describe(_ finding: Finding, _ output: CheckOutput, style: Style, label: String) -> [String] {
        let scope = finding.otherScope.map { "\(finding.scope ?? "-") within \($0)" } ?? (finding.scope ?? "(no scope)")
        var lines = ["    \(label): \(finding.kind.summary) · \(scope) · severity \(JSONText.number((finding.severity * 100).rounded()))%"]
        // The two sides next to each other, a column each.
        let column = max(30, (width - 8) / 2)
        let left = finding.sides.first.map { sideLines($0, output) } ?? []
        let right = finding.sides.dropFirst().first.map { sideLines($0, output) } ?? []
        for row in 0..<max(left.count, right.count) {
            let a = row < left.count ? Self.fit(left[row], column) : ""
            let b = row < right.count ? Self.fit(right[row], column) : ""
            lines.append("      " + a + String(repeating: " ", count: max(0, column - a.count)) + " │ " + b)
        }
        return lines
    }

    private func sideLines(_ ids: [String], _ output: CheckOutput) -> [String] {
        ids.flatMap { id -> [String] in
            guard let claim = output.claim(id) else { return [id] }
            let head = "\(id) \(claim.text)" + (claim.asOf.map { " @ \($0.description)" } ?? "")
            return [head] + claim.sources.map { link in
                let outlet = output.source(link.source)?.outlet ?? link.source
                return "  \(outlet)" + (link.attributedTo.map { " (\($0))" } ?? "") + (link.quote.map { ": \"\($0)\"" } ?? "")
            }
        }
    }

    /// A scope's updates as one timeline, in the order of the later reports: "10 → 14 (c10,
    /// 2025-06-17T20:05+03:00) · 14 → 28 (c12, …)".
    private func timeline(_ updates: [Finding], _ output: CheckOutput, style: Style) -> String {
        func when(_ ids: [String]) -> String { ids.compactMap { output.claim($0)?.asOf?.description }.min() ?? "" }
        func figure(_ ids: [String]) -> String { Set(ids.compactMap { output.claim($0)?.text }).sorted().joined(separator: " / ") }
        let steps = updates.sorted { when($0.sides.last ?? []) < when($1.sides.last ?? []) }.map { update in
            let later = update.sides.last ?? []
            return "\(figure(update.sides.first ?? [])) → \(figure(later)) (\(later.joined(separator: ", "))"
                + (when(later).isEmpty ? "" : ", \(when(later))") + ")"
        }
        return style.bold("updates") + " \(updates.first?.scope ?? "(no scope)"): " + steps.joined(separator: " · ")
    }

    private func describe(_ consensus: Consensus, style: Style) -> String {
        let range = consensus.high.map { "\(Figure.grouped(consensus.low))–\(Figure.grouped($0))" } ?? "at least \(Figure.grouped(consensus.low))"
        return style.green("consensus") + " \(consensus.scope ?? "(no scope)"): best \(Figure.grouped(consensus.best)), \(range), "
            + "\(consensus.origins) independent \(consensus.origins == 1 ? "origin" : "origins")"
            + (consensus.outliers.isEmpty ? "" : "; outliers \(consensus.outliers.joined(separator: ", "))")
    }

    static func fit(_ text: String, _ width: Int) -> String {
        text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }

    struct Style {
        let on: Bool
        func paint(_ code: String, _ text: String) -> String { on ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
        func bold(_ text: String) -> String { paint("1", text) }
        func red(_ text: String) -> String { paint("31", text) }
        func yellow(_ text: String) -> String { paint("33", text) }
        func green(_ text: String) -> String { paint("32", text) }
    }
}

