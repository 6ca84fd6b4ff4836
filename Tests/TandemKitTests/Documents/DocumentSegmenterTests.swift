import Testing
import TandemKit

/// What a translator sees of a Markdown post: which text, cut where, with which placeholders.
@Suite("Translatable units and placeholders")
struct DocumentSegmenterTests {
    static func segments(_ markdown: String) throws -> [String] {
        let document = try HugoDocument(bytes: Array(markdown.utf8), path: "post.md")
        let segmenter = DocumentSegmenter(segmenter: try SentenceSegmenter(locale: LocaleTag("zh-CN")!))
        return segmenter.segments(of: document).map(\.text)
    }

    @Test(arguments: [
        ("ATX heading", "## 标题一\n", ["标题一"]),
        ("setext heading", "标题二\n===\n", ["标题二"]),
        ("heading attribute is a code outside the segment", "## 思路 {#idea}\n", ["思路"]),
        ("fenced code is never translated", "```go\n// 注释。\nfmt.Println(\"你好\")\n```\n", []),
        ("indented code is never translated", "    代码。第二句。\n", []),
        ("HTML block is never translated", "<div>\n中文。\n</div>\n", []),
        ("more marker is never translated", "摘要。\n\n<!--more-->\n\n正文。\n", ["摘要。", "正文。"]),
        ("a block shortcode is a code; its title is text", "{{< admonition tip \"提示\" >}}\n", ["提示"]),
        ("a block shortcode without text arguments is never translated", "{{< admonition tip >}}\n", []),
        ("a script shortcode's JavaScript is never translated", "{{< script >}}\nconsole.log(\"你好。\");\n{{< /script >}}\n", []),
        ("typeit with code= holds code", "{{< typeit code=java >}}\n// 打印问候。\nSystem.out.println(\"你好\");\n{{< /typeit >}}\n", []),
        ("typeit without code= types prose", "{{< typeit >}}\n这是一段打字动画。\n{{< /typeit >}}\n", ["这是一段打字动画。"]),
        ("raw shortcode content is never translated", "{{< mermaid >}}\ngraph LR;\nA[添加] --> B[记录]\n{{< /mermaid >}}\n", []),
        ("code-toggle's configuration is never translated", "{{< code-toggle filename=\"config\" >}}\nmodule:\n  proxy: 代理地址\n{{</ code-toggle >}}\n", []),
        ("inline shortcode is a placeholder", "见{{< ref \"other\" >}}一文。\n", ["见{1/}一文。"]),
        ("emphasis is a pair", "这是**重点**内容。\n", ["这是{1}重点{/1}内容。"]),
        ("link text is translated, the URL is not", "看[这篇报道](https://example.org/a)。\n", ["看{1}这篇报道{/1}。"]),
        ("inline code is one placeholder", "运行`make test`即可。\n", ["运行{1/}即可。"]),
        ("autolink is a standalone code", "网址是 <https://example.org> 。\n", ["网址是 {1/} 。"]),
        ("a shortcode starting the file is not JSON front matter", "{{< note >}}\n说明。\n{{< /note >}}\n", ["说明。"]),
        ("whole-sentence bold leaves its markers outside", "**一句话，够硬。**\n", ["一句话，够硬。"]),
        ("image alt text is translated", "![图片说明](/a.png)\n", ["图片说明"]),
        ("table cells are units", "| 公司 | 模型 |\n| --- | --- |\n| 阿里 | 千问 |\n", ["公司", "模型", "阿里", "千问"]),
        ("list items are units", "1. 打开设置。\n2. 选择网络。\n", ["打开设置。", "选择网络。"]),
        ("blockquote content", "> 引用的话。第二句。\n", ["引用的话。", "第二句。"]),
        // Found on a theme's documentation: a heading of quoted operators lost its first part.
        ("quoted operators in a heading are one segment", "## \"?.\", \"??\", \"??=\" 的使用\n", ["\"?.\", \"??\", \"??=\" 的使用"]),
        // GitHub alerts, which Hugo renders as callouts: the marker is markup, a title on its
        // line is a segment of its own (found on a theme's example site: `NOTE]{1/}突出…`).
        ("an alert marker is never text", "> [!NOTE]\n> 请注意这一点。再看一遍。\n", ["请注意这一点。", "再看一遍。"]),
        ("an alert title is its own segment", "> [!TIP]- 小提示\n> 先保存再退出。\n", ["小提示", "先保存再退出。"]),
        ("footnote reference is a code, definition is translated", "正文[^1]。\n\n[^1]: 注释内容。\n", ["正文{1/}。", "注释内容。"]),
        ("placeholder lookalike in text becomes a code", "数组{1}不是占位符。\n", ["数组{1/}不是占位符。"]),
        ("a pair spanning two sentences stays outside both", "**第一句。第二句。** 然后。\n", ["第一句。", "第二句。", "然后。"]),
        ("not emphasis by CommonMark's flanking rules: the markers stay as text, with their sentence", "**第一句。**然后。\n", ["**第一句。**", "然后。"]),
        ("inline math is a code", "例如$\\downarrow$符号和 \\(x^2\\) 公式。\n", ["例如{1/}符号和 {2/} 公式。"]),
        ("display math is not a unit", "$$\nE = mc^2\n$$\n", []),
        ("a display environment without delimiters is math (KaTeX auto-render)",
         "下面是公式。\n\n\\begin{equation}\nx = \\frac{a}{b} \\text{其中}\n\\end{equation}\n\n结束了。\n", ["下面是公式。", "结束了。"]),
        ("an environment inside a sentence is one code", "由 \\begin{align*} a &= b \\end{align*} 可知。\n", ["由 {1/} 可知。"]),
        ("an unknown environment is text", "见 \\begin{itemize} 列表。\n", ["见 \\begin{itemize} 列表。"]),
        ("prices are not math", "售价 $999 和 $1099。\n", ["售价 $999 和 $1099。"]),
        // KaTeX's auto-render reads dollars with spaces inside (Stack's math post): math when
        // a TeX command is inside, never for prices with spaces.
        ("spaced inline math with a TeX command is a code",
         "例如：$ \\varphi = \\dfrac{1+\\sqrt5}{2}= 1.618 $ 是黄金比例，而 $\\varphi$ 是它的符号。\n",
         ["例如：{1/} 是黄金比例，而 {2/} 是它的符号。"]),
        ("spaced inline math with sub- and superscripts is a code (NexT)",
         "递推式 $ k_{n+1} = n^2 + k_n^2 - k_{n-1} $ ，成立。\n", ["递推式 {1/} ，成立。"]),
        ("math closing after a space, with a TeX command, is a code (a real blog)",
         "没过 pt $\\rightarrow $ 读错题了？$\\rightarrow$ 草。\n", ["没过 pt {1/} 读错题了？", "{1/} 草。"]),
        // Two Markdown escapes around a word are not display math (a real blog's `\[招商银行\]`).
        ("escaped brackets around Chinese are text", "办理\\[招商银行\\]的卡。\n", ["办理{1/}招商银行{2/}的卡。"]),
        ("display math with a TeX command and Chinese is math", "公式\\[ x \\text{其中} \\]成立。\n", ["公式{1/}成立。"]),
        // A Latin title quoted as a link is part of its sentence (a real blog: cut after "?").
        ("a link title ending in ? goes on with Chinese", "根据 [What Is It?](https://e.com/a) 描述，简单说就是这样。\n",
         ["根据 {1}What Is It?{/1} 描述，简单说就是这样。"]),
        ("a link title ending in ! before a capital still ends", "Read [Go!](u) Then we go.\n", ["Read {1}Go!{/1}", "Then we go."]),
        // Points of a list written as lines of one paragraph (a real blog: 65 segments held several).
        ("lines that start with a list number are sentences", "1、领导要信任成员；\n2、经常沟通；\n（3）组织活动。比如吃饭；\n四、定期培训\n",
         ["1、领导要信任成员；", "2、经常沟通；", "（3）组织活动。", "比如吃饭；", "四、定期培训"]),
        ("a line that starts with a number is not a point", "增长了\n3.5%，超过\n2024 年的水平。\n", ["增长了{1/}3.5%，超过{2/}2024 年的水平。"]),
        // An ASCII ! or ? that the next byte touches is an operator or a query (a real blog).
        ("a != operator is not a sentence's end", "如果 (year % 100) != 0 时成立。然后结束。\n", ["如果 (year % 100) != 0 时成立。", "然后结束。"]),
        ("a glued != is not a sentence's end", "判断year%100!=0时是闰年。\n", ["判断year%100!=0时是闰年。"]),
        ("a query string is not a sentence's end", "访问/index.jsp?id=100 即可。\n", ["访问/index.jsp?id=100 即可。"]),
        // A paragraph's indent written as wide spaces is markup outside the sentence (a real blog).
        ("an &emsp; indent is outside the sentence", "&emsp;&emsp;这是第一句。这是第二句。\n", ["这是第一句。", "这是第二句。"]),
        ("an ideographic-space indent is outside the sentence", "\u{3000}\u{3000}全角空格缩进。\n第二行&nbsp;中间的空格。\n", ["全角空格缩进。", "第二行&nbsp;中间的空格。"]),
        ("spaced prices are not math", "售价 $ 999 和 $ 1099，合计 $ 2098。\n", ["售价 $ 999 和 $ 1099，合计 $ 2098。"]),
        ("an escaped dollar inside spaced math", "公式 $ \\text{\\$5} + x $ 在此。\n", ["公式 {1/} 在此。"]),
        ("a math delimiter inside code opens no math", "写 `\\(` 开头。下一句要翻译。公式 \\(x\\) 在此。\n", ["写 {1/} 开头。", "下一句要翻译。", "公式 {1/} 在此。"]),
        ("a dollar inside code opens no math", "变量 `$HOME` 是家目录。价格是 $5。\n", ["变量 {1/} 是家目录。", "价格是 $5。"]),
        ("bare URLs are codes", "访问 https://example.org/a?b=1 或 www.example.com。\n", ["访问 {1/} 或 {2/}。"]),
        ("numbers and URLs only are not units", "2025\n\nhttps://example.org\n", []),
        // goldmark's linkify makes an address a mailto: link: a code, never text to translate.
        // Inline code is a word of its sentence, at either edge: the translation places it.
        ("inline code opening a sentence is in it", "`hugo` 命令用于构建网站。\n", ["{1/} 命令用于构建网站。"]),
        ("inline code ending a sentence is in it", "然后运行 `hugo server`\n", ["然后运行 {1/}"]),
        ("inline code after a full stop opens the next sentence", "标题有六级。`<h1>` 是最高的一级。\n", ["标题有六级。", "{1/} 是最高的一级。"]),
        // So is a web address: outside, "下载地址：" built "Download:https://…" (a real blog).
        ("a bare URL ending a sentence is in it", "下载地址：https://example.org/app\n", ["下载地址：{1/}"]),
        ("an autolink ending a sentence is in it", "- 开户地址：<https://example.org/open>\n", ["开户地址：{1/}"]),
        ("a URL opening a sentence is in it", "https://example.org 是官网。\n", ["{1/} 是官网。"]),
        ("a URL after a full stop opens the next sentence", "详见官网。https://example.org 有说明。\n", ["详见官网。", "{1/} 有说明。"]),
        ("a shortcode at a sentence's edge stays outside", "{{< icon \"star\" >}} 图标说明。\n", ["图标说明。"]),
        ("an HTML declaration is markup, not a sentence's end (a real blog)",
         "在 HTML5 中<!DOCTYPE>只有一种写法。\n", ["在 HTML5 中{1/}只有一种写法。"]),
        ("e-mail addresses are codes", "请联系contact@example.com 或 first.last+tag@mail.example.org。\n", ["请联系{1/} 或 {2/}。"]),
        ("an @ without a domain is text", "看 https://user@host.org/a 和 @某人 以及 a@b 结束。\n", ["看 {1/} 和 @某人 以及 a@b 结束。"]),
    ] + blockAttributeCases)
    func segments(_ name: String, _ markdown: String, _ expected: [String]) throws {
        #expect(try Self.segments(markdown) == expected, "\(name)")
    }

