import CrosscheckCore

/// What kind of value an argument or option takes: completion offers the right words, and the
/// parser checks the closed sets.
public enum ValueKind: Sendable, Hashable {
    case text
    case source, event, claim, metric, scope
    case grade, credibility, status, confidence, metricKind, format, command
    case date, file
    /// "START,END": where a figure stands in its source's text, in Unicode scalars.
    case span

    /// The fixed choices, where there are any.
    public var choices: [String]? {
        switch self {
        case .grade: Reliability.allCases.map(\.rawValue)
        case .credibility: Credibility.allCases.map { String($0.rawValue) }
        case .status: ClaimStatus.allCases.map(\.rawValue)
        case .confidence: Confidence.allCases.map(\.rawValue)
        case .metricKind: MetricKind.allCases.map(\.rawValue)
        case .format: ExportFormat.allCases.map(\.rawValue)
        case .command: CommandTree.standard.commands.map { $0.words.joined(separator: " ") }
        default: nil
        }
    }
}

/// One command of the session: its words, its arguments in order, its options.
public struct CommandSpec: Sendable, Hashable {
    public struct Argument: Sendable, Hashable {
        public var name: String
        public var kind: ValueKind
        public var optional: Bool
        /// The last argument may take every word that is left: one or more.
        public var variadic = false
    }

    public struct Option: Sendable, Hashable {
        public var name: String
        /// nil: a flag.
        public var kind: ValueKind?
        public var required: Bool
        public var repeatable: Bool
    }

    public var words: [String]
    public var arguments: [Argument]
    public var options: [Option]
    public var summary: String

    /// The usage line: `claim add PHRASE [--metric M] …`.
    public var usage: String {
        var parts = words
        for argument in arguments {
            let name = argument.name + (argument.variadic ? "…" : "")
            parts.append(argument.optional ? "[\(name)]" : name)
        }
        for option in options {
            let value = option.kind.map { " " + Self.placeholder($0) } ?? ""
            let text = option.name + value + (option.repeatable ? "…" : "")
            parts.append(option.required ? text : "[\(text)]")
        }
        return parts.joined(separator: " ")
    }

    static func placeholder(_ kind: ValueKind) -> String {
        switch kind {
        case .grade: "A-F"
        case .credibility: "1-6"
        case .metricKind: "cumulative|snapshot"
        case .confidence: "WORD"
        case .status: "STATUS"
        case .date: "DATE"
        case .file: "FILE"
        case .source: "SOURCE"
        case .event: "EVENT"
        case .claim: "CLAIM"
        case .metric: "METRIC"
        case .scope: "SCOPE"
        case .format: "FORMAT"
        case .command: "COMMAND"
        case .text: "TEXT"
        case .span: "START,END"
        }
    }
}

/// A line read against the command tree.
public struct ParsedCommand: Sendable, Hashable {
    public var spec: CommandSpec
    public var arguments: [String: String]
    /// Each option's values, in order (one for an option given once, none for a flag).
    public var options: [String: [String]]
    /// The words of a variadic last argument, in order.
    public var rest: [String] = []

    public func argument(_ name: String) -> String? { arguments[name] }
    public func option(_ name: String) -> String? { options[name]?.last }
    public func values(_ name: String) -> [String] { options[name] ?? [] }
    public var name: String { spec.words.joined(separator: " ") }
}

/// Every command of the session, in one table: parsing, `help` and completion all read it.
public struct CommandTree: Sendable {
    public var commands: [CommandSpec]

