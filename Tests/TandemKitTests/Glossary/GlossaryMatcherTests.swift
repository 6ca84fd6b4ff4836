import Foundation
import Testing
@testable import TandemKit

/// The matcher's behaviour, case by case: overlaps, width, case, word boundaries, placeholders.
@Suite("GlossaryMatcher")
struct GlossaryMatcherTests {
    static let glossary = Glossary(entries: [
        GlossaryEntry(source: "阿里", target: "Alibaba"),
        GlossaryEntry(source: "阿里巴巴", target: "Alibaba"),
        GlossaryEntry(source: "阿里云", target: "Alibaba Cloud"),
        GlossaryEntry(source: "AI", target: "AI", kind: .keep),
        GlossaryEntry(source: "DeepSeek", target: "DeepSeek", kind: .keep, isCaseSensitive: true),
        GlossaryEntry(source: "Qwen", target: "Qwen", kind: .keep),
        GlossaryEntry(source: "AMD", target: "AMD", kind: .keep),
        GlossaryEntry(source: "通义千问", target: "Qwen"),
        GlossaryEntry(source: "Apple Intelligence", target: "Apple Intelligence", kind: .keep),
        GlossaryEntry(source: "DeepSeek-R1", target: "DeepSeek-R1", kind: .keep),
    ])
    static let matcher = GlossaryMatcher(glossary: glossary)

    /// Text, then the matched substrings of the original text in order.
    static let cases: [(String, [String])] = [
        ("阿里巴巴集团", ["阿里巴巴"]),                     // longest wins over 阿里
        ("阿里云和阿里", ["阿里云", "阿里"]),               // 阿里云 over 阿里; then 阿里 alone
        ("阿里巴", ["阿里"]),                               // a partial longer term falls back
        ("ＡＩ 功能", ["ＡＩ"]),                             // full-width folds to AI
        ("开发AI功能", ["AI"]),                             // CJK neighbours are boundaries
        ("deepseek 和 DeepSeek", ["DeepSeek"]),             // case-sensitive entry: exact case only
        ("qwen 和 QWEN", ["qwen", "QWEN"]),                 // case-insensitive entry: any case
        ("AMDx 与 xAMD 与 AMD。", ["AMD"]),                 // Latin terms need word boundaries
        ("AMD_64", []),                                     // underscore is a word character
        ("{1}通义{/1}千问", ["通义{/1}千问"]),              // paired placeholders are transparent
        ("通义{2/}千问", []),                               // standalone placeholders separate
        ("{1}AMD{/1}x", []),                                // formatting does not make a boundary
        ("Apple   Intelligence", ["Apple   Intelligence"]), // white space collapses
        ("Apple\u{3000}intelligence", ["Apple\u{3000}intelligence"]), // ideographic space is a space
        ("DeepSeek-R1 模型", ["DeepSeek-R1"]),              // longest over DeepSeek
        ("DeepSeek-R10", ["DeepSeek"]),                     // R1 inside R10 is not a boundary
    ]

    @Test("matches", arguments: cases)
    func matchesAsExpected(_ text: String, _ expected: [String]) {
        let utf8 = Array(text.utf8)
        let found = Self.matcher.matches(in: text).map { String(decoding: utf8[$0.range], as: UTF8.self) }
        #expect(found == expected)
    }

    @Test func matchRefersToEveryEntryWithThatSource() {
        let glossary = Glossary(entries: [
            GlossaryEntry(source: "苹果", target: "Apple"),
            GlossaryEntry(source: "苹果", target: "apple"),
        ])
        let matches = GlossaryMatcher(glossary: glossary).matches(in: "吃苹果")
        #expect(matches == [GlossaryMatch(range: 3..<9, entryIndices: [0, 1])])
    }

    @Test func offsetsPointIntoTheOriginalUTF8() {
        let text = "Ｘ：阿里巴巴，AMD"
        let ranges = Self.matcher.matches(in: text).map(\.range)
        #expect(ranges == [6..<18, 21..<24])
    }

