/// Currencies, written as symbols, codes and words; `unit` of a `money` figure is the ISO 4217 code.
enum Currencies {
    /// Symbols written before the number: "$3m", "€1.2bn", "£40".
    static let symbols: [(symbol: Unicode.Scalar, code: String)] = [
        ("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("¥", "JPY"), ("₴", "UAH"), ("₽", "RUB"),
        ("₹", "INR"), ("₩", "KRW"), ("₪", "ILS"), ("₺", "TRY"), ("₣", "CHF"),
    ]

    /// Codes and words, lower case, written before or after the number: "USD 5", "5 euros",
    /// "3 million dollars", "us$ 1mm".
    static let words: [(phrase: String, code: String)] = [
        ("usd", "USD"), ("us$", "USD"), ("dollars", "USD"), ("dollar", "USD"), ("us dollars", "USD"),
        ("bucks", "USD"), ("buck", "USD"),
        ("eur", "EUR"), ("euros", "EUR"), ("euro", "EUR"),
        ("gbp", "GBP"), ("pounds", "GBP"), ("pound", "GBP"), ("pounds sterling", "GBP"), ("sterling", "GBP"),
        ("jpy", "JPY"), ("yen", "JPY"),
        ("uah", "UAH"), ("hryvnias", "UAH"), ("hryvnia", "UAH"), ("hryvnas", "UAH"), ("hryvnyas", "UAH"),
        ("rub", "RUB"), ("roubles", "RUB"), ("rubles", "RUB"), ("rouble", "RUB"), ("ruble", "RUB"),
        ("cny", "CNY"), ("yuan", "CNY"), ("renminbi", "CNY"),
        ("inr", "INR"), ("rupees", "INR"), ("rupee", "INR"), ("rs", "INR"), ("rs.", "INR"),
        ("chf", "CHF"), ("swiss francs", "CHF"), ("francs", "CHF"),
    ]
}
