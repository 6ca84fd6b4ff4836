import Testing
import TandemKit

/// One row of a segmentation table: the input and the sentences a translator expects.
struct SegmentationCase: CustomTestStringConvertible, Sendable {
    var name: String
    var input: String
    var expected: [String]
    var testDescription: String { name }

    /// The sentences the built-in rules for `locale` make of the input.
    func segmented(as locale: String) throws -> [String] {
        try SentenceSegmenter(locale: LocaleTag(locale)!).sentences(in: input).map(\.text)
    }
}

@Suite("Sentence segmentation, zh-CN")
struct ChineseSegmentationTests {
    static let cases: [SegmentationCase] = [
        .init(name: "break after 。", input: "今天下雨了。明天是晴天。", expected: ["今天下雨了。", "明天是晴天。"]),
        .init(name: "break after ！ and ？", input: "真的吗？太好了！我们走吧。", expected: ["真的吗？", "太好了！", "我们走吧。"]),
        .init(name: "combined ？！ stays one terminator", input: "你说什么？！别开玩笑了。", expected: ["你说什么？！", "别开玩笑了。"]),
        .init(name: "closing quote after 。 stays", input: "他说：“我明白了。”大家都笑了。", expected: ["他说：“我明白了。”", "大家都笑了。"]),
        .init(name: "closing quote after 。 and a space stays", input: "他说： “ 我们会继续努力。 ” 会议随后结束。", expected: ["他说： “ 我们会继续努力。 ”", "会议随后结束。"]),
        // A quote holding several sentences is cut inside, its closing mark on the last one.
        .init(name: "a break inside “” with two sentences", input: "“ 第一点很重要。第二点也一样。 ”", expected: ["“ 第一点很重要。", "第二点也一样。 ”"]),
        .init(name: "a break inside 「」; the quote's full stop ends the sentence after 」", input: "她写道「天亮了。该出发了。」然后合上了本子。", expected: ["她写道「天亮了。", "该出发了。」", "然后合上了本子。"]),
        .init(name: "no break inside 「」 without a full stop", input: "她写道「天亮了，该出发了」然后合上了本子。", expected: ["她写道「天亮了，该出发了」然后合上了本子。"]),
        .init(name: "no break inside 『』", input: "书名叫『春天。夏天』很有意思。", expected: ["书名叫『春天。夏天』很有意思。"]),
        .init(name: "no break inside 《》", input: "他读了《再见。你好！》这本书。后来睡了。", expected: ["他读了《再见。你好！》这本书。", "后来睡了。"]),
        .init(name: "no break inside （）", input: "公司成立于北京（注：当时叫别的名字。后来改名。）今年十岁。", expected: ["公司成立于北京（注：当时叫别的名字。后来改名。）今年十岁。"]),
        // Chinese typed with a Latin keyboard layout: ICU cuts after "?)" and "!)" (found on a
        // public theme's example site).
        .init(name: "no break inside ASCII ( ) after ?", input: "她的发髻(是鬓吗?)有点偏，花也没戴好。", expected: ["她的发髻(是鬓吗?)有点偏，花也没戴好。"]),
        .init(name: "no break inside ASCII ( ) after !", input: "他说(真的!)没问题。然后走了。", expected: ["他说(真的!)没问题。", "然后走了。"]),
        .init(name: "a half-width ? outside brackets still ends a sentence", input: "你好吗?我很好。", expected: ["你好吗?", "我很好。"]),
        .init(name: "an unclosed ASCII ( protects nothing", input: "他说(好!然后走了。", expected: ["他说(好!", "然后走了。"]),
        // Found on theme example sites: an operator or a mark in quotes, and informal ellipses.
        .init(name: "no break after ? in quotes", input: "什么是 \"?.\" 运算符？我们来看看。", expected: ["什么是 \"?.\" 运算符？", "我们来看看。"]),
        .init(name: "no break after ?? in quotes", input: "运算符 \"??\" 和 \"?.\" 的用法不同。", expected: ["运算符 \"??\" 和 \"?.\" 的用法不同。"]),
        .init(name: "no break after a quoted ？", input: "“？”是什么意思。", expected: ["“？”是什么意思。"]),
        .init(name: "a closing ASCII quote before ? still ends the sentence", input: "他说\"好\"?然后走了。", expected: ["他说\"好\"?", "然后走了。"]),
        .init(name: "no break after a two-dot ellipsis", input: "究竟什么会..拯救..这个世界呢？", expected: ["究竟什么会..拯救..这个世界呢？"]),
        .init(name: "no break after 。。。", input: "他想了想。。。还是算了。下次再说。", expected: ["他想了想。。。还是算了。", "下次再说。"]),
        .init(name: "an unclosed bracket protects nothing", input: "他说「好。然后走了。", expected: ["他说「好。", "然后走了。"]),
        .init(name: "an opening 《 after 。 starts the next sentence", input: "需要有人回答。《开源之道》写得好。", expected: ["需要有人回答。", "《开源之道》写得好。"]),
        .init(name: "an opening “ after ！ starts the next sentence", input: "太好了！“我们赢了，”他说。", expected: ["太好了！", "“我们赢了，”他说。"]),
        .init(name: "decimal", input: "股价上涨 2.5 个百分点。收盘价 8.48 元。", expected: ["股价上涨 2.5 个百分点。", "收盘价 8.48 元。"]),
        .init(name: "decimal after currency sign", input: "每股只要¥0.5元。很便宜。", expected: ["每股只要¥0.5元。", "很便宜。"]),
        .init(name: "a version wildcard", input: "升级到 v1.* 的版本即可。已经使用 0.12.* 的用户不受影响。", expected: ["升级到 v1.* 的版本即可。", "已经使用 0.12.* 的用户不受影响。"]),
        .init(name: "two version wildcards", input: "使用 v1.* 或 v2.* 版本。支持 v1.x.* 版本。", expected: ["使用 v1.* 或 v2.* 版本。", "支持 v1.x.* 版本。"]),
        .init(name: "percentage with decimals", input: "累计涨了 53.07%！真不少。", expected: ["累计涨了 53.07%！", "真不少。"]),
        .init(name: "list number at line start", input: "1. 打开设置页面。\n2. 选择网络。", expected: ["1. 打开设置页面。", "2. 选择网络。"]),
        .init(name: "list number without a space", input: "1.配置环境变量", expected: ["1.配置环境变量"]),
        .init(name: "Chinese list numeral", input: "一、准备工作。\n二、开始安装。", expected: ["一、准备工作。", "二、开始安装。"]),
        .init(name: "ellipsis inside a sentence", input: "他想了想……还是没有说话。", expected: ["他想了想……还是没有说话。"]),
        .init(name: "ellipsis before a full stop", input: "等等……。我们再看看。", expected: ["等等……。", "我们再看看。"]),
        .init(name: "ellipsis before a closing quote", input: "“让我想想……”他说。", expected: ["“让我想想……”他说。"]),
        .init(name: "bold markers after 。 stay with the sentence", input: "果然，**合作已经确认了。**随后股价大涨。", expected: ["果然，**合作已经确认了。**", "随后股价大涨。"]),
        .init(name: "bold markers opening the next sentence move nowhere", input: "先说结论。**这是重点。**", expected: ["先说结论。", "**这是重点。**"]),
        .init(name: "bold after a space and 。", input: "他们推出了**Apple Intelligence 。**后来又更新了。", expected: ["他们推出了**Apple Intelligence 。**", "后来又更新了。"]),
        .init(name: "leading and trailing white space is not part of a segment", input: "  第一句。  第二句。 \n", expected: ["第一句。", "第二句。"]),
        .init(name: "ideographic space is trimmed", input: "\u{3000}\u{3000}段落开头。", expected: ["段落开头。"]),
        .init(name: "Latin words inside Chinese", input: "外媒 The information 报道了。随后确认。", expected: ["外媒 The information 报道了。", "随后确认。"]),
        .init(name: "empty text has no segments", input: "", expected: []),
        .init(name: "white space only has no segments", input: " \n\t ", expected: []),
        // ICU runs on a UTF-16 copy; its offsets are mapped back to UTF-8 bytes, which must stay
        // right past characters outside the BMP (two UTF-16 units, four bytes).
        .init(name: "characters outside the BMP keep offsets right", input: "𠀀𠀁好。😀再见。😀！",
              expected: ["𠀀𠀁好。", "😀再见。", "\u{1F600}！"]),
        .init(name: "long ASCII runs keep offsets right", input: "Tandem translation pipeline 已经发布了。Please update it soon! 好的😀。",
              expected: ["Tandem translation pipeline 已经发布了。", "Please update it soon!", "好的😀。"]),
    ]

