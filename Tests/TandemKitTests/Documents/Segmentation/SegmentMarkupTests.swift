import Testing
import TandemKit

/// Markup inside and around sentences: what a translator sees of escapes, hard line breaks, codes
/// at a sentence's edges and bold list numbers, and that building from it gives back every byte.
@Suite("Markup inside segments")
struct SegmentMarkupTests {
    static func segments(_ markdown: String, locale: String = "zh-CN") throws -> [ExtractedSegment] {
        let document = try HugoDocument(bytes: Array(markdown.utf8), path: "post.md")
        let segments = DocumentSegmenter(segmenter: try SentenceSegmenter(locale: LocaleTag(locale)!)).segments(of: document)
        // Identity translation: the sources as targets must give back the post byte for byte.
        let targets = Dictionary(segments.map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first })
        let built = try DocumentBuilder(document: document, segments: segments)
            .build(targets: targets, fallbackToSource: false, language: nil, translations: nil)
        #expect(String(decoding: built, as: UTF8.self) == markdown)
        return segments
    }

    @Test(arguments: [
        ("an escaped asterisk is a code", "公司股票被标为\\*ST威龙。\n", ["公司股票被标为{1/}ST威龙。"], ["1/": "\\*"]),
        ("an escaped underscore inside a name", "调用aws\\_lambda函数即可。\n", ["调用aws{1/}lambda函数即可。"], ["1/": "\\_"]),
        ("Traditional text with an escape", "這檔股票被標為\\*ST，投資人須留意。\n", ["這檔股票被標為{1/}ST，投資人須留意。"], ["1/": "\\*"]),
        ("escapes side by side are one code", "星号写作\\*\\*两个。\n", ["星号写作{1/}两个。"], ["1/": "\\*\\*"]),
        ("an escaped backslash is a code", "路径分隔符是\\\\号。\n", ["路径分隔符是{1/}号。"], ["1/": "\\\\"]),
        ("a backslash before a letter is text", "文件在C:\\data目录里。\n", ["文件在C:\\data目录里。"], [:]),
    ])
    func escapes(_ name: String, _ markdown: String, _ expected: [String], _ codes: [String: String]) throws {
        let segments = try Self.segments(markdown)
        #expect(segments.map(\.text) == expected, "\(name)")
        #expect(segments.first?.codes == codes, "\(name)")
    }

    @Test(arguments: [
        ("a hard break after a full stop cuts there, its spaces outside", "第一行说完了。  \n第二行也说完了。\n", ["第一行说完了。", "第二行也说完了。"]),
        ("a backslash hard break after a question mark cuts there", "你今天去哪里？\\\n我去公司上班。\n", ["你今天去哪里？", "我去公司上班。"]),
        ("lines without punctuation are sentences of their own", "记者 王小明  \n编辑 李大华  \n校对 陈一\n", ["记者 王小明", "编辑 李大华", "校对 陈一"]),
        ("Traditional lines", "發稿時間：上午十點  \n責任編輯：林美玲\n", ["發稿時間：上午十點", "責任編輯：林美玲"]),
        ("a line ending in a comma goes on: the break is a code inside", "这句话很长，  \n下一行才说完。\n", ["这句话很长，{1/}下一行才说完。"]),
    ])
    func hardBreaks(_ name: String, _ markdown: String, _ expected: [String]) throws {
        let segments = try Self.segments(markdown)
        #expect(segments.map(\.text) == expected, "\(name)")
        #expect(!segments.contains { $0.text.hasSuffix(" ") || $0.text.contains("  ") }, "\(name)")
    }

    /// A line of images inside a paragraph is a block in the page: the text before it, its alt
    /// text and the text after it are three segments, even when the lines have no final
    /// punctuation (a theme site's posts wrote a caption line, the image, then the text).
    @Test(arguments: [
        ("a line of its own between two lines without punctuation", "上面是示意图\n![流程图](flow.png)\n下面是说明\n", ["上面是示意图", "流程图", "下面是说明"]),
        ("an image without alt text leaves no segment of its own", "第一张图在下面\n![](a.png)\n然后是正文。\n", ["第一张图在下面", "然后是正文。"]),
        ("an image in a link, and an HTML image", "点击查看大图\n[![缩略图](s.png)](l.png)\n<img src=\"b.png\">\n图后的文字\n", ["点击查看大图", "缩略图", "图后的文字"]),
        ("Traditional text around an image", "下圖為架構\n![架構圖](arch.png)\n其餘說明如下\n", ["下圖為架構", "架構圖", "其餘說明如下"]),
        ("a line ending in a comma goes on past the image", "如下图所示，\n![](a.png)\n数据增长很快。\n", ["如下图所示，{1/}{2/}{3/}数据增长很快。"]),
        ("an image inside a line of text stays in its sentence", "点击![图标](i.png)按钮保存\n然后关闭\n", ["点击{1}图标{/1}按钮保存{2/}然后关闭"]),
    ])
    func aLineOfImagesEndsTheSentenceBeforeIt(_ name: String, _ markdown: String, _ expected: [String]) throws {
        #expect(try Self.segments(markdown).map(\.text) == expected, "\(name)")
    }

    @Test func aHardBreakInsideASentenceIsACodeThatMustStay() throws {
        let segment = try #require(try Self.segments("价格上涨，  \n销量下降。\n").first)
        let code = try #require(InlineCodeSet(codes: segment.codes)[.standalone(1)])
        #expect(code.kind == .hardBreak && !code.canDelete)
    }

    @Test func aParagraphOfManyHardBrokenLinesIsManySegments() throws {
        let lines = (1...171).map { "第\($0)条消息的标题在这里写出来" }
        let segments = try Self.segments(lines.joined(separator: "  \n") + "\n")
        #expect(segments.count == 171)
        #expect(segments.map(\.text).max(by: { $0.count < $1.count })!.count < 20)
    }

    @Test(arguments: [
        ("bold that spans two sentences stays outside both", "**第一句。第二句。** 然后。\n", ["第一句。", "第二句。", "然后。"]),
        ("an opener after the full stop goes with the next sentence", "公司发布了财报。**利润增长了三成。**\n", ["公司发布了财报。", "利润增长了三成。"]),
        ("an opener after the full stop and a space", "公司发布了财报。 **利润**增长了。\n", ["公司发布了财报。", "{1}利润{/1}增长了。"]),
        ("a link opening after the full stop", "他这样说。[原文链接](https://example.org)在这里。\n", ["他这样说。", "{1}原文链接{/1}在这里。"]),
        ("a closer after the full stop whose opener is in the sentence stays", "他说：**这是好事。**\n\n结束。\n", ["他说：{1}这是好事。{/1}", "结束。"]),
        ("Traditional: emphasis over two sentences", "*這是第一句。這是第二句。*\n", ["這是第一句。", "這是第二句。"]),
        ("a footnote reference after the full stop is outside", "数据来自统计局。[^1]\n\n[^1]: 注释。\n", ["数据来自统计局。", "注释。"]),
    ])
    func codesAtTheEdges(_ name: String, _ markdown: String, _ expected: [String]) throws {
        #expect(try Self.segments(markdown).map(\.text) == expected, "\(name)")
    }

    @Test(arguments: [
        ("a bold number", "**1.** 阿里巴巴发布了新模型。\n", ["{1}1.{/1} 阿里巴巴发布了新模型。"]),
        ("a bold number glued to the text", "**2.**腾讯公布了季度业绩。\n", ["**2.**腾讯公布了季度业绩。"]),
        ("a bold number then a bold name", "**3.** **小米**推出了新手机。\n", ["{1}3.{/1} {2}小米{/2}推出了新手机。"]),
        ("a bold number inside the bold", "**1. 阿里巴巴**发布了新模型。\n", ["{1}1. 阿里巴巴{/1}发布了新模型。"]),
        ("a plain number with a full stop", "第二段。\n\n4. 字节跳动发布了新应用。\n", ["第二段。", "字节跳动发布了新应用。"]),
        ("a Chinese numeral list mark", "三、華為公布了新晶片。\n", ["三、華為公布了新晶片。"]),
        ("a bold letter over its line", "**b. 雲端服務的升級**\n", ["b. 雲端服務的升級"]),
        ("a bold Traditional number", "**5.** 台積電公布了營收。\n", ["{1}5.{/1} 台積電公布了營收。"]),
    ])
    func boldListNumbers(_ name: String, _ markdown: String, _ expected: [String]) throws {
        #expect(try Self.segments(markdown).map(\.text) == expected, "\(name)")
    }

    /// Found by `FrontMatterFuzzer`: runs of `*` that cmark reads as nested emphasis left an
    /// opener at a sentence's end inside a code that trimming widened the sentence back to, and
    /// moving openers to the next sentence never ended (minimised input, no final newline). It
    /// ends, and the post builds back byte for byte.
    @Test(.timeLimit(.minutes(1)))
    func runsOfAsterisksReadAsNestedEmphasisEndTheirSegmentation() throws {
        let post = " - \"\n  " + String(repeating: "*", count: 39) + "n\"\n " + String(repeating: "*", count: 44) + "a"
            + String(repeating: "*", count: 70) + "s"
        #expect(try !Self.segments(post).isEmpty)
    }

    /// Found by `FrontMatterFuzzer`: emphasis around a backslash hard break and an escaped
    /// backslash, which cmark positions ending before its last child; the extract crashed on
    /// the reversed range. The emphasis is kept whole, and the post builds back byte for byte.
    @Test func emphasisWhosePositionsDoNotNestIsKeptWhole() throws {
        _ = try Self.segments("*\\\nons:\n\\\\*")
        #expect(try Self.segments("*\\\n开始了：\n\\\\*。\n\n正文。\n").map(\.text).contains("正文。"))
    }

    /// A helper's finding on LoveIt's and DoIt's docs, written with ASCII full stops: after a Han
    /// character, `. ` before a lowercase word or inline code did not end the sentence (ICU's
    /// rule for "e.g. foo"), so two sentences were one segment.
    @Test(arguments: [
        ("a lowercase word after the full stop", "它是语法的替代. widget 可以用.\n", ["它是语法的替代.", "widget 可以用."]),
        ("inline code after the full stop", "它是语法的替代. `link` 可以用.\n", ["它是语法的替代.", "{1/} 可以用."]),
        ("inline code on the next line", "`link` 是语法的替代.\n`link` 也可以用.\n", ["{1/} 是语法的替代.", "{1/} 也可以用."]),
        ("Traditional text", "這是語法的替代. widget 也可以用.\n", ["這是語法的替代.", "widget 也可以用."]),
        ("an abbreviation after Latin text still holds", "例如 e.g. foo 这种写法。\n", ["例如 e.g. foo 这种写法。"]),
        ("a file name has no space after its dot", "打开配置文件.json 即可。\n", ["打开配置文件.json 即可。"]),
    ])
    func fullStopsAfterHan(_ name: String, _ markdown: String, _ expected: [String]) throws {
        #expect(try Self.segments(markdown).map(\.text) == expected, "\(name)")
    }

    /// A helper's finding on Even's preview post: cmark gives `***x***` an emphasis and a strong
    /// of one extent, so one of the two closing codes is empty; at a paragraph's end it was left
    /// out of the sentence, which showed `{4}` never closed, and `set` refused the target that
    /// closed it.
    @Test func tripleEmphasisAtAParagraphsEndKeepsEveryPairClosed() throws {
        let segments = try Self.segments("~~***很重要***~~ 和 ***~~也重要~~***\n")
        #expect(segments.map(\.text) == ["{1}{2}{3}很重要{/3}{/2}{/1} 和 {4}{5}{6}也重要{/6}{/5}{/4}"])
        let segment = try #require(segments.first)
        let target = "{1}{2}{3}Very important{/3}{/2}{/1} and {4}{5}{6}also important{/6}{/5}{/4}"
        #expect(InlineCodeSet(codes: segment.codes).problems(in: target).isEmpty)
    }

    /// A helper's finding: with Hugo's `markup.goldmark.renderer.hardWraps`, every line break
    /// is a `<br>` on the page, but it was a soft break inside one segment that a translation
    /// could drop (the English address came out on one line). With the setting, each line is a
    /// sentence of its own and the break stays in the document; the build gives every byte back.
    @Test func withHardWrapsEveryLineBreakIsAHardOne() throws {
        let markdown = "地址：杭州市西湖区\n电话：0571-1234\n"
        let document = try HugoDocument(bytes: Array(markdown.utf8), path: "post.md", hardWraps: true)
        let segments = DocumentSegmenter(segmenter: try SentenceSegmenter(locale: LocaleTag("zh-CN")!)).segments(of: document)
        #expect(segments.map(\.text) == ["地址：杭州市西湖区", "电话：0571-1234"])
        let built = try DocumentBuilder(document: document, segments: segments).build(
            targets: Dictionary(uniqueKeysWithValues: zip(segments.map(\.id), ["Address: Xihu District", "Phone: 0571-1234"])),
            fallbackToSource: false, language: LocaleTag("en")!, translations: nil)
        #expect(String(decoding: built, as: UTF8.self) == "Address: Xihu District\nPhone: 0571-1234\n")
        // Without the setting, the same lines are one sentence, as Hugo renders them.
        #expect(try Self.segments(markdown).map(\.text) == ["地址：杭州市西湖区{1/}电话：0571-1234"])
    }

    /// A helper's finding: a Goldmark definition list (on by default in Hugo) was one segment,
    /// `绿茶{1/}: 不发酵的茶叶。`, its break droppable and its `: ` text, so a translation could
    /// turn the page's `<dl>` into a `<p>`. The term and each definition are sentences of their
    /// own, the marker and the break stay in the document.
    @Test func aDefinitionListIsATermAndItsDefinitions() throws {
        let markdown = "绿茶\n: 不发酵的茶叶。\n: 也叫清茶。\n"
        let segments = try Self.segments(markdown)
        #expect(segments.map(\.text) == ["绿茶", "不发酵的茶叶。", "也叫清茶。"])
        let document = try HugoDocument(bytes: Array(markdown.utf8), path: "post.md")
        let built = try DocumentBuilder(document: document, segments: segments).build(
            targets: Dictionary(uniqueKeysWithValues: zip(segments.map(\.id), ["Green tea", "Tea leaves that are not fermented.", "Also called clear tea."])),
            fallbackToSource: false, language: LocaleTag("en")!, translations: nil)
        #expect(String(decoding: built, as: UTF8.self) == "Green tea\n: Tea leaves that are not fermented.\n: Also called clear tea.\n")
        // With the site's hardWraps the break is a hard one already; the marker is still a code.
        let wrapped = try HugoDocument(bytes: Array(markdown.utf8), path: "post.md", hardWraps: true)
        #expect(DocumentSegmenter(segmenter: try SentenceSegmenter(locale: LocaleTag("zh-CN")!)).segments(of: wrapped).map(\.text)
            == ["绿茶", "不发酵的茶叶。", "也叫清茶。"])
        // A colon inside a line, or with no space after it, is text as before.
        #expect(try Self.segments("时间:下午三点\n地点：会议室\n").map(\.text) == ["时间:下午三点{1/}地点：会议室"])
    }
}
