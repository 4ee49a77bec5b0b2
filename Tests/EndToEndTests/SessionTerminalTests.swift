import Foundation
import PostgresTestServer
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The built binary on a pseudo-terminal: what a person sees when they type.
private final class Terminal {
    let process = Process()
    private let master: Int32
    private(set) var screen = ""

    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        var master: Int32 = 0, slave: Int32 = 0
        var size = winsize(ws_row: 40, ws_col: 120, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else { throw POSIXError(.EIO) }
        self.master = master
        // A session of its own whose controlling terminal is the pty, so that Ctrl-C there
        // reaches it as a signal, as in a real terminal.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
        process.arguments = ["--ctty", "--wait", Binary.url.path] + arguments
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let handle = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        (process.standardInput, process.standardOutput, process.standardError) = (handle, handle, handle)
        try process.run()
        close(slave)
    }

    /// Resizes the terminal, as a person dragging the window's edge.
    func resize(columns: UInt16) {
        var size = winsize(ws_row: 40, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    func type(_ text: String) {
        _ = text.withCString { write(master, $0, strlen($0)) }
    }

    /// Reads until `text` is on the screen or the deadline passes; true if it came.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 10) -> Bool {
        waitUntil(seconds: seconds) { $0.contains(text) }
    }

    /// Reads until the session shows its prompt again, waiting for keys: a control key sent
    /// before readline has the terminal would reach the terminal's own line editing instead.
    @discardableResult
    func waitForPrompt(seconds: Double = 10) -> Bool {
        waitUntil(seconds: seconds) { $0.hasSuffix("> ") }
    }

    /// Reads until the screen ends with `text`: a question asked again, not its first asking.
    @discardableResult
    func waitForEnd(_ text: String, seconds: Double = 10) -> Bool {
        waitUntil(seconds: seconds) { $0.hasSuffix(text) }
    }

    private func waitUntil(seconds: Double, _ done: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !done(screen), Date() < deadline {
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 100) > 0 else { continue }
            let count = read(master, &buffer, buffer.count)
            if count <= 0 { break }
            screen += String(decoding: buffer[0..<count], as: UTF8.self)
        }
        return done(screen)
    }

