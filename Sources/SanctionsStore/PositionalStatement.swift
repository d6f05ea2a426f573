import GRDB
import GRDBSQLite

/// Binds and steps a prepared statement through SQLite's C API, for the store's bulk inserts.
///
/// GRDB's `execute(arguments:)` boxes every value in an existential; at hundreds of thousands of
/// rows per append that costs more than SQLite itself. This wrapper keeps GRDB's statement
/// cache and transaction handling and only replaces the per-row binding.
struct PositionalStatement {
    private let statement: Statement
    private var index: Int32 = 0
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ db: Database, sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
    }

    private var handle: OpaquePointer { statement.sqliteStatement }

    mutating func bind(_ value: Int64) {
        index += 1
        sqlite3_bind_int64(handle, index, value)
    }

    mutating func bind(_ value: Int64?) {
        guard let value else {
            index += 1
            sqlite3_bind_null(handle, index)
            return
        }
        bind(value)
    }

    mutating func bind(_ value: Int) {
        bind(Int64(value))
    }

    mutating func bind(_ value: Bool) {
        bind(Int64(value ? 1 : 0))
    }

    mutating func bind(_ value: String?) {
        index += 1
        guard let value else {
            sqlite3_bind_null(handle, index)
            return
        }
        var copy = value
        copy.withUTF8 { buffer in
            _ = sqlite3_bind_text(
                handle, index, UnsafeRawPointer(buffer.baseAddress)?.assumingMemoryBound(to: CChar.self),
                Int32(buffer.count), Self.transient)
        }
    }

    mutating func bind(_ bytes: [UInt8]) {
        index += 1
        bytes.withUnsafeBytes { buffer in
            _ = sqlite3_bind_blob(handle, index, buffer.baseAddress, Int32(buffer.count), Self.transient)
        }
    }

    /// Runs the statement with the bound values, then resets it for the next row.
    mutating func step() throws {
        defer { reset() }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else { throw failure(code) }
    }

    /// Runs a query with the bound values and returns the first column of its first row as
    /// UTF-8 bytes (nil when there is no row or the value is NULL), then resets the statement.
    mutating func firstColumnBytes() throws -> [UInt8]? {
        guard try nextRow() else { return nil }
        defer { reset() }
        return sqlite3_column_type(handle, 0) == SQLITE_NULL ? nil : columnBytes(0)
    }

    /// Steps a query to its next row; false at the end, when the statement is reset. Read the
    /// row with ``columnBytes(_:)`` and ``column(_:equals:)`` before the next call.
    mutating func nextRow() throws -> Bool {
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return true }
        reset()
        guard code == SQLITE_DONE else { throw failure(code) }
        return false
    }

    /// The current row's value in `column` as bytes (text as UTF-8; empty for NULL).
    func columnBytes(_ column: Int32) -> [UInt8] {
        guard let start = sqlite3_column_blob(handle, column) else { return [] }
        return Array(UnsafeRawBufferPointer(start: start, count: Int(sqlite3_column_bytes(handle, column))))
    }

    /// Whether the current row's value in `column` has exactly these bytes (no copy).
    func column(_ column: Int32, equals bytes: [UInt8]) -> Bool {
        let count = Int(sqlite3_column_bytes(handle, column))
        guard count == bytes.count else { return false }
        guard count > 0, let start = sqlite3_column_blob(handle, column) else { return count == 0 }
        return bytes.elementsEqual(UnsafeRawBufferPointer(start: start, count: count))
    }

    /// Makes the statement ready for the next binding and run.
    private mutating func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        index = 0
    }

    /// The error for a failed step, with SQLite's message.
    private func failure(_ code: Int32) -> DatabaseError {
        DatabaseError(
            resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))),
            sql: statement.sql)
    }
}
