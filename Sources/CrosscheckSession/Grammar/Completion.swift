import CrosscheckCore

/// The ids a session can complete, by kind: what the workspace holds now.
public struct CompletionContext: Sendable {
    public var ids: [ValueKind: [String]]

    public init(ids: [ValueKind: [String]] = [:]) { self.ids = ids }
}

extension CommandTree {
    /// The words that may complete the last word of `line` (all of it up to the cursor):
    /// commands, then options, option values (grades, statuses, confidence words, metric kinds)
    /// and ids. A pure function of the line, so that tests call it directly.
    public func completions(for line: String, context: CompletionContext) -> [String] {
        let parsed = (try? SessionLine(line)) ?? SessionLine(lenient: line)
        var words = parsed.words
        let prefix = parsed.endsInWord ? words.removeLast() : ""
        func matching(_ candidates: [String]) -> [String] {
            Array(Set(candidates.filter { $0.hasPrefix(prefix) })).sorted().map { $0.contains(" ") ? "\"\($0)\"" : $0 }
        }
        // Still naming the command: the next word of every command that starts with the words so far.
        let named = commands.filter { $0.words.starts(with: words) && $0.words.count > words.count }
        if let spec = match(words)?.spec, spec.words.count == words.count || named.isEmpty {
            let rest = Array(words.dropFirst(spec.words.count))
            if let last = rest.last, let option = spec.options.first(where: { $0.name == last }), let kind = option.kind {
                return matching(values(kind, context))
            }
            if prefix.hasPrefix("-") {
                let used = Set(rest.filter { $0.hasPrefix("--") })
                return matching(spec.options.filter { $0.repeatable || !used.contains($0.name) }.map(\.name))
            }
            // Positional words so far, leaving out options and their values.
            var position = 0
            var index = 0
            while index < rest.count {
                if let option = spec.options.first(where: { $0.name == rest[index] }) {
                    index += option.kind == nil ? 1 : 2
                } else {
                    position += 1
                    index += 1
                }
            }
            // Past the last argument, a variadic one takes more words of its kind.
            let argument = position < spec.arguments.count ? spec.arguments[position]
                : spec.arguments.last.flatMap { $0.variadic ? $0 : nil }
            if let argument {
                let found = matching(values(argument.kind, context))
                if !found.isEmpty || !prefix.isEmpty { return found }
            }
            return matching(spec.options.map(\.name))
        }
        return matching(named.map { $0.words[words.count] })
    }

    private func values(_ kind: ValueKind, _ context: CompletionContext) -> [String] {
        kind.choices ?? context.ids[kind] ?? []
    }
}

extension SessionLine {
    /// A line whose quote is still open, as a user types it: the open quote runs to the end.
    init(lenient text: String) {
        self = (try? SessionLine(text + "\"")) ?? SessionLine(words: [], endsInWord: false)
        endsInWord = true
    }

    init(words: [String], endsInWord: Bool) {
        self.words = words
        self.endsInWord = endsInWord
    }
}
