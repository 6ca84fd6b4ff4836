internal import GRDB

extension SQLiteSchema {
    /// Creates or migrates the memory's tables, safely when several processes open one fresh
    /// file at once.
    ///
    /// GRDB's migrator decides which migrations are missing before it opens each migration's
    /// `BEGIN IMMEDIATE` transaction, so two processes can both decide to create `unit`; the
    /// second then fails ("table unit already exists") and its transaction rolls back. Running
    /// the migrator again re-reads what is applied, now the other process's work, under the
    /// busy timeout: each migration still runs exactly once.
    static func migrate(_ pool: DatabasePool, attempts: Int = 8) throws {
        var attempt = 1
        while true {
            do {
                try migrator.migrate(pool)
                return
            } catch let error as DatabaseError where attempt < attempts && error.resultCode == .SQLITE_ERROR
                && (error.message ?? "").contains("already exists") {
                attempt += 1
            }
        }
    }

    /// What a SQLite failure means for the person running Tandem: a full disk or a failing
    /// device is said as such (not as "not a Tandem memory"), naming the file.
    static func reason(for error: DatabaseError, path: String) -> String {
        switch error.resultCode {
        case .SQLITE_FULL: return "disk full writing \(path) (free some space and run again; the memory is unchanged)"
        case .SQLITE_IOERR: return "I/O error writing \(path): \(error.message ?? "\(error)")"
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN: return "cannot open \(path) for writing: \(error.message ?? "\(error)")"
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: return "not a Tandem memory: \(error.message ?? "\(error)")"
        default: return error.message ?? "\(error)"
        }
    }
}
