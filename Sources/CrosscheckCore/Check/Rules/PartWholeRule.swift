/// A part cannot hold more than its whole ("30 killed in one building" against "23 killed in
/// Kyiv"), through every level of `partOf`. For a fixed count that holds at any time; for a toll,
/// only where the whole's report is surely not earlier than the part's (a whole reported earlier
/// may simply not have caught up). Where their times overlap the pair is listed as unordered.
struct PartWholeRule {
    func findings(part: ComparableGroup, whole: ComparableGroup) -> [Finding] {
        let partClasses = part.classes, wholeClasses = whole.classes
        var findings: [Finding] = []
        let place = Finding.Place(event: part.event, metric: part.metric, scope: part.scope, otherScope: whole.scope)
        for partClass in partClasses {
            for wholeClass in wholeClasses where partClass.interval.relation(to: wholeClass.interval) == .above {
                let severity = Interval.severity(low: wholeClass.interval, high: partClass.interval)
                func finding(_ kind: Finding.Kind, _ parts: [Int], _ wholes: [Int]) -> Finding {
                    Finding(place, kind: kind, severity: severity, claims: part.ids(parts) + whole.ids(wholes), firstSideCount: parts.count)
                }
                guard part.kind == .cumulative else {
                    findings.append(finding(.partAboveWhole, partClass.members, wholeClass.members))
                    continue
                }
                // Conflict: the whole's report surely not earlier than the part's.
                let lastWholeStart = wholeClass.members.map { whole.reports[$0].time.earliest }.max()!
                let firstPartEnd = partClass.members.map { part.reports[$0].time.latest }.min()!
                if firstPartEnd <= lastWholeStart {
                    findings.append(finding(.partAboveWhole, partClass.members.filter { part.reports[$0].time.latest <= lastWholeStart },
                                            wholeClass.members.filter { whole.reports[$0].time.earliest >= firstPartEnd }))
                }
                let times = part.reports.map(\.time) + whole.reports.map(\.time)
                let offset = part.reports.count
                let (parts, wholes) = TollRule.overlapping(partClass.members, wholeClass.members.map { $0 + offset }, times)
                if !parts.isEmpty {
                    findings.append(finding(.partWholeUnordered, parts, wholes.map { $0 - offset }))
                }
            }
        }
        return findings
    }
}
