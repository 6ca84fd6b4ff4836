import Foundation
internal import GRDB

extension SQLiteSchema {
    /// Creates or migrates the memory's tables, safely when several processes open one fresh
    /// file at once.
    ///
    /// GRDB's migrator decides which migrations are missing before it opens each migration's
    /// `BEGIN IMMEDIATE` transaction, so two processes can both decide to create `unit`; the
    /// second then fails ("table unit already exists") and its transaction rolls back. Running
    /// the migrator again re-reads what is applied, now the other process's work, under the
    /// busy timeout: each migration still runs exactly once. A migration that creates nothing
    /// (v3 rewrites identities) fails later, when it records itself in `grdb_migrations` after
    /// the other process did; its transaction rolls back the same way.
    static func migrate(_ pool: DatabasePool, attempts: Int = 8) throws {
        var attempt = 1
        while true {
            do {
                try migrator.migrate(pool)
                return
            } catch let error as DatabaseError where attempt < attempts && Self.lostMigrationRace(error) {
                attempt += 1
            }
        }
    }

    /// Whether `error` is another process having applied the same migration first.
    private static func lostMigrationRace(_ error: DatabaseError) -> Bool {
        let message = error.message ?? ""
        switch error.resultCode {
        case .SQLITE_ERROR: return message.contains("already exists") || message.contains("duplicate column name")
        case .SQLITE_CONSTRAINT: return message.contains("grdb_migrations")
        default: return false
        }
    }

    /// What a SQLite failure means for the person running Tandem: a full disk or a failing
    /// device is said as such (not as "not a Tandem memory"), naming the file.
    /// `systemError` is SQLite's errno of the failed call when known (0: unknown); a
    /// SQLITE_IOERR is a full disk when it is ENOSPC, or, unknown, when the file's device has
    /// almost nothing left (SQLite met it creating or growing the WAL or its index).
    static func reason(for error: DatabaseError, path: String, systemError: Int32 = 0) -> String {
        if error.resultCode == .SQLITE_IOERR && (systemError == ENOSPC || (systemError == 0 && deviceIsFull(path))) {
            return reason(for: DatabaseError(resultCode: .SQLITE_FULL, message: error.message), path: path)
        }
        switch error.resultCode {
        // The system's own words (strerror(ENOSPC)), as every other writer says it.
        case .SQLITE_FULL: return "\(String(cString: strerror(ENOSPC))) writing \(path) (free some space and run again; the memory is unchanged)"
        case .SQLITE_IOERR: return "I/O error writing \(path): \(error.message ?? "\(error)")"
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN: return "cannot open \(path) for writing: \(error.message ?? "\(error)")"
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: return "not a Tandem memory: \(error.message ?? "\(error)")"
        default: return error.message ?? "\(error)"
        }
    }

    /// Whether the device holding `path` has less than 64 KB left for SQLite to grow into.
    static func deviceIsFull(_ path: String) -> Bool {
        var stats = statvfs()
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard statvfs(directory, &stats) == 0 else { return false }
        return UInt64(stats.f_bavail) * UInt64(stats.f_frsize) < 64 * 1024
    }
}
