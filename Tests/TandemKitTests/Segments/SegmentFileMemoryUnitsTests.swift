import Testing
import TandemKit

/// What a segment file gives the memory: its reusable translations, each keyed with its
/// neighbours as `MemoryUnit` keys them from the sources.
@Suite("Segment file memory units")
struct SegmentFileMemoryUnitsTests {
    static let file: SegmentFile = {
        let rows: [(String, String?, SegmentState, TargetOrigin?)] = [
            ("第一句，　有全角空格。", "First, with a wide space.", .translated, .human),
            ("ＡＢＣ公司发布了新品。", "ABC released a product.", .translated, .tm),
            ("这句只是伪翻译。", "⟦这句只是伪翻译。⟧", .translated, .pseudo),
            ("2025", "2025", .translated, .auto),
            ("还没翻译。", nil, .new, nil),
            ("最后  一句。", "The last one.", .reviewed, .human),
        ]
        var file = SegmentFile(
            source: "content/posts/a.md", sourceLocale: LocaleTag("zh-CN")!, targetLocale: LocaleTag("en")!,
            segments: rows.enumerated().map { index, row in
                SegmentEntry(id: "s\(index)", location: "body/paragraph[\(index + 1)]/s[1]", source: row.0, target: row.1, state: row.2, origin: row.3)
            })
        file.obsolete = [SegmentEntry(id: "old", location: "body/paragraph[9]/s[1]", source: "删掉的句子。", target: "A deleted sentence.", state: .translated, origin: .human)]
        return file
    }()

    @Test func reusableTranslationsWithTheirNeighboursKeys() {
        let units = Self.file.memoryUnits(originFile: "locales/en/posts/a.json")
        #expect(units.map(\.originSegment) == ["s0", "s1", "s5", "old"])
        let segments = Self.file.segments
        let expected = [
            MemoryUnit(sourceLocale: LocaleTag("zh-CN")!, targetLocale: LocaleTag("en")!, source: segments[0].source, target: segments[0].target!, nextSource: segments[1].source),
            MemoryUnit(sourceLocale: LocaleTag("zh-CN")!, targetLocale: LocaleTag("en")!, source: segments[1].source, target: segments[1].target!, previousSource: segments[0].source, nextSource: segments[2].source),
            MemoryUnit(sourceLocale: LocaleTag("zh-CN")!, targetLocale: LocaleTag("en")!, source: segments[5].source, target: segments[5].target!, previousSource: segments[4].source),
            MemoryUnit(sourceLocale: LocaleTag("zh-CN")!, targetLocale: LocaleTag("en")!, source: "删掉的句子。", target: "A deleted sentence."),
        ]
        for (unit, want) in zip(units, expected) {
            #expect(unit.source == want.source && unit.target == want.target)
            #expect(unit.sourceKey == want.sourceKey)
            #expect(unit.previousKey == want.previousKey)
            #expect(unit.nextKey == want.nextKey)
        }
        // Keys are normalized (width folded, space collapsed), not the sources as written.
        #expect(units[1].sourceKey != segments[1].source)
        #expect(units[2].state == .reviewed && units[0].creator == "human" && units[0].originFile == "locales/en/posts/a.json")
    }

    /// A helper's finding: a target whose placeholders a hand edit broke went into the memory,
    /// which filled it into another post as translated, and that post's build failed too.
    @Test func targetsBuildWouldRefuseAreNotGivenToTheMemory() {
        let rows: [(String, String)] = [
            ("注意{1}缩进{/1}。", "Mind the indentation."),
            ("注意{1}缩进{/1}。", "Mind the {1}indentation{/1}."),
            ("第二句。", "The second\n\none."),
            ("第三句。", "See {{% note %}}."),
            ("第四句。", "The fourth."),
        ]
        let file = SegmentFile(
            source: "content/posts/a.md", sourceLocale: LocaleTag("zh-CN")!, targetLocale: LocaleTag("en")!,
            segments: rows.enumerated().map { index, row in
                SegmentEntry(id: "s\(index)", location: "body/paragraph[\(index + 1)]/s[1]", source: row.0,
                             codes: row.0.contains("{1}") ? ["1": "**", "/1": "**"] : nil, target: row.1, state: .translated, origin: .human)
            })
        #expect(file.memoryUnits(originFile: "locales/en/posts/a.json").map(\.originSegment) == ["s1", "s4"])
    }
}
