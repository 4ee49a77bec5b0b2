/// The HTML report's chart of one (event, metric, scope): time across, the figure up. Each
/// claim's interval is a bar at its time (a bare date at the middle of its day, the day drawn as
/// a line beneath), approximate figures hatched, an end with no bound drawn as an arrow, the
/// consensus a shaded band, claims in a conflict outlined and marked ✗; every bar links to its
/// claim's row. Claims with no time stand in a column of their own at the left.
struct TimelineChart {
    var claims: [(claim: Claim, window: TimeWindow)]
    var consensus: Consensus?
    var conflicting: Set<String>
    /// The offset, in minutes, that time labels are written in.
    var zone: Int

    static let width = 880.0, height = 240.0
    static let left = 64.0, right = 16.0, top = 14.0, bottom = 34.0, barWidth = 10.0
    /// Up to this many claims a chart draws each bar on its own, linked to its row with the
    /// claim as its tooltip; above it, the bars of one style are one path, which a browser
    /// draws in a fraction of the time.
    static let linkedBars = 1_000

    /// Where things stand on the chart: its plot area, the value axis from 0 to `ceiling`, and the
    /// time axis from `start` to `end`.
    private struct Frame {
        let plotLeft: Double, plotRight: Double, plotBottom: Double
        let step: Double, ceiling: Double
        let start: Int64, end: Int64
        let undated: Bool

        func y(_ value: Double) -> Double { plotBottom - min(value, ceiling) / ceiling * (plotBottom - TimelineChart.top) }

        func x(_ time: Int64) -> Double {
            plotLeft + 8 + Double(time - start) / Double(end - start) * (plotRight - plotLeft - 16)
        }
    }

    func svg() -> String {
        let intervals = claims.map { Interval($0.claim.figure) }
        let frame = self.frame(intervals)
        var out = "<svg class=\"chart\" viewBox=\"0 0 \(Self.width.coordinate) \(Self.height.coordinate)\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">"
            + "<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
            + "<rect width=\"6\" height=\"6\" fill=\"#c9d8ee\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#3b6fb6\" stroke-width=\"3\"/>"
            + "</pattern></defs>\n"
        out += grid(frame)
        out += timeAxis(frame)
        out += bars(frame, intervals)
        return out + "</svg>\n"
    }

    /// The value axis from 0 to a round number above every finite end and the consensus, and
    /// the time axis from the earliest to the latest moment any dated claim covers.
    private func frame(_ intervals: [Interval]) -> Frame {
        let undated = claims.contains { $0.window.earliest == .min }
        var highest = intervals.map { $0.upper ?? $0.lower }.max() ?? 1
        if let consensus { highest = max(highest, consensus.high ?? consensus.low) }
        let (step, ceiling) = Self.ticks(above: highest)
        let dated = claims.map(\.window).filter { $0.earliest != .min }
        var start = dated.map(\.earliest).min() ?? 0, end = dated.map { min($0.latest, Int64.max / 2) }.max() ?? 1
        if end - start < 3_600 { (start, end) = (start - 1_800, end + 1_800) }
        return Frame(plotLeft: Self.left + (undated ? 44 : 0), plotRight: Self.width - Self.right, plotBottom: Self.height - Self.bottom,
                     step: step, ceiling: ceiling, start: start, end: end, undated: undated)
    }

    /// Grid lines with their values, and the consensus band behind the bars.
    private func grid(_ frame: Frame) -> String {
        var out = ""
        var value = 0.0
        while value <= frame.ceiling + frame.step / 2 {
            let y = frame.y(value)
            out += "<line class=\"grid\" x1=\"\(frame.plotLeft.coordinate)\" x2=\"\(frame.plotRight.coordinate)\" y1=\"\(y.coordinate)\" y2=\"\(y.coordinate)\"/>"
                + "<text x=\"\((Self.left - 6).coordinate)\" y=\"\((y + 4).coordinate)\" text-anchor=\"end\">\(Figure.grouped(value))</text>\n"
            value += frame.step
        }
        if let consensus {
            let top = frame.y(consensus.high ?? frame.ceiling), low = frame.y(consensus.low)
            out += "<rect class=\"band\" x=\"\(frame.plotLeft.coordinate)\" y=\"\(top.coordinate)\" width=\"\((frame.plotRight - frame.plotLeft).coordinate)\" "
                + "height=\"\(max(2, low - top).coordinate)\"><title>consensus \(Escaping.html(consensus.rangeDescription))</title></rect>\n"
        }
        return out
    }

