/// One source giving two figures for the same thing at the same time that cannot both hold. A
/// live report revising its toll over the day gives different times: those are updates.
struct SelfContradictionRule: CheckRule {
    func findings(in group: ComparableGroup, classes: [ComparableGroup.FigureClass]) -> [Finding] {
        // Reports of one time first (two numbers to hash, not text); sources only within those.
        var byTime: [Moment: [Int]] = [:]
        for (index, report) in group.reports.enumerated() {
            guard let time = report.claim.asOf else { continue }
            byTime[Moment(earliest: time.earliest, latest: time.latest), default: []].append(index)
        }
        var bySourceAndTime: [String: [Int]] = [:]
        for (moment, members) in byTime where members.count > 1 {
            for index in members {
                for link in group.reports[index].claim.sources {
                    bySourceAndTime[link.source + "\u{0}\(moment.earliest)\u{0}\(moment.latest)", default: []].append(index)
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
                let sides = [own[pair.high].members.map { members[$0] }, own[pair.low].members.map { members[$0] }]
                findings.append(group.finding(.selfContradiction, low: own[pair.low], high: own[pair.high], sides: sides))
            }
        }
        return findings
    }

    private struct Moment: Hashable {
        var earliest: Int64
        var latest: Int64
    }
}
