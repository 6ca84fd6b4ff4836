import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

/// `mark()` and `changes(since:limit:)` on every backend: what `extract` asks to skip a post
/// whose lookups no write since can have changed. Each test fails if a change went unlisted.
@Suite("Memory changes conformance")
struct MemoryChangesConformanceTests {
    typealias Backend = TestedMemory.Backend
    static let zh = MemoryConformanceTests.zh
    static let en = MemoryConformanceTests.en
    static let de = MemoryConformanceTests.de

    static func unit(_ source: String, _ target: String, to locale: LocaleTag = en, state: SegmentState = .translated) -> MemoryUnit {
        MemoryConformanceTests.unit(source, target, to: locale, state: state)
    }

    static func changes(_ memory: any TranslationMemory, since mark: MemoryMark, limit: Int = 100) throws -> [String: Set<String>]? {
        guard let changes = try memory.changes(since: mark, limit: limit) else { return nil }
        return ["en": changes.keys(sourceLocale: zh, targetLocale: en), "de": changes.keys(sourceLocale: zh, targetLocale: de)]
            .filter { !$0.value.isEmpty }
    }

    @Test(arguments: Backend.allCases)
    func nothingWrittenListsNothingAndAddedUnitsListTheirKeysByPair(_ backend: Backend) throws {
        let tested = try TestedMemory(backend)
        try tested.memory.add([Self.unit("服务器在北京。", "The server is in Beijing.")])
        let mark = try tested.memory.mark()
        #expect(try Self.changes(tested.memory, since: mark) == [:])
        // A lookup changes nothing.
        _ = try tested.memory.matches(for: MemoryConformanceTests.query("服务器在上海。"))
        #expect(try tested.memory.mark() == mark)
        try tested.memory.add([
            Self.unit("价格便宜了一半。", "The price halved."), Self.unit("文档下周更新。", "Docs next week.", to: Self.de),
            // A draft is no answer to any lookup.
            Self.unit("草稿。", "Draft.", state: .new),
        ])
        // Keys are normalized sources, as lookups compare them.
        #expect(try Self.changes(tested.memory, since: mark) == [
            "en": [Normalizer.memoryKey("价格便宜了一半。")], "de": [Normalizer.memoryKey("文档下周更新。")],
        ])
        // Another connection (another process) sees the same.
        #expect(try Self.changes(tested.openAgain(), since: mark)?["en"] == [Normalizer.memoryKey("价格便宜了一半。")])
        #expect(try Self.changes(tested.memory, since: tested.memory.mark()) == [:])
    }

    @Test(arguments: Backend.allCases)
    func aRefreshedOrUpdatedUnitListsItsKeysWithoutANewID(_ backend: Backend) throws {
        let tested = try TestedMemory(backend)
        var stored = Self.unit("服务器在北京。", "The server is in Beijing.")
        try tested.memory.add([stored, Self.unit("文档下周更新。", "Docs next week.")])
        let mark = try tested.memory.mark()
        // The same unit from another file: its origin (which a candidate shows) changes in place.
        stored.originFile = "locales/en/posts/other.json"
        #expect(try tested.memory.add([stored]).updated == 1)
        #expect(try Self.changes(tested.memory, since: mark) == ["en": [Normalizer.memoryKey("服务器在北京。")]])

        let afterRefresh = try tested.memory.mark()
        var unit = try #require(try tested.memory.exactMatches(for: MemoryConformanceTests.query("文档下周更新。")).first?.unit)
        unit.target = "The docs are updated next week."
        try tested.memory.update(unit)
        #expect(try Self.changes(tested.memory, since: afterRefresh) == ["en": [Normalizer.memoryKey("文档下周更新。")]])
        #expect(try Self.changes(tested.memory, since: mark)?["en"]?.count == 2)

        // A key changed in place is a rewrite: what the key was is not listed, so nothing is.
        let afterUpdate = try tested.memory.mark()
        unit.source = "文档下个月更新。"
        unit.sourceKey = Normalizer.memoryKey(unit.source)
        try tested.memory.update(unit)
        #expect(try Self.changes(tested.memory, since: afterUpdate) == nil)
    }

    @Test(arguments: Backend.allCases)
    func removalAnotherMemoryOrTooManyKeysListNothing(_ backend: Backend) throws {
        let tested = try TestedMemory(backend)
        try tested.memory.add([Self.unit("服务器在北京。", "The server is in Beijing.")])
        let mark = try tested.memory.mark()
        try tested.memory.add([Self.unit("价格便宜了一半。", "The price halved."), Self.unit("文档下周更新。", "Docs next week.")])
        #expect(try Self.changes(tested.memory, since: mark, limit: 2)?["en"]?.count == 2)
        #expect(try Self.changes(tested.memory, since: mark, limit: 1) == nil)
        try tested.memory.removeAll()
        try tested.memory.add([Self.unit("服务器在北京。", "The server is in Beijing.")])
        // Units went: no list of added keys can say so.
        #expect(try Self.changes(tested.memory, since: mark) == nil)
        let other = try TestedMemory(backend)
        #expect(try other.memory.changes(since: tested.memory.mark(), limit: 100) == nil)
    }
}
