@testable import CrosscheckCore

/// The part of JSON Schema (2020-12) that crosscheck's schemas use: type, const, enum, required,
/// properties, additionalProperties: false, items, minLength, minimum, pattern and local $ref.
/// Enough to check the sample and every written file against the shipped schemas in a test.
struct SchemaValidator {
    let root: JSONValue

    /// The places where `document` breaks the schema, empty when it conforms.
    func problems(_ document: JSONValue) -> [String] {
        var found: [String] = []
        check(document, against: root, path: "$", into: &found)
        return found
    }

    private func check(_ value: JSONValue, against schema: JSONValue, path: String, into found: inout [String]) {
        guard case .object(let rules) = schema else { return }
        func rule(_ name: String) -> JSONValue? { rules.first { $0.key == name }?.value }

        if case .string(let reference)? = rule("$ref") {
            let name = String(reference.dropFirst("#/$defs/".count))
            if case .object(let defs)? = rootRule("$defs"), let target = defs.first(where: { $0.key == name })?.value {
                check(value, against: target, path: path, into: &found)
            } else {
                found.append("\(path): unknown $ref \(reference)")
            }
        }
        if let type = rule("type") {
            let allowed: [String] = switch type {
            case .string(let one): [one]
            case .array(let many): many.compactMap { if case .string(let name) = $0 { name } else { nil } }
            default: []
            }
            if !allowed.contains(where: { matches(value, type: $0) }) {
                found.append("\(path): \(value.kindName) is not \(allowed.joined(separator: " or "))")
                return
            }
        }
        if let constant = rule("const"), constant != value { found.append("\(path): not the constant \(constant)") }
        if case .array(let choices)? = rule("enum"), !choices.contains(value) { found.append("\(path): not one of the allowed values") }
        if case .string(let text) = value {
            if case .number(let minimum)? = rule("minLength"), Double(text.count) < minimum { found.append("\(path): too short") }
            if case .string(let pattern)? = rule("pattern"), let regex = try? Regex(pattern), (try? regex.firstMatch(in: text)) == nil {
                found.append("\(path): \"\(text)\" does not match \(pattern)")
            }
        }
        if case .number(let number) = value, case .number(let minimum)? = rule("minimum"), number < minimum {
            found.append("\(path): below \(minimum)")
        }
        if case .object(let members) = value {
            if case .array(let required)? = rule("required") {
                for case .string(let name) in required where !members.contains(where: { $0.key == name }) {
                    found.append("\(path): \"\(name)\" is missing")
                }
            }
            let properties: [(key: String, value: JSONValue)] = if case .object(let defined)? = rule("properties") { defined } else { [] }
            for (key, member) in members {
                if let property = properties.first(where: { $0.key == key }) {
                    check(member, against: property.value, path: path + "." + key, into: &found)
                } else if rule("additionalProperties") == .bool(false) {
                    found.append("\(path): unknown property \"\(key)\"")
                }
            }
        }
        if case .array(let elements) = value, let items = rule("items") {
            for (index, element) in elements.enumerated() { check(element, against: items, path: "\(path)[\(index)]", into: &found) }
        }
    }

    private func rootRule(_ name: String) -> JSONValue? {
        guard case .object(let rules) = root else { return nil }
        return rules.first { $0.key == name }?.value
    }

    private func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string), ("array", .array), ("object", .object): true
        case ("integer", .number(let number)): number == number.rounded()
        default: false
        }
    }
}
