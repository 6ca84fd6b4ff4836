import Foundation

/// The memory's mark and what changed since one (`TranslationMemory.changes(since:limit:)`),
/// as `SQLiteMemory+Changes` keeps them, shared by every client of the server.
///
/// Added units are read by id: writers take turns on `tandem_state` (`write`), so ids are
/// committed in increasing order, and only `removeAll` deletes, which bumps `rewrites`. A unit
/// changed in place (a refresh in `add`, `update`) leaves its key in `tandem_changed_key`, in
/// the write's own transaction, under the generation the write bumped to first thing. The log
/// keeps at most `changedKeyLogLimit` rows; trimming it moves `keys_logged_after`, so a mark
/// from before lists nothing rather than too little.
extension PostgreSQLMemory {
    /// Rows the change log keeps.
    static let changedKeyLogLimit = 20_000

    public func mark() throws -> MemoryMark {
        try inSnapshot { MemoryMark(try memoryState()) }
    }

    public func changes(since mark: MemoryMark, limit: Int) throws -> MemoryChanges? {
        try inSnapshot {
            let state = try memoryState()
            guard state.instance == mark.instance, state.rewrites == mark.rewrites,
                  state.generation >= mark.generation, state.maxId >= mark.lastUnitID
            else { return nil }
            if state.generation == mark.generation { return MemoryChanges() }
            let loggedAfter = try connection.execute("SELECT keys_logged_after FROM tandem_state").int64(0, 0)
            guard mark.generation >= loggedAfter else { return nil }
            // One more than `limit` says "too many" without sending every key.
            let rows = try connection.execute("""
                SELECT source_locale, target_locale, source_key FROM (
                    SELECT source_locale, target_locale, source_key FROM tandem_unit
                    WHERE id > $1 AND state = ANY($3::text[])
                    UNION
                    SELECT source_locale, target_locale, source_key FROM tandem_changed_key WHERE generation > $2
                ) AS changed LIMIT $4
                """, [mark.lastUnitID.description, mark.generation.description, Self.leverageableStates,
                      (limit < Int.max ? limit + 1 : limit).description])
            guard rows.rowCount <= limit else { return nil }
            var changes = MemoryChanges()
            for row in 0..<rows.rowCount {
                changes.insert(sourceLocale: rows.string(row, 0), targetLocale: rows.string(row, 1), key: rows.string(row, 2))
            }
            return changes
        }
    }

    /// The statement that logs the keys of the rows `from` selects (with columns
    /// `source_locale`, `target_locale`, `source_key`) under the write's generation.
    static func logChangedKeysSQL(from: String) -> String {
        """
        INSERT INTO tandem_changed_key (generation, source_locale, target_locale, source_key)
        SELECT DISTINCT (SELECT generation FROM tandem_state), source_locale, target_locale, source_key FROM \(from)
        """
    }

    /// Empties the log: nothing before the running write can be listed any more (a write of
    /// more keys than the log holds).
    func forgetChangedKeys() throws {
        try connection.execute("DELETE FROM tandem_changed_key")
        try connection.execute("UPDATE tandem_state SET keys_logged_after = generation")
    }

    /// Keeps the log within its limit, dropping whole generations, oldest first.
    func trimChangedKeys() throws {
        try connection.execute("""
            WITH cut AS (
                SELECT generation FROM tandem_changed_key ORDER BY generation DESC OFFSET $1 LIMIT 1
            ), dropped AS (
                DELETE FROM tandem_changed_key WHERE generation <= (SELECT generation FROM cut)
            )
            UPDATE tandem_state SET keys_logged_after = greatest(keys_logged_after, (SELECT generation FROM cut))
            WHERE EXISTS (SELECT 1 FROM cut)
            """, [Self.changedKeyLogLimit.description])
    }
}
