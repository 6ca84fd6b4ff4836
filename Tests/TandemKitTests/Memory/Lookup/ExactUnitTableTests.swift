import Foundation
import Testing
@testable import TandemKit

/// The in-memory exact table: every key found with its matches in order, keys that share a
/// hash kept apart, absent keys (also a prefix of a stored one) not found.
@Suite("Exact unit table")
struct ExactUnitTableTests {
    static let zh = LocaleTag("zh-CN")!
    static let en = LocaleTag("en")!

    static func unit(_ source: String, _ target: String, changed: TimeInterval, id: Int64) -> MemoryUnit {
        var unit = MemoryUnit(sourceLocale: zh, targetLocale: en, source: source, target: target,
                              created: Date(timeIntervalSince1970: changed), changed: Date(timeIntervalSince1970: changed))
        unit.id = id
        return unit
    }

    @Test func everyKeyIsFoundWithItsMatchesMostRecentFirst() {
        var units: [MemoryUnit] = []
        for n in 0..<5000 { units.append(Self.unit("第\(n)句。", "Sentence \(n).", changed: 100, id: Int64(n))) }
        units.append(Self.unit("第7句。", "The seventh sentence.", changed: 200, id: 9000))
        let table = ExactUnitTable(units: units)
        #expect(table.unitCount == 5001)
        for n in stride(from: 0, to: 5000, by: 97) where n != 7 {
            #expect(table.matches(forKey: Normalizer.matchingKey("第\(n)句。")).map(\.unit.target) == ["Sentence \(n)."])
        }
        #expect(table.matches(forKey: Normalizer.matchingKey("第7句。")).map(\.unit.target) == ["The seventh sentence.", "Sentence 7."])
        #expect(table.matches(forKey: Normalizer.matchingKey("第5000句。")).isEmpty)
        #expect(table.matches(forKey: Normalizer.matchingKey("第1句")).isEmpty)
        #expect(table.matches(forKey: "").isEmpty)
    }

    /// Two keys under one hash value (as a 64-bit collision would put them): each gets its own
    /// matches, never the other's.
    @Test func keysSharingAHashAreKeptApart() {
        let a = Self.unit("甲。", "A.", changed: 100, id: 1)
        let b = Self.unit("乙。", "B.", changed: 200, id: 2)
        let table = ExactUnitTable(unitsByHash: [StableHash.of(a.sourceKey): [a, b]], unitCount: 2)
        #expect(table.matches(forKey: a.sourceKey).map(\.unit.target) == ["A."])
        // b sits under a's hash, so a lookup by b's own hash does not reach it: what matters is
        // that a's probe never returns b.
        #expect(!table.matches(forKey: a.sourceKey).contains { $0.unit.target == "B." })
    }
}
