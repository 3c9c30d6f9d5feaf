import GRDB
import GRDBSQLite

/// Binds and steps a cached statement through SQLite's C API.
///
/// GRDB's `StatementArguments` wraps every value in an existential and a `DatabaseValue`,
/// and `Row.fetchAll` copies each row; for the many small multi-row statements of an ingest
/// that bookkeeping cost more than SQLite's work. Only for statements GRDB observes nothing
/// of: lede registers no transaction observers.
struct SQLiteBinder {
    let handle: OpaquePointer
    private var index: Int32 = 1
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    init(_ statement: Statement) {
        handle = statement.sqliteStatement
        sqlite3_reset(handle)
    }

    mutating func bind(_ value: Int64) {
        sqlite3_bind_int64(handle, index, value)
        index += 1
    }

    mutating func bind(_ value: Int) { bind(Int64(value)) }

    mutating func bind(_ value: Int64?) {
        if let value { bind(value) } else { bindNull() }
    }

    mutating func bind(_ value: String?) {
        guard let value else { bindNull(); return }
        var text = value
        text.withUTF8 { bytes in
            // An empty buffer may have no base address, which SQLite would read as NULL.
            if let base = bytes.baseAddress {
                _ = sqlite3_bind_text(handle, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self),
                                      Int32(bytes.count), Self.transient)
            } else {
                _ = sqlite3_bind_text(handle, index, "", 0, Self.transient)
            }
        }
        index += 1
    }

    mutating func bindNull() {
        sqlite3_bind_null(handle, index)
        index += 1
    }
}

/// The current row of a statement being stepped.
struct SQLiteRow {
    let handle: OpaquePointer

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    func string(_ column: Int32) -> String {
        guard let text = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }
}

extension Database {
    /// Runs `sql` (cached) with the values `bind` gives it, calling `row` for each result row.
    func stepCached(sql: String, bind: (inout SQLiteBinder) -> Void, row: (SQLiteRow) -> Void = { _ in }) throws {
        let statement = try cachedStatement(sql: sql)
        var binder = SQLiteBinder(statement)
        bind(&binder)
        let handle = binder.handle
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_ROW {
                row(SQLiteRow(handle: handle))
            } else if code == SQLITE_DONE {
                return
            } else {
                let message = sqliteConnection.map { String(cString: sqlite3_errmsg($0)) }
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
            }
        }
    }
}
