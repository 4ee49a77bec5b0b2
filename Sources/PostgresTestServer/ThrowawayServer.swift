import Foundation

/// A PostgreSQL cluster of the tests' own: made with `initdb` in a temporary folder, started on
/// a free loopback port, stopped and removed when the test process ends. As root, the server's
/// programs run as the `postgres` user, since `initdb` refuses root.
public final class ThrowawayServer: @unchecked Sendable {
    public let folder: String
    public let port: Int
    /// Whether the server takes TLS connections (its certificate made with openssl).
    public private(set) var tls = false
    let bin: String

    /// The one server of a test process, started on first use.
    public static let shared: Result<ThrowawayServer, ServerSetupError> = {
        do throws(ServerSetupError) {
            return .success(try ThrowawayServer())
        } catch {
            return .failure(error)
        }
    }()

    public struct ServerSetupError: Error, CustomStringConvertible {
        public let description: String
    }

    /// A server of one test's own, for a test that stops and starts it.
    public static func own() throws(ServerSetupError) -> ThrowawayServer { try ThrowawayServer() }

    private init() throws(ServerSetupError) {
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
            .filter { FileManager.default.fileExists(atPath: "/usr/lib/postgresql/\($0)/bin/initdb") }
            .sorted { (Int($0) ?? 0) < (Int($1) ?? 0) }
        guard let version = versions.last else {
            throw ServerSetupError(description: "no PostgreSQL server programs in /usr/lib/postgresql (apt-get install -y postgresql)")
        }
        bin = "/usr/lib/postgresql/\(version)/bin"
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-pg-\(UUID().uuidString)").path
        port = Self.freePort()
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if getuid() == 0 { _ = Self.run("/bin/chown", ["postgres", folder], asServer: false) }
        try check(run("initdb", ["-D", folder + "/db", "-A", "trust", "-U", "cc"]), "initdb")
        // A certificate of its own, so that connections may ask for TLS (sslmode=require).
        tls = Self.run("/usr/bin/openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-days", "2",
                                            "-keyout", folder + "/db/server.key", "-out", folder + "/db/server.crt"], asServer: true).status == 0
            && Self.run("/bin/chmod", ["600", folder + "/db/server.key"], asServer: true).status == 0
        try start()
        Self.lock.withLock {
            if Self.running.isEmpty { atexit { ThrowawayServer.stopAll() } }
            Self.running.append((bin, folder))
        }
    }

    /// Starts the server, and waits until it takes connections.
    public func start() throws(ServerSetupError) {
        try check(run("pg_ctl", ["-D", folder + "/db", "-l", folder + "/log", "-w", "-o",
                                 "-p \(port) -k \(folder) -c listen_addresses=127.0.0.1 -c ssl=\(tls ? "on" : "off")", "start"]),
                  "pg_ctl start")
    }

    /// Stops the server at once, as a crash or a reboot would: its clients lose their connections.
    public func stop() throws(ServerSetupError) {
        try check(run("pg_ctl", ["-D", folder + "/db", "-m", "immediate", "stop"]), "pg_ctl stop")
    }

    /// A new, empty database on the server, for one test: its address.
    public func database() throws -> String {
        let name = "t" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        try check(run("createdb", ["-h", "127.0.0.1", "-p", "\(port)", "-U", "cc", String(name)]), "createdb")
        return "postgres://cc@127.0.0.1:\(port)/\(name)"
    }

    /// Runs SQL on a database as the server's superuser, through psql.
    public func psql(_ database: String, _ sql: String) throws {
        try check(Self.run("/usr/bin/psql", ["-h", "127.0.0.1", "-p", "\(port)", "-U", "cc", "-d", database, "-v", "ON_ERROR_STOP=1", "-c", sql],
                           asServer: false), "psql")
    }

    /// Every server the process started, stopped and removed when it ends.
    private nonisolated(unsafe) static var running: [(bin: String, folder: String)] = []
    private static let lock = NSLock()

    private static func stopAll() {
        for (bin, folder) in lock.withLock({ running }) {
            _ = run(bin + "/pg_ctl", ["-D", folder + "/db", "-m", "immediate", "stop"], asServer: true)
            try? FileManager.default.removeItem(atPath: folder)
        }
    }

    private func run(_ program: String, _ arguments: [String]) -> (status: Int32, output: String) {
        Self.run(bin + "/" + program, arguments, asServer: true)
    }

    private func check(_ result: (status: Int32, output: String), _ what: String) throws(ServerSetupError) {
        guard result.status == 0 else { throw ServerSetupError(description: "\(what) failed: \(result.output.suffix(300))") }
    }

    /// Runs a program to its end, its output to a file. Through posix_spawn and waitpid, not
    /// Foundation's Process, which waits on for the server `pg_ctl start` leaves running.
    private static func run(_ program: String, _ arguments: [String], asServer: Bool) -> (status: Int32, output: String) {
        let argv = (asServer && getuid() == 0 ? ["/usr/sbin/runuser", "-u", "postgres", "--", program] : [program]) + arguments
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-pg-run-\(UUID().uuidString)").path
        defer { unlink(log) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o666)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var pointers = argv.map { strdup($0) } + [nil]
        defer { pointers.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, &pointers, environ)
        guard spawned == 0 else { return (-1, "\(argv[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        // Exited normally: the low seven bits are zero and the code is in the next eight.
        return (status & 0x7F == 0 ? (status >> 8) & 0xFF : -1, output)
    }

    /// A port no one listens on now, on loopback.
    private static func freePort() -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
