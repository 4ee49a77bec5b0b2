/// Extraction's list pass, over a sentence's figures once they are read: the members of a list
/// share one metric.
extension SentenceScanner {
    /// Figures of one list count one thing: a member that names no metric takes the nearest
    /// one's, before it first ("759 died in Sindh, 308 in Khyber Pakhtunkhwa"), else after it
    /// ("308 and 223 deaths", "95 soldiers … and one police officer have been released").
    mutating func shareMetrics() {
        for list in lists() where list.count > 1 {
            var named: [Int] = []
            for member in list where pending[member].mention.metric != nil { named.append(member) }
            guard !named.isEmpty else { continue }
            for member in list where pending[member].mention.metric == nil && !pending[member].countsOther {
                // The nearest named member before it, else the first after it.
                var source = named[0]
                for candidate in named where candidate < member { source = candidate }
                pending[member].mention.metric = pending[source].mention.metric
                pending[member].mention.metricWords = pending[source].mention.metricWords
            }
            // What was done to one member was done to the others that count the same: "были сбиты 7
            // БПЛА над акваторией, 6 БПЛА над Брянской".
            // A list after a colon breaks down the figure before it: "уничтожены 11 БПЛА: 5 БПЛА — над …".
            let whole = list.first.flatMap { first in first > 0 && introduces(pending[first - 1].tokens, pending[first].tokens) ? first - 1 : nil }
            // Parts are left out: "30 people were injured, 12 of them hospitalised".
            func made(_ metric: String) -> Bool {
                list.contains { pending[$0].mention.role == nil && pending[$0].mention.metric == metric }
                    || whole.map { pending[$0].mention.metric == metric } == true
            }
            for member in list where pending[member].mention.role == nil {
                guard let base = pending[member].mention.metric,
                      let action = lexicon.actions.first(where: { $0.metric == base && made($0.becomes) }) else { continue }
                pending[member].mention.metric = action.becomes
            }
            // The members after a part are parts too: "including nine Nepalis and four foreigners".
            for member in list.dropFirst() where pending[member - 1].mention.role == .part && pending[member].mention.role == nil {
                pending[member].mention.role = .part
            }
        }
    }

    /// Whether a colon after the figure at `a` opens the stretch the figure at `b` starts, with no
    /// other stop between: "11 БПЛА: 5 БПЛА — над Крымом".
    func introduces(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard b.lowerBound > a.upperBound else { return false }
        var colon = false
        for k in a.upperBound..<b.lowerBound {
            if tokens[k].id == lexicon.symbols.colon { colon = true } else if tokens[k].id != lexicon.symbols.comma, stream.isPunctuation(k) { return false }
        }
        return colon
    }

    /// The sentence's lists of figures, as ranges of `pending`.
    func lists() -> [ClosedRange<Int>] {
        var lists: [ClosedRange<Int>] = []
        var listStart = 0
        for k in 0..<pending.count {
            // A share or a sum beside a count is no member of its list ("about 40% of those fired").
            let endsList = k + 1 == pending.count || pending[k].mention.figure.kind != .count
                || pending[k + 1].mention.figure.kind != .count || !joined(pending[k].tokens, pending[k + 1].tokens)
            guard endsList else { continue }
            lists.append(listStart...k)
            listStart = k + 1
        }
        return lists
    }

    /// Whether the figure at `b` follows the one at `a` in a list: only what the first counts and
    /// where stand between them, then a comma or a joining word, with no stop, speaker or aside.
    /// Numbers between them were no figures ("died in Sindh since June 14, followed by 306").
    func joined(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard b.lowerBound - a.upperBound <= 14, b.lowerBound > a.upperBound else { return false }
        // Words that leave a member as it is may stand after the join: ", еще один", "sowie jeweils eine".
        var member = b.lowerBound
        while member - 1 > a.upperBound, lexicon.neutral.match(tokens, at: member - 1)?.end == member { member -= 1 }
        var joins = tokens[member - 1].id == lexicon.symbols.comma
        for from in max(a.upperBound, member - 3)..<member where !joins {
            if let join = lexicon.listJoins.match(tokens, at: from), join.end == member { joins = true }
        }
        guard joins else { return false }
        for k in a.upperBound..<b.lowerBound {
            if tokens[k].id != lexicon.symbols.comma, stream.isPunctuation(k) { return false }
            if lexicon.speechCues.match(tokens, at: k) != nil || lexicon.asides.match(tokens, at: k) != nil { return false }
        }
        return true
    }
}
