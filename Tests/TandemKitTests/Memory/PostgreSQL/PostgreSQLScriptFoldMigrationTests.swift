import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

/// A PostgreSQL memory made before keys folded Chinese scripts gets its keys folded (migration 3).
@Suite("PostgreSQL script-fold migration")
struct PostgreSQLScriptFoldMigrationTests {
    static let zh = LocaleTag("zh-CN")!
    static let en = LocaleTag("en")!
    static let server = Comment(rawValue: PostgreSQLTestServer.absentMessage)

    @Test(.enabled(if: PostgreSQLTestServer.isAvailable, server))
    func keysOfAnOlderMemoryAreFoldedAndFoundFromEitherScript() throws {
        let schema = try PostgreSQLTestServer.makeSchema()
        defer { schema.drop() }
        let unit = MemoryUnit(sourceLocale: Self.zh, targetLocale: Self.en, source: "蘋果發布了新手機。",
                              target: "Apple released a new phone.", previousSource: "記者報導。")
        try PostgreSQLMemory(url: schema.url).add([unit])
        let connection = try PostgreSQLConnection(url: try #require(PostgreSQLURL(schema.url)))
        // Back to schema 2: keys as Normalizer.matchingKey made them, and no record of migration 3.
        let oldKey = Normalizer.matchingKey(unit.source), oldPrevious = Normalizer.matchingKey("記者報導。")
        try connection.execute(
            "UPDATE tandem_unit SET source_key = $1, previous_key = $2, lookup = $3::bigint",
            [oldKey, oldPrevious, StableHash.of(Self.zh.identifier, Self.en.identifier, oldKey).description])
        try connection.execute("""
            UPDATE tandem_unit SET identity = \(PostgreSQLSchema.identity(
                sourceLocale: "source_locale", targetLocale: "target_locale", source: "source",
                previousKey: "previous_key", nextKey: "next_key", target: "target"))
            """)
        try connection.execute("DELETE FROM tandem_migration WHERE version > 2")
        // Nor had it the tables of migrations 4 and 5.
        try connection.execute("DROP TABLE tandem_state, tandem_locale_pair, tandem_changed_key")

        let memory = try PostgreSQLMemory(url: schema.url)
        let query = MemoryQuery(source: "苹果发布了新手机。", sourceLocale: Self.zh, targetLocale: Self.en, previousSource: "记者报导。")
        #expect(try memory.exactMatches(for: query).map(\.score) == [101])
        #expect(try memory.add([unit]) == MemoryWriteSummary(inserted: 0, updated: 1))
        #expect(try memory.statistics().units == 1)
    }
}
