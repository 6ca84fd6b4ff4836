import Foundation
import GRDB
import TandemTestSupport
import Testing
@testable import TandemKit

/// A memory made before keys folded Chinese scripts gets its keys folded when opened.
@Suite("SQLite script-fold migration")
struct SQLiteScriptFoldMigrationTests {
    static let zh = LocaleTag("zh-CN")!
    static let en = LocaleTag("en")!

    @Test func keysOfAnOlderMemoryAreFoldedAndFoundFromEitherScript() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("m.sqlite")
        // A memory of schema v3, whose keys kept the script (Normalizer.matchingKey).
        let old = try DatabaseQueue(path: path)
        try SQLiteSchema.migrator.migrate(old, upTo: "v3-identity-of-the-source-as-written")
        try old.write { db in
            for (source, previous, target) in [("蘋果發布了新手機。", "記者報導。", "Apple released a new phone."), ("Hello.", "", "Hallo.")] {
                let unit = MemoryUnit(
                    id: nil, sourceLocale: Self.zh, targetLocale: Self.en, source: source, target: target,
                    sourceKey: Normalizer.matchingKey(source), previousKey: Normalizer.matchingKey(previous), nextKey: "",
                    originFile: nil, originSegment: nil, creator: nil, created: Date(), changed: Date(), state: .translated)
                try db.execute(sql: UnitInsertStatement.sql, arguments: unit.rowArguments)
            }
        }
        try old.close()

        let memory = try SQLiteMemory(path: path)
        let query = MemoryQuery(source: "苹果发布了新手机。", sourceLocale: Self.zh, targetLocale: Self.en, previousSource: "记者报导。")
        #expect(try memory.exactMatches(for: query).map(\.score) == [101])
        _ = try memory.prepareLookups(sourceLocale: Self.zh, targetLocale: Self.en)
        #expect(try memory.exactMatches(for: query).map(\.unit.target) == ["Apple released a new phone."])
        // The stored unit is found as itself (its identity was made again from the folded keys).
        let again = MemoryUnit(sourceLocale: Self.zh, targetLocale: Self.en, source: "蘋果發布了新手機。",
                               target: "Apple released a new phone.", previousSource: "記者報導。")
        #expect(try memory.add([again]) == MemoryWriteSummary(inserted: 0, updated: 1))
        #expect(try memory.statistics().units == 2)
    }
}
