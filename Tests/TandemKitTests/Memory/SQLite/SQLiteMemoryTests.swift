import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

/// The SQLite memory: lookups, identity of units, persistence, and writers that share the file.
@Suite("SQLite memory")
struct SQLiteMemoryTests {
    static let zh = LocaleTag("zh-CN")!
    static let en = LocaleTag("en")!
    static let de = LocaleTag("de")!

    static func unit(_ source: String, _ target: String, previous: String? = nil, next: String? = nil, to locale: LocaleTag = en, state: SegmentState = .translated) -> MemoryUnit {
        MemoryUnit(sourceLocale: zh, targetLocale: locale, source: source, target: target, previousSource: previous, nextSource: next,
                   originFile: "locales/en/posts/a.json", originSegment: "s1", state: state)
    }

    @Test func exactLookupIgnoresWidthCaseAndSpacing() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let memory = try SQLiteMemory(path: directory.path("m.sqlite"))
        try memory.add([Self.unit("苹果发布了 iPhone 16。", "Apple released the iPhone 16.")])
        let matches = try memory.exactMatches(for: MemoryQuery(source: "苹果发布了  ＩＰＨＯＮＥ　１６。", sourceLocale: Self.zh, targetLocale: Self.en))
        #expect(matches.map(\.unit.target) == ["Apple released the iPhone 16."])
        #expect(matches.first?.score == 100)
        #expect(matches.first?.kind == .exact)
        #expect(try memory.exactMatches(for: MemoryQuery(source: "苹果发布了 iPhone 16。", sourceLocale: Self.zh, targetLocale: Self.de)).isEmpty)
    }

    @Test func sameNeighboursMakeAnInContextMatchThatComesFirst() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let memory = try SQLiteMemory(path: directory.path("m.sqlite"))
        try memory.add([
            Self.unit("谢谢。", "Thanks.", previous: "他笑了。", next: "再见。"),
            Self.unit("谢谢。", "Thank you.", previous: "请坐。", next: "不客气。"),
        ])
        let query = MemoryQuery(source: "谢谢。", sourceLocale: Self.zh, targetLocale: Self.en, previousSource: "请坐。", nextSource: "不客气。")
        let matches = try memory.exactMatches(for: query)
        #expect(matches.map(\.score) == [101, 100])
        #expect(matches.first?.unit.target == "Thank you.")
        #expect(try memory.contextMatch(for: query)?.unit.target == "Thank you.")
        let otherContext = MemoryQuery(source: "谢谢。", sourceLocale: Self.zh, targetLocale: Self.en, previousSource: "你好。")
        #expect(try memory.contextMatch(for: otherContext) == nil)
        #expect(try memory.exactMatches(for: otherContext).count == 2)
    }

    @Test func untranslatedUnitsAreNotOffered() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let memory = try SQLiteMemory(path: directory.path("m.sqlite"))
        try memory.add([Self.unit("草稿。", "Draft.", state: .fuzzy)])
        #expect(try memory.exactMatches(for: MemoryQuery(source: "草稿。", sourceLocale: Self.zh, targetLocale: Self.en)).isEmpty)
        #expect(try memory.statistics().units == 1)
    }

    @Test func addingTheSameUnitAgainRefreshesItInsteadOfDuplicating() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let memory = try SQLiteMemory(path: directory.path("m.sqlite"))
        #expect(try memory.add([Self.unit("一。", "One."), Self.unit("二。", "Two.")]) == MemoryWriteSummary(inserted: 2, updated: 0))
        var again = Self.unit("一。", "One.")
        again.originFile = "tm/vendor.tmx"
        #expect(try memory.add([again, Self.unit("一。", "One!")]) == MemoryWriteSummary(inserted: 1, updated: 1))
        #expect(try memory.statistics().units == 3)
        let stored = try memory.exactMatches(for: MemoryQuery(source: "一。", sourceLocale: Self.zh, targetLocale: Self.en))
        #expect(stored.contains { $0.unit.target == "One." && $0.unit.originFile == "tm/vendor.tmx" })
    }

    @Test func updateReplacesAUnitById() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let memory = try SQLiteMemory(path: directory.path("m.sqlite"))
        try memory.add([Self.unit("三。", "Tree.")])
        var unit = try #require(try memory.exactMatches(for: MemoryQuery(source: "三。", sourceLocale: Self.zh, targetLocale: Self.en)).first?.unit)
        unit.target = "Three."
        try memory.update(unit)
        #expect(try memory.exactMatches(for: MemoryQuery(source: "三。", sourceLocale: Self.zh, targetLocale: Self.en)).map(\.unit.target) == ["Three."])
        unit.id = 999
        #expect(throws: TandemError.self) { try memory.update(unit) }
    }

    @Test func unitsSurviveClosingAndReopening() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("m.sqlite")
        do {
            let memory = try SQLiteMemory(path: path)
            try memory.add((0..<500).map { Self.unit("第\($0)句。", "Sentence \($0).", previous: "前。") })
            try memory.close()
        }
        let reopened = try SQLiteMemory(path: path)
        #expect(try reopened.statistics().units == 500)
        #expect(try reopened.integrityCheck() == "ok")
        let match = try reopened.exactMatches(for: MemoryQuery(source: "第499句。", sourceLocale: Self.zh, targetLocale: Self.en, previousSource: "前。"))
        #expect(match.first?.kind == .inContext)
        #expect(match.first?.unit.originSegment == "s1")
        let fuzzy = try reopened.fuzzyMatches(for: MemoryQuery(source: "第499句话。", sourceLocale: Self.zh, targetLocale: Self.en), minimumScore: 50, limit: 3)
        #expect(fuzzy.first?.unit.target == "Sentence 499.")
    }

    @Test func twoConnectionsWritingAtOnceKeepEveryUnit() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("m.sqlite")
        _ = try SQLiteMemory(path: path)
        // Two memories (two SQLite connections) write interleaved batches from two tasks.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<2 {
                group.addTask {
                    let memory = try SQLiteMemory(path: path)
                    for batch in 0..<20 {
                        let units = (0..<50).map { Self.unit("写者\(writer)批\(batch)句\($0)。", "w\(writer) b\(batch) s\($0)") }
                        try memory.add(units)
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try SQLiteMemory(path: path).statistics().units == 2 * 20 * 50)
    }

    @Test func fuzzyMatchesAreScoredPenalisedAndNeverExact() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let memory = try SQLiteMemory(path: directory.path("m.sqlite"))
        try memory.add([
            Self.unit("我们在2024年发布了新版本。", "We released a new version in 2024."),
            Self.unit("我们在2025年发布了新版本。", "We released a new version in 2025."),
            Self.unit("完全不同的一句话。", "Something else."),
        ])
        let query = MemoryQuery(source: "我们在2024年发布了新的版本。", sourceLocale: Self.zh, targetLocale: Self.en)
        let matches = try memory.fuzzyMatches(for: query, minimumScore: 50, limit: 5)
        #expect(matches.map(\.unit.target) == ["We released a new version in 2024.", "We released a new version in 2025."])
        // 13 symbols, one insertion: ⌊100 · 12/13⌋ = 92; the other year costs an edit and a number penalty.
        #expect(matches.map(\.score) == [92, 84 - 2 * FuzzyScore.numberPenalty])
        #expect(matches.allSatisfy { $0.kind == .fuzzy && $0.score < 100 })
        // An exact match is offered by exactMatches, not repeated among fuzzy ones.
        let exact = MemoryQuery(source: "我们在2024年发布了新版本。", sourceLocale: Self.zh, targetLocale: Self.en)
        #expect(try memory.fuzzyMatches(for: exact, minimumScore: 50, limit: 5).map(\.unit.target) == ["We released a new version in 2025."])
        #expect(try memory.matches(for: exact).first?.score == 100)
    }

    @Test func aFileThatIsNotADatabaseIsAClearError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("bad.sqlite")
        try Data("this is not sqlite, just text that is long enough to be a header ......".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: TandemError.self) { try SQLiteMemory(path: path) }
    }
}
