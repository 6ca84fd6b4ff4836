import Testing
import TandemTestSupport
import Foundation
@testable import TandemKit

/// Text inside markup that is one code of its paragraph: shortcode arguments that hold text
/// and link or image titles are extracted as their own sentences and built back in place.
@Suite("Shortcode arguments and link titles")
struct EmbeddedTextTests {
    static var segmenter: DocumentSegmenter { DocumentSegmenter(segmenter: try! SentenceSegmenter(locale: LocaleTag("zh-CN")!)) }

    static func segments(_ markdown: String, parameters: ShortcodeTextParameters = .defaults) throws -> [ExtractedSegment] {
        segmenter.segments(of: try HugoDocument(bytes: Array(markdown.utf8), path: "post.md", shortcodeParameters: parameters))
    }

    /// `markdown` built with `translations` (source sentence → target).
    static func build(_ markdown: String, _ translations: [String: String]) throws -> String {
        let document = try HugoDocument(bytes: Array(markdown.utf8), path: "post.md")
        let segments = segmenter.segments(of: document)
        var targets: [String: String] = [:]
        for segment in segments { if let target = translations[segment.text] { targets[segment.id] = target } }
        let bytes = try DocumentBuilder(document: document, segments: segments)
            .build(targets: targets, fallbackToSource: true, language: LocaleTag("en"), translations: nil)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// An argument follows the sentences of the paragraph its shortcode is a code of.
    @Test(arguments: [
        ("admonition title, positional", "{{< admonition tip \"推荐使用最新版本\" >}}\n请先安装。\n{{< /admonition >}}\n",
         ["请先安装。", "推荐使用最新版本"]),
        ("admonition title, named", "{{< admonition type=tip title=\"提示\" open=true >}}\n内容。\n{{< /admonition >}}\n", ["内容。", "提示"]),
        ("figure title, caption and alt; not its src", "{{< figure src=\"/图.png\" title=\"架构图\" caption=\"系统的三层\" alt=\"一张图\" >}}\n",
         ["架构图", "系统的三层", "一张图"]),
        ("a value right before the closing delimiter", "{{< image src=\"/a.png\" caption=\"环境变量\">}}\n", ["环境变量"]),
        ("link shortcode content", "{{< link content=\"nic.eu.org 官网\" href=\"https://nic.eu.org\" card=true >}}\n", ["nic.eu.org 官网"]),
        ("inline shortcode in a sentence: the sentence, then its argument",
         "详见{{< figure src=\"/a.png\" title=\"流程图\" >}}所示。\n", ["详见{1/}所示。", "流程图"]),
        ("highlight has no text arguments", "{{< highlight go \"linenos=table\" >}}\nfmt.Println(\"你好\")\n{{< /highlight >}}\n", []),
        ("a shortcode in a code block is an example", "```markdown\n{{< admonition tip \"提示\" >}}\n```\n", []),
        ("a shortcode in inline code is an example", "写`{{< admonition tip \"提示\" >}}`即可。\n", ["写{1/}即可。"]),
        ("a commented shortcode is an example", "{{</* admonition tip \"提示\" */>}}\n", []),
        ("link title", "看[报道](https://example.org/a \"新闻标题\")。\n", ["看{1}报道{/1}。", "新闻标题"]),
        ("image title and alt", "![示意图](/a.png '图的标题')\n", ["示意图", "图的标题"]),
        ("a reference link's title stays in its definition", "看[报道][r]。\n\n[r]: https://example.org \"标题\"\n", ["看{1}报道{/1}。"]),
        ("a shortcode in an HTML block is rendered by Hugo: its text is the page's",
         "<div class=\"hero\">\n{{< figure src=\"a.png\" caption=\"现在开始\" >}}\n</div>\n", ["现在开始"]),
        ("a shortcode in inline HTML", "见<span>{{< figure src=\"a.png\" alt=\"示意图\" >}}</span>。\n", ["见{1/}。", "示意图"]),
        ("a paired shortcode's Markdown body is already text", "{{< notice warning >}}\n注意安全。\n{{< /notice >}}\n", ["注意安全。"]),
    ])
    func extracted(_ name: String, _ markdown: String, _ expected: [String]) throws {
        #expect(try Self.segments(markdown).map(\.text) == expected, "\(name)")
    }

    @Test func tandemYmlChoosesTheArguments() throws {
        let markdown = "{{< admonition tip \"提示\" >}}\n{{< tab name=\"第一步\" >}}\n"
        let configured = ShortcodeTextParameters.defaults.merging(ShortcodeTextParameters(parameters: ["admonition": [], "tab": ["name"]]))
        #expect(try Self.segments(markdown, parameters: configured).map(\.text) == ["第一步"])
    }

    /// A theme's own code shortcode (`terminal`, found as `typeit`/`script` on FixIt's site) is
    /// said to hold code with `raw`: its content is then never text, as `highlight`'s is.
    @Test func tandemYmlMarksAShortcodesContentAsCode() throws {
        let markdown = "{{< terminal title=\"终端\" >}}\n# 安装依赖。\nmake deps\n{{< /terminal >}}\n\n正文。\n"
        // Without it, the content is Markdown to translate.
        #expect(try Self.segments(markdown).map(\.text).contains("安装依赖。"))
        let raw = ShortcodeTextParameters.defaults.merging(ShortcodeTextParameters(parameters: [:], rawContent: ["terminal"]))
        #expect(try Self.segments(markdown, parameters: raw).map(\.text) == ["正文。"])
        // A list for the same name later makes its content text again, its arguments as listed.
        let back = raw.merging(ShortcodeTextParameters(parameters: ["terminal": ["title"]]))
        #expect(back.rawContent.isEmpty && back.parameters["terminal"] == ["title"])
        #expect(try Self.segments(markdown, parameters: back).map(\.text).contains("终端"))

        let directory = try TemporaryDirectory(prefix: "tandem-shortcodes")
        defer { directory.remove() }
        let file = directory.url.appendingPathComponent("tandem.yml")
        try "source: zh-CN\ntargets: [en]\nshortcodes:\n  terminal: raw\n  tab: [name]\n".write(to: file, atomically: true, encoding: .utf8)
        let configuration = try ProjectConfiguration.load(file)
        #expect(configuration.shortcodes.rawContent == ["terminal"] && configuration.shortcodes.parameters["tab"] == ["name"])
        try "source: zh-CN\ntargets: [en]\nshortcodes:\n  terminal: code\n".write(to: file, atomically: true, encoding: .utf8)
        #expect { try ProjectConfiguration.load(file) } throws: { "\($0)".contains("expected a list of parameters such as [title, 1], or raw, found 'code'") }
    }

    @Test func translationsAreWrittenIntoTheirMarkup() throws {
        let source = """
            {{< admonition tip "推荐使用最新版本" >}}
            请先安装。
            {{< /admonition >}}

            详见{{< figure src="/a.png" title="流程图" >}}所示。看[报道](https://example.org/a "新闻标题")。

            {{< image src="/b.png" caption=`原始说明` >}}

            """
        let english = [
            "推荐使用最新版本": "Use the \"extended\" edition", "请先安装。": "Install it first.",
            "详见{1/}所示。": "See {1/}.", "流程图": "the flow chart", "看{1}报道{/1}。": "Read {1}the report{/1}.",
            "新闻标题": "The \"news\" title", "原始说明": "The `raw` caption",
        ]
        #expect(try Self.build(source, english) == """
            {{< admonition tip "Use the \\"extended\\" edition" >}}
            Install it first.
            {{< /admonition >}}

            See {{< figure src="/a.png" title="the flow chart" >}}. Read [the report](https://example.org/a "The \\"news\\" title").

            {{< image src="/b.png" caption="The `raw` caption" >}}

            """)
    }

    /// Inside raw HTML the argument is written back where it was; the HTML is left as it is.
    @Test func anArgumentInRawHTMLIsBuiltInPlace() throws {
        let source = "<div class=\"hero\">\n{{< figure src=\"a.png\" caption=\"现在开始\" >}}\n</div>\n"
        #expect(try Self.build(source, ["现在开始": "Get started"]) == "<div class=\"hero\">\n{{< figure src=\"a.png\" caption=\"Get started\" >}}\n</div>\n")
    }

    @Test func anArgumentIsBuiltEvenWhereItsSentenceIsNotTranslated() throws {
        let built = try Self.build("详见{{< figure src=\"/a.png\" title=\"流程图\" >}}所示。\n", ["流程图": "Flow chart"])
        #expect(built == "详见{{< figure src=\"/a.png\" title=\"Flow chart\" >}}所示。\n")
    }

    @Test func aBareWordGetsQuotesWhenItsTranslationNeedsThem() {
        let bare = ShortcodeArgument(name: "title", position: 0, valueRange: 0..<2, value: "提示", quote: nil)
        #expect(bare.encoded("Tip") == "Tip")
        #expect(bare.encoded("Über-2_b") == "Über-2_b")
        #expect(bare.encoded("A tip") == "\"A tip\"")
        // Hugo's lexer refuses the whole site at these in a bare word, or reads `a/b` as a closing tag.
        for text in ["Tip!", "C++", "⟦Ûpštágé⟧", "a/b", "x.y", "Note:", "e\u{301}"] {
            #expect(bare.encoded(text) == "\"" + text + "\"", "\(text)")
        }
    }

    /// Hugo unescapes only `\"` in a double-quoted value: a backslash is written as it is, and one
    /// that would escape the closing quote makes the value a raw string.
    @Test func aBackslashIsWrittenSoHugoReadsItBack() {
        let quoted = ShortcodeArgument(name: "title", position: 0, valueRange: 0..<2, value: "提示", quote: UInt8(ascii: "\""))
        #expect(quoted.encoded("a \\ b") == "\"a \\ b\"")
        #expect(quoted.encoded("say \"hi\"") == "\"say \\\"hi\\\"\"")
        #expect(quoted.encoded("C:\\") == "`C:\\`")
        #expect(quoted.encoded("a \\\"b") == "`a \\\"b`")
    }

    @Test func identityStaysByteExact() throws {
        let source = "{{< admonition tip \"提示\" true >}}\n内容。\n{{< /admonition >}}\n\n见[a](u \"标\\\"题\")。\n"
        let segments = try Self.segments(source)
        #expect(segments.count == 4)
        #expect(try Self.build(source, Dictionary(uniqueKeysWithValues: segments.map { ($0.text, $0.text) })) == source)
    }
}
