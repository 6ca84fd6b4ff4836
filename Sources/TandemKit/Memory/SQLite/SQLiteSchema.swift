internal import GRDB

/// The SQLite memory's tables, as a list of migrations applied in order (never edited once
/// released: a change is a new migration).
enum SQLiteSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-units") { db in
            try db.execute(sql: """
                CREATE TABLE unit (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    sourceLocale TEXT NOT NULL,
                    targetLocale TEXT NOT NULL,
                    source TEXT NOT NULL,
                    target TEXT NOT NULL,
                    sourceKey TEXT NOT NULL,
                    previousKey TEXT NOT NULL DEFAULT '',
                    nextKey TEXT NOT NULL DEFAULT '',
                    originFile TEXT,
                    originSegment TEXT,
                    creator TEXT,
                    created REAL NOT NULL,
                    changed REAL NOT NULL,
                    state TEXT NOT NULL,
                    -- StableHash of the identity columns (locales, sourceKey, context keys, target);
                    -- since v3, of the source as written instead of sourceKey.
                    identity INTEGER NOT NULL,
                    -- StableHash of (sourceLocale, targetLocale, sourceKey): exact lookups.
                    lookup INTEGER NOT NULL
                );
                -- Integer indexes: a fraction of the size of indexes over the text columns, so
                -- inserting a million units stays fast; queries compare the text columns too.
                CREATE INDEX unit_identity ON unit(identity);
                CREATE INDEX unit_lookup ON unit(lookup);
                """)
        }
        migrator.registerMigration("v2-one-lookup-identity-index") { db in
            // One index serves both: an exact lookup reads its prefix (`lookup`), a duplicate
            // check both columns (the identity's inputs include the lookup's). Half the index
            // pages an insert dirties, one index to rebuild after a bulk load.
            try db.execute(sql: """
                DROP INDEX IF EXISTS unit_identity;
                DROP INDEX IF EXISTS unit_lookup;
                CREATE INDEX unit_lookup_identity ON unit(lookup, identity);
                """)
        }
        migrator.registerMigration("v3-identity-of-the-source-as-written") { db in
            // The identity hashed the folded matching key, so sources differing only in case or
            // width merged into one unit; it now hashes the source as written. (Units merged
            // before stay merged: the other spelling is gone.)
            let rows = try Row.fetchAll(db, sql: "SELECT id, lookup, source, previousKey, nextKey, target FROM unit")
            let update = try db.makeStatement(sql: "UPDATE unit SET identity = ? WHERE id = ?")
            for row in rows {
                let identity = MemoryUnit.identityHash(
                    lookup: row[1], source: row[2], previousKey: row[3], nextKey: row[4], target: row[5])
                try update.execute(arguments: [identity, row[0] as Int64])
            }
        }
        migrator.registerMigration("v4-keys-fold-chinese-scripts") { db in
            // The matching keys now fold Traditional Chinese to Simplified (`Normalizer.memoryKey`),
            // so a unit stored from one script matches the other. The fold applies to a key as
            // stored (it runs after the rest of the matching key), so keys are folded in place,
            // and the lookup and identity hashes made again from them. Only changed rows are written.
            let rows = try Row.fetchCursor(
                db, sql: "SELECT id, sourceLocale, targetLocale, source, target, sourceKey, previousKey, nextKey FROM unit")
            var changes: [(id: Int64, keys: [String], lookup: Int64, identity: Int64)] = []
            while let row = try rows.next() {
                let keys: [String] = [row[5], row[6], row[7]]
                let folded = keys.map(Normalizer.simplifyingChinese)
                guard folded != keys else { continue }
                let lookup = StableHash.of(row[1] as String, row[2] as String, folded[0])
                let identity = MemoryUnit.identityHash(
                    lookup: lookup, source: row[3], previousKey: folded[1], nextKey: folded[2], target: row[4])
                changes.append((row[0], folded, lookup, identity))
            }
            let update = try db.makeStatement(
                sql: "UPDATE unit SET sourceKey = ?, previousKey = ?, nextKey = ?, lookup = ?, identity = ? WHERE id = ?")
            for change in changes {
                try update.execute(arguments: [change.keys[0], change.keys[1], change.keys[2], change.lookup, change.identity, change.id])
            }
        }
        migrator.registerMigration("v5-memory-state") { db in
            // `generation` counts committed writes (bumped in each write's transaction, see
            // `SQLiteMemory.write`); `rewrites` counts units that became leverageable in place
            // (the trigger, in the same transaction as the update), which the persisted index
            // cannot see from ids alone; `instance` tells this file from one put in its place
            // (`tm rebuild`), whose ids start again. `locale_pair` lists every pair ever stored,
            // so a lookup finds its target locales without scanning the units.
            try db.execute(sql: """
                CREATE TABLE memory_state (
                    generation INTEGER NOT NULL,
                    rewrites INTEGER NOT NULL,
                    instance INTEGER NOT NULL
                );
                INSERT INTO memory_state VALUES (0, 0, random());
                CREATE TABLE locale_pair (
                    sourceLocale TEXT NOT NULL,
                    targetLocale TEXT NOT NULL,
                    PRIMARY KEY (sourceLocale, targetLocale)
                ) WITHOUT ROWID;
                INSERT INTO locale_pair SELECT DISTINCT sourceLocale, targetLocale FROM unit;
                CREATE TRIGGER unit_becomes_leverageable AFTER UPDATE OF sourceLocale, sourceKey, state ON unit
                WHEN NEW.state IN ('translated', 'reviewed', 'final')
                    AND (OLD.state NOT IN ('translated', 'reviewed', 'final')
                        OR OLD.sourceKey IS NOT NEW.sourceKey OR OLD.sourceLocale IS NOT NEW.sourceLocale)
                BEGIN
                    UPDATE memory_state SET rewrites = rewrites + 1;
                END;
                """)
        }
        migrator.registerMigration("v6-changed-keys") { db in
            // The keys of units changed in place, by the generation their write committed as
            // (`SQLiteMemory+Changes`): what `changes(since:limit:)` lists besides the units added
            // since. Nothing was logged before: the log reaches back to the generation now.
            // The table first: a process that lost the race to migrate then fails on it with
            // "already exists", which `migrate` knows, and finds the migration applied.
            try db.execute(sql: """
                CREATE TABLE changed_key (
                    generation INTEGER NOT NULL,
                    sourceLocale TEXT NOT NULL,
                    targetLocale TEXT NOT NULL,
                    sourceKey TEXT NOT NULL
                );
                CREATE INDEX changed_key_generation ON changed_key(generation);
                ALTER TABLE memory_state ADD COLUMN keysLoggedAfter INTEGER NOT NULL DEFAULT 0;
                UPDATE memory_state SET keysLoggedAfter = generation;
                """)
        }
        return migrator
    }

    /// The index of exact lookups and duplicate checks. A bulk load drops it and creates it
    /// again at the end; opening a memory creates it when a load died before that.
    /// (The migration spells it out: a released migration never changes.)
    static let lookupIndex = "unit_lookup_identity"
    static let createLookupIndexSQL = "CREATE INDEX IF NOT EXISTS \(lookupIndex) ON unit(lookup, identity)"

    /// The states a lookup may offer.
    static let leverageableStates = SegmentState.allCases.filter(\.isTranslated).map(\.rawValue)

    /// `('translated', 'reviewed', 'final')`, for SQL.
    static var leverageableStatesSQL: String {
        "(" + leverageableStates.map { "'\($0)'" }.joined(separator: ", ") + ")"
    }

    static let columns = """
        id, sourceLocale, targetLocale, source, target, sourceKey, previousKey, nextKey,
        originFile, originSegment, creator, created, changed, state
        """
}
