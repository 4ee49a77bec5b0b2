/// Reads one JSON value of a ledger file, knowing its path, so that every error names the exact
/// place: `claims[3].sources[0].credibility: 9 is not in 1–6`.
struct DocumentReader {
    let value: JSONValue
    // The path is spelled out only when asked for (mostly for an error): building a string for
    // every field of every claim was most of the cost of reading a ledger.
    private let base: String
    private let step: Step

    private enum Step {
        case none
        case key(String)
        case index(Int)
    }

    init(_ value: JSONValue, path: String = "") {
        self.init(value, base: path, step: .none)
    }

    private init(_ value: JSONValue, base: String, step: Step) {
        self.value = value
        self.base = base
        self.step = step
    }

    /// Where this value is in its document: `claims[3].sources[0].credibility`.
    var path: String {
        switch step {
        case .none: base
        case .key(let key): base.isEmpty ? key : base + "." + key
        case .index(let index): "\(base)[\(index)]"
        }
    }

    func fail(_ reason: LedgerError.Reason) -> LedgerError { LedgerError(reason, path: path) }

    /// The members of an object; refuses keys outside `known`.
    func object(known: Set<String>) throws(LedgerError) -> Members {
        guard case .object(let members) = value else { throw fail(.wrongType(expected: "an object", found: value.kindName)) }
        for (key, _) in members where !known.contains(key) {
            throw LedgerError(.unknownField(key), path: child(key))
        }
        return Members(members: members, path: path)
    }

    func array() throws(LedgerError) -> [DocumentReader] {
        guard case .array(let elements) = value else { throw fail(.wrongType(expected: "an array", found: value.kindName)) }
        let path = self.path
        return elements.enumerated().map { DocumentReader($0.element, base: path, step: .index($0.offset)) }
    }

    func string() throws(LedgerError) -> String {
        guard case .string(let text) = value else { throw fail(.wrongType(expected: "a string", found: value.kindName)) }
        return text
    }

    func number() throws(LedgerError) -> Double {
        guard case .number(let number) = value else { throw fail(.wrongType(expected: "a number", found: value.kindName)) }
        return number
    }

    func bool() throws(LedgerError) -> Bool {
        guard case .bool(let flag) = value else { throw fail(.wrongType(expected: "true or false", found: value.kindName)) }
        return flag
    }

    var isNull: Bool { value == .null }

    func child(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    /// An object's members by key.
    struct Members {
        let members: [(key: String, value: JSONValue)]
        let path: String

        func optional(_ key: String) -> DocumentReader? {
            guard let member = members.first(where: { $0.key == key }), member.value != .null else { return nil }
            return DocumentReader(member.value, base: path, step: .key(key))
        }

        func required(_ key: String) throws(LedgerError) -> DocumentReader {
            guard let member = optional(key) else { throw LedgerError(.missingField(key), path: path) }
            return member
        }

        /// A string that must be there and not be empty.
        func text(_ key: String) throws(LedgerError) -> String {
            let reader = try required(key)
            let text = try reader.string()
            if text.isEmpty { throw reader.fail(.empty) }
            return text
        }

        func optionalText(_ key: String) throws(LedgerError) -> String? {
            guard let reader = optional(key) else { return nil }
            return try reader.string()
        }

        func slug(_ key: String) throws(LedgerError) -> String {
            let reader = try required(key)
            do {
                return try Identifier.slug(try reader.string())
            } catch {
                throw reader.fail(error.reason)
            }
        }

        func time(_ key: String) throws(LedgerError) -> ReportedTime? {
            guard let reader = optional(key) else { return nil }
            do {
                return try ReportedTime(try reader.string())
            } catch {
                throw reader.fail(error.reason)
            }
        }

        func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type) throws(LedgerError) -> T?
        where T.RawValue == String {
            guard let reader = optional(key) else { return nil }
            let text = try reader.string()
            guard let value = T(rawValue: text) else {
                throw reader.fail(.unknownValue(text, allowed: T.allCases.map(\.rawValue)))
            }
            return value
        }
    }
}