    /// Time ticks: each midnight of the event's zone when there are a few, else six dates spread
    /// evenly; the first and last moments when no midnight falls inside. Then the two axes.
    private func timeAxis(_ frame: Frame) -> String {
        let offset = Int64(zone) * 60
        let firstDay = Self.floorDiv(frame.start + offset, 86_400) + 1, lastDay = Self.floorDiv(frame.end + offset, 86_400)
        var ticks: [(time: Int64, label: String)] = []
        if lastDay >= firstDay {
            let days = lastDay - firstDay + 1
            let every = days <= 10 ? 1 : (days + 5) / 6
            for day in stride(from: firstDay, through: lastDay, by: Int(every)) { ticks.append((day * 86_400 - offset, date(day * 86_400 - offset))) }
        } else if claims.contains(where: { $0.window.earliest != .min }) {
            ticks = [(frame.start, date(frame.start, withTime: true)), (frame.end, date(frame.end, withTime: true))]
        }
        var out = ""
        let (plotLeft, plotRight, plotBottom) = (frame.plotLeft, frame.plotRight, frame.plotBottom)
        for tick in ticks {
            let position = frame.x(tick.time)
            let anchor = position < plotLeft + 40 ? "start" : position > plotRight - 40 ? "end" : "middle"
            out += "<line class=\"grid\" x1=\"\(position.coordinate)\" x2=\"\(position.coordinate)\" y1=\"\(Self.top.coordinate)\" y2=\"\(plotBottom.coordinate)\"/>"
                + "<text x=\"\(position.coordinate)\" y=\"\((plotBottom + 16).coordinate)\" text-anchor=\"\(anchor)\">\(tick.label)</text>\n"
        }
        if frame.undated {
            out += "<text x=\"\((Self.left + 22).coordinate)\" y=\"\((plotBottom + 16).coordinate)\" text-anchor=\"middle\">no time</text>"
        }
        return out + "<line class=\"axis\" x1=\"\(plotLeft.coordinate)\" x2=\"\(plotRight.coordinate)\" y1=\"\(plotBottom.coordinate)\" y2=\"\(plotBottom.coordinate)\"/>"
            + "<line class=\"axis\" x1=\"\(plotLeft.coordinate)\" x2=\"\(plotLeft.coordinate)\" y1=\"\(Self.top.coordinate)\" y2=\"\(plotBottom.coordinate)\"/>\n"
    }

