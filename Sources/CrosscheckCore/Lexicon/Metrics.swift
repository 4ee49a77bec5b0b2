/// Whether a metric's count only rises as counting goes on.
public enum MetricKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A toll that only rises as counting goes on: killed, injured, missing, displaced.
    case cumulative
    /// A fixed count: drones launched in one attack, prisoners in one exchange.
    case snapshot
}

/// What a figure counts, and the words that name it.
public struct Metric: Sendable, Hashable, Codable {
    /// A slug: `killed`, `drones`, `prisoners-exchanged`.
    public var id: String
    public var kind: MetricKind
    /// Lower-case words that name the metric in text ("dead", "fatalities", "lives lost").
    public var aliases: [String]

    public init(id: String, kind: MetricKind, aliases: [String] = []) {
        self.id = id
        self.kind = kind
        self.aliases = aliases
    }
}

/// The metrics a workspace knows, shared by the figure parser and extraction. Users extend it
/// with `metric add … --alias`.
public struct MetricVocabulary: Sendable, Hashable {
    public private(set) var metrics: [Metric]

    public init(_ metrics: [Metric]) {
        self.metrics = metrics
    }

    /// The metric with this id, if known.
    public func metric(_ id: String) -> Metric? {
        metrics.first { $0.id == id }
    }

    /// Adds a metric, or merges the aliases of one with the same id.
    public mutating func add(_ metric: Metric) {
        if let index = metrics.firstIndex(where: { $0.id == metric.id }) {
            metrics[index].kind = metric.kind
            for alias in metric.aliases where !metrics[index].aliases.contains(alias) {
                metrics[index].aliases.append(alias)
            }
        } else {
            metrics.append(metric)
        }
    }

    /// The vocabulary every workspace starts with.
    public static let standard = MetricVocabulary([
        Metric(id: "killed", kind: .cumulative, aliases: [
            "killed", "dead", "deaths", "death", "died", "fatalities", "fatality", "lives lost",
            "lives were lost", "killing", "kills", "death toll", "perished", "slain",
            "people dead", "confirmed dead", "lost their lives", "have died",
            "has died", "were killed", "was killed", "been killed", "killed people", "deceased",
            "toll", "number of dead", "number of deaths", "number of victims", "number of those killed",
            "number of fatalities", "number of people killed", "lives", "the lives of", "lives of", "body count",
        ]),
        Metric(id: "injured", kind: .cumulative, aliases: [
            "injured", "wounded", "hurt", "injuries", "injury", "injuring", "wounding", "were injured",
            "were wounded", "was injured", "sustained injuries", "number of injured", "number of wounded", "number of people injured",
        ]),
        Metric(id: "missing", kind: .cumulative, aliases: [
            "missing", "unaccounted for", "remain missing", "are missing", "still missing", "fate is unknown",
            "fate unknown", "whereabouts unknown", "whereabouts are unknown", "is unknown", "are unknown", "remain unknown",
        ]),
        Metric(id: "hospitalized", kind: .cumulative, aliases: [
            "hospitalised", "hospitalized", "in hospital", "hospitalisations", "hospitalizations",
            "admitted to hospital", "were hospitalised", "were hospitalized", "remaining hospitalised",
            "remaining hospitalized", "number of people hospitalised", "number of people hospitalized",
        ]),
        Metric(id: "displaced", kind: .cumulative, aliases: [
            "displaced", "displacing", "internally displaced", "forced to flee", "fled their homes", "homeless",
            "lost their homes", "without shelter",
        ]),
        Metric(id: "evacuated", kind: .cumulative, aliases: [
            "evacuated", "evacuees", "evacuating",
        ]),
        Metric(id: "rescued", kind: .cumulative, aliases: ["rescued", "rescuing", "saved", "were saved", "pulled alive", "alive", "found alive"]),
        Metric(id: "arrested", kind: .cumulative, aliases: [
            "arrested", "detained", "arrests", "detentions", "detainees", "arresting", "detaining",
        ]),
        Metric(id: "drones", kind: .snapshot, aliases: [
            "drones", "drone", "uavs", "uav", "shaheds", "shahed", "shahed drones", "attack drones",
            "decoy drones", "kamikaze drones", "unmanned aerial vehicles", "strike drones",
            "shahed-type drones", "geran drones", "gerans",
        ]),
        Metric(id: "missiles", kind: .snapshot, aliases: [
            "missiles", "missile", "cruise missiles", "ballistic missiles", "hypersonic missiles",
            "guided missiles", "air-launched missiles",
        ]),
        Metric(id: "drones-downed", kind: .snapshot, aliases: [
            "drones shot down", "drones downed", "drones intercepted", "shot down", "downed", "intercepted",
        ]),
        Metric(id: "missiles-downed", kind: .snapshot, aliases: ["missiles shot down", "missiles downed", "missiles intercepted"]),
        Metric(id: "bodies-recovered", kind: .cumulative, aliases: ["bodies recovered", "bodies retrieved", "bodies pulled"]),
        Metric(id: "prisoners-exchanged", kind: .snapshot, aliases: [
            "prisoners", "pows", "prisoners of war", "captives", "prisoners exchanged",
            "prisoners of war exchanged", "servicemen exchanged",
        ]),
        Metric(id: "bodies-repatriated", kind: .snapshot, aliases: [
            "bodies", "dead bodies", "bodies repatriated", "bodies returned", "remains", "bodies of soldiers",
            "bodies of fallen soldiers",
        ]),
        Metric(id: "buildings-damaged", kind: .cumulative, aliases: [
            "buildings damaged", "damaged buildings", "buildings were damaged", "buildings destroyed",
            "homes damaged", "houses damaged", "apartment buildings damaged",
        ]),
    ])
}
