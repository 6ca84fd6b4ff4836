import Foundation
import GRDB
import TandemTestSupport
import Testing
@testable import TandemKit

/// A unit's identity is its source as written: what matching folds (case, width) storage keeps.
@Suite("SQLite memory identity")
struct SQLiteMemoryIdentityTests {
    static let en = LocaleTag("en")!
    static let de = LocaleTag("de")!

    static func unit(_ source: String) -> MemoryUnit {
        MemoryUnit(sourceLocale: en, targetLocale: de, source: source, target: "Alles auswählen")
    }

    @Test func sourcesDifferingInCaseOrWidthAreTwoUnits() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let memory = try SQLiteMemory(path: directory.path("m.sqlite"))
        let units = ["Select All", "Select all", "ＳＥＬＥＣＴ ALL"].map(Self.unit)
        #expect(try memory.add(units) == MemoryWriteSummary(inserted: 3, updated: 0))
        #expect(try memory.add(units) == MemoryWriteSummary(inserted: 0, updated: 3))
        // Large batches check duplicates through the identity set: the same answer.
        let many = (0..<SQLiteMemory.identitySetThreshold).map { Self.unit("Item \($0)") } + units
        #expect(try memory.add(many) == MemoryWriteSummary(inserted: SQLiteMemory.identitySetThreshold, updated: 3))
        #expect(Set(try TMXTests.allUnits(memory).map(\.source)).isSuperset(of: ["Select All", "Select all", "ＳＥＬＥＣＴ ALL"]))
    }

    @Test func aMemoryOfTheFoldedIdentityIsMigrated() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("m.sqlite")
        // A memory of schema v2, whose identity hashed the folded key rather than the source.
        let old = try DatabaseQueue(path: path)
        try SQLiteSchema.migrator.migrate(old, upTo: "v2-one-lookup-identity-index")
        try old.write { db in
            for unit in ["Select All", "Open"].map(Self.unit) {
                let folded = StableHash.extending(StableHash.extending(StableHash.extending(unit.lookupHash, unit.previousKey), unit.nextKey), unit.target)
                let arguments: StatementArguments = [
                    unit.sourceLocale.identifier, unit.targetLocale.identifier, unit.source, unit.target, unit.sourceKey,
                    unit.previousKey, unit.nextKey, unit.originFile, unit.originSegment, unit.creator,
                    unit.created.timeIntervalSince1970, unit.changed.timeIntervalSince1970, unit.state.rawValue, folded, unit.lookupHash,
                ]
                try db.execute(sql: """
                    INSERT INTO unit (sourceLocale, targetLocale, source, target, sourceKey, previousKey, nextKey,
                        originFile, originSegment, creator, created, changed, state, identity, lookup)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: arguments)
            }
        }
        try old.close()

        let memory = try SQLiteMemory(path: path)
        // The stored units are found as themselves; the other spelling is a new unit.
        #expect(try memory.add(["Select All", "Open"].map(Self.unit)) == MemoryWriteSummary(inserted: 0, updated: 2))
        #expect(try memory.add([Self.unit("Select all")]) == MemoryWriteSummary(inserted: 1, updated: 0))
        #expect(try memory.statistics().units == 3)
    }
}
