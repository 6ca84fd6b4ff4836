/// The PostgreSQL memory's tables, as migrations applied in order and recorded in
/// `tandem_migration` (never edited once released: a change is a new migration).
///
/// The tables are made in the connection's current schema (the first of `search_path`: `public`
/// unless the URL says `?options=-csearch_path%3Dteam`), named `tandem_*` so they can share a
/// database with other tables.
enum PostgreSQLSchema {
    struct Migration: Sendable {
        var version: Int
        var name: String
        var sql: String
        /// A step SQL alone cannot do (run after `sql`, in the same transaction).
        var rewrite: (@Sendable (PostgreSQLConnection) throws -> Void)? = nil
    }

    static let migrations = [
        Migration(version: 1, name: "units", sql: """
            CREATE TABLE tandem_unit (
                id bigserial PRIMARY KEY,
                source_locale text NOT NULL,
                target_locale text NOT NULL,
                source text NOT NULL,
                target text NOT NULL,
                source_key text NOT NULL,
                previous_key text NOT NULL DEFAULT '',
                next_key text NOT NULL DEFAULT '',
                origin_file text,
                origin_segment text,
                creator text,
                created timestamptz NOT NULL,
                changed timestamptz NOT NULL,
                state text NOT NULL,
                -- StableHash of (source_locale, target_locale, source_key), as SQLiteMemory's
                -- `lookup`: exact lookups read one integer index entry, then compare the texts.
                lookup bigint NOT NULL,
                -- What makes two units the same unit, as a SHA-256 digest (`identity(…)` below,
                -- computed in every statement that writes): a UNIQUE constraint over the text
                -- columns themselves would fail on long sentences (a B-tree entry holds at most
                -- 2,704 bytes).
                identity bytea NOT NULL,
                CONSTRAINT tandem_unit_identity_key UNIQUE (identity)
            );
            CREATE INDEX tandem_unit_lookup ON tandem_unit (lookup);
            """),
        // The identity digested the folded source_key, so sources differing only in case or
        // width merged; it digests the source as written now (finer: no new conflicts).
        // Spelled out, not through `identity(…)`: a released migration never changes.
        Migration(version: 2, name: "identity of the source as written", sql: """
            UPDATE tandem_unit SET identity = sha256(textsend(
                octet_length(source_locale)::text || ':' || source_locale || octet_length(target_locale)::text || ':' || target_locale
                || octet_length(source)::text || ':' || source || octet_length(previous_key)::text || ':' || previous_key
                || octet_length(next_key)::text || ':' || next_key || octet_length(target)::text || ':' || target));
            """),
        // The matching keys fold Traditional Chinese to Simplified (`Normalizer.memoryKey`).
        Migration(version: 3, name: "keys fold Chinese scripts", sql: "", rewrite: foldChineseScriptsInKeys),
        // The counters that keep each client's persisted index right (`PostgreSQLMemory+Index`),
        // and the locale pairs, so a lookup names its pairs without counting the units.
        Migration(version: 4, name: "index state and locale pairs", sql: """
            -- One row. `generation` is bumped by every write transaction, first thing, so writers
            -- take turns on this row and commit their unit ids in increasing order; `rewrites`
            -- when a unit's key changes in place or every unit is deleted; `instance` tells this
            -- memory's index files from any other's.
            CREATE TABLE tandem_state (
                only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
                generation bigint NOT NULL,
                rewrites bigint NOT NULL,
                instance bigint NOT NULL
            );
            INSERT INTO tandem_state (generation, rewrites, instance)
                VALUES (0, 0, floor(random() * 4611686018427387904)::bigint);
            CREATE TABLE tandem_locale_pair (
                source_locale text NOT NULL,
                target_locale text NOT NULL,
                PRIMARY KEY (source_locale, target_locale)
            );
            INSERT INTO tandem_locale_pair SELECT DISTINCT source_locale, target_locale FROM tandem_unit;
            """),
        // The keys of units changed in place, by the generation their write committed as
        // (`PostgreSQLMemory+Changes`). Nothing was logged before: the log reaches back to now.
        Migration(version: 5, name: "changed keys", sql: """
            ALTER TABLE tandem_state ADD COLUMN keys_logged_after bigint NOT NULL DEFAULT 0;
            UPDATE tandem_state SET keys_logged_after = generation;
            CREATE TABLE tandem_changed_key (
                generation bigint NOT NULL,
                source_locale text NOT NULL,
                target_locale text NOT NULL,
                source_key text NOT NULL
            );
            CREATE INDEX tandem_changed_key_generation ON tandem_changed_key (generation);
            """),
    ]

