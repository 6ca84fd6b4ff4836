import Testing
@testable import TandemKit

/// Sentences the source ran together get a space in languages that separate sentences with one.
@Suite("Spaces between translated sentences")
struct SentenceJoiningTests {
    static func build(_ markdown: String, _ translations: [String: String], language: String?) throws -> String {
        let document = try HugoDocument(bytes: Array(markdown.utf8), path: "post.md")
        let segments = DocumentSegmenter(segmenter: try SentenceSegmenter(locale: LocaleTag("zh-CN")!)).segments(of: document)
        var targets: [String: String] = [:]
        for segment in segments { if let target = translations[segment.text] { targets[segment.id] = target } }
        let bytes = try DocumentBuilder(document: document, segments: segments)
            .build(targets: targets, fallbackToSource: true, language: language.flatMap { LocaleTag($0) }, translations: nil)
        return String(decoding: bytes, as: UTF8.self)
    }

    static let english = ["他找了。": "He searched.", "没有找到。": "He found none.", "{1}杨家{/1}有人。": "{1}The Yangs{/1} had someone.",
                          "见注释{1/}。": "See the note{1/}.", "结束。": "The end."]

    @Test(arguments: [
        ("他找了。没有找到。\n", "He searched. He found none.\n"),
        ("他找了。**杨家**有人。\n", "He searched. **The Yangs** had someone.\n"),
        ("见注释[^1]。结束。\n\n[^1]: 注。\n", "See the note[^1]. The end.\n\n[^1]: 注。\n"),
        // The source already had a space: nothing added.
        ("他找了。 没有找到。\n", "He searched. He found none.\n"),
        // An untranslated Chinese sentence next to an English one: no space before Chinese.
        ("他找了。还没翻译。\n", "He searched.还没翻译。\n"),
    ])
    func englishSentencesAreSpaced(_ source: String, _ expected: String) throws {
        #expect(try Self.build(source, Self.english, language: "en") == expected)
    }

    /// Found on a public theme's example site: inline code that opens the second sentence (its
    /// first word, inside its segment) was not separated from the first sentence
    /// (`…headings.`<h1>` is…`, rendered "headings.<h1> is").
    @Test func inlineCodeOpeningTheNextSentenceIsSpacedFromTheFirst() throws {
        let english = ["标题有六级。": "Headings have six levels.", "{1/} 是最高的一级。": "{1/} is the highest level."]
        #expect(try Self.build("标题有六级。`<h1>` 是最高的一级。\n", english, language: "en")
            == "Headings have six levels. `<h1>` is the highest level.\n")
        // Untranslated, the Chinese stays byte for byte.
        #expect(try Self.build("标题有六级。`<h1>` 是最高的一级。\n", [:], language: "en") == "标题有六级。`<h1>` 是最高的一级。\n")
        // A space the source put before the code already separates them.
        #expect(try Self.build("标题有六级。 `<h1>` 是最高的一级。\n", english, language: "en")
            == "Headings have six levels. `<h1>` is the highest level.\n")
        // A footnote reference closing the first sentence stays glued to it.
        #expect(try Self.build("见注释[^1]。结束。\n\n[^1]: 注。\n", Self.english, language: "en")
            == "See the note[^1]. The end.\n\n[^1]: 注。\n")
    }

    @Test func japaneseAndChineseTargetsStayUnspaced() throws {
        let japanese = ["他找了。": "彼は探した。", "没有找到。": "見つからなかった。"]
        #expect(try Self.build("他找了。没有找到。\n", japanese, language: "ja") == "彼は探した。見つからなかった。\n")
        // Even with Latin punctuation at the junction, a zh-TW target is never spaced.
        #expect(try Self.build("他找了。没有找到。\n", Self.english, language: "zh-TW") == "He searched.He found none.\n")
    }

    @Test func anIdentityTranslationStaysByteExact() throws {
        let source = "他找了。没有找到。**杨家**有人。\n"
        let identity = ["他找了。": "他找了。", "没有找到。": "没有找到。", "{1}杨家{/1}有人。": "{1}杨家{/1}有人。"]
        #expect(try Self.build(source, identity, language: "en") == source)
    }

    /// Found by `MarkdownRoundTripFuzzer`: Latin text whose author ran two sentences together
    /// (`o!c`) was built one byte longer, with a space the source never had.
    @Test(arguments: ["o!c\n", "Just use mermaid!code in the shortcode.\n", "Yahoo!Japan 发布了新闻。\n"])
    func latinSentencesTheSourceRanTogetherStayTogether(_ source: String) throws {
        #expect(try Self.build(source, [:], language: "en") == source)
        #expect(try Self.build(source, [:], language: nil) == source)
    }

    /// A translated sentence after a Latin one the source ran together: still no space added,
    /// since the junction's source text is spaced on both sides.
    @Test func aJunctionBetweenLatinSourcesGetsNoSpaceEvenWhenTranslated() throws {
        // (A `!` touched by a lowercase letter is an operator to the segmenter, `x!=y`: the
        // sentence after it starts with a capital here.)
        #expect(try Self.build("Stop!Go on.\n", ["Stop!": "Halt!"], language: "en") == "Halt!Go on.\n")
    }
}
