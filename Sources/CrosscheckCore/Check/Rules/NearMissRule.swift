/// Intervals that only touch at an open end ("440 drones" and "more than 440 drones") are most
/// often one origin's figure paraphrased: a near miss to look at, not a conflict.
struct NearMissRule: CheckRule {
    func findings(in group: ComparableGroup, classes: [ComparableGroup.FigureClass]) -> [Finding] {
        classes.pairsTouching().map { pair in
            group.finding(.nearMiss, low: classes[pair.low], high: classes[pair.high],
                          sides: classes[pair.low].members, classes[pair.high].members)
        }
    }
}
