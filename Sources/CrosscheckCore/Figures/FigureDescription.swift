extension Figure {
    /// The interval as a reader writes it: "≥ 23", "> 400", "≤ 50", "< 10", "= 23",
    /// "[72, 88]", "(130, 143]", "[24, 100)"; percentages with "%", money with its code.
    public var intervalDescription: String {
        let low = format(lower)
        guard let upper else { return (lowerOpen ? "> " : "≥ ") + low }
        let high = format(upper)
        if lower == upper && !lowerOpen && !upperOpen { return "= " + low }
        if lower == 0 && !lowerOpen && kind != .ordinal { return (upperOpen ? "< " : "≤ ") + high }
        return (lowerOpen ? "(" : "[") + low + ", " + high + (upperOpen ? ")" : "]")
    }

    /// Kind, approximation and coded number: "count, approximate, coded 12".
    public var detailsDescription: String {
        var parts = [kind == .money ? "money \(unit ?? "")" : kind.rawValue]
        if approximate { parts.append("approximate") }
        if kind == .ordinal {
            parts.append("not a count")
        } else if let coded {
            parts.append("coded " + format(coded))
        } else {
            parts.append("no coded figure")
        }
        return parts.joined(separator: ", ")
    }

    private func format(_ value: Double) -> String {
        let number = Self.grouped(value)
        switch kind {
        case .percent: return unit == nil ? number + "%" : number + " " + (unit ?? "")
        case .money: return (unit.map { $0 + " " } ?? "") + number
        case .count, .ordinal: return number
        }
    }

    /// "1 conflict", "3,000 conflicts": a count as every human output writes it.
    public static func counted(_ n: Int, _ one: String, _ many: String? = nil) -> String {
        grouped(Double(n)) + " " + (n == 1 ? one : many ?? one + "s")
    }

    /// 1212 → "1,212"; 2330.5 → "2,330.5".
    public static func grouped(_ value: Double) -> String {
        let plain = JSONText.number(value)
        guard !plain.contains("e") else { return plain }
        let parts = plain.split(separator: ".", maxSplits: 1)
        var integer = String(parts[0])
        let negative = integer.hasPrefix("-")
        if negative { integer.removeFirst() }
        var groups: [Substring] = []
        var end = integer.endIndex
        while end > integer.startIndex {
            let start = integer.index(end, offsetBy: -3, limitedBy: integer.startIndex) ?? integer.startIndex
            groups.insert(integer[start..<end], at: 0)
            end = start
        }
        return (negative ? "-" : "") + groups.joined(separator: ",") + (parts.count > 1 ? "." + parts[1] : "")
    }
}

extension ParsedPhrase {
    /// The result as a reader sees it: "killed ≥ 23".
    public var summary: String {
        let interval = figure.intervalDescription
        guard let metric else { return interval }
        return metric + (interval.hasPrefix("[") || interval.hasPrefix("(") ? " ∈ " : " ") + interval
    }

    /// One JSON object: `text`, `metric` (when named), `family`, the figure's fields, then the
    /// `language` the phrase was read in.
    public var json: String {
        var object = JSONObjectWriter()
        object.add("text", text)
        if let metric { object.add("metric", metric) }
        object.add("family", family.rawValue)
        figure.addFields(to: &object)
        object.add("language", language.code)
        return object.result
    }
}

extension Figure {
    /// The figure's fields in the order of DESIGN.md: lower, upper, lowerOpen, upperOpen,
    /// approximate, kind, unit (when there is one, or always for the ledger's files), coded.
    public func addFields(to object: inout JSONObjectWriter, writingEveryField: Bool = false) {
        object.add("lower", lower)
        object.add("upper", upper)
        object.add("lowerOpen", lowerOpen)
        object.add("upperOpen", upperOpen)
        object.add("approximate", approximate)
        object.add("kind", kind.rawValue)
        if unit != nil || writingEveryField { object.add("unit", unit) }
        object.add("coded", coded)
    }
}

extension FigureError {
    /// One JSON object: the phrase and the error.
    public var json: String {
        var object = JSONObjectWriter()
        object.add("text", phrase)
        object.add("error", explanation)
        return object.result
    }
}
