import Testing
@testable import TandemKit

/// One zh→en glossary serves posts in both scripts: terms fold Traditional to Simplified, unless
/// an entry says its term belongs to one script.
@Suite("Glossary script folding")
struct GlossaryScriptFoldingTests {
    static let glossary = Glossary(entries: [
        GlossaryEntry(source: "苹果", target: "Apple"),
        GlossaryEntry(source: "千问", target: "Qwen"),
        GlossaryEntry(source: "英伟达", target: "Nvidia"),
        GlossaryEntry(source: "亚马逊", target: "Amazon"),
        GlossaryEntry(source: "吴泳铭", target: "Eddie Wu"),
        GlossaryEntry(source: "阿里云", target: "Alibaba Cloud"),
        // Written in Traditional in the glossary: still matches Simplified text.
        GlossaryEntry(source: "騰訊", target: "Tencent"),
        // Script-specific: 乾 folds to 干, which is also "to do"; only the Traditional spelling
        // names the emperor.
        GlossaryEntry(source: "乾隆", target: "Qianlong", script: .traditional),
        GlossaryEntry(source: "后台", target: "backend", script: .simplified),
    ])
    static let matcher = GlossaryMatcher(glossary: glossary)

    /// Text, then the matched substrings of the original text in order.
    static let cases: [(String, [String])] = [
        ("蘋果今天發布了新手機。", ["蘋果"]),
        ("苹果今天发布了新手机。", ["苹果"]),
        ("阿里的千問模型和通義千問", ["千問", "千問"]),
        ("英偉達和亞馬遜的股價都漲了", ["英偉達", "亞馬遜"]),
        ("吳泳銘說，阿里雲會繼續投資。", ["吳泳銘", "阿里雲"]),
        ("腾讯和騰訊是同一家公司", ["腾讯", "騰訊"]),
        ("蘋果和苹果混在一起", ["蘋果", "苹果"]),
        ("乾隆年間的瓷器", ["乾隆"]),                 // Traditional-only entry in Traditional text
        ("干隆", []),                                  // …not in its Simplified fold
        ("登录后台查看", ["后台"]),                    // Simplified-only entry in Simplified text
        ("登錄後台查看", []),                          // …not in Traditional 後台
        ("ＡＩ晶片來自英偉達", ["英偉達"]),
    ]

    @Test(arguments: cases)
    func matchesInBothScripts(_ text: String, _ expected: [String]) {
        let utf8 = Array(text.utf8)
        let found = Self.matcher.matches(in: text).map { String(decoding: utf8[$0.range], as: UTF8.self) }
        #expect(found == expected)
    }

    @Test func offsetsPointIntoTheTraditionalOriginal() {
        let text = "據報導，{1}英偉達{/1}與蘋果"
        let utf8 = Array(text.utf8)
        let ranges = Self.matcher.matches(in: text).map(\.range)
        #expect(ranges.map { String(decoding: utf8[$0], as: UTF8.self) } == ["英偉達", "蘋果"])
        #expect(ranges.first?.lowerBound == "據報導，{1}".utf8.count)
    }

    @Test func aTermListedInBothScriptsGivesOneNote() {
        let glossary = Glossary(entries: [
            GlossaryEntry(source: "苹果", target: "Apple"),
            GlossaryEntry(source: "蘋果", target: "Apple"),
        ])
        let notes = GlossaryMatcher(glossary: glossary).termNotes(in: "蘋果的新手機")
        #expect(notes == [TermNote(term: "蘋果", target: "Apple", kind: "term")])
    }

    @Test func aCaseSensitiveTermStillFoldsScripts() {
        let glossary = Glossary(entries: [GlossaryEntry(source: "DeepSeek深度求索", target: "DeepSeek", isCaseSensitive: true)])
        let matcher = GlossaryMatcher(glossary: glossary)
        #expect(matcher.matches(in: "DeepSeek深度求索").count == 1)
        #expect(matcher.matches(in: "deepseek深度求索").isEmpty)
    }

    @Test func theScriptColumnIsReadAndWritten() throws {
        let text = "# source\ttarget\tcomment\ttype\tforbidden\tcase\tpos\tnote\tscript\n乾隆\tQianlong\t\tterm\t\t\t\t\tHant\n苹果\tApple\t\tterm\t\t\t\t\t\n"
        let glossary = try TSVGlossaryFormat.read(text, path: "g.tsv")
        #expect(glossary.entries.map(\.script) == [.traditional, nil])
        let written = try TSVGlossaryFormat.write(glossary).text
        #expect(written.hasPrefix("# source\ttarget\tcomment\ttype\tforbidden\tcase\tpos\tnote\tnotPrecededBy\tnotFollowedBy\tscript\n"))
        #expect(try TSVGlossaryFormat.read(written, path: "g.tsv").entries.map(\.script) == [.traditional, nil])
        let csv = CSVGlossaryFormat.write(glossary)
        #expect(try CSVGlossaryFormat.read(csv, path: "g.csv").entries.map(\.script) == [.traditional, nil])
        // Without a script, nothing changes in what is written.
        #expect(!CSVGlossaryFormat.write(Glossary(entries: [glossary.entries[1]])).contains("script"))
    }

    @Test func anUnknownScriptIsAnErrorWithItsPosition() {
        #expect {
            try TSVGlossaryFormat.read("# source\ttarget\tscript\n乾隆\tQianlong\tTrad\n", path: "g.tsv")
        } throws: { error in
            "\(error)".contains("g.tsv:2:") && "\(error)".contains("script must be Hans, Hant or empty")
        }
    }
}