    /// The bars: a bar at each claim's time (the middle of a bare date, whose whole day is drawn
    /// as a line beneath); claims sharing a time stand side by side.
    private func bars(_ frame: Frame, _ intervals: [Interval]) -> String {
        var out = ""
        let dense = claims.count > Self.linkedBars
        var merged: [String: String] = [:]  // dense charts: one path a style
        var atTime: [Int64: Int] = [:]
        let (plotLeft, plotRight, plotBottom) = (frame.plotLeft, frame.plotRight, frame.plotBottom)
        for (index, item) in claims.enumerated() {
            let interval = intervals[index]
            let (claim, window) = item
            let centre: Double
            if window.earliest == .min {
                centre = Self.left + 22
            } else {
                let from = frame.x(window.earliest), to = frame.x(min(window.latest, frame.end))
                centre = (from + to) / 2
                if to - from > Self.barWidth {
                    let span = "M\(from.coordinate) \((plotBottom - 2).coordinate)H\(to.coordinate)"
                    if dense { merged["span", default: ""] += span } else { out += "<path class=\"span\" d=\"\(span)\"/>" }
                }
            }
            let slot = atTime[window.earliest, default: 0]
            atTime[window.earliest] = slot + 1
            // 0, +1, −1, +2, −2: neighbours spread both ways from the time.
            let shift = Double((slot % 7 + 1) / 2) * (slot % 2 == 1 ? 1 : -1) * (Self.barWidth + 2)
            // Within the plot: a bar spread from the first or last moment stays off the labels.
            let left = min(plotRight - Self.barWidth, max(plotLeft + 1, centre + shift - Self.barWidth / 2)), middle = left + Self.barWidth / 2
            let topY = frame.y(interval.upper ?? frame.ceiling), bottomY = frame.y(interval.lower)
            // An exact figure is a bar 4 pixels high, centred on its value.
            let height = max(4, bottomY - topY)
            let barTop = (topY + bottomY) / 2 - height / 2
            let inConflict = conflicting.contains(claim.id)
            let style = "bar" + (claim.figure.approximate ? " approx" : "") + (inConflict ? " x" : "")
            let bar = "M\(left.coordinate) \(barTop.coordinate)h\(Self.barWidth.coordinate)v\(height.coordinate)h-\(Self.barWidth.coordinate)Z"
            let arrow = interval.upper != nil ? nil
                : "M\(middle.coordinate) \((Self.top - 6).coordinate)l6 10h-12Z"
            let markY = max(Self.top + 10, barTop - 4)
            // A cross drawn as two strokes: a dense chart merges them into one path.
            let mark = inConflict ? "M\((middle - 3).coordinate) \((markY - 7).coordinate)l6 6m0 -6l-6 6" : nil
            if dense {
                merged[style, default: ""] += bar
                if let arrow { merged["arrow", default: ""] += arrow }
                if let mark { merged["mark", default: ""] += mark }
                continue
            }
            let id = Escaping.html(claim.id)
            out += "<a href=\"#claim-\(id)\"><path class=\"\(style)\" d=\"\(bar)\"><title>\(id): \(Escaping.html(claim.text))</title></path>"
            if let arrow { out += "<path class=\"arrow\" d=\"\(arrow)\"/>" }
            if let mark { out += "<path class=\"mark\" d=\"\(mark)\"/>" }
            out += "</a>\n"
        }
        for (style, path) in merged.sorted(by: { $0.key < $1.key }) { out += "<path class=\"\(style)\" d=\"\(path)\"/>\n" }
        return out
    }

    /// A round step (1, 2 or 5 times a power of ten) giving about four grid lines, and the
    /// first multiple of it at or above `highest` (with a little headroom).
    static func ticks(above highest: Double) -> (step: Double, ceiling: Double) {
        let target = max(highest * 1.08, 1) / 4
        var power = 1.0
        while power * 10 <= target { power *= 10 }
        while power > target { power /= 10 }
        let step = [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= target } ?? power * 10
        let ceiling = max(step, (max(highest * 1.08, 1) / step).rounded(.up) * step)
        return (step, ceiling)
    }

    /// A date in the event's zone, with the time of day if asked.
    func date(_ time: Int64, withTime: Bool = false) -> String {
        let local = time + Int64(zone) * 60
        let days = Self.floorDiv(local, 86_400)
        let (year, month, day) = ReportedTime.civil(days)
        let date = "\(year)-\(Self.two(month))-\(Self.two(day))"
        guard withTime else { return date }
        let seconds = local - days * 86_400
        return date + " " + Self.two(Int(seconds / 3600)) + ":" + Self.two(Int(seconds % 3600 / 60))
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : (a - b + 1) / b }

    static func two(_ n: Int) -> String { ReportedTime.twoDigits(n) }
}

extension Double {
    /// A coordinate with at most one decimal: "123.4", "80".
    var coordinate: String {
        let tenths = Int((self * 10).rounded())
        let whole = tenths / 10, part = abs(tenths % 10)
        return part == 0 ? "\(whole)" : (tenths < 0 && whole == 0 ? "-" : "") + "\(whole).\(part)"
    }
}
