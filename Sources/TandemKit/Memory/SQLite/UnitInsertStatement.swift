import Foundation
internal import GRDB
internal import GRDBSQLite

/// The prepared `INSERT` of a unit, bound column by column straight through SQLite's C API.
///
/// Imports insert hundreds of thousands of units; building a `StatementArguments` array of
/// existentials per unit and binding through it cost more than SQLite's own insert. The
/// statement is prepared once per transaction (GRDB caches it) and reset after each row.
struct UnitInsertStatement {
    private let statement: Statement

    static let sql = """
        INSERT INTO unit (sourceLocale, targetLocale, source, target, sourceKey, previousKey, nextKey,
            originFile, originSegment, creator, created, changed, state, identity, lookup)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    init(_ db: Database) throws {
        statement = try db.cachedStatement(sql: Self.sql)
    }

    /// Inserts `unit`, whose hashes the caller computed already; returns its id.
    func insert(_ unit: MemoryUnit, lookup: Int64, identity: Int64) throws -> Int64 {
        let handle = statement.sqliteStatement
        // Every parameter is bound again for each row (NULL too): no clearing needed.
        defer { sqlite3_reset(handle) }
        var code = SQLITE_OK
        func text(_ index: Int32, _ value: String?) {
            guard code == SQLITE_OK else { return }
            guard var value else {
                code = sqlite3_bind_null(handle, index)
                return
            }
            code = value.withUTF8 { bytes in
                if bytes.isEmpty { return sqlite3_bind_text(handle, index, "", 0, nil) }
                // SQLITE_TRANSIENT: SQLite copies the bytes before this call returns.
                return sqlite3_bind_text(handle, index, UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self),
                                  Int32(bytes.count), unsafeBitCast(-1, to: sqlite3_destructor_type.self))
            }
        }
        text(1, unit.sourceLocale.identifier)
        text(2, unit.targetLocale.identifier)
        text(3, unit.source)
        text(4, unit.target)
        text(5, unit.sourceKey)
        text(6, unit.previousKey)
        text(7, unit.nextKey)
        text(8, unit.originFile)
        text(9, unit.originSegment)
        text(10, unit.creator)
        if code == SQLITE_OK { code = sqlite3_bind_double(handle, 11, unit.created.timeIntervalSince1970) }
        if code == SQLITE_OK { code = sqlite3_bind_double(handle, 12, unit.changed.timeIntervalSince1970) }
        text(13, unit.state.rawValue)
        if code == SQLITE_OK { code = sqlite3_bind_int64(handle, 14, identity) }
        if code == SQLITE_OK { code = sqlite3_bind_int64(handle, 15, lookup) }
        if code == SQLITE_OK {
            code = sqlite3_step(handle)
            if code == SQLITE_DONE { return sqlite3_last_insert_rowid(sqlite3_db_handle(handle)) }
        }
        throw DatabaseError(
            resultCode: ResultCode(rawValue: code),
            message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))), sql: Self.sql)
    }
}
