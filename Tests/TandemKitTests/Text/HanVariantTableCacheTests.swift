import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

/// The Traditional-to-Simplified table a process reads from its cache file is the one ICU's
/// transforms give, and a cache file that is not sound for this ICU is made again from ICU.
@Suite("Han variant table cache")
struct HanVariantTableCacheTests {
    @Test func theCachedTableEqualsTheTableICUComputes() throws {
        let directory = try TemporaryDirectory(prefix: "tandem-han-cache")
        defer { directory.remove() }
        let computed = try #require(HanVariantTable.computedByICU())
        // Made from ICU (nothing cached yet), written, then read back by the next "process".
        #expect(HanVariantTable.cached(in: directory.url) == computed)
        #expect(FileManager.default.fileExists(atPath: HanVariantTable.cacheFile(in: directory.url).path))
        #expect(HanVariantTable.load(HanVariantTable.cacheFile(in: directory.url)) == computed)
        // What every fold in this process uses.
        #expect(HanVariantTable.shared == computed)
        // Real folds survive the round trip: 蘋 → 苹, 們 is Traditional only, 们 Simplified only.
        let loaded = try #require(HanVariantTable.load(HanVariantTable.cacheFile(in: directory.url)))
        #expect(loaded.simplifying("蘋果們") == "苹果们")
        #expect(loaded.scriptCount(of: "們") == ScriptCount(traditional: 1, simplified: 0))
        #expect(loaded.scriptCount(of: "们") == ScriptCount(traditional: 0, simplified: 1))
    }

    @Test func aDamagedCacheFileIsRefusedAndMadeAgainFromICU() throws {
        let directory = try TemporaryDirectory(prefix: "tandem-han-cache")
        defer { directory.remove() }
        let computed = try #require(HanVariantTable.computedByICU())
        let file = HanVariantTable.cacheFile(in: directory.url)
        var bytes = computed.cacheImage()
        // 蘋 (U+860B) folded to itself instead of 苹: a byte of the table's body, not its header.
        let image = try #require(FlatImage(IndexStorage(copying: bytes)))
        let folds = try #require(image.section(0, as: UInt16.self))
        let offset = image.storage.bytes.baseAddress!.distance(to: UnsafeRawPointer(folds.baseAddress!)) + 2 * 0x860B
        bytes[offset] = 0x0B
        bytes[offset + 1] = 0x86
        try AtomicFile.write(bytes, to: file)
        #expect(HanVariantTable.load(file) == nil)
        #expect(HanVariantTable.cached(in: directory.url) == computed)
        #expect(HanVariantTable.load(file) == computed)
    }

    @Test func aCacheFileOfAnotherFormatIsIgnored() throws {
        let directory = try TemporaryDirectory(prefix: "tandem-han-cache")
        defer { directory.remove() }
        let file = HanVariantTable.cacheFile(in: directory.url)
        try AtomicFile.write(Array("not a table".utf8), to: file)
        #expect(HanVariantTable.load(file) == nil)
        #expect(HanVariantTable.cached(in: directory.url) == HanVariantTable.computedByICU())
    }
}
