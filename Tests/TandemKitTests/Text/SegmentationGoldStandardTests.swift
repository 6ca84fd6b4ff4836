import Foundation
import Testing
import TandemKit

/// Tandem's cuts against the hand-cut gold standard: precision and recall of sentence breaks,
/// printed as a table (`swift test --filter SegmentationGoldStandardTests`).
///
/// Paragraphs go through `HugoDocument` and `DocumentSegmenter` with the built-in rules, the
/// path `tandem extract` takes.
@Suite("Segmentation against the gold standard")
struct SegmentationGoldStandardTests {
    /// Cuts compared with the gold ones.
    struct Score {
        var goldCuts = 0
        var tandemCuts = 0
        var correctCuts = 0
        /// Wrong and missed cuts, with a little text either side.
        var misses: [String] = []

        var precision: Double { tandemCuts == 0 ? 1 : Double(correctCuts) / Double(tandemCuts) }
        var recall: Double { goldCuts == 0 ? 1 : Double(correctCuts) / Double(goldCuts) }

        mutating func add(_ other: Score) {
            goldCuts += other.goldCuts
            tandemCuts += other.tandemCuts
            correctCuts += other.correctCuts
            misses += other.misses
        }
    }

    static func score(_ gold: SegmentationGoldStandard) throws -> Score {
        let markdown = gold.paragraphs.map(\.text).joined(separator: "\n\n") + "\n"
        let document = try HugoDocument(bytes: Array(markdown.utf8), path: gold.name)
        let segmenter = DocumentSegmenter(segmenter: try SentenceSegmenter(rules: LocaleRules.builtIn(for: gold.locale)))
        let segments = segmenter.segments(of: document)
        try #require(document.units.count == gold.paragraphs.count, "one unit per gold paragraph")
        var score = Score()
        for (index, paragraph) in gold.paragraphs.enumerated() {
            let bytes = Array(paragraph.text.utf8)
            try #require(document.units[index].text == bytes, "unit \(index) is the paragraph's text")
            let cuts = Set(segments.filter { $0.unitIndex == index }.dropFirst().map(\.range.lowerBound))
            score.goldCuts += paragraph.cuts.count
            score.tandemCuts += cuts.count
            score.correctCuts += cuts.intersection(paragraph.cuts).count
            func context(_ offset: Int) -> String {
                let before = String(decoding: bytes[..<offset], as: UTF8.self).suffix(14)
                let after = String(decoding: bytes[offset...], as: UTF8.self).prefix(14)
                return "\(before) ‖ \(after)"
            }
            score.misses += cuts.subtracting(paragraph.cuts).sorted().map { "  wrong cut   \(gold.name): \(context($0))" }
            score.misses += paragraph.cuts.subtracting(cuts).sorted().map { "  missed cut  \(gold.name): \(context($0))" }
        }
        return score
    }

    static func percent(_ value: Double) -> String { String(format: "%6.2f%%", value * 100) }

    static func row(_ name: String, sentences: Int, _ score: Score) -> String {
        name.padding(toLength: 18, withPad: " ", startingAt: 0)
            + String(format: "%9d %9d %11d %7d ", sentences, score.goldCuts, score.tandemCuts, score.correctCuts)
            + percent(score.precision) + "   " + percent(score.recall)
    }

    @Test func precisionAndRecallOfBreaksReachTheTarget() throws {
        var lines = ["Segmentation gold standard: Tandem's sentence breaks against hand-cut ones",
                     "file              sentences gold cuts Tandem cuts correct precision  recall"]
        var total = Score()
        var sentences = 0
        for file in SegmentationGoldStandard.files {
            let gold = try SegmentationGoldStandard(name: file.name, locale: file.locale)
            let score = try Self.score(gold)
            lines.append(Self.row(file.name, sentences: gold.sentenceCount, score))
            total.add(score)
            sentences += gold.sentenceCount
        }
        lines.append(Self.row("total", sentences: sentences, total))
        lines += total.misses
        // Standard error, unbuffered: the table stays whole among the test runner's lines.
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        #expect(sentences >= 500)
        #expect(total.precision >= 0.995, "\(total.misses.joined(separator: "\n"))")
        #expect(total.recall >= 0.995, "\(total.misses.joined(separator: "\n"))")
    }

    @Test func theGoldStandardHasEnoughTraditionalChinese() throws {
        let traditional = try SegmentationGoldStandard(name: "zh-Hant-news.txt", locale: "zh-TW")
        #expect(traditional.sentenceCount >= 150)
    }
}
