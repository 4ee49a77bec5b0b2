import GRDB
import GRDBSQLite

/// Runs one prepared statement for many rows, binding each value straight through SQLite's API.
/// GRDB's `StatementArguments` box every value; an import binds tens of millions of them.
struct RowWriter {
    private let statement: Statement
    private let connection: SQLiteConnection?

    init(_ sql: String, _ db: Database) throws {
        statement = try db.cachedStatement(sql: sql)
        connection = db.sqliteConnection
    }

    /// Binds the values `bind` gives, in order, and runs the statement once.
    func execute(_ bind: (inout Values) -> Void) throws {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        var values = Values(handle: handle)
        bind(&values)
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            let message = connection.map { String(cString: sqlite3_errmsg($0)) }
            sqlite3_reset(handle)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
    }

    /// The parameters of one row, bound left to right.
    struct Values {
        let handle: SQLiteStatement
        private var index: Int32 = 0

        init(handle: SQLiteStatement) { self.handle = handle }

        mutating func add(_ text: String?) {
            index += 1
            guard var text else { return }  // cleared bindings are NULL
            text.withUTF8 { bytes in
                // An empty buffer may have no address, which SQLite would read as NULL.
                let start = UnsafeRawPointer(bytes.baseAddress ?? Self.empty).assumingMemoryBound(to: CChar.self)
                _ = sqlite3_bind_text(handle, index, start, Int32(bytes.count), Self.transient)
            }
        }

        mutating func add(_ number: Double?) {
            index += 1
            if let number { sqlite3_bind_double(handle, index, number) }
        }

        mutating func add(_ number: Int?) {
            add(number.map(Int64.init))
        }

        mutating func add(_ number: Int64?) {
            index += 1
            if let number { sqlite3_bind_int64(handle, index, number) }
        }

        mutating func add(_ flag: Bool) {
            index += 1
            sqlite3_bind_int(handle, index, flag ? 1 : 0)
        }

        mutating func add(bytes: [UInt8]) {
            index += 1
            bytes.withUnsafeBytes { bytes in
                _ = sqlite3_bind_blob(handle, index, bytes.baseAddress ?? UnsafeRawPointer(Self.empty), Int32(bytes.count), Self.transient)
            }
        }

        private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        private nonisolated(unsafe) static let empty: UnsafePointer<UInt8> = {
            let pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
            pointer.pointee = 0
            return UnsafePointer(pointer)
        }()
    }
}
