import CrosscheckStore
import Foundation

/// Where a team's ledger is: `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=MODE]`.
public struct ServerAddress: Sendable, Hashable, CustomStringConvertible {
    /// How the connection is encrypted, as libpq's `sslmode` says it.
    public enum Encryption: String, Sendable, Hashable, CaseIterable {
        /// No TLS.
        case disable
        /// TLS, without checking the server's certificate (libpq's `require`).
        case require
        /// TLS, the certificate checked against the system's authorities and the host name.
        case verifyFull = "verify-full"
    }

    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String
    public var encryption: Encryption

    /// Whether `text` names a server rather than a database file.
    public static func isServer(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Reads an address; a wrong one is refused with one line naming it (without its password).
    public init(_ text: String) throws(StoreError) {
        let shown = Self.withoutPassword(text)
        guard Self.isServer(text), let url = URLComponents(string: text) else {
            throw StoreError("\(shown): not a server address (postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE)")
        }
        guard let user = url.user, !user.isEmpty else { throw StoreError("\(shown): no user (postgres://USER@HOST/DATABASE)") }
        guard let host = url.host, !host.isEmpty else { throw StoreError("\(shown): no host (postgres://USER@HOST/DATABASE)") }
        let database = String(url.path.dropFirst())
        guard !database.isEmpty, !database.contains("/") else {
            throw StoreError("\(shown): no database (postgres://USER@HOST/DATABASE)")
        }
        var encryption = Encryption.disable
        for item in url.queryItems ?? [] {
            guard item.name == "sslmode" else { throw StoreError("\(shown): unknown parameter \(item.name) (only sslmode is read)") }
            guard let mode = item.value.flatMap(Encryption.init(rawValue:)) else {
                throw StoreError("\(shown): sslmode \(item.value ?? "") is not one of \(Encryption.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            encryption = mode
        }
        self.user = url.user?.removingPercentEncoding ?? user
        self.password = url.password?.removingPercentEncoding
        self.host = host
        self.port = url.port ?? 5432
        self.database = database.removingPercentEncoding ?? database
        self.encryption = encryption
    }

    /// The address as messages show it: never the password.
    public var description: String {
        "postgres://\(user)@\(host):\(port)/\(database)" + (encryption == .disable ? "" : "?sslmode=\(encryption.rawValue)")
    }

    private static func withoutPassword(_ text: String) -> String {
        guard let at = text.lastIndex(of: "@"), let scheme = text.range(of: "://"), scheme.upperBound < at,
              let colon = text[scheme.upperBound..<at].firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":…" + String(text[at...])
    }
}
