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
    /// Where bound text is copied; it outlives the statement's run (see `Database.stepCached`).
    private let arena: SQLiteTextArena

    init(_ statement: Statement, arena: SQLiteTextArena) {
        handle = statement.sqliteStatement
        self.arena = arena
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
            // SQLite would otherwise copy each value into a buffer of its own (SQLITE_TRANSIENT):
            // a malloc and a free per value, most of the allocations of a refresh's writer. The
            // arena's copy stays put until the statement is reset and its bindings cleared.
            let copy = arena.copy(bytes)
            _ = sqlite3_bind_text(handle, index, copy, Int32(bytes.count), nil)
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
        try step(nil, sql: sql, bind: bind, row: row)
    }

    /// `stepCached`, with the statement of `sql` when the caller already holds it.
    func step(_ prepared: Statement?, sql: String, bind: (inout SQLiteBinder) -> Void,
              row: (SQLiteRow) -> Void = { _ in }) throws {
        try step(prepared ?? cachedStatement(sql: sql), bind: bind, row: row)
    }

    /// Runs a statement already prepared with the values `bind` gives it, calling `row` for each result row.
    func step(_ statement: Statement, bind: (inout SQLiteBinder) -> Void, row: (SQLiteRow) -> Void = { _ in }) throws {
        let arena = SQLiteTextArena()
        // The bound text lives in the arena: it must outlive the reset and the clearing of the bindings.
        try withExtendedLifetime(arena) {
            var binder = SQLiteBinder(statement, arena: arena)
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
                    throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
                }
            }
        }
    }
}

/// Copies of the text bound to one run of a statement, in a few large blocks instead of a block
/// per value; freed together once SQLite no longer points into them.
final class SQLiteTextArena {
    private var blocks: [UnsafeMutableRawPointer] = []
    private var next: UnsafeMutableRawPointer?
    private var left = 0
    private var blockSize = 0

    /// A copy of `bytes` that stays where it is for the arena's life (never NULL, even when empty,
    /// which SQLite would read as a NULL value).
    func copy(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafePointer<CChar> {
        let count = bytes.count
        let target: UnsafeMutableRawPointer
        if let next, count <= left {
            target = next
        } else {
            // Each block twice the last: a few small statements take one small block, a multi-row
            // insert of bodies a handful.
            let size = max(count, blocks.isEmpty ? 2048 : blockSize * 2)
            blockSize = size
            target = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 1)
            blocks.append(target)
            left = size
        }
        if let base = bytes.baseAddress, count > 0 { target.copyMemory(from: base, byteCount: count) }
        next = target + count
        left -= count
        return UnsafePointer(target.assumingMemoryBound(to: CChar.self))
    }

    deinit {
        for block in blocks { block.deallocate() }
    }
}
