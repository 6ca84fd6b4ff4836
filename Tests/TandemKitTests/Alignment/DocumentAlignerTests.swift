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

/// A page's buttons or cards are shortcodes whose text argument is translated and whose other
/// arguments (`link`, `icon`) stay as they are: those pair the arguments, not their position.
@Suite("Alignment of shortcode arguments")
struct ShortcodeArgumentAlignmentTests {
    static func aligned(_ source: String, _ target: String) throws -> [String: (target: String, certain: Bool)] {
        let parameters = ShortcodeTextParameters(parameters: ["card": ["title"]])
        func side(_ text: String, _ locale: String) throws -> (HugoDocument, [ExtractedSegment]) {
            let document = try HugoDocument(bytes: Array(text.utf8), path: "p.md", shortcodeParameters: parameters)
            return (document, DocumentSegmenter(segmenter: try SentenceSegmenter(locale: LocaleTag(locale)!)).segments(of: document))
        }
        let (sourceDocument, sourceSegments) = try side(source, "zh-CN")
        let (targetDocument, targetSegments) = try side(target, "en")
        let sentences = DocumentAligner().align(
            source: sourceDocument, sourceSegments: sourceSegments, target: targetDocument, targetSegments: targetSegments)
        return Dictionary(uniqueKeysWithValues: sentences.map { ($0.source, ($0.target, $0.isCertain)) })
    }

    /// Two cards of a Chinese page, each with a link its translation keeps.
    static let cards = """
        {{< card link="download/" title="下载软件" >}}
        {{< card link="docs/" title="文档" >}}

        """

    /// The translation put the cards in another order: by position alone, 下载 was paired with
    /// "Documentation" as a sure pair and fed to the memory. The links tell the pairs are wrong.
    @Test func reorderedCardsArePairedButUnsure() throws {
        let target = """
            {{< card link="docs/" title="Documentation" >}}
            {{< card link="download/" title="Download" >}}

            """
        let pairs = try Self.aligned(Self.cards, target)
        #expect(pairs["下载软件"].map { !$0.certain } ?? true, "\(pairs)")
        #expect(pairs["文档"].map { !$0.certain } ?? true, "\(pairs)")
    }

    /// Cards in the same order with the same links are sure pairs.
    @Test func cardsInTheSameOrderAreSure() throws {
        let target = """
            {{< card link="download/" title="Download" >}}
            {{< card link="docs/" title="Documentation" >}}

            """
        let pairs = try Self.aligned(Self.cards, target)
        #expect(pairs["下载软件"]?.target == "Download" && pairs["下载软件"]?.certain == true, "\(pairs)")
        #expect(pairs["文档"]?.target == "Documentation" && pairs["文档"]?.certain == true, "\(pairs)")
    }

    /// A helper's finding: a `description:` only the English page has made every pair of the
    /// page unsure (an unpaired unit between pairs placed by order). Front matter values are
    /// named by their key: one only a side has breaks no order.
    @Test func aFrontMatterValueOnlyTheTranslationHasLeavesThePairsSure() throws {
        let source = "---\ntitle: 新闻\n---\n\n今天下雨了。明天会放晴。\n"
        let target = "---\ntitle: News\ndescription: Rain, then sun.\n---\n\nIt rained today. Tomorrow will be sunny.\n"
        let pairs = try Self.aligned(source, target)
        #expect(pairs["新闻"]?.certain == true, "\(pairs)")
        #expect(pairs["今天下雨了。"]?.target == "It rained today." && pairs["今天下雨了。"]?.certain == true, "\(pairs)")
    }
}

/// A translator who wrote other examples than the source (a theme's tabs page: macOS, Linux,
/// Windows in Chinese; JSON, YAML, TOML in English): the pairs were sure, so `build` would
/// have published English about YAML where the source speaks of Linux. A sentence's Latin
/// words, numbers and link targets stay in its translation; a pair that shares none is unsure.
@Suite("Alignment of sentences whose Latin words differ")
struct AnchorMismatchAlignmentTests {
    @Test func pairsThatShareNoLatinWordAreUnsure() throws {
        let source = "**macOS**：苹果公司开发的桌面操作系统。\n\n**Linux**：一款开源操作系统。\n"
        let target = "**JSON**: a text format for structured data.\n\n**YAML**: a human-readable data language.\n"
        let pairs = try ShortcodeArgumentAlignmentTests.aligned(source, target)
        #expect(pairs["{1}macOS{/1}：苹果公司开发的桌面操作系统。"]?.certain == false, "\(pairs)")
        #expect(pairs["{1}Linux{/1}：一款开源操作系统。"]?.certain == false, "\(pairs)")
    }

    /// The same words kept, or no Latin word at all in the source: sure, as before.
    @Test func pairsThatKeepTheirWordsStaySure() throws {
        let source = "**macOS**：苹果公司开发的桌面操作系统。\n\n这是一个开源系统。\n"
        let target = "**macOS**: the desktop system Apple makes.\n\nThis is an open system.\n"
        let pairs = try ShortcodeArgumentAlignmentTests.aligned(source, target)
        #expect(pairs["{1}macOS{/1}：苹果公司开发的桌面操作系统。"]?.certain == true, "\(pairs)")
        #expect(pairs["这是一个开源系统。"]?.certain == true, "\(pairs)")
    }
}

/// A helper's finding on a real docs site whose English pages are short summaries of the Chinese
/// ones: units were paired by order alone across the units the summary left out ("前置条件" with
/// "Full tutorial"), all sure, and fed to the memory. Pairs that share no anchor are sure only
/// where no unit between the anchored pairs around them is left unpaired.
@Suite("Alignment of pages with other sections")
struct SkippedUnitAlignmentTests {
    static let source = """
        ## 代码位置

        入口代码：[main.go](https://example.com/main.go)

        ## 前置条件

        你需要先安装好编译器，并且准备一个可以写入的目录。

        ## 运行

        在终端里执行下面的命令，然后打开浏览器查看结果。

        """

    @Test func pairsPlacedByOrderAcrossASkippedUnitAreUnsure() throws {
        let target = """
            ## Code location

            Entry code: [main.go](https://example.com/main.go)

            ## Full tutorial

            - [ch06.md](https://example.com/ch06.md)

            """
        let pairs = try ShortcodeArgumentAlignmentTests.aligned(Self.source, target)
        #expect(pairs["代码位置"]?.certain == true, "\(pairs)")
        #expect(pairs["入口代码：{1}main.go{/1}"]?.certain == true, "\(pairs)")
        #expect(pairs["前置条件"].map { !$0.certain } ?? true, "\(pairs)")
        #expect(!pairs.values.contains { $0.certain && ($0.target == "Full tutorial" || $0.target.contains("ch06")) }, "\(pairs)")
    }

    /// The same sections in the same order: order is evidence enough, every pair sure.
    @Test func theSameUnitsInOrderStaySure() throws {
        let target = """
            ## Code location

            Entry code: [main.go](https://example.com/main.go)

            ## Prerequisites

            Install a compiler first, and prepare a directory you can write to.

            ## Run

            Run the command below in a terminal, then open the browser to see the result.

            """
        let pairs = try ShortcodeArgumentAlignmentTests.aligned(Self.source, target)
        #expect(pairs.count == 6 && pairs.values.allSatisfy(\.certain), "\(pairs)")
    }
}
