import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

/// What only the PostgreSQL memory has: URLs and their passwords, connection errors, schema
/// migrations, statement batches, long sentences, one transaction for a rebuild.
@Suite("PostgreSQL memory")
struct PostgreSQLMemoryTests {
    static let zh = LocaleTag("zh-CN")!
    static let en = LocaleTag("en")!
    static let server = Comment(rawValue: PostgreSQLTestServer.absentMessage)

    @Test(arguments: [
        ("postgres://alice:s3cret@db.example:5432/tm", "postgres://alice@db.example:5432/tm"),
        ("postgresql://alice@db.example/tm?password=s3cret&sslmode=require", "postgresql://alice@db.example/tm?sslmode=require"),
        ("postgresql://alice@db.example/tm?sslmode=require&password=s3cret", "postgresql://alice@db.example/tm?sslmode=require"),
        ("postgresql:///tm?password=s3cret", "postgresql:///tm"),
        ("postgres://alice:p%40ss@/tm?host=/var/run/postgresql", "postgres://alice@/tm?host=/var/run/postgresql"),
        ("postgres://db.example/tm", "postgres://db.example/tm"),
    ])
    func urlsAreShownWithoutTheirPassword(_ url: String, _ shown: String) throws {
        let parsed = try #require(PostgreSQLURL(url))
        #expect(parsed.description == shown)
        #expect(parsed.redacting("FATAL: password s3cret and p%40ss and p@ss") == (parsed.password == nil ? "FATAL: password s3cret and p%40ss and p@ss"
            : parsed.password == "s3cret" ? "FATAL: password *** and p%40ss and p@ss" : "FATAL: password s3cret and *** and ***"))
        #expect(MemoryAddress(url, relativeTo: URL(fileURLWithPath: "/p")) == .postgreSQL(parsed))
    }

    @Test func pathsAreSQLiteFiles() {
        let root = URL(fileURLWithPath: "/project")
        #expect(MemoryAddress(".tandem/memory.sqlite", relativeTo: root) == .sqlite(path: "/project/.tandem/memory.sqlite"))
        #expect(MemoryAddress("/srv/tm.sqlite", relativeTo: root) == .sqlite(path: "/srv/tm.sqlite"))
        #expect(PostgreSQLURL("mysql://x") == nil)
    }

    /// A helper's finding: `POSTGRES://host/db` was taken for a URL but handed to libpq as it
    /// was, which knows lower-case schemes only, and tried the local socket.
    @Test func anUpperCaseSchemeReachesLibpqLowered() throws {
        let url = try #require(PostgreSQLURL("POSTGRESQL://Alice@DB.example:5433/TM?sslmode=disable"))
        #expect(url.connectionString == "postgresql://Alice@DB.example:5433/TM?sslmode=disable")
    }

    @Test func aRefusedConnectionIsADatabaseErrorWithoutThePassword() throws {
        do {
            _ = try PostgreSQLMemory(url: "postgres://alice:s3cret@127.0.0.1:1/tm")
            Issue.record("connected to port 1")
        } catch let error as TandemError {
            guard case .database(let url, let reason) = error else { Issue.record("\(error)"); return }
            #expect(url == "postgres://alice@127.0.0.1:1/tm")
            #expect(reason.hasPrefix("cannot connect: "))
            #expect(!error.description.contains("s3cret"))
        }
        #expect(throws: TandemError.invalidArgument("'tm.sqlite' is not a PostgreSQL URL (postgres://user@host/database)")) {
            try PostgreSQLMemory(url: "tm.sqlite")
        }
    }

    @Test(.enabled(if: PostgreSQLTestServer.isAvailable, server))
    func theSchemaIsMigratedOnceEvenWhenManyOpenAtOnce() async throws {
        let schema = try PostgreSQLTestServer.makeSchema()
        defer { schema.drop() }
        let url = schema.url
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<6 { group.addTask { _ = try PostgreSQLMemory(url: url) } }
            try await group.waitForAll()
        }
        let connection = try PostgreSQLConnection(url: try #require(PostgreSQLURL(url)))
        #expect(try connection.execute("SELECT count(*), max(version) FROM tandem_migration").string(0, 0) == "\(PostgreSQLSchema.migrations.count)")
        // A memory from a newer Tandem is refused, not misread.
        try connection.execute("INSERT INTO tandem_migration (version, name) VALUES (99, 'future')")
        #expect {
            try PostgreSQLMemory(url: url)
        } throws: { error in
            "\(error)".contains("newer than this Tandem knows")
        }
    }

    /// A helper's finding with a team: a role allowed only to SELECT (or a read-only database)
    /// could not open the memory at all, since every open ran CREATE TABLE IF NOT EXISTS. A
    /// current schema is only read; lookups, statistics and exports work.
    @Test(.enabled(if: PostgreSQLTestServer.isAvailable, server))
    func aReadOnlySessionOpensACurrentMemoryAndLooksUp() throws {
        let schema = try PostgreSQLTestServer.makeSchema()
        defer { schema.drop() }
        try PostgreSQLMemory(url: schema.url).add([MemoryUnit(sourceLocale: Self.zh, targetLocale: Self.en, source: "今天下雨。", target: "It rains today.")])
        let readOnly = schema.url.replacingOccurrences(of: "options=-csearch_path%3D", with: "options=-cdefault_transaction_read_only%3Don%20-csearch_path%3D")
        #expect(readOnly != schema.url)
        let memory = try PostgreSQLMemory(url: readOnly)
        #expect(try memory.exactMatches(for: MemoryQuery(source: "今天下雨。", sourceLocale: Self.zh, targetLocale: Self.en)).map(\.unit.target) == ["It rains today."])
        #expect(try memory.fuzzyMatches(for: MemoryQuery(source: "今天下大雨。", sourceLocale: Self.zh, targetLocale: Self.en), minimumScore: 50, limit: 5).count == 1)
        #expect(try memory.statistics().units == 1)
    }

    @Test(.enabled(if: PostgreSQLTestServer.isAvailable, server))
    func batchesLargerThanOneStatementAndLongSentencesAreStored() throws {
        let schema = try PostgreSQLTestServer.makeSchema()
        defer { schema.drop() }
        let memory = try PostgreSQLMemory(url: schema.url)
        let count = PostgreSQLMemory.rowsPerStatement * 2 + 17
        let units = (0..<count).map { MemoryUnit(sourceLocale: Self.zh, targetLocale: Self.en, source: "第\($0)句，带\"引号\"和\\反斜杠。", target: "S\($0) {\"x\"}") }
        #expect(try memory.add(units) == MemoryWriteSummary(inserted: count, updated: 0))
        #expect(try memory.add(units) == MemoryWriteSummary(inserted: 0, updated: count))
        #expect(try memory.exactMatches(for: MemoryQuery(source: "第9999句，带\"引号\"和\\反斜杠。", sourceLocale: Self.zh, targetLocale: Self.en))
            .map(\.unit.target) == ["S9999 {\"x\"}"])
        // Longer than a B-tree entry may be (2,704 bytes): the identity is a digest, not the text.
        let long = String(repeating: "很长的句子，", count: 2000) + "。"
        try memory.add([MemoryUnit(sourceLocale: Self.zh, targetLocale: Self.en, source: long, target: long)])
        #expect(try memory.exactMatches(for: MemoryQuery(source: long, sourceLocale: Self.zh, targetLocale: Self.en)).count == 1)
        #expect(try memory.statistics().units == count + 1)
    }

    @Test(.enabled(if: PostgreSQLTestServer.isAvailable, server))
    func aFailedTransactionLeavesTheUnitsAsTheyWere() throws {
        let schema = try PostgreSQLTestServer.makeSchema()
        defer { schema.drop() }
        let memory = try PostgreSQLMemory(url: schema.url)
        let other = try PostgreSQLMemory(url: schema.url)
        try memory.add([MemoryUnit(sourceLocale: Self.zh, targetLocale: Self.en, source: "旧的。", target: "Old.")])
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try memory.inOneTransaction {
                try memory.removeAll()
                try memory.add([MemoryUnit(sourceLocale: Self.zh, targetLocale: Self.en, source: "新的。", target: "New.")])
                // Another connection still sees the old units while the transaction is open.
                #expect(try other.statistics().units == 1)
                #expect(try other.exactMatches(for: MemoryQuery(source: "旧的。", sourceLocale: Self.zh, targetLocale: Self.en)).count == 1)
                throw Stop()
            }
        }
        #expect(try memory.exactMatches(for: MemoryQuery(source: "旧的。", sourceLocale: Self.zh, targetLocale: Self.en)).count == 1)
        #expect(try memory.exactMatches(for: MemoryQuery(source: "新的。", sourceLocale: Self.zh, targetLocale: Self.en)).isEmpty)
        #expect(try memory.statistics().units == 1)
    }

    /// A memory whose identity digested the folded key (schema 1) gets the source's digest:
    /// its units are found as themselves, and a case variant is a unit of its own.
    @Test(.enabled(if: PostgreSQLTestServer.isAvailable, server))
    func theFoldedIdentityIsMigratedToTheSourceAsWritten() throws {
        let schema = try PostgreSQLTestServer.makeSchema()
        defer { schema.drop() }
        let unit = { (source: String) in
            MemoryUnit(sourceLocale: LocaleTag("en")!, targetLocale: LocaleTag("de")!, source: source, target: "Alles auswählen")
        }
        try PostgreSQLMemory(url: schema.url).add([unit("Select All")])
        let connection = try PostgreSQLConnection(url: try #require(PostgreSQLURL(schema.url)))
        // Back to schema 1: its digest of the folded key, and no record of migration 2.
        try connection.execute("""
            UPDATE tandem_unit SET identity = sha256(textsend(
                octet_length(source_locale)::text || ':' || source_locale || octet_length(target_locale)::text || ':' || target_locale
                || octet_length(source_key)::text || ':' || source_key || octet_length(previous_key)::text || ':' || previous_key
                || octet_length(next_key)::text || ':' || next_key || octet_length(target)::text || ':' || target))
            """)
        try connection.execute("DELETE FROM tandem_migration WHERE version > 1")
        // Nor had it the tables of migrations 4 and 5.
        try connection.execute("DROP TABLE tandem_state, tandem_locale_pair, tandem_changed_key")
        let memory = try PostgreSQLMemory(url: schema.url)
        #expect(try memory.add([unit("Select All")]) == MemoryWriteSummary(inserted: 0, updated: 1))
        #expect(try memory.add([unit("Select all")]) == MemoryWriteSummary(inserted: 1, updated: 0))
        #expect(try memory.statistics().units == 2)
    }
}
