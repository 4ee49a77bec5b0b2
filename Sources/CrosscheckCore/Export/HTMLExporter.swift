/// `html`: one self-contained page, no network and no scripts: per event and metric a chart of
/// every claim's interval over time for each scope (`TimelineChart`, inline SVG), the consensus
/// band, claims in a conflict marked and linked to their rows; the findings; the table of
/// claims with their sources, grades and quotes; then the sources. Everything printed from the
/// ledger is escaped.
public struct HTMLExporter: LedgerExporter {
    private var cited: Set<String> = []
    private var context: ExportContext?

    public init() {}

    public var needsCheck: Bool { true }

    public mutating func begin(_ context: ExportContext, _ write: (String) -> Void) {
        self.context = context
        write("""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="crosscheck">
            <title>Claim ledger</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            <header><h1>Claim ledger</h1><p>Exported \(Escaping.html(context.date)) by crosscheck. Each figure is an interval; \
            sources are graded A–F for reliability, each report 1–6 for credibility (Admiralty scale).</p></header>

            """)
    }

    public mutating func add(_ event: ExportedEvent, _ write: (String) -> Void) {
        let ledger = event.ledger
        let id = Escaping.html(ledger.event.id)
        let conflicts = event.report.conflicts.count
        var out = "<section class=\"event\" id=\"event-\(id)\">\n<h2>\(Escaping.html(ledger.event.title)) <code>\(id)</code></h2>\n<p class=\"meta\">"
        if let date = ledger.event.date { out += "\(Escaping.html(date.description)) · " }
        out += "\(ledger.claims.count) \(ledger.claims.count == 1 ? "claim" : "claims") · "
            + (conflicts == 0 ? "no conflicts" : "<span class=\"bad\">\(conflicts) \(conflicts == 1 ? "conflict" : "conflicts")</span>") + "</p>\n"
        let inConflict = Set(event.report.conflicts.flatMap(\.claims))
        let zone = event.zone
        for view in event.metrics {
            let metric = Escaping.html(view.metric)
            out += "<section class=\"metric\" id=\"event-\(id)-\(metric)\">\n<h3>\(metric) <small>\(view.kind.rawValue)</small></h3>\n"
            let consensus = event.consensus(view.metric)
            for scope in Set(view.claims.map(\.scope)).sorted(by: { ($0 ?? "") < ($1 ?? "") }) {
                let chart = TimelineChart(
                    claims: view.claims.filter { $0.scope == scope }.map { ($0, event.window($0)) },
                    consensus: consensus.first { $0.scope == scope }, conflicting: inConflict, zone: zone ?? 0)
                out += "<figure class=\"chart\">\n<figcaption>\(metric) · \(Escaping.html(scope ?? "no scope"))</figcaption>\n"
                    + chart.svg() + "</figure>\n"
            }
            out += Self.legend
            out += findings(event, view.metric)
            out += table(event, view, inConflict)
            out += "</section>\n"
        }
        out += "</section>\n"
        write(out)
    }

    public mutating func finish(_ write: (String) -> Void) {
        let sources = (context?.registry.sources ?? []).filter { cited.contains($0.id) }
        var out = ""
        if !sources.isEmpty {
            out += "<section id=\"sources\">\n<h2>Sources</h2>\n<table>\n<thead><tr><th>source</th><th>outlet</th><th>title</th>"
                + "<th>published</th><th>reliability</th></tr></thead>\n<tbody>\n"
            for source in sources {
                let title = Escaping.html(source.title)
                let linked = source.url.flatMap(Escaping.linkable).map { "<a href=\"\(Escaping.html($0))\">\(title)</a>" } ?? title
                out += "<tr id=\"source-\(Escaping.html(source.id))\"><td><code>\(Escaping.html(source.id))</code></td><td>\(Escaping.html(source.outlet))</td>"
                    + "<td>\(linked)</td><td>\(Escaping.html(source.published?.description ?? ""))</td>"
                    + "<td>\(Escaping.html(source.gradeDescription))</td></tr>\n"
            }
            out += "</tbody>\n</table>\n</section>\n"
        }
        write(out + "</body>\n</html>\n")
    }

