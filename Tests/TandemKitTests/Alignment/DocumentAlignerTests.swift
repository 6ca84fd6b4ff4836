import Foundation
import Testing
import TandemKit
import TandemTestSupport

/// Sentence alignment measured on real parallel posts (the LoveIt theme's documentation, zh-CN
/// and English, MIT; see Fixtures/LoveIt/SOURCES.md) against 393 hand-checked pairs.
@Suite("Alignment of human translations")
struct DocumentAlignerTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/LoveIt")
    static let posts = [
        "theme-documentation-content", "theme-documentation-built-in-shortcodes",
        "theme-documentation-mermaid-shortcode", "theme-documentation-extended-shortcodes",
    ]

    struct Pair: Decodable, Hashable {
        var source: String
        var target: [String]
    }

    /// The proposed pairs of one post: each source sentence that got a translation, with the
    /// translation's sentences; and whether each was sure.
    static func proposed(_ name: String) throws -> [(pair: Pair, certain: Bool)] {
        let locales = SharedCorpus.repositoryRoot.appendingPathComponent("locales")
        func side(_ file: String, _ locale: String) throws -> (HugoDocument, [ExtractedSegment]) {
            let document = try HugoDocument(bytes: TextFile.readBytes(fixtures.appendingPathComponent(file)), path: file)
            let segmenter = try SentenceSegmenter(locale: LocaleTag(locale)!, localesDirectory: locales)
            return (document, DocumentSegmenter(segmenter: segmenter).segments(of: document))
        }
        let (source, sourceSegments) = try side("\(name).zh-cn.md", "zh-CN")
        let (target, targetSegments) = try side("\(name).en.md", "en")
        return DocumentAligner().align(source: source, sourceSegments: sourceSegments, target: target, targetSegments: targetSegments)
            .filter { !$0.targetSentences.isEmpty }
            .map { (Pair(source: $0.source, target: $0.targetSentences), $0.isCertain) }
    }

    @Test func precisionAndRecallOnHandCheckedPairs() throws {
        let gold = try JSONDecoder().decode([String: [Pair]].self, from: Data(contentsOf: Self.fixtures.appendingPathComponent("gold-pairs.json")))
        var proposedCount = 0
        var certainCount = 0
        var correct = 0
        var certainCorrect = 0
        var goldCount = 0
        for name in Self.posts {
            var remaining: [Pair: Int] = [:]
            for pair in try #require(gold[name]) { remaining[pair, default: 0] += 1 }
            goldCount += gold[name]!.count
            for (pair, certain) in try Self.proposed(name) {
                proposedCount += 1
                if certain { certainCount += 1 }
                if let left = remaining[pair], left > 0 {
                    remaining[pair] = left - 1
                    correct += 1
                    if certain { certainCorrect += 1 }
                }
            }
        }
        let precision = Double(correct) / Double(proposedCount)
        let recall = Double(correct) / Double(goldCount)
        let certainPrecision = Double(certainCorrect) / Double(certainCount)
        #expect(goldCount >= 200)
        #expect(precision >= 0.95, "precision \(precision) (\(correct) of \(proposedCount))")
        #expect(recall >= 0.95, "recall \(recall) (\(correct) of \(goldCount))")
        // What is filled as translated without review must be right.
        #expect(certainPrecision >= 0.99, "sure pairs: \(certainCorrect) of \(certainCount)")
        // Most pairs are sure: adopting a translation leaves little to review.
        #expect(Double(certainCount) / Double(proposedCount) >= 0.8)
    }

    @Test func swappedListItemsArePairedButUnsure() throws {
        let proposed = try Self.proposed("theme-documentation-extended-shortcodes")
        let swapped = try #require(proposed.first { $0.pair.source == "{1}rel{/1} {2}[可选]{/2}" })
        #expect(swapped.pair.target == ["{1}class{/1} {2}[optional]{/2}"])
        #expect(!swapped.certain)
    }
}
