/// Currencies, written as symbols, codes and words; `unit` of a `money` figure is the ISO 4217 code.
enum Currencies {
    /// Symbols written before the number: "$3m", "€1.2bn", "£40".
    static let symbols: [(symbol: Unicode.Scalar, code: String)] = [
        ("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("¥", "JPY"), ("₴", "UAH"), ("₽", "RUB"),
        ("₹", "INR"), ("₩", "KRW"), ("₪", "ILS"), ("₺", "TRY"), ("₣", "CHF"),
    ]

    /// ISO codes, read in every language: "USD 5", "5 UAH".
    static let codes: [(phrase: String, code: String)] = [
        ("usd", "USD"), ("us$", "USD"), ("eur", "EUR"), ("gbp", "GBP"), ("jpy", "JPY"), ("uah", "UAH"), ("rub", "RUB"),
        ("cny", "CNY"), ("inr", "INR"), ("chf", "CHF"),
    ]

    /// English words, lower case, written before or after the number: "5 euros", "3 million
    /// dollars", "us$ 1mm".
    static let words: [(phrase: String, code: String)] = [
        ("dollars", "USD"), ("dollar", "USD"), ("us dollars", "USD"),
        ("bucks", "USD"), ("buck", "USD"),
        ("euros", "EUR"), ("euro", "EUR"),
        ("pounds", "GBP"), ("pound", "GBP"), ("pounds sterling", "GBP"), ("sterling", "GBP"),
        ("yen", "JPY"),
        ("hryvnias", "UAH"), ("hryvnia", "UAH"), ("hryvnas", "UAH"), ("hryvnyas", "UAH"),
        ("roubles", "RUB"), ("rubles", "RUB"), ("rouble", "RUB"), ("ruble", "RUB"),
        ("yuan", "CNY"), ("renminbi", "CNY"),
        ("rupees", "INR"), ("rupee", "INR"), ("rs", "INR"), ("rs.", "INR"),
        ("swiss francs", "CHF"), ("francs", "CHF"),
    ]
}
