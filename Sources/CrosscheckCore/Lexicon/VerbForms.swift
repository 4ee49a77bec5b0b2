/// A verb written once, as its lemma, in the word tables: "rise:rose:risen" gives rise, rises,
/// rising, rose and risen; "reach" gives reach, reaches, reaching and reached. Irregular forms
/// follow the lemma after colons (past, participle, and the -ing form where it doubles a
/// consonant: "hit:hit:hit:hitting").
enum VerbForms {
    static func of(_ entry: String) -> [String] {
        let parts = entry.split(separator: ":").map(String.init)
        let base = parts[0]
        let past = parts.count > 1 ? parts[1] : regularPast(base)
        let participle = parts.count > 2 ? parts[2] : past
        let ing = parts.count > 3 ? parts[3] : doubled(past, of: base).map { $0 + "ing" } ?? presentParticiple(base)
        var forms: [String] = []
        for form in [base, thirdPerson(base), ing, past, participle] where !forms.contains(form) { forms.append(form) }
        return forms
    }

    /// Every form of every verb of a table.
    static func all(_ entries: [String]) -> [String] { entries.flatMap(of) }

    private static let vowels: Set<Character> = ["a", "e", "i", "o", "u"]

    private static func endsInConsonantY(_ word: String) -> Bool {
        word.hasSuffix("y") && word.count > 1 && !vowels.contains(word[word.index(word.endIndex, offsetBy: -2)])
    }

    private static func thirdPerson(_ base: String) -> String {
        if endsInConsonantY(base) { return base.dropLast() + "ies" }
        return ["s", "sh", "ch", "x", "z"].contains(where: base.hasSuffix) ? base + "es" : base + "s"
    }

    private static func regularPast(_ base: String) -> String {
        if base.hasSuffix("e") { return base + "d" }
        return endsInConsonantY(base) ? base.dropLast() + "ied" : base + "ed"
    }

    private static func presentParticiple(_ base: String) -> String {
        if base.hasSuffix("ie") { return base.dropLast(2) + "ying" }
        if base.hasSuffix("e"), !base.hasSuffix("ee") { return base.dropLast() + "ing" }
        return base + "ing"
    }

    /// "topped" of "top": the stem with its consonant doubled, which the -ing form shares.
    private static func doubled(_ past: String, of base: String) -> String? {
        guard past.hasSuffix("ed"), past.count == base.count + 3, let last = base.last else { return nil }
        return past.hasPrefix(base + String(last)) ? String(past.dropLast(2)) : nil
    }
}
