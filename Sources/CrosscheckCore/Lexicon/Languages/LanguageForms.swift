/// Helpers that spell out the rows of a language's tables from its forms, so that a table lists
/// each word once: every case of a numeral under its value, each vague quantity's forms once.
extension LanguageTables {
    /// Each form under its value.
    static func forms(_ rows: [(value: Int, forms: [String])]) -> [(word: String, value: Int)] {
        rows.flatMap { row in row.forms.map { ($0, row.value) } }
    }

    /// Each stem with each case ending under its value: "одинадцят" + "ь", "и", "ьох"….
    static func forms(stems: [(value: Int, stem: String)], endings: [String]) -> [(word: String, value: Int)] {
        stems.flatMap { row in endings.map { (row.stem + $0, row.value) } }
    }

    /// Each form of a scale word under its value.
    static func forms(scales: [(value: Double, forms: [String])]) -> [(word: String, value: Double)] {
        scales.flatMap { row in row.forms.map { ($0, row.value) } }
    }

    /// Month names in every form, January first.
    static func monthForms(_ forms: [[String]]) -> [(word: String, month: Int)] {
        forms.enumerated().flatMap { month in month.element.map { ($0, month.offset + 1) } }
    }

    /// The vague quantities of DESIGN.md's table in a language's words: "several", "a couple",
    /// "tens", "hundreds", each magnitude's plural ("тисячі") with "tens of" and "hundreds of" it,
    /// and "several" and "a couple" of each magnitude ("кілька сотень", "пару тисяч").
    static func vagueRows(
        several: [String], couple: [String], tens: [String], hundreds: [String],
        magnitudes: [(plurals: [String], genitive: [String], value: Double)],
        tensOf: [String], hundredsOf: [String], severalOf: [String: Double], dozens: [String] = [], few: [String] = []
    ) -> [(phrase: String, quantity: VagueQuantity)] {
        var rows: [(phrase: String, quantity: VagueQuantity)] = []
        func add(_ phrase: String, _ lower: Double, _ upper: Double, open: Bool, coded: Double) {
            rows.append((phrase, VagueQuantity(lower: lower, upper: upper, upperOpen: open, coded: coded)))
        }
        for word in several { add(word, 3, 9, open: false, coded: 3) }
        for word in couple { add(word, 2, 3, open: false, coded: 2) }
        for word in few { add(word, 2, 5, open: false, coded: 2) }
        for word in dozens { add(word, 24, 100, open: true, coded: 12) }
        for word in tens { add(word, 20, 100, open: true, coded: 10) }
        for word in hundreds { add(word, 200, 1000, open: true, coded: 100) }
        for (plurals, genitive, m) in magnitudes {
            for word in plurals { add(word, 2 * m, 10 * m, open: true, coded: m) }
            for of in genitive {
                for word in tensOf { add("\(word) \(of)", 20 * m, 100 * m, open: true, coded: 10 * m) }
                for word in hundredsOf { add("\(word) \(of)", 200 * m, 1000 * m, open: true, coded: 100 * m) }
            }
        }
        for (of, m) in severalOf.sorted(by: { $0.value < $1.value }) {
            for word in several { add("\(word) \(of)", 3 * m, 10 * m, open: true, coded: 3 * m) }
            for word in couple { add("\(word) \(of)", 2 * m, 3 * m, open: false, coded: 2 * m) }
            for word in few { add("\(word) \(of)", 2 * m, 6 * m, open: false, coded: 2 * m) }
        }
        return rows
    }
}