    /// The metric's findings: conflicts first, each claim linked to its row.
    private func findings(_ event: ExportedEvent, _ metric: String) -> String {
        let found = event.findings(metric)
        let lists = [("Conflicts", "bad", found.conflicts), ("Near misses", "near", found.nearMisses), ("Updates", "", found.updates),
                     ("Unordered", "", found.unordered)]
        var out = ""
        for (heading, style, items) in lists where !items.isEmpty {
            out += "<h4>\(heading)</h4>\n<ul class=\"findings \(style)\">\n"
            let shown = ExportedEvent.shown(items, conflicts: Self.conflictsListed)
            for finding in items.prefix(shown) {
                let scope = finding.otherScope.map { "\(finding.scope ?? "no scope") within \($0)" } ?? (finding.scope ?? "no scope")
                let arrow = finding.kind == .tollFell || finding.kind == .update ? " → " : " vs "
                let sides = finding.sides.map { side in side.map { "<a href=\"#claim-\(Escaping.html($0))\">\(Escaping.html($0))</a>" }.joined(separator: ", ") }
                out += "<li><b>\(finding.kind.summary)</b> <code>\(finding.kind.rawValue)</code> · \(Escaping.html(scope)) · severity "
                    + "\(JSONText.number((finding.severity * 100).rounded()))%: \(sides.joined(separator: arrow))</li>\n"
            }
            // Conflicts left unlisted stay marked ✗ in the chart and the table.
            if let more = ExportedEvent.unlisted(items, shown: shown) { out += "<li class=\"more\">\(Escaping.html(more))</li>\n" }
            out += "</ul>\n"
        }
        let consensus = event.consensus(metric)
        if !consensus.isEmpty {
            out += "<h4>Consensus</h4>\n<ul class=\"findings good\">\n"
            for line in consensus {
                out += "<li>\(Escaping.html(line.scope ?? "no scope")): \(line.rangeDescription), \(line.originsDescription)"
                    + (line.outliers.isEmpty ? "" : "; outliers " + line.outliers.map { "<a href=\"#claim-\(Escaping.html($0))\">\(Escaping.html($0))</a>" }
                        .joined(separator: ", ")) + "</li>\n"
            }
            out += "</ul>\n"
        }
        return out
    }

    /// A row a claim, in time order; its sources listed in its last cell.
    private mutating func table(_ event: ExportedEvent, _ view: ExportedEvent.MetricView, _ inConflict: Set<String>) -> String {
        // A long table starts folded: a browser lays ten thousand rows out in seconds, and a link
        // to a row (from a bar or a finding) unfolds it.
        let count = view.claims.count
        var out = "<details class=\"claims\"\(count <= Self.unfolded ? " open" : "")><summary>\(count) \(count == 1 ? "claim" : "claims")</summary>\n"
            + "<table class=\"claims\">\n<thead><tr><th>claim</th><th>scope</th><th>words</th><th>figure</th><th>as of</th><th>status</th>"
            + "<th>sources: outlet, grade, credibility, attributed to, quote</th></tr></thead>\n<tbody>\n"
        for claim in view.claims {
            let id = Escaping.html(claim.id)
            out += "<tr id=\"claim-\(id)\"\(inConflict.contains(claim.id) ? " class=\"bad\"" : "")><td>\(id)</td>"
                + "<td>\(Escaping.html(claim.scope ?? ""))</td><td>\(Escaping.html(claim.text))</td>"
                + "<td>\(Escaping.html(claim.figure.intervalDescription))\(claim.figure.approximate ? " ≈" : "")</td>"
                + "<td>\(Escaping.html(event.time(claim)?.description ?? ""))</td><td>\((claim.status ?? .open).rawValue)</td><td>"
            for (position, link) in claim.sources.enumerated() {
                cited.insert(link.source)
                let source = event.sources[link.source]
                out += (position > 0 ? "<br>" : "") + "<a href=\"#source-\(Escaping.html(link.source))\">\(Escaping.html(source?.outlet ?? link.source))</a>"
                    + " <span class=\"grade\">\(source?.reliability?.rawValue ?? "–")\(link.credibility.map { String($0.rawValue) } ?? "–")</span>"
                    + (link.attributedTo.map { " (\(Escaping.html($0)))" } ?? "")
                    // Quote marks written out: a `<q>` costs the browser seconds over ten thousand rows.
                    + (link.quote.map { ": <i>“\(Escaping.html($0))”</i>" } ?? "")
            }
            out += "</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</details>\n"
    }