    public static let standard = CommandTree(commands: [
        spec(["source", "add"], [arg("ID", .text)],
             [opt("--title", .text, required: true), opt("--outlet", .text, required: true), opt("--url", .text),
              opt("--published", .date), opt("--reliability", .grade), opt("--text-file", .file), opt("--html-file", .file),
              opt("--fetch", nil)],
             "register a source (an article, statement, report or post); it becomes the current source"),
        spec(["source", "set"], [arg("ID", .source)],
             [opt("--title", .text), opt("--outlet", .text), opt("--url", .text), opt("--published", .date),
              opt("--reliability", .grade), opt("--text-file", .file), opt("--html-file", .file), opt("--fetch", nil)],
             "change a source's title, outlet, URL, publication time, grade or text"),
        spec(["source", "use"], [arg("ID", .source)], [], "the current source for new claims"),
        spec(["source", "grade"], [arg("ID", .source), arg("GRADE", .grade)], [], "change a source's reliability (A–F)"),
        spec(["source", "remove"], [arg("ID", .source)], [], "remove a source no claim cites"),
        spec(["event", "use"], [arg("ID", .event)], [opt("--title", .text), opt("--date", .date)], "the current event (created if new)"),
        spec(["event", "set"], [arg("ID", .event)], [opt("--title", .text), opt("--date", .date)], "change an event's title or date"),
        spec(["annotate"], [arg("SOURCE", .source, optional: true)], [opt("--accept", nil)],
             "walk through the figures of a source's text: accept, edit or skip each in a keystroke (--accept: every one with a metric)"),
        spec(["claim", "add"], [arg("PHRASE", .text)],
             [opt("--metric", .metric), opt("--scope", .scope), opt("--as-of", .date), opt("--attributed", .text),
              opt("--credibility", .credibility), opt("--quote", .text), opt("--confidence", .confidence), opt("--span", .span)],
             "record a figure from the current source, with the conflicts it creates"),
        spec(["claim", "set"], [arg("CLAIM", .claim)],
             [opt("--figure", .text), opt("--status", .status), opt("--confidence", .confidence), opt("--metric", .metric),
              opt("--scope", .scope), opt("--as-of", .date)],
             "change a claim (its figure read from a phrase), with the conflicts it is in now"),
        spec(["claim", "remove"], [arg("CLAIM", .claim)], [], "remove a claim (kept in the history; undo brings it back)"),
        spec(["claim", "merge"], [arg("KEEP", .claim), arg("OTHER", .claim, variadic: true)], [],
             "one figure carried by several reports: the others' links move onto KEEP, the others go"),
        spec(["link"], [arg("CLAIM", .claim), arg("SOURCE", .source)],
             [opt("--quote", .text), opt("--attributed", .text), opt("--credibility", .credibility)],
             "another source that carries a claim"),
        spec(["link", "set"], [arg("CLAIM", .claim), arg("SOURCE", .source)],
             [opt("--quote", .text), opt("--attributed", .text), opt("--credibility", .credibility)],
             "change a report's quote, who it attributes the figure to, or its credibility"),
        spec(["unlink"], [arg("CLAIM", .claim), arg("SOURCE", .source)], [], "a source no longer carries a claim"),
        spec(["metric", "add"], [arg("ID", .text)], [opt("--kind", .metricKind, required: true), opt("--alias", .text, repeatable: true)],
             "a metric of the current event"),
        spec(["metric", "set"], [arg("ID", .metric)],
             [opt("--kind", .metricKind), opt("--alias", .text, repeatable: true), opt("--drop-alias", .text, repeatable: true)],
             "change a metric of the current event: its kind, its aliases"),
        spec(["scope", "add"], [arg("ID", .text)], [opt("--part-of", .scope), opt("--alias", .text, repeatable: true)],
             "a scope of the current event, with the other names reports give it"),
        spec(["scope", "set"], [arg("ID", .scope)],
             [opt("--part-of", .scope), opt("--alias", .text, repeatable: true), opt("--drop-alias", .text, repeatable: true)],
             "change a scope of the current event: what it is part of (--part-of \"\" for nothing), its aliases"),
        spec(["show"], [arg("CLAIM", .claim)], [], "one claim with its sources"),
        spec(["list"], [],
             [opt("--event", .event), opt("--metric", .metric), opt("--source", .source), opt("--status", .status),
              opt("--since", .date), opt("--text", .text)],
             "the claims of the current event, or as narrowed"),
        spec(["sources"], [], [], "the source registry"),
        spec(["events"], [], [], "the events"),
        spec(["check"], [], [opt("--event", .event), opt("--unordered", nil), opt("--set-aside", nil)],
             "the consistency check of the current event (or another)"),
        spec(["plot"], [arg("METRIC", .metric, optional: true)], [],
             "a terminal chart of the current event's figures over time, consensus shaded, conflicts marked"),
        spec(["export"], [arg("FORMAT", .format), arg("PATH", .file, optional: true)],
             [opt("--event", .event), opt("--base-url", .text), opt("--author", .text)],
             "write the ledger as json, csv, markdown, html or claimreview (standard output without PATH)"),
        spec(["undo"], [arg("ENTRY", .text, optional: true)], [],
             "reverse this session's last change, or history entry ENTRY"),
        spec(["history"], [], [opt("--all", nil)], "the changes to the ledger, numbered, newest last (the last 50; --all every one)"),
        spec(["help"], [arg("COMMAND", .command, optional: true)], [], "the commands, or one command"),
        spec(["quit"], [], [], "leave the session (Ctrl-D too)"),
    ])

    private static func spec(_ words: [String], _ arguments: [CommandSpec.Argument], _ options: [CommandSpec.Option], _ summary: String) -> CommandSpec {
        CommandSpec(words: words, arguments: arguments, options: options, summary: summary)
    }

    private static func arg(_ name: String, _ kind: ValueKind, optional: Bool = false, variadic: Bool = false) -> CommandSpec.Argument {
        CommandSpec.Argument(name: name, kind: kind, optional: optional, variadic: variadic)
    }

