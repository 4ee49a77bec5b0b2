/// One source giving two figures for the same thing at the same time that cannot both hold. A
/// live report revising its toll over the day gives different times: those are updates.
struct SelfContradictionRule: CheckRule {
    func findings(in group: ComparableGroup, classes: [ComparableGroup.FigureClass]) -> [Finding] {
        // Reports of one time first, found by sorting (two numbers to compare, not text, and no
        // table of every time); sources only within those.
        var timed: [(earliest: Int64, latest: Int64, index: Int)] = []
        timed.reserveCapacity(group.reports.count)
        for index in group.reports.indices {
            if let time = group.reports[index].claim.asOf { timed.append((time.earliest, time.latest, index)) }
        }
        timed.sort { ($0.earliest, $0.latest, $0.index) < ($1.earliest, $1.latest, $1.index) }
        var bySourceAndTime: [String: [Int]] = [:]
        timed.forEachRun(where: { ($0.earliest, $0.latest) == ($1.earliest, $1.latest) }) { run in
            guard run.count > 1 else { return }
            let moment = timed[run.lowerBound]
            for item in timed[run] {
                for link in group.reports[item.index].claim.sources {
                    bySourceAndTime[link.source + "\u{0}\(moment.earliest)\u{0}\(moment.latest)", default: []].append(item.index)
                }
            }
        }
        var findings: [Finding] = []
        for key in bySourceAndTime.keys.sorted() {
            let members = bySourceAndTime[key]!
            guard members.count > 1 else { continue }
            let subgroup = ComparableGroup(event: group.event, metric: group.metric, scope: group.scope, kind: group.kind,
                                           reports: members.map { group.reports[$0] })
            let own = subgroup.classes
            for pair in own.pairsApart() {
                findings.append(group.finding(.selfContradiction, low: own[pair.low], high: own[pair.high],
                                              sides: own[pair.high].members.map { members[$0] }, own[pair.low].members.map { members[$0] }))
            }
        }
        return findings
    }
}