    /// Goldmark's block attributes (`markup.goldmark.parser.attribute.block`, on in the FixIt
    /// docs) on the line after a paragraph or list item are markup: they became segments of
    /// their own (`{style="color: red"}`).
    static let blockAttributeCases: [(String, String, [String])] = [
        ("a class after a paragraph is markup", "这是一个段落。\n{.note}\n", ["这是一个段落。"]),
        ("attributes with a quoted value", "另一个段落。\n{style=\"color: red\" #intro}\n", ["另一个段落。"]),
        ("an attribute line alone is no unit", "{.lead}\n", []),
        ("after a list item", "- 列表项。\n{.compact}\n", ["列表项。"]),
        ("in a block quote", "> 引文。\n> {.quote}\n", ["引文。"]),
        ("braces holding text are text", "公式写成\n{甲 乙}\n", ["公式写成{1/}{甲 乙}"]),
        ("a shortcode is no attribute list", "看这里\n{{< x >}}\n", ["看这里"]),
    ]

    @Test(arguments: blockAttributeCases.map(\.1))
    func blockAttributesBuildBackByteExact(_ markdown: String) throws {
        let document = try HugoDocument(bytes: Array(markdown.utf8), path: "post.md")
        let segments = DocumentSegmenter(segmenter: try SentenceSegmenter(locale: LocaleTag("zh-CN")!)).segments(of: document)
        let identity = Dictionary(segments.map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first })
        let built = try DocumentBuilder(document: document, segments: segments)
            .build(targets: identity, fallbackToSource: false, language: nil, translations: nil)
        #expect(built == Array(markdown.utf8))
    }

    /// Only the first paragraph of a blockquote opens an alert: elsewhere the marker's letters
    /// stay in the text a translator sees, with the rest of its line.
    @Test(arguments: ["> 第一段。\n>\n> [!NOTE] 第二段。\n", "[!NOTE] 第二段。\n"])
    func anAlertMarkerElsewhereIsText(_ markdown: String) throws {
        #expect(try Self.segments(markdown).last?.contains("NOTE] 第二段。") == true)
    }

    /// Theme example sites left `linkTitle`, `subtitle` and `excerpt` Chinese on English pages;
    /// Hugo reads keys in any case (`linktitle`), and so does Tandem now. `copyright` is not
    /// a default key.
    @Test func theDefaultFrontMatterKeysInAnyCase() throws {
        let post = "---\nTitle: 标题\nlinktitle: 短标题\nsubtitle: 副标题\nexcerpt: 摘要。\ncopyright: 版权所有\n---\n正文。\n"
        #expect(try Self.segments(post) == ["标题", "短标题", "副标题", "摘要。", "正文。"])
        // An alias is refused on a translated key written in another case, as on its own.
        #expect(throws: TandemError.self) { try HugoDocument(bytes: Array("---\nx: &a 标题\nTitle: *a\n---\n".utf8), path: "post.md") }
    }

    @Test func codesHoldTheOriginalBytes() throws {
        let document = try HugoDocument(bytes: Array("看[报道](https://example.org/a \"标题\")和`x`。\n".utf8), path: "post.md")
        let segment = try #require(DocumentSegmenter(segmenter: try SentenceSegmenter(locale: LocaleTag("zh-CN")!)).segments(of: document).first)
        #expect(segment.text == "看{1}报道{/1}和{2/}。")
        #expect(segment.codes == ["1": "[", "/1": "](https://example.org/a \"标题\")", "2/": "`x`"])
    }

    /// Inline code keeps both its backticks, wherever it stands: cmark's position covers only
    /// what lies between them, and a link or emphasis that began with code had the opening
    /// backtick in its own opening code (`[`` ‖ ``figure` ``), so a translated word built
    /// inside the code span. A backtick no code span closes is where it is written.
    @Test(arguments: [
        ("是 [`figure` 短代码](../fig) 的替代。\n", "是 {1}{2/} 短代码{/1} 的替代。", ["1": "[", "2/": "`figure`", "/1": "](../fig)"]),
        ("用 **``a`b`` 选项**。\n", "用 {1}{2/} 选项{/1}。", ["1": "**", "2/": "``a`b``", "/1": "**"]),
        ("写 <b>`</b> 吧。\n", "写 {1}`{/1} 吧。", ["1": "<b>", "/1": "</b>"]),
        ("写 \\`[`x` 码](u)。\n", "写 {1/}{2}{3/} 码{/2}。", ["1/": "\\`", "2": "[", "3/": "`x`", "/2": "](u)"]),
    ])
    func inlineCodeHoldsBothItsBackticks(_ markdown: String, _ text: String, _ codes: [String: String]) throws {
        let document = try HugoDocument(bytes: Array(markdown.utf8), path: "post.md")
        let segment = try #require(DocumentSegmenter(segmenter: try SentenceSegmenter(locale: LocaleTag("zh-CN")!)).segments(of: document).first)
        #expect(segment.text == text)
        #expect(segment.codes == codes)
    }

    @Test func idsAreStableAndDistinguishRepeats() throws {
        let document = try HugoDocument(bytes: Array("重复。\n\n重复。\n".utf8), path: "post.md")
        let segmenter = DocumentSegmenter(segmenter: try SentenceSegmenter(locale: LocaleTag("zh-CN")!))
        let ids = segmenter.segments(of: document).map(\.id)
        #expect(ids.count == 2 && ids[0] != ids[1])
        #expect(ids == segmenter.segments(of: document).map(\.id))
    }

    @Test func nulBytesAreRejectedWithTheirPosition() {
        #expect {
            _ = try HugoDocument(bytes: Array("第一行\n第二\u{0}行".utf8), path: "post.md")
        } throws: { error in
            "\(error)".hasPrefix("post.md:2:3: error: NUL byte")
        }
    }
}