    @Test func termNotesListEachEntryOnceWithItsTarget() {
        let notes = Self.matcher.termNotes(in: "阿里云用通义千问，阿里云也用 AI。")
        #expect(notes == [
            TermNote(term: "阿里云", target: "Alibaba Cloud", kind: "term"),
            TermNote(term: "通义千问", target: "Qwen", kind: "term"),
            TermNote(term: "AI", target: "AI", kind: "keep"),
        ])
    }

    /// A term note carries what a translator needs beside the target: the comment and the
    /// forbidden variants (segment files, XLIFF and PO notes, `tandem show`).
    @Test func termNotesCarryTheCommentAndForbiddenVariants() {
        let matcher = GlossaryMatcher(glossary: Glossary(entries: [
            GlossaryEntry(source: "英伟达", target: "Nvidia", forbiddenVariants: ["NVIDIA"], comment: "the chip maker"),
            GlossaryEntry(source: "腾讯", target: "Tencent"),
        ]))
        #expect(matcher.termNotes(in: "英伟达和腾讯") == [
            TermNote(term: "英伟达", target: "Nvidia", kind: "term", comment: "the chip maker", forbidden: ["NVIDIA"]),
            TermNote(term: "腾讯", target: "Tencent", kind: "term"),
        ])
    }

    /// Keys agree with `Normalizer.matchingKey` (the TM's key), so a term found by one is found by the other.
    @Test(arguments: ["ＡＩ 功能", "Straße", "Ｑｗｅｎ２．５", "  a\u{3000} b ", "e\u{301}cole", "ﬁnance", "가\u{1161}", "㍿", "\u{F9D1}"])
    func keysAgreeWithNormalizerMatchingKey(_ text: String) {
        #expect(String(decoding: MatchingText.key(text), as: UTF16.self) == Normalizer.matchingKey(text))
    }

    /// Random text mixing scripts, combining marks, compatibility characters, jamo and
    /// supplementary characters (and Traditional Chinese: 龍) folds exactly as `Normalizer.memoryKey` folds it, so the
    /// chunk-by-chunk folding never changes what a key is.
    @Test func randomTextFoldsAsNormalizerDoes() {
        let pool: [UInt32] = [
            0x41, 0x61, 0x5A, 0x20, 0x09, 0x3000, 0xA0, 0x301, 0x308, 0x323, 0x65, 0xC9, 0x1E9E, 0xDF, 0x130, 0x3A3,
            0xFF21, 0xFF41, 0xFF10, 0xFF0C, 0x3002, 0x4E00, 0x9F8D, 0xF9D1, 0x2F00, 0x3099, 0x304B, 0xFF76, 0xFF9E,
            0x1100, 0x1161, 0x11A8, 0xAC00, 0x0B47, 0x0B3E, 0x200B, 0xAD, 0xFB01, 0x2460, 0x337F, 0x1F600, 0x20000, 0x2F800,
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...12, using: &generator) {
                text.unicodeScalars.append(Unicode.Scalar(pool.randomElement(using: &generator)!)!)
            }
            #expect(String(decoding: MatchingText.key(text), as: UTF16.self) == Normalizer.memoryKey(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func shippedGlossaryKeysAgreeWithNormalizer() throws {
        let glossary = try Glossary.read(Self.repositoryRoot.appendingPathComponent("glossaries/zh-CN/en.tsv"))
        for entry in glossary.entries {
            #expect(String(decoding: MatchingText.key(entry.source), as: UTF16.self) == Normalizer.memoryKey(entry.source))
        }
    }

    @Test func largeGlossaryBuildsAndMatchesCorrectly() {
        // 100k synthetic CJK terms: every term is found in a text made of terms.
        var entries: [GlossaryEntry] = []
        var generator = SystemRandomNumberGenerator()
        var seen = Set<String>()
        while entries.count < 100_000 {
            let length = Int.random(in: 2...4, using: &generator)
            let term = String((0..<length).map { _ in Character(Unicode.Scalar(UInt32.random(in: 0x4E00...0x4FFF, using: &generator))!) })
            if seen.insert(term).inserted { entries.append(GlossaryEntry(source: term, target: "t\(entries.count)")) }
        }
        let matcher = GlossaryMatcher(glossary: Glossary(entries: entries))
        let probe = entries[12345].source
        let found = matcher.matches(in: "，" + probe + "。")
        #expect(found.count == 1)
        #expect(found.first?.range == 3..<(3 + probe.utf8.count))
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
