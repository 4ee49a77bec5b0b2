extension LanguageTables {
    /// English: its words are kept by concern in the tables beside this file (`NumberWords`,
    /// `QuantityWords`, `VagueQuantities`, `ExtractionWords`, `CalendarWords`, `Currencies`), and
    /// its metric words in the standard vocabulary.
    static let english = LanguageTables(
        code: "en", name: "English", script: .latin,
        markers: ["the", "of", "and", "in", "on", "with", "for", "that", "by", "from", "this", "it", "is", "was", "were", "have"]
            + MetricVocabulary.standard.metrics.flatMap(\.aliases),
        groupMarks: [UInt8(ascii: ",")], decimalMarks: [UInt8(ascii: ".")],
        cardinals: NumberWords.cardinals, multipliers: NumberWords.multipliers,
        magnitudeSuffixes: NumberWords.magnitudeSuffixes, capitalMagnitudes: NumberWords.capitalMagnitudes,
        ordinals: NumberWords.ordinals, ordinalSuffixes: NumberWords.ordinalSuffixes, fractionWords: NumberWords.fractionWords,
        indefiniteArticles: NumberWords.indefiniteArticles, halfWords: ["half"], andAHalf: ["and a half"], andWords: ["and", "&"],
        pointWords: ["point"], of: "of", among: "among", the: "the",
        prefixes: QuantityWords.prefixes, suffixes: QuantityWords.suffixes, neutral: QuantityWords.neutral,
        tooVague: QuantityWords.tooVague, zero: QuantityWords.zero, inclusiveSuffixes: QuantityWords.inclusiveSuffixes,
        negative: QuantityWords.negative, rangeJoiners: QuantityWords.rangeJoiners, rangeOpeners: QuantityWords.rangeOpeners,
        percent: QuantityWords.percent, percentagePoints: QuantityWords.percentagePoints,
        metricConnectors: QuantityWords.metricConnectors, vague: VagueQuantities.all, currencies: Currencies.words,
        metricWords: [], people: ExtractionWords.people, auxiliaries: ExtractionWords.auxiliaries,
        furnitureAfter: ExtractionWords.furnitureAfter, furnitureBefore: ExtractionWords.furnitureBefore,
        ago: [ExtractionWords.ago], identifierBefore: ExtractionWords.identifierBefore, ageAfter: ExtractionWords.ageAfter,
        ageBefore: ExtractionWords.ageBefore, durationAfter: ExtractionWords.durationAfter, asides: ExtractionWords.asides,
        tollVerbs: ExtractionWords.tollVerbs, tollNouns: ExtractionWords.tollNouns, linkingWords: ExtractionWords.linkingWords,
        eventSubjects: ExtractionWords.eventSubjects, speechVerbs: ExtractionWords.speechVerbs, citing: ExtractionWords.citing,
        listenerVerbs: ExtractionWords.listenerVerbs, speakerOpeners: ExtractionWords.speakerOpeners,
        speakerStops: ExtractionWords.speakerStops, parties: ExtractionWords.parties, pronouns: ExtractionWords.pronouns,
        actions: ExtractionWords.actions, objects: ExtractionWords.objects, outOf: ["of", "out of"], peopleVerbs: ExtractionWords.peopleVerbs,
        peopleVerbExceptions: ExtractionWords.peopleVerbExceptions, wholeScope: ExtractionWords.wholeScope,
        partsAfter: ExtractionWords.partsAfter, risesAfter: ExtractionWords.risesAfter, risePeriods: ExtractionWords.risePeriods,
        earlier: ExtractionWords.earlier, modals: ExtractionWords.modals, clauseEnds: ExtractionWords.clauseEnds,
        listJoins: ExtractionWords.listJoins, abbreviations: Array(ExtractionWords.abbreviations),
        months: CalendarWords.months.map { ($0, CalendarWords.monthNumber($0)!) },
        monthsOnlyCapitalised: Array(CalendarWords.monthsOnlyCapitalised),
        weekdays: CalendarWords.weekdays.map { [$0] },
        relativeDays: CalendarWords.relativeDays.map { ($0.key, $0.value) },
        periodStarts: Array(CalendarWords.periodStarts), timeOfDay: CalendarWords.timeOfDay
    )
}