    private static func opt(_ name: String, _ kind: ValueKind?, required: Bool = false, repeatable: Bool = false) -> CommandSpec.Option {
        CommandSpec.Option(name: name, kind: kind, required: required, repeatable: repeatable)
    }

    /// The command a line's words name, with the words that follow its name.
    public func match(_ words: [String]) -> (spec: CommandSpec, rest: ArraySlice<String>)? {
        let candidates = commands.filter { words.starts(with: $0.words) }
        guard let best = candidates.max(by: { $0.words.count < $1.words.count }) else { return nil }
        return (best, words.dropFirst(best.words.count))
    }

    /// Reads a line; an error says what is wrong in one line.
    public func parse(_ line: String) throws(SessionError) -> ParsedCommand? {
        let words = try SessionLine(line).words
        guard !words.isEmpty else { return nil }
        guard let (spec, rest) = match(words) else {
            let group = commands.filter { $0.words.first == words[0] }
            if !group.isEmpty {
                let subcommands = group.map { $0.words.dropFirst().joined(separator: " ") }.joined(separator: ", ")
                throw SessionError("\(words[0]): say which: \(subcommands)")
            }
            throw SessionError("\(words[0]): no such command; help lists them")
        }
        var arguments: [String: String] = [:]
        var options: [String: [String]] = [:]
        var positional: [String] = []
        var index = rest.startIndex
        while index < rest.endIndex {
            let word = rest[index]
            if word.hasPrefix("--") {
                guard let option = spec.options.first(where: { $0.name == word }) else {
                    throw SessionError("\(spec.words.joined(separator: " ")): unknown option \(word); it takes "
                                       + (spec.options.isEmpty ? "none" : spec.options.map(\.name).joined(separator: ", ")))
                }
                if let kind = option.kind {
                    index += 1
                    guard index < rest.endIndex else { throw SessionError("\(word) needs a value (\(CommandSpec.placeholder(kind)))") }
                    let value = try Self.check(rest[index], kind, name: word)
                    if options[word] != nil, !option.repeatable { throw SessionError("\(word) is given twice") }
                    options[word, default: []].append(value)
                } else {
                    options[word] = []
                }
            } else {
                positional.append(word)
            }
            index += 1
        }
        for option in spec.options where option.required && options[option.name] == nil {
            throw SessionError("\(spec.words.joined(separator: " ")) needs \(option.name) \(option.kind.map(CommandSpec.placeholder) ?? "")")
        }
        // The last argument of `help` is a command of several words: it takes the rest.
        if spec.arguments.last?.kind == .command, positional.count > spec.arguments.count {
            arguments[spec.arguments.last!.name] = positional[(spec.arguments.count - 1)...].joined(separator: " ")
            positional = Array(positional.prefix(spec.arguments.count))
        }
        for (position, argument) in spec.arguments.enumerated() {
            guard position < positional.count else {
                if argument.optional { break }
                throw SessionError("\(spec.words.joined(separator: " ")) needs \(argument.name): \(spec.usage)")
            }
            if arguments[argument.name] == nil {
                arguments[argument.name] = try Self.check(positional[position], argument.kind, name: argument.name)
            }
        }
        var extra: [String] = []
        if spec.arguments.last?.variadic == true, positional.count > spec.arguments.count {
            extra = Array(positional[spec.arguments.count...])
            positional = Array(positional.prefix(spec.arguments.count))
        }
        if positional.count > spec.arguments.count {
            throw SessionError("\(spec.words.joined(separator: " ")): unexpected \"\(positional[spec.arguments.count])\"; usage: \(spec.usage)")
        }
        return ParsedCommand(spec: spec, arguments: arguments, options: options, rest: extra)
    }

    private static func check(_ value: String, _ kind: ValueKind, name: String) throws(SessionError) -> String {
        if kind != .command, let choices = kind.choices, !choices.contains(value) {
            throw SessionError("\(name): \"\(value)\" is not one of \(choices.joined(separator: ", "))")
        }
        return value
    }

    /// `help`: every command with its summary; `help COMMAND`: its usage and summary.
    public func help(_ name: String? = nil) throws(SessionError) -> String {
        guard let name else {
            let width = commands.map { $0.words.joined(separator: " ").count }.max() ?? 0
            return commands.map { spec in
                let words = spec.words.joined(separator: " ")
                return words + String(repeating: " ", count: width - words.count + 2) + spec.summary
            }.joined(separator: "\n") + "\n\nhelp COMMAND shows its options. Tab completes commands, options, values and ids.\n"
        }
        let words = try SessionLine(name).words
        let found = commands.filter { $0.words.starts(with: words) }
        guard !found.isEmpty else { throw SessionError("\(name): no such command; help lists them") }
        return found.map { "\($0.usage)\n    \($0.summary)" }.joined(separator: "\n") + "\n"
    }
}