    @Test(arguments: cases)
    func segments(_ row: SegmentationCase) throws {
        let segmenter = try SentenceSegmenter(locale: LocaleTag("zh-CN")!)
        #expect(segmenter.sentences(in: row.input).map(\.text) == row.expected)
    }

    @Test func rangesPointAtTheTextInTheSource() throws {
        let segmenter = try SentenceSegmenter(locale: LocaleTag("zh-CN")!)
        let text = "  第一句。  “第二句。”\n"
        let bytes = Array(text.utf8)
        for sentence in segmenter.sentences(in: text) {
            #expect(String(decoding: bytes[sentence.range], as: UTF8.self) == sentence.text)
        }
    }

    @Test func joiningLinesTreatsASoftBreakAsSpace() throws {
        let segmenter = try SentenceSegmenter(locale: LocaleTag("zh-CN")!)
        let text = "这是一个很长的句子，\n被折成了两行。第二句。"
        #expect(segmenter.sentences(in: text).count == 3)
        #expect(segmenter.sentences(in: text, joiningLines: true).map(\.text)
                == ["这是一个很长的句子，\n被折成了两行。", "第二句。"])
    }
}

@Suite("Sentence segmentation, en")
struct EnglishSegmentationTests {
    static let cases: [SegmentationCase] = [
        .init(name: "two sentences", input: "The sky is blue. The grass is green.", expected: ["The sky is blue.", "The grass is green."]),
        .init(name: "no break after Dr.", input: "Dr. Smith arrived. He sat down.", expected: ["Dr. Smith arrived.", "He sat down."]),
        .init(name: "no break after e.g.", input: "Use a tool, e.g. Trados. It works.", expected: ["Use a tool, e.g. Trados.", "It works."]),
        .init(name: "no break after U.S.", input: "She moved to the U.S. Army base. It was big.", expected: ["She moved to the U.S. Army base.", "It was big."]),
        .init(name: "no break after Mr.", input: "Mr. Brown is here. Call him.", expected: ["Mr. Brown is here.", "Call him."]),
        .init(name: "decimal", input: "Shares rose 8.48 percent. Trading closed.", expected: ["Shares rose 8.48 percent.", "Trading closed."]),
        .init(name: "closing quote stays", input: "He said, \"We are done.\" Then he left.", expected: ["He said, \"We are done.\"", "Then he left."]),
        .init(name: "question and exclamation", input: "Really? Yes! Fine.", expected: ["Really?", "Yes!", "Fine."]),
        .init(name: "bold closes with its sentence", input: "**This matters.** Read on.", expected: ["**This matters.**", "Read on."]),
    ]

    @Test(arguments: cases)
    func segments(_ row: SegmentationCase) throws {
        let segmenter = try SentenceSegmenter(locale: LocaleTag("en")!)
        #expect(segmenter.sentences(in: row.input).map(\.text) == row.expected)
    }
}