    /// Folds the stored keys of units with Han characters as `Normalizer.memoryKey` does now,
    /// with their lookup hash and identity. A unit whose new identity another unit already has
    /// (the same sentence stored with context in each script) is dropped: it is that unit now.
    static func foldChineseScriptsInKeys(_ connection: PostgreSQLConnection) throws {
        let han = "'[\u{3400}-\u{9FFF}\u{F900}-\u{FAFF}]'"
        let rows = try connection.execute("""
            SELECT id, source_locale, target_locale, source_key, previous_key, next_key FROM tandem_unit
            WHERE source_key ~ \(han) OR previous_key ~ \(han) OR next_key ~ \(han)
            """)
        let newIdentity = identity(
            sourceLocale: "u.source_locale", targetLocale: "u.target_locale", source: "u.source",
            previousKey: "$1::text", nextKey: "$2::text", target: "u.target")
        for row in 0..<rows.rowCount {
            let keys = [rows.string(row, 3), rows.string(row, 4), rows.string(row, 5)]
            let folded = keys.map(Normalizer.simplifyingChinese)
            guard folded != keys else { continue }
            let lookup = StableHash.of(rows.string(row, 1), rows.string(row, 2), folded[0])
            let id = rows.string(row, 0)
            try connection.execute("""
                DELETE FROM tandem_unit u WHERE u.id = $3::bigint
                AND EXISTS (SELECT 1 FROM tandem_unit o WHERE o.id <> u.id AND o.identity = \(newIdentity))
                """, [folded[1], folded[2], id])
            try connection.execute("""
                UPDATE tandem_unit u SET source_key = $4, previous_key = $1, next_key = $2, lookup = $5::bigint,
                identity = \(newIdentity) WHERE u.id = $3::bigint
                """, [folded[1], folded[2], id, folded[0], lookup.description])
        }
    }

    /// The SQL expression of the identity digest of the unit whose identity fields are the SQL
    /// operands given (column names or parameters, never values): SHA-256 of each part prefixed
    /// by its byte length, so ("ab", "c") ≠ ("a", "bc"). Written out rather than as a SQL
    /// function: PostgreSQL runs a function in a generated column or a trigger through its
    /// per-call executor, which made an import three times slower.
    /// The source is the text as written, not its matching key: matching may fold case and
    /// width, storage must not merge `Select All` with `Select all`.
    static func identity(
        sourceLocale: String, targetLocale: String, source: String, previousKey: String, nextKey: String, target: String
    ) -> String {
        let parts = [sourceLocale, targetLocale, source, previousKey, nextKey, target]
        return "sha256(textsend(" + parts.map { "octet_length(\($0))::text || ':' || \($0)" }.joined(separator: " || ") + "))"
    }

    /// Brings the schema up to date. An advisory lock makes processes that start at once take
    /// turns, so a migration runs once.
    static func migrate(_ connection: PostgreSQLConnection) throws {
        // A schema that is current already needs no write: read first, so that a role allowed
        // only to SELECT (a reviewer, a CI job) or a read-only database opens the memory. The
        // migration ran CREATE TABLE IF NOT EXISTS every time, which such a role is refused.
        let latest = migrations.last?.version ?? 0
        if !(try connection.execute("SELECT to_regclass('tandem_migration') IS NOT NULL").string(0, 0)).hasPrefix("f"),
           Int(try connection.execute("SELECT coalesce(max(version), 0) FROM tandem_migration").string(0, 0)) == latest {
            return
        }
        try connection.transaction {
            // Any constant: the lock only serializes Tandem's migrations with each other.
            try connection.execute("SELECT pg_advisory_xact_lock($1)", ["7245100311"])
            try connection.executeScript("""
                CREATE TABLE IF NOT EXISTS tandem_migration (
                    version integer PRIMARY KEY,
                    name text NOT NULL,
                    applied timestamptz NOT NULL DEFAULT now()
                )
                """)
            let current = Int(try connection.execute("SELECT coalesce(max(version), 0) FROM tandem_migration").string(0, 0)) ?? 0
            if current > latest {
                throw PostgreSQLError(message: "this memory has schema version \(current), newer than this Tandem knows (\(latest)); update Tandem")
            }
            for migration in migrations where migration.version > current {
                if !migration.sql.isEmpty { try connection.executeScript(migration.sql) }
                try migration.rewrite?(connection)
                try connection.execute(
                    "INSERT INTO tandem_migration (version, name) VALUES ($1, $2)", [String(migration.version), migration.name])
            }
        }
    }
}
