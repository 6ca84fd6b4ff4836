import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

/// The SQLite memory's fast paths give the answers of its plain ones: exact lookups from the
/// in-memory table (`prepareLookups`), and large batches that skip the find for identities
/// never stored.
@Suite("SQLite memory fast paths")
struct SQLiteMemoryBulkTests {
    static let zh = SQLiteMemoryTests.zh
    static let en = SQLiteMemoryTests.en
    static let de = SQLiteMemoryTests.de

    static func queries() -> [MemoryQuery] {
        [
            MemoryQuery(source: "谢谢。", sourceLocale: zh, targetLocale: en, previousSource: "请坐。", nextSource: "不客气。"),
            MemoryQuery(source: "谢谢。", sourceLocale: zh, targetLocale: en, previousSource: "你好。"),
            MemoryQuery(source: "苹果发布了  ＩＰＨＯＮＥ　１６。", sourceLocale: zh, targetLocale: en),
            MemoryQuery(source: "苹果发布了 iPhone 16。", sourceLocale: zh, targetLocale: de),
            MemoryQuery(source: "草稿。", sourceLocale: zh, targetLocale: en),
            MemoryQuery(source: "没有这句。", sourceLocale: zh, targetLocale: en),
        ]
    }

    @Test func preparedExactLookupsAnswerWhatTheDatabaseAnswers() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let memory = try SQLiteMemory(path: directory.path("m.sqlite"))
        let early = Date(timeIntervalSince1970: 1_600_000_000)
        let late = Date(timeIntervalSince1970: 1_700_000_000)
        var older = SQLiteMemoryTests.unit("谢谢。", "Thanks.", previous: "他笑了。", next: "再见。")
        older.changed = early
        var newer = SQLiteMemoryTests.unit("谢谢。", "Thank you!")
        newer.changed = late
        newer.originFile = nil  // NULL columns survive the insert and the table
        newer.creator = nil
        var inContext = SQLiteMemoryTests.unit("谢谢。", "Thank you.", previous: "请坐。", next: "不客气。")
        inContext.changed = early
        try memory.add([
            older, newer,
            inContext,
            SQLiteMemoryTests.unit("苹果发布了 iPhone 16。", "Apple released the iPhone 16."),
            SQLiteMemoryTests.unit("苹果发布了 iPhone 16。", "Apple hat das iPhone 16 vorgestellt.", to: Self.de),
            SQLiteMemoryTests.unit("草稿。", "Draft.", state: .fuzzy),
        ])
        let fromDatabase = try Self.queries().map { try memory.exactMatches(for: $0) }
        #expect(fromDatabase.map(\.count) == [3, 3, 1, 1, 0, 0])
        #expect(fromDatabase[1].map(\.unit.target).first == "Thank you!")
        #expect(fromDatabase[1].first?.unit.originFile == nil)
        #expect(try memory.prepareLookups(sourceLocale: Self.zh, targetLocale: Self.en) == 4)
        try memory.prepareLookups(sourceLocale: Self.zh, targetLocale: Self.de)
        let fromTable = try Self.queries().map { try memory.exactMatches(for: $0) }
        #expect(fromTable == fromDatabase)

        // A write drops the table: the new unit is found at once.
        try memory.add([SQLiteMemoryTests.unit("没有这句。", "Not any more.")])
        #expect(try memory.exactMatches(for: Self.queries()[5]).map(\.unit.target) == ["Not any more."])
        try memory.prepareLookups(sourceLocale: Self.zh, targetLocale: Self.en)
        #expect(try memory.exactMatches(for: Self.queries()[5]).map(\.unit.target) == ["Not any more."])
    }

    static func batch(_ range: Range<Int>) -> [MemoryUnit] {
        range.map { SQLiteMemoryTests.unit("第\($0)句。", "Sentence \($0).") }
    }

    @Test func largeBatchesAddedAgainAreRefreshedNotDuplicated() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let memory = try SQLiteMemory(path: directory.path("m.sqlite"))
        let size = SQLiteMemory.identitySetThreshold + 500
        #expect(try memory.add(Self.batch(0..<size)) == MemoryWriteSummary(inserted: size, updated: 0))
        #expect(try memory.add(Self.batch(0..<size)) == MemoryWriteSummary(inserted: 0, updated: size))
        // Updating a unit into one the next batch holds: that one is refreshed, not added twice.
        var moved = try #require(try memory.exactMatches(for: MemoryQuery(source: "第0句。", sourceLocale: Self.zh, targetLocale: Self.en)).first?.unit)
        moved.source = "第\(size)句。"
        moved.sourceKey = Normalizer.matchingKey(moved.source)
        moved.target = "Sentence \(size)."
        try memory.update(moved)
        #expect(try memory.add(Self.batch(1..<size + 1)) == MemoryWriteSummary(inserted: 0, updated: size))
        #expect(try memory.statistics().units == size)
    }

    @Test func unitsAnotherConnectionStoredAreNotDuplicated() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = try SQLiteMemory(path: directory.path("m.sqlite"))
        let second = try SQLiteMemory(path: directory.path("m.sqlite"))
        let size = SQLiteMemory.identitySetThreshold
        try first.add(Self.batch(0..<size))  // the first connection now holds the identity set
        try second.add(Self.batch(size..<size + 10))
        // The first connection's set misses these ten; the other connection's commit shows.
        #expect(try first.add(Self.batch(size - 5..<2 * size)) == MemoryWriteSummary(inserted: size - 10, updated: 15))
        #expect(try second.statistics().units == 2 * size)
    }
}
