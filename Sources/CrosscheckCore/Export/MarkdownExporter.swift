/// `markdown`: per event, per metric, a table of the figures (one row a claim–source link) with
/// their sources, grades and quotes, then the conflicts, near misses, updates, unordered pairs
/// and the consensus; the sources with their grades at the end. GitHub Markdown.
public struct MarkdownExporter: LedgerExporter {
    private var cited: Set<String> = []
    private var context: ExportContext?

    public init() {}

    public var needsCheck: Bool { true }

    public mutating func begin(_ context: ExportContext, _ write: (String) -> Void) {
        self.context = context
        write("# Claim ledger\n\nExported \(context.date) by crosscheck. Figures as intervals; grades: source reliability A–F, "
            + "report credibility 1–6 (Admiralty scale).\n")
    }

    public mutating func add(_ event: ExportedEvent, _ write: (String) -> Void) {
        let ledger = event.ledger
        var out = "\n## \(Self.text(ledger.event.title)) (`\(ledger.event.id)`)\n\n"
        if let date = ledger.event.date { out += "Date: \(date.description). " }
        out += "\(ledger.claims.count) \(ledger.claims.count == 1 ? "claim" : "claims").\n"
        for view in event.metrics {
            out += "\n### \(Self.text(view.metric)) (\(view.kind.rawValue))\n\n"
            out += "| claim | scope | words | figure | as of | status | source | grade | credibility | attributed to | quote |\n"
            out += "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
            for claim in view.claims {
                let claimCells = [claim.id, claim.scope ?? "", claim.text, claim.figure.intervalDescription + (claim.figure.approximate ? " ≈" : ""),
                                  event.time(claim)?.description ?? "", (claim.status ?? .open).rawValue]
                let links: [Link?] = claim.sources.isEmpty ? [nil] : claim.sources
                for (index, link) in links.enumerated() {
                    let source = link.flatMap { event.sources[$0.source] }
                    if let link { cited.insert(link.source) }
                    let linkCells = [source?.outlet ?? link?.source ?? "", source?.reliability?.rawValue ?? "",
                                     link?.credibility.map { String($0.rawValue) } ?? "", link?.attributedTo ?? "", link?.quote ?? ""]
                    let cells = (index == 0 ? claimCells : [claim.id, "", "", "", "", ""]) + linkCells
                    out += "| " + cells.map(Escaping.markdownCell).joined(separator: " | ") + " |\n"
                }
            }
            let found = event.findings(view.metric)
            out += list("Conflicts", found.conflicts, event)
            out += list("Near misses", found.nearMisses, event)
            out += list("Updates", found.updates, event)
            out += list("Unordered", found.unordered, event)
            let consensus = event.consensus(view.metric)
            if !consensus.isEmpty {
                out += "\n**Consensus**\n\n"
                for line in consensus {
                    out += "- \(Self.text(line.scope ?? "(no scope)")): \(line.rangeDescription), \(line.originsDescription)"
                        + (line.outliers.isEmpty ? "" : "; outliers \(line.outliers.joined(separator: ", "))") + "\n"
                }
            }
        }
        write(out)
    }

    public mutating func finish(_ write: (String) -> Void) {
        let sources = (context?.registry.sources ?? []).filter { cited.contains($0.id) }
        guard !sources.isEmpty else { return }
        var out = "\n## Sources\n\n| source | outlet | title | published | reliability |\n| --- | --- | --- | --- | --- |\n"
        for source in sources {
            let title = Escaping.markdownCell(source.title)
            let linked = source.url.flatMap(Escaping.linkable).map { "[\(title)](<\(Self.destination($0))>)" } ?? title
            out += "| " + [source.id, source.outlet].map(Escaping.markdownCell).joined(separator: " | ") + " | \(linked) | "
                + Escaping.markdownCell(source.published?.description ?? "") + " | " + Escaping.markdownCell(source.gradeDescription) + " |\n"
        }
        write(out)
    }

    /// A list of findings: each with its kind, scope, severity and the claims on each side.
    private func list(_ heading: String, _ findings: [Finding], _ event: ExportedEvent) -> String {
        guard !findings.isEmpty else { return "" }
        let claims = Dictionary(event.ledger.claims.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var out = "\n**\(heading)**\n\n"
        // Every conflict: the document is the record of them.
        let shown = ExportedEvent.shown(findings, conflicts: findings.count)
        for finding in findings.prefix(shown) {
            let scope = finding.otherScope.map { "\(finding.scope ?? "(no scope)") within \($0)" } ?? (finding.scope ?? "(no scope)")
            let sides = finding.sides.map { side in
                side.map { id in
                    guard let claim = claims[id] else { return id }
                    let outlets = claim.sources.map { event.sources[$0.source]?.outlet ?? $0.source }.joined(separator: ", ")
                    return "\(id) \(claim.text)" + (event.time(claim).map { " @ \($0.description)" } ?? "") + (outlets.isEmpty ? "" : " (\(outlets))")
                }.joined(separator: "; ")
            }
            out += "- \(finding.kind.summary) (`\(finding.kind.rawValue)`) · \(Self.text(scope)) · severity "
                + "\(JSONText.number((finding.severity * 100).rounded()))%: "
                + Self.text(sides.joined(separator: finding.kind == .tollFell || finding.kind == .update ? " → " : " vs ")) + "\n"
        }
        if let more = ExportedEvent.unlisted(findings, shown: shown) { out += "- " + Self.text(more) + "\n" }
        return out
    }

    /// Running text: the same escaping as a cell.
    static func text(_ value: String) -> String { Escaping.markdownCell(value) }

    /// A link's destination inside `<…>`: the characters that would end it, percent-encoded.
    static func destination(_ url: String) -> String {
        var out = ""
        for scalar in url.unicodeScalars {
            switch scalar {
            case "<": out += "%3C"
            case ">": out += "%3E"
            case " ": out += "%20"
            case "\n", "\r": break
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
