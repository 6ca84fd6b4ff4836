import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

/// One memory serves posts in both Chinese scripts: its matching keys fold Traditional to
/// Simplified. Decision: a sentence that differs only in script is an exact match (100, or 101
/// in context), like one that differs only in width or case. The English of 蘋果發布了新手機
/// and 苹果发布了新手机 is the same sentence, and a site that publishes each story in both
/// scripts should not have every sentence confirmed twice; the translator still sees it: a
/// stored source written in the query's own script ranks first, and the candidate carries the
/// diff of the two sources.
@Suite("Memory script folding")
struct MemoryScriptFoldingTests {
    typealias Backend = TestedMemory.Backend
    static let zh = LocaleTag("zh-CN")!
    static let en = LocaleTag("en")!

    static func unit(_ source: String, _ target: String, previous: String? = nil, next: String? = nil) -> MemoryUnit {
        MemoryConformanceTests.unit(source, target, previous: previous, next: next)
    }

    static func query(_ source: String, previous: String? = nil, next: String? = nil) -> MemoryQuery {
        MemoryQuery(source: source, sourceLocale: zh, targetLocale: en, previousSource: previous, nextSource: next)
    }

    /// Stored source, queried source: an exact match in either direction.
    static let pairs: [(String, String)] = [
        ("苹果发布了新手机。", "蘋果發布了新手機。"),
        ("蘋果發布了新手機。", "苹果发布了新手机。"),
        ("英伟达的芯片卖得很好。", "英偉達的芯片賣得很好。"),
    ]

    @Test(arguments: Backend.allCases)
    func aSentenceInTheOtherScriptIsAnExactMatch(_ backend: Backend) throws {
        for (stored, queried) in Self.pairs {
            let tested = try TestedMemory(backend)
            try tested.memory.add([Self.unit(stored, "Translated.")])
            for prepared in [false, true] {
                if prepared { _ = try tested.memory.prepareLookups(sourceLocale: Self.zh, targetLocale: Self.en) }
                let matches = try tested.memory.exactMatches(for: Self.query(queried))
                #expect(matches.map(\.score) == [100], "\(stored) → \(queried)")
                #expect(matches.first?.kind == .exact)
                // The diff shows the translator what differs.
                #expect(matches.first?.candidate(for: queried).diff != nil)
            }
        }
    }

    @Test(arguments: Backend.allCases)
    func contextInTheOtherScriptIsStillInContextAndTheSameScriptRanksFirst(_ backend: Backend) throws {
        let tested = try TestedMemory(backend)
        try tested.memory.add([
            Self.unit("谢谢。", "Thanks (Simplified).", previous: "他笑了。", next: "再见。"),
            Self.unit("謝謝。", "Thanks (Traditional).", previous: "他笑了。", next: "再見。"),
        ])
        let matches = try tested.memory.exactMatches(for: Self.query("謝謝。", previous: "他笑了。", next: "再見。"))
        #expect(matches.map(\.score) == [101, 101])
        #expect(matches.first?.unit.target == "Thanks (Traditional).")
    }

    @Test(arguments: Backend.allCases)
    func aFuzzyMatchScoresTheSameInEitherScript(_ backend: Backend) throws {
        let tested = try TestedMemory(backend)
        try tested.memory.add([Self.unit("亚马逊今天宣布在东京开设新的数据中心。", "Amazon announced a new data centre in Tokyo today.")])
        let simplified = try tested.memory.fuzzyMatches(for: Self.query("亚马逊昨天宣布在东京开设新的数据中心。"), minimumScore: 50, limit: 5)
        let traditional = try tested.memory.fuzzyMatches(for: Self.query("亞馬遜昨天宣布在東京開設新的數據中心。"), minimumScore: 50, limit: 5)
        #expect(!simplified.isEmpty)
        #expect(traditional.map(\.score) == simplified.map(\.score))
    }
}
