/// A fixed count (drones launched in one attack) has one true value: two figures for it that
/// cannot both hold conflict, whenever they were reported.
struct SnapshotRule: CheckRule {
    func findings(in group: ComparableGroup, classes: [ComparableGroup.FigureClass]) -> [Finding] {
        guard group.kind == .snapshot else { return [] }
        return classes.pairsApart().map { pair in
            group.finding(.snapshot, low: classes[pair.low], high: classes[pair.high],
                          sides: classes[pair.high].members, classes[pair.low].members)
        }
    }
}
