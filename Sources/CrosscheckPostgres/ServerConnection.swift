import CrosscheckStore
import Foundation
import Logging
import PostgresNIO

/// One connection to the server, used from one thread at a time: each call waits for its
/// answer, as the store's interface does. Every failure is one `StoreError` line naming the
/// server and what it said.
final class ServerConnection: @unchecked Sendable {
    let address: ServerAddress
    private let connection: PostgresConnection
    private let logger = Logger(label: "crosscheck.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    private init(address: ServerAddress, connection: PostgresConnection) {
        self.address = address
        self.connection = connection
    }

    /// Connects, or says in one line why not: the server cannot be reached, refused the login,
    /// or has no such database.
    static func open(_ address: ServerAddress, timeout: TimeAmount = .seconds(10)) throws(StoreError) -> ServerConnection {
        var configuration = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.user, password: address.password,
            database: address.database, tls: try tls(address))
        configuration.options.connectTimeout = timeout
        let logger = Logger(label: "crosscheck.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
        do {
            let connection = try PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration, id: 1, logger: logger).wait()
            return ServerConnection(address: address, connection: connection)
        } catch {
            throw Self.failure(error, address: address, doing: nil)
        }
    }

    private static func tls(_ address: ServerAddress) throws(StoreError) -> PostgresConnection.Configuration.TLS {
        guard address.encryption != .disable else { return .disable }
        var configuration = TLSConfiguration.makeClientConfiguration()
        if address.encryption == .require { configuration.certificateVerification = .none }
        do {
            return .require(try NIOSSLContext(configuration: configuration))
        } catch {
            throw StoreError("\(address): cannot set up TLS: \(error)")
        }
    }

    /// Runs one statement and returns its rows.
    @discardableResult
    func query(_ query: PostgresQuery, doing what: String? = nil) throws(StoreError) -> [PostgresRow] {
        try finishCopying()
        do {
            return try connection.query(query, logger: logger).wait().rows
        } catch {
            throw Self.failure(error, address: address, doing: what)
        }
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    /// Inside a transaction already, `body` is part of it.
    func transaction<T>(_ begin: PostgresQuery = "BEGIN", _ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        guard !inTransaction else { return try body() }
        try query(begin)
        inTransaction = true
        defer { inTransaction = false }
        do {
            let result = try body()
            try query("COMMIT")
            return result
        } catch {
            _ = try? query("ROLLBACK")
            throw error
        }
    }

    /// Whether a transaction is open: a change and the reads it was made from are one.
    private(set) var inTransaction = false

    /// Streams rows into a table with `COPY … FROM STDIN` in text format (each row a line,
    /// written by `CopyRows`): many rows without a round trip each. Inside the caller's transaction.
    func copy(_ rows: CopyRows) throws(StoreError) {
        try copyInBackground([rows])
        try finishCopying()
    }

    /// Starts copying `tables` in, one after another, and returns: the caller prepares the next
    /// rows while the server takes these in. The connection's next call waits for them, and
    /// fails if they did.
    func copyInBackground(_ tables: [CopyRows]) throws(StoreError) {
        try finishCopying()
        let copying = Copying()
        let (connection, logger) = (self.connection, self.logger)
        let tables = tables.filter { !$0.isEmpty }.map { $0.finished() }
        // The driver's COPY is async only. On an executor of its own: a caller that waits on a
        // thread of the shared pool must not leave the copy without one to run on.
        Task(executorPreference: Self.copyExecutor) {
            for rows in tables {
                do {
                    try await connection.copyFrom(table: rows.table, columns: rows.columns, logger: logger) { writer in
                        for chunk in rows.chunks { try await writer.write(ByteBuffer(bytes: chunk)) }
                    }
                } catch {
                    copying.failure = (rows.table, error)
                    break
                }
            }
            copying.done.signal()
        }
        copyingNow = copying
    }

    /// Waits for the rows being copied in, if any.
    private func finishCopying() throws(StoreError) {
        guard let copying = copyingNow else { return }
        copyingNow = nil
        copying.done.wait()
        if let (table, error) = copying.failure { throw Self.failure(error, address: address, doing: "copying rows into \(table)") }
    }

    /// Rows being copied in on another task, and how it went.
    private final class Copying: @unchecked Sendable {
        let done = DispatchSemaphore(value: 0)
        var failure: (table: String, error: any Error)?
    }

    private var copyingNow: Copying?

    private static let copyExecutor = QueueExecutor()

    /// Runs the jobs of tasks that prefer it on a serial queue of its own, outside the shared pool.
    private final class QueueExecutor: TaskExecutor, @unchecked Sendable {
        private let queue = DispatchQueue(label: "crosscheck.postgres.copy")

        func enqueue(_ job: consuming ExecutorJob) {
            let job = UnownedJob(job)
            queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
        }
    }

    /// Hears the server's notifications on a channel (after a `LISTEN` on it), on the
    /// connection's event loop, as they arrive.
    func addListener(channel: String, _ handler: @escaping @Sendable (PostgresListenContext, PostgresMessage.NotificationResponse) -> Void) {
        connection.addListener(channel: channel, handler: handler)
    }

    /// Whether the connection is gone: closed, or lost with the server.
    var isClosed: Bool { connection.isClosed }

    func close() {
        try? connection.close().wait()
    }

    /// One line for what went wrong: the server's own message where it sent one.
    static func failure(_ error: any Error, address: ServerAddress, doing what: String?) -> StoreError {
        let prefix = "\(address): " + (what.map { "\($0): " } ?? "")
        guard let error = error as? PSQLError else { return StoreError(prefix + reason(error)) }
        if let message = error.serverInfo?[.message] {
            if error.serverInfo?[.sqlState] == "28P01" || error.serverInfo?[.sqlState] == "28000" {
                return StoreError(prefix + "the server refused the login of \(address.user): \(message)")
            }
            return StoreError(prefix + message)
        }
        switch error.code {
        case .connectionError, .serverClosedConnection, .uncleanShutdown:
            return StoreError(prefix + "cannot reach the server: " + (error.underlying.map(reason) ?? "the connection failed"))
        case .sslUnsupported:
            return StoreError(prefix + "the server does not offer TLS, which sslmode asks for")
        default:
            return StoreError(prefix + "\(error.code)" + (error.underlying.map { ": " + reason($0) } ?? ""))
        }
    }

    /// The system's words for a network failure, without NIO's framing.
    private static func reason(_ error: any Error) -> String {
        if let error = error as? IOError { return String(cString: strerror(error.errnoCode)) }
        if let error = error as? NIOConnectionError, let first = error.connectionErrors.first {
            return reason(first.error)
        }
        if error is ChannelError { return "timed out" }
        return "\(error)"
    }
}