    /// Waits for the session to end by itself; false if it is still running at the deadline.
    func exited(within seconds: Double = 10) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        return !process.isRunning
    }

    /// Closing the terminal hangs the session up (SIGHUP), as closing a terminal window does.
    func end() {
        close(master)
        if !exited(within: 5) {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}

@Suite("The interactive session under a pseudo-terminal", .serialized)
struct SessionTerminalTests {
    @Test("the greeting, then Tab completes a command, an option and an id on the line")
    func completion() throws {
        let terminal = try Terminal(["--workspace", try Binary.sampleWorkspace()])
        defer { terminal.end() }
        #expect(terminal.waitFor("13 sources, 3 events, 24 claims, 2 open conflicts. help lists the commands; Tab completes."))
        #expect(terminal.waitFor("> "))
        terminal.type("claim s\t")
        #expect(terminal.waitFor("claim set "))
        // c1 is also the start of c10 to c19: Tab completes no further, a second lists them.
        terminal.type("c1\t\t")
        #expect(terminal.waitFor("c19"))
        terminal.type(" --sta\t")
        #expect(terminal.waitFor("--status "))
        terminal.type("verif\t\r")
        #expect(terminal.waitFor("[verified]"), "\(terminal.screen)")
        // Undo, then Ctrl-D leaves.
        terminal.type("undo\r")
        #expect(terminal.waitFor("undid "))
        #expect(terminal.waitFor(": claim set c1 --status verified"))
        #expect(terminal.waitForPrompt())
        terminal.type("\u{04}")
        #expect(terminal.exited())
        #expect(!terminal.process.isRunning && terminal.process.terminationStatus == 0)
    }

    @Test("on a team's server, a colleague's claim add is told in one line before the next prompt")
    func colleaguesNews() throws {
        let url = try ThrowawayServer.shared.get().database()
        let root = Binary.sampleWorkspaceRoot
        #expect(try Binary.run(["--db", url, "--actor", "ana", "import", root + "/Sources.json", root + "/Claims"]).status == 0)
        // The line history goes to the home folder on a server: a temporary one here.
        let terminal = try Terminal(["--db", url, "--actor", "ana"], environment: ["HOME": try Binary.temporaryFolder().path])
        defer { terminal.end() }
        #expect(terminal.waitForPrompt())
        let ben = try Binary.run(["--db", url, "--actor", "ben"],
                                 stdin: "event use kyiv-strike-2025-06-17\nsource use anews-2025-06-17\nclaim add \"31 killed\" --scope Kyiv\n")
        #expect(ben.status == 0 && ben.stdout.contains("c25: killed in Kyiv = 31"), "\(ben)")
        // An empty line brings the prompt back, the news before it (heard as soon as it came).
        let news = "ben added c25 to kyiv-strike-2025-06-17\r\n"
        for _ in 0..<3 where !terminal.screen.contains(news) {
            terminal.type("\r")
            terminal.waitFor(news, seconds: 2)
        }
        #expect(terminal.screen.contains(news), "\(terminal.screen)")
        #expect(terminal.waitForPrompt())
        // Ana's own change is not told back to her.
        terminal.type("claim set c25 --status verified\r")
        #expect(terminal.waitFor("[verified]"))
        terminal.type("\r")
        #expect(terminal.waitForPrompt())
        #expect(!terminal.screen.contains("ana changed"))
    }

    @Test("check is coloured on a terminal, never with NO_COLOR; plot and check fit the terminal's width as it is when they draw")
    func widthAndColour() throws {
        let workspace = try Binary.sampleWorkspace()
        // NO_COLOR empty counts as not set (a test runner may set it for its children).
        let coloured = try Terminal(["--workspace", workspace], environment: ["NO_COLOR": ""])
        defer { coloured.end() }
        #expect(coloured.waitForPrompt())
        coloured.type("event use kyiv-strike-2025-06-17\rcheck\r")
        #expect(coloured.waitFor("unordered\r\n"), "\(coloured.screen)")
        #expect(coloured.screen.contains("\u{1B}[31mconflict\u{1B}[0m"))
        // 200 columns: a side of a conflict is 96 wide, so no quote of the sample is cut.
        coloured.resize(columns: 200)
        coloured.type("check\r")
        #expect(coloured.waitFor("Ukrainska Pravda (Interior Minister Klymenko): \"14\""), "\(coloured.screen)")
        coloured.type("plot killed\r")
        #expect(coloured.waitFor("✗ in a conflict"), "\(coloured.screen)")
        let rows = coloured.screen.components(separatedBy: "\r\n").filter { $0.hasSuffix("│") }
        #expect(!rows.isEmpty && rows.allSatisfy { $0.count == 200 }, "\(rows.map(\.count))")

        let plain = try Terminal(["--workspace", workspace], environment: ["NO_COLOR": "1"])
        defer { plain.end() }
        #expect(plain.waitForPrompt())
        plain.type("event use kyiv-strike-2025-06-17\rcheck\r")
        #expect(plain.waitFor("unordered\r\n"), "\(plain.screen)")
        #expect(plain.screen.contains("conflict: the toll fell") && !plain.screen.contains("\u{1B}[3"))
    }

    @Test("Ctrl-C cancels the line being typed, not the session")
    func interrupt() throws {
        let terminal = try Terminal(["--workspace", try Binary.sampleWorkspace()])
        defer { terminal.end() }
        #expect(terminal.waitFor("> "))
        terminal.type("claim add 23")
        #expect(terminal.waitFor("claim add 23"))
        terminal.type("\u{03}")
        #expect(terminal.waitFor("^C"))
        terminal.type("events\r")
        #expect(terminal.waitFor("kyiv-strike-2025-06-17"), "\(terminal.screen)")
    }

    @Test("annotate takes one keystroke a figure, no Enter: a accepts, s skips, q quits")
    func annotate() throws {
        let workspace = try Binary.sampleWorkspace()
        try "Officials said 31 people were killed and 140 were injured.\n".write(toFile: workspace + "/a.txt", atomically: true, encoding: .utf8)
        let terminal = try Terminal(["--workspace", workspace])
        defer { terminal.end() }
        #expect(terminal.waitFor("> "))
        terminal.type("event use kyiv-strike-2025-06-17\r")
        terminal.type("source add late --title Late --outlet Wire --published 2025-06-19T12:00+03:00 --text-file \(workspace)/a.txt\r")
        #expect(terminal.waitFor("source late added"))
        terminal.type("annotate\r")
        #expect(terminal.waitFor("[1/2]"))
        #expect(terminal.waitFor("[a/e/s/q]? "))
        terminal.type("a")
        #expect(terminal.waitFor("c25: killed in Ukraine = 31"), "\(terminal.screen)")
        #expect(terminal.waitFor("[2/2]"))
        #expect(terminal.waitForEnd("[a/e/s/q]? "))
        // Ctrl-C at the keystroke stops the walk, as q does.
        terminal.type("\u{03}")
        #expect(terminal.waitFor("annotate: 1 claim added"), "\(terminal.screen)")
        #expect(terminal.waitForPrompt())
        let file = try String(contentsOfFile: workspace + "/Claims/kyiv-strike-2025-06-17.json", encoding: .utf8)
        // The quote is the clause the figure stands in.
        #expect(file.contains(#""quote": "Officials said 31 people were killed and 140 were injured""#))
        // A second walk passes over what the first recorded. Ctrl-C at an edit prompt calls the
        // edit off and the proposal stands; Tab completes a field to the event's metrics and scopes.
        terminal.type("annotate\r")
        #expect(terminal.waitFor("done: c25"), "\(terminal.screen)")
        #expect(terminal.waitForEnd("[a/e/s/q]? "))
        terminal.type("e")
        #expect(terminal.waitFor("metric: "))
        terminal.type("\u{03}")
        #expect(terminal.waitFor("edit called off; the proposal stands"), "\(terminal.screen)")
        #expect(terminal.waitForEnd("[a/e/s/q]? "))
        terminal.type("e")
        #expect(terminal.waitForEnd("metric: injured"))
        terminal.type("\u{15}hosp\t\r")
        #expect(terminal.waitForEnd("scope (empty for none): Ukraine"), "\(terminal.screen)")
        terminal.type("\u{15}one bui\t\r\r\r\r")
        #expect(terminal.waitFor("→ hospitalized in one building in Solomianskyi district: 140"), "\(terminal.screen)")
        #expect(terminal.waitForEnd("[a/e/s/q]? "))
        terminal.type("q")
        #expect(terminal.waitFor("annotate: 0 claims added"), "\(terminal.screen)")
        terminal.type("events\r")
        #expect(terminal.waitFor("pow-exchange-2025-06-19"), "\(terminal.screen)")
    }
}
