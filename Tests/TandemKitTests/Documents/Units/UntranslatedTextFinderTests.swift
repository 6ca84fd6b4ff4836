import Testing
@testable import TandemKit

/// Chinese text no segment holds stays Chinese on every translated page; extract names each
/// place so a user can make it translatable, and leaves out what is not prose.
@Suite("Untranslated text finder")
struct UntranslatedTextFinderTests {
    static func places(_ post: String, translating keys: [String] = FrontMatterPolicy.defaultKeys) throws -> [UntranslatedText] {
        UntranslatedTextFinder.find(in: try HugoDocument(bytes: Array(post.utf8), path: "a.md", translatableKeys: keys))
    }

    @Test func namesEachPlaceATranslatorNeverSees() throws {
        let post = """
            ---
            title: 测试
            author: 张三
            draft: true # 草稿
            categories: [科技, AI]
            ---

            正文一句。

            {{< person name="李四" >}}

            <div class="x">现在开始 <b>吧</b></div>

            """
        #expect(try Self.places(post) == [
            UntranslatedText(line: 3, column: 9, text: "张三", place: .frontMatter, name: "author"),
            UntranslatedText(line: 5, column: 14, text: "科技", place: .frontMatter, name: "categories"),
            UntranslatedText(line: 10, column: 18, text: "李四", place: .shortcode, name: "person"),
            UntranslatedText(line: 12, column: 16, text: "现在开始", place: .html),
            UntranslatedText(line: 12, column: 24, text: "吧", place: .html),
        ])
        // Translated keys are reached: nothing is left once they are named.
        #expect(try Self.places(post, translating: ["title", "author", "categories"]).map(\.place) == [.shortcode, .html, .html])
    }

    /// A helper's finding on Jane's home page: Chinese in nested front matter (a theme's widget
    /// titles, a list of links' descriptions) was not reported, since the top-level key that
    /// holds the map was found first. The innermost key is named, every list item as `*`, as
    /// `translateKeys:` takes it; once it is named there, nothing is left.
    @Test func aNestedKeyIsNamedAsTranslateKeysTakesIt() throws {
        let post = """
            ---
            title: 测试
            params:
              note: 嵌套的中文
            links:
              - title: GitHub
                description: 世界上最大的平台。
            ---

            正文一句。

            """
        #expect(try Self.places(post) == [
            UntranslatedText(line: 4, column: 9, text: "嵌套的中文", place: .frontMatter, name: "params.note"),
            UntranslatedText(line: 7, column: 18, text: "世界上最大的平台", place: .frontMatter, name: "links.*.description"),
        ])
        #expect(try Self.places(post, translating: ["title", "params.note", "links.*.description"]).isEmpty)
    }

    /// Addresses and file paths in front matter are not prose: translated, `aliases` and `url`
    /// break old links (a helper saw 85 posts of a real blog told to translate them).
    @Test func addressesInFrontMatterAreNotReported() throws {
        let post = """
            ---
            title: 测试
            aliases: [/文章/旧地址/]
            url: /文章/新地址/
            Slug: 中文地址
            cover:
              image: /图片/封面.png
              caption: 封面说明
            ---

            正文一句。

            """
        #expect(try Self.places(post).map(\.name) == ["cover.caption"])
    }

    /// What is not prose, or what the translator already sees, is not reported.
    @Test(arguments: [
        ("a code block", "```go\n// 注释\n```\n"),
        ("inline code in a sentence", "运行`打印`即可。\n"),
        ("an HTML comment", "<!-- 注释 -->\n\n正文。\n"),
        ("a link destination", "见[链接](/posts/中文/)。\n"),
        ("a heading id", "## 思路 {#思路}\n"),
        ("a footnote label", "正文[^注]。\n\n[^注]: 脚注。\n"),
        ("a ref path", "见{{< ref \"中文.md\" >}}。\n"),
        ("a raw shortcode's content", "{{< highlight go >}}\n// 中文\n{{< /highlight >}}\n"),
        ("a configured shortcode argument", "{{< figure src=\"a.png\" caption=\"图\" >}}\n"),
        ("a math environment alone in its paragraph", "公式。\n\n\\begin{equation}\nx \\text{其中}\n\\end{equation}\n"),
        ("display math", "$$\nx \\text{其中}\n$$\n"),
        ("a front matter comment", "---\ntitle: 题\ndraft: true # 草稿\n---\n正文。\n"),
        // Blocks that are only inline code make no unit: their code was called raw HTML.
        ("a paragraph of inline code alone", "正文。\n\n`代码`\n"),
        ("a list item of inline code alone", "- `代码`\n- ``含`反引号``\n"),
        ("an image without alt text whose address holds Chinese", "![](https://example.org/截图一.png)\n"),
        ("a footnote definition no reference uses", "正文。\n\n[^2]: [官方文档](https://e.org) 说明。\n"),
        ("a table cell of inline code alone", "| 名称 | 代码 |\n| --- | --- |\n| 粗体 | `代码` |\n"),
        // A shortcode comment is an example Hugo prints as it is: its arguments are code.
        ("a shortcode comment", "写法如下：{{</* figure caption=\"照片说明\" */>}}。\n"),
    ])
    func notProseIsNotReported(_ name: String, _ post: String) throws {
        #expect(try Self.places(post) == [], "\(name)")
    }

    /// A helper's finding: `[灵隐寺](#灵隐寺)` links to the heading `## 灵隐寺` by its automatic id,
    /// which the translated heading does not keep (Hugo gives it `lingyin-temple`), so the link
    /// was dead on every translated page without a word. A heading with an explicit id, a
    /// fragment of Latin letters, and a link to another page are not reported.
    @Test func aLinkToAHeadingsAutomaticIDIsReported() throws {
        let post = """
            ## 灵隐寺

            寺里游客很多。

            ## 西湖 {#xihu}

            ## Install

            回到[灵隐寺](#灵隐寺)，或看[西湖](#xihu)、[安装](#install)和[别处](/posts/b/#灵隐寺)。

            """
        let places = try Self.places(post)
        #expect(places == [UntranslatedText(line: 9, column: 3, text: "灵隐寺", place: .headingLink)], "\(places)")
        #expect(HeadingFragmentLinks.automaticID(
            of: try MarkdownParser.parse(Array("## Hugo 的 `config` 文件：说明\n".utf8)).children[0], bytes: Array("## Hugo 的 `config` 文件：说明\n".utf8), base: 0)
            == "hugo-的-config-文件说明")
    }

    /// Backticks in raw HTML are no code span (CommonMark reads an HTML block as it is, and the
    /// page shows them), and an unclosed backtick opens none: both are still raw HTML.
    @Test func backticksThatMakeNoCodeSpanAreStillRawHTML() throws {
        #expect(try Self.places("<div>`代码` 中文</div>\n").map(\.text) == ["代码` 中文"])
        #expect(try Self.places("<div>`中文</div>\n").map(\.text) == ["中文"])
        #expect(try Self.places("正文。\n\n<span>`中文</span>\n").map(\.text) == [])
    }
}
