/// Text made safe for the formats that print it. The core has no Foundation: these walk the
/// scalars once.
enum Escaping {
    /// HTML text and attribute values: `&`, `<`, `>`, `"` and `'` as entities, so that nothing
    /// from a source or a quote can open a tag or leave an attribute.
    static func html(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A Markdown table cell: `|` escaped, line breaks as spaces, and the characters that would
    /// start HTML or an entity escaped, since GitHub renders inline HTML.
    static func markdownCell(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 4)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "|": out += "\\|"
            case "\n", "\r", "\t": out += " "
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\\", "`", "*", "_", "[", "]": out += "\\" + String(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The address, if it may become a link: web and mail addresses only, so that a
    /// `javascript:` URL in a source is printed, never followed.
    static func linkable(_ url: String) -> String? {
        let lower = url.lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:") ? url : nil
    }
}
