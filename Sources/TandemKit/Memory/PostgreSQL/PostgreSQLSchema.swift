/// The PostgreSQL memory's tables, as migrations applied in order and recorded in
/// `tandem_migration` (never edited once released: a change is a new migration).
///
/// The tables are made in the connection's current schema (the first of `search_path`: `public`
/// unless the URL says `?options=-csearch_path%3Dteam`), named `tandem_*` so they can share a
/// database with other tables.
enum PostgreSQLSchema {
    struct Migration {
        var version: Int
        var name: String
        var sql: String
    }

    static let migrations = [
        Migration(version: 1, name: "units", sql: """
            -- What makes two units the same unit, as a SHA-256 digest: a UNIQUE constraint over the
            -- text columns themselves would fail on long sentences (a B-tree entry holds at most
            -- 2,704 bytes). Each part is prefixed by its byte length so ("ab", "c") ≠ ("a", "bc").
            CREATE FUNCTION tandem_unit_identity(
                source_locale text, target_locale text, source_key text, previous_key text, next_key text, target text
            ) RETURNS bytea LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
            RETURN sha256(textsend(
                octet_length(source_locale)::text || ':' || source_locale
                || octet_length(target_locale)::text || ':' || target_locale
                || octet_length(source_key)::text || ':' || source_key
                || octet_length(previous_key)::text || ':' || previous_key
                || octet_length(next_key)::text || ':' || next_key
                || octet_length(target)::text || ':' || target));

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
                identity bytea NOT NULL GENERATED ALWAYS AS (
                    tandem_unit_identity(source_locale, target_locale, source_key, previous_key, next_key, target)
                ) STORED,
                CONSTRAINT tandem_unit_identity_key UNIQUE (identity)
            );
            CREATE INDEX tandem_unit_lookup ON tandem_unit (lookup);
            """),
    ]

    /// Brings the schema up to date. An advisory lock makes processes that start at once take
    /// turns, so a migration runs once.
    static func migrate(_ connection: PostgreSQLConnection) throws {
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
            let latest = migrations.last?.version ?? 0
            if current > latest {
                throw PostgreSQLError(message: "this memory has schema version \(current), newer than this Tandem knows (\(latest)); update Tandem")
            }
            for migration in migrations where migration.version > current {
                try connection.executeScript(migration.sql)
                try connection.execute(
                    "INSERT INTO tandem_migration (version, name) VALUES ($1, $2)", [String(migration.version), migration.name])
            }
        }
    }
}
