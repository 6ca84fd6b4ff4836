import Testing
@testable import TandemKit

/// A helper's finding on the NexT theme's docs: inline HTML tags around text were two lone
/// codes, so a translation that swapped them built `</mark> this<mark>`, and an opening tag at a
/// sentence's start stayed outside the sentence. They are a pair now, like Markdown emphasis.
@Suite("Inline HTML tag pairs")
struct HTMLTagPairingTests {
    static func segments(_ source: String) throws -> (HugoDocument, [ExtractedSegment]) {
        try MarkdownPositionCheck.segments(source)
    }

    @Test(arguments: [
        ("请注意<mark>这一点</mark>，然后继续。\n", ["请注意{1}这一点{/1}，然后继续。"]),
        ("<mark>香农</mark>是信息论的创始人。\n", ["{1}香农{/1}是信息论的创始人。"]),
        ("按 <kbd>Ctrl</kbd>+<kbd>C</kbd> 复制。\n", ["按 {1}Ctrl{/1}+{2}C{/2} 复制。"]),
        ("他说<q cite=\"https://example.com\">你好</q>就走了。\n", ["他说{1}你好{/1}就走了。"]),
        ("**粗体里的<abbr title=\"x\">缩写</abbr>文字**很长。\n", ["{1}粗体里的{2}缩写{/2}文字{/1}很长。"]),
        // Void and self-closing tags, and tags that cross Markdown or each other, stay lone codes.
        ("第一行<br>第二行<img src=\"a.png\"/>结束了。\n", ["第一行{1/}第二行{2/}结束了。"]),
        ("下一行<b>粗**体</b>交错**了。\n", ["下一行{1/}粗{2}体{3/}交错{/2}了。"]),
        ("开始<i>斜体<b>粗体</i>结束</b>了。\n", ["开始{1/}斜体{2/}粗体{3/}结束{4/}了。"]),
    ])
    func tagsAroundTextArePairs(_ source: String, _ expected: [String]) throws {
        #expect(try Self.segments(source).1.map(\.text) == expected)
    }

    @Test func aTranslationMovesThePairAndASwapIsRefused() throws {
        let source = "请注意<mark>这一点</mark>，然后继续。\n"
        let (document, segments) = try Self.segments(source)
        let builder = DocumentBuilder(document: document, segments: segments)
        let built = try builder.build(
            targets: [segments[0].id: "Note {1}this{/1}, then go on."], fallbackToSource: false, language: LocaleTag("en")!, translations: nil)
        #expect(String(decoding: built, as: UTF8.self) == "Note <mark>this</mark>, then go on.\n")
        #expect(throws: (any Error).self) {
            try builder.build(targets: [segments[0].id: "Note{/1} this{1}, then go on."], fallbackToSource: false, language: LocaleTag("en")!, translations: nil)
        }
    }

    /// A helper's finding: a paired shortcode inside a paragraph was two lone codes; a target
    /// that swapped them was accepted and built, and Hugo then refused to build the whole site.
    /// It is a pair now; a shortcode that closes nowhere, and a comment, stay lone codes.
    @Test(arguments: [
        ("这是 {{% note %}}**提示**{{% /note %}} 结束。\n", ["这是 {1}{2}提示{/2}{/1} 结束。"]),
        ("按 {{< kbd >}}Ctrl{{< /kbd >}} 键复制。\n", ["按 {1}Ctrl{/1} 键复制。"]),
        ("图标 {{< icon \"star\" >}} 和<mark>重点</mark>都在。\n", ["图标 {1/} 和{2}重点{/2}都在。"]),
        ("<mark>图标 {{< icon \"star\" >}} 在这里</mark>。\n", ["{1}图标 {2/} 在这里{/1}。"]),
        ("示例 {{</* note */>}}写法{{</* /note */>}} 照抄。\n", ["示例 {1/}写法{2/} 照抄。"]),
    ])
    func shortcodesAroundTextArePairs(_ source: String, _ expected: [String]) throws {
        #expect(try Self.segments(source).1.map(\.text) == expected)
    }

    @Test func aSwappedShortcodePairIsRefused() throws {
        let (document, segments) = try Self.segments("这是 {{% note %}}提示{{% /note %}} 结束。\n")
        let builder = DocumentBuilder(document: document, segments: segments)
        let built = try builder.build(targets: [segments[0].id: "This is {1}a tip{/1}, the end."], fallbackToSource: false, language: LocaleTag("en")!, translations: nil)
        #expect(String(decoding: built, as: UTF8.self) == "This is {{% note %}}a tip{{% /note %}}, the end.\n")
        #expect(throws: (any Error).self) {
            try builder.build(targets: [segments[0].id: "This is {/1}a tip{1}, the end."], fallbackToSource: false, language: LocaleTag("en")!, translations: nil)
        }
    }
}