    /// Tables of up to this many claims start unfolded.
    static let unfolded = 500
    /// Conflicts listed under a chart; the rest are counted (their claims stay marked).
    static let conflictsListed = 100

    static let legend = """
        <p class="legend"><i class="sw"></i>exact, range or bound <i class="sw approx"></i>approximate (hatched) \
        <i class="sw arrow">▲</i>no upper bound <i class="sw band"></i>consensus <i class="sw x"></i>in a conflict (✗)</p>

        """

    static let style = """
        body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;max-width:1120px;margin:0 auto;padding:16px 24px}\
        h1{font-size:1.6em;margin:.2em 0}h2{font-size:1.3em;margin:1.6em 0 .2em;border-bottom:2px solid #d0d7de}\
        h3{font-size:1.1em;margin:1.2em 0 .4em}h3 small{font-weight:normal;color:#57606a}h4{margin:.8em 0 .2em;font-size:1em}\
        code{font-size:.9em;color:#57606a}.meta{color:#57606a;margin:.2em 0}.bad{color:#b42318}\
        figure.chart{margin:.4em 0}figcaption{font-size:.9em;color:#57606a}svg.chart{width:100%;height:auto;display:block}\
        .axis{stroke:#8c959f;stroke-width:1}.grid{stroke:#eaeef2;stroke-width:1}text{font:11px system-ui,sans-serif;fill:#57606a}\
        .bar{fill:#3b6fb6;stroke:#1f4e8c;stroke-width:1}.bar.approx{fill:url(#hatch)}.bar.x{stroke:#b42318;stroke-width:2.5}\
        .arrow{fill:#1f4e8c}.span{fill:none;stroke:#3b6fb6;stroke-width:3;stroke-opacity:.35}.band{fill:#2da44e;fill-opacity:.18;stroke:#2da44e;stroke-opacity:.5}.mark{fill:none;stroke:#b42318;stroke-width:2}\
        .legend{font-size:.85em;color:#57606a}.sw{display:inline-block;width:14px;height:10px;margin:0 4px 0 12px;vertical-align:middle;background:#3b6fb6;border:1px solid #1f4e8c;font-style:normal}.sw:first-child{margin-left:0}.sw.approx{background:repeating-linear-gradient(45deg,#3b6fb6 0 2px,#c9d8ee 2px 5px)}.sw.arrow{background:none;border:0;color:#1f4e8c;font-size:10px;line-height:10px;text-align:center}.sw.band{background:#d5eedc;border-color:#2da44e}.sw.x{border:2px solid #b42318}\
        ul.findings{margin:.2em 0;padding-left:1.2em}li.more{list-style:none;color:#57606a}ul.bad li::marker{color:#b42318}\
        table{border-collapse:collapse;width:100%;margin:.6em 0;font-size:.9em}th,td{border:1px solid #d0d7de;padding:3px 6px;text-align:left;vertical-align:top}\
        th{background:#f6f8fa}summary{cursor:pointer;color:#57606a;font-size:.9em;margin:.4em 0}tr.bad td:first-child{border-left:3px solid #b42318}tr:target{background:#fff8c5}\
        .grade{font-family:ui-monospace,monospace;background:#eaeef2;border-radius:3px;padding:0 3px}\
        @media print{body{max-width:none;font-size:10pt;padding:0}figure.chart,tr{break-inside:avoid}a{color:inherit;text-decoration:none}tr:target{background:none}}
        """
}
