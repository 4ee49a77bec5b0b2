import GRDB
import GRDBSQLite

/// Steps through the rows of one prepared statement, reading each column straight through
/// SQLite's API: GRDB's `Row` boxes every value, and a check or an export reads millions.
struct RowReader {
    private let statement: Statement
    private let connection: SQLiteConnection?
    private var handle: SQLiteStatement { statement.sqliteStatement }

    /// Prepares `sql` and binds `arguments` (text) in order.
    init(_ sql: String, _ arguments: [String], _ db: Database) throws {
        statement = try db.cachedStatement(sql: sql)
        connection = db.sqliteConnection
        sqlite3_reset(statement.sqliteStatement)
        sqlite3_clear_bindings(statement.sqliteStatement)
        for (index, argument) in arguments.enumerated() {
            var argument = argument
            argument.withUTF8 { bytes in
                let start = UnsafeRawPointer(bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!).assumingMemoryBound(to: CChar.self)
                _ = sqlite3_bind_text(statement.sqliteStatement, Int32(index + 1), start, Int32(bytes.count), Self.transient)
            }
        }
    }

    /// Moves to the next row; false after the last.
    func next() throws -> Bool {
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return true }
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: connection.map { String(cString: sqlite3_errmsg($0)) },
                                sql: statement.sql)
        }
        return false
    }

    func text(_ column: Int32) -> String? {
        guard let start = sqlite3_column_text(handle, column) else { return nil }
        return String(decoding: UnsafeBufferPointer(start: start, count: Int(sqlite3_column_bytes(handle, column))), as: UTF8.self)
    }

    /// The column's bytes, valid until the next step.
    func blob(_ column: Int32) -> UnsafeRawBufferPointer? {
        let count = Int(sqlite3_column_bytes(handle, column))
        guard let start = sqlite3_column_blob(handle, column) else { return count == 0 ? UnsafeRawBufferPointer(start: nil, count: 0) : nil }
        return UnsafeRawBufferPointer(start: start, count: count)
    }

    /// Lets go of the statement before its last row: it is reused from the cache.
    func finish() { sqlite3_reset(handle) }

    func double(_ column: Int32) -> Double? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : sqlite3_column_double(handle, column)
    }

    func int(_ column: Int32) -> Int? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(handle, column))
    }

    func bool(_ column: Int32) -> Bool { sqlite3_column_int64(handle, column) != 0 }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
