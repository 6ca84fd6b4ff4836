import Foundation
internal import GRDB

/// The memory's mark and what changed since one (`TranslationMemory.changes(since:limit:)`),
/// which lets `extract` skip a post whose lookups no write since can have changed.
///
/// Added units are read by id (`AUTOINCREMENT`: ids only grow, and only `removeAll` deletes,
/// which bumps `rewrites`). A unit changed in place (`add` refreshing a stored unit, `update`)
/// leaves its key in `changed_key`, written in the write's own transaction under the generation
/// it commits as. The log keeps at most `changedKeyLogLimit` rows: a write that would grow it
/// further drops its oldest generations and moves `keysLoggedAfter` past them, so a mark from
/// before lists nothing (its caller assumes everything changed) rather than too little.
extension SQLiteMemory {
    /// Rows the change log keeps (a key changed in place once per write that changed it).
    static let changedKeyLogLimit = 20_000

    /// A key of units changed in place, as the log stores it.
    struct ChangedKey: Hashable {
        var sourceLocale: String
        var targetLocale: String
        var key: String
    }

    public func mark() throws -> MemoryMark {
        try read { db in MemoryMark(try Self.memoryState(db)) }
    }

    /// The mark of the memory file at `path`, read without opening the memory (no migration, no
    /// write, no file made); nil when there is no file, or it cannot be read or predates the
    /// counters (then nothing may be assumed).
    public static func mark(path: String) -> MemoryMark? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            let queue = try DatabaseQueue(path: path)
            defer { try? queue.close() }
            return try queue.read { db in MemoryMark(try memoryState(db)) }
        } catch {
            return nil
        }
    }

    public func changes(since mark: MemoryMark, limit: Int) throws -> MemoryChanges? {
        try read { db in
            let state = try Self.memoryState(db)
            guard state.instance == mark.instance, state.rewrites == mark.rewrites,
                  state.generation >= mark.generation, state.maxId >= mark.lastUnitID
            else { return nil }
            if state.generation == mark.generation { return MemoryChanges() }
            let loggedAfter = try Int64.fetchOne(db, sql: "SELECT keysLoggedAfter FROM memory_state") ?? .max
            guard mark.generation >= loggedAfter else { return nil }
            var changes = MemoryChanges()
            // A unit added in a state lookups do not see is no change to them: it becomes one
            // only by `unit_becomes_leverageable`, which bumps `rewrites`.
            let queries: [(String, StatementArguments)] = [
                ("SELECT sourceLocale, targetLocale, sourceKey FROM unit WHERE id > ? AND state IN \(SQLiteSchema.leverageableStatesSQL)",
                 [mark.lastUnitID]),
                ("SELECT sourceLocale, targetLocale, sourceKey FROM changed_key WHERE generation > ?", [mark.generation]),
            ]
            for (sql, arguments) in queries {
                let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
                while let row = try rows.next() {
                    changes.insert(sourceLocale: row[0], targetLocale: row[1], key: row[2])
                    if changes.count > limit { return nil }
                }
            }
            return changes
        }
    }

    /// Logs `keys`, changed in place by the write running in `db` (which commits as the next
    /// generation: `write` bumps it at its end), and keeps the log within its limit.
    static func logChangedKeys(_ db: Database, _ keys: Set<ChangedKey>) throws {
        guard !keys.isEmpty else { return }
        let generation = try Int64.fetchOne(db, sql: "SELECT generation + 1 FROM memory_state") ?? 0
        if keys.count > changedKeyLogLimit {
            // More than the log holds: nothing before this write can be listed any more.
            try db.execute(sql: "DELETE FROM changed_key")
            try db.execute(sql: "UPDATE memory_state SET keysLoggedAfter = ?", arguments: [generation])
            return
        }
        let insert = try db.cachedStatement(sql: "INSERT INTO changed_key VALUES (?, ?, ?, ?)")
        for key in keys {
            try insert.execute(arguments: [generation, key.sourceLocale, key.targetLocale, key.key])
        }
        let logged = try Int.fetchOne(db, sql: "SELECT count(*) FROM changed_key") ?? 0
        guard logged > changedKeyLogLimit else { return }
        // Whole generations go, oldest first, until the rest fits.
        let cut = try Int64.fetchOne(
            db, sql: "SELECT generation FROM changed_key ORDER BY generation DESC LIMIT 1 OFFSET ?",
            arguments: [changedKeyLogLimit]) ?? generation
        try db.execute(sql: "DELETE FROM changed_key WHERE generation <= ?", arguments: [cut])
        try db.execute(sql: "UPDATE memory_state SET keysLoggedAfter = max(keysLoggedAfter, ?)", arguments: [cut])
    }
}
