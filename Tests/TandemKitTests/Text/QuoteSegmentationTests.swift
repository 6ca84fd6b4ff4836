import Testing
import TandemKit

/// Quotes in Chinese news copy: a quote holding several sentences is cut inside like other text,
/// its closing mark on its last sentence, and a quote stays with its attribution. Both scripts.
@Suite("Sentence segmentation, quotes and attribution")
struct QuoteSegmentationTests {
    static let simplified: [SegmentationCase] = [
        .init(name: "attribution after the quote", input: "“我们会赢。”他说。比赛明天开始。", expected: ["“我们会赢。”他说。", "比赛明天开始。"]),
        .init(name: "longer attribution", input: "“我们不会裁员。”公司发言人在周一的声明中说。传言随之平息。",
              expected: ["“我们不会裁员。”公司发言人在周一的声明中说。", "传言随之平息。"]),
        .init(name: "attribution before the quote", input: "他说：“我们会赢。”比赛明天开始。", expected: ["他说：“我们会赢。”", "比赛明天开始。"]),
        .init(name: "question and its attribution", input: "“你去哪？”她问道。没有人回答。", expected: ["“你去哪？”她问道。", "没有人回答。"]),
        .init(name: "exclamation and its attribution", input: "“太好了！”他喊道。大家都笑了。", expected: ["“太好了！”他喊道。", "大家都笑了。"]),
        .init(name: "attribution between two quotes", input: "“我们不怕。”他说，“我们准备好了。”会议结束了。",
              expected: ["“我们不怕。”他说，“我们准备好了。”", "会议结束了。"]),
        .init(name: "attribution in a later clause", input: "“这只是开始。”他停了一下，又补充说，“后面还有。”",
              expected: ["“这只是开始。”他停了一下，又补充说，“后面还有。”"]),
        .init(name: "attribution with a space after the quote", input: "“ 我们会继续努力。 ” 他说。会议随后结束。",
              expected: ["“ 我们会继续努力。 ” 他说。", "会议随后结束。"]),
        .init(name: "quote with several sentences is cut inside", input: "她表示：“第一点很重要。第二点也一样。”会议随后结束。",
              expected: ["她表示：“第一点很重要。", "第二点也一样。”", "会议随后结束。"]),
        .init(name: "attribution joins the last sentence of a long quote", input: "“价格太高了。没有人会买。”一位店主说。生意很冷清。",
              expected: ["“价格太高了。", "没有人会买。”一位店主说。", "生意很冷清。"]),
        .init(name: "quote over three sentences", input: "他说：“第一，要稳。第二，要快。第三，要准。”",
              expected: ["他说：“第一，要稳。", "第二，要快。", "第三，要准。”"]),
        .init(name: "a sentence after a quote is no attribution", input: "“不要放弃。”这句话被印在墙上。", expected: ["“不要放弃。”", "这句话被印在墙上。"]),
        .init(name: "a verb inside a word is no attribution", input: "“计划失败了。”他说明了原因。", expected: ["“计划失败了。”", "他说明了原因。"]),
        .init(name: "a speech verb too far away is no attribution",
              input: "“我们走吧。”这一天傍晚，城市里所有的灯一盏接一盏地亮了起来，远处的人群慢慢散去，有人说。",
              expected: ["“我们走吧。”", "这一天傍晚，城市里所有的灯一盏接一盏地亮了起来，远处的人群慢慢散去，有人说。"]),
        .init(name: "a title keeps its inner full stop", input: "纪录片《远方。故乡》上映了。票房不错。", expected: ["纪录片《远方。故乡》上映了。", "票房不错。"]),
        .init(name: "an inner quote keeps its inner full stop", input: "书名叫『春天。夏天』很有意思。", expected: ["书名叫『春天。夏天』很有意思。"]),
    ]

    static let traditional: [SegmentationCase] = [
        .init(name: "attribution after 「」", input: "「我們不會加價。」她表示。消費者鬆了一口氣。", expected: ["「我們不會加價。」她表示。", "消費者鬆了一口氣。"]),
        .init(name: "attribution before 「」", input: "他說：「我們會贏。」比賽明天開始。", expected: ["他說：「我們會贏。」", "比賽明天開始。"]),
        .init(name: "「」 with several sentences is cut inside", input: "局長表示：「這項措施有助經濟。我們會盡快推行。」條例將於下月生效。",
              expected: ["局長表示：「這項措施有助經濟。", "我們會盡快推行。」", "條例將於下月生效。"]),
        .init(name: "attribution joins the last sentence of a long 「」", input: "「這是一個艱難的決定。但我們別無選擇。」行政總裁在內部信中寫道。工會表示不滿。",
              expected: ["「這是一個艱難的決定。", "但我們別無選擇。」行政總裁在內部信中寫道。", "工會表示不滿。"]),
        .init(name: "attribution between two 「」", input: "「我們不怕。」他說，「我們準備好了。」", expected: ["「我們不怕。」他說，「我們準備好了。」"]),
        .init(name: "question with an attribution ending in 記者", input: "「為什麼？」她反問記者。沒有人回答。", expected: ["「為什麼？」她反問記者。", "沒有人回答。"]),
        .init(name: "a sentence after 「」 is no attribution", input: "「不要放棄。」這句話被寫在牆上。", expected: ["「不要放棄。」", "這句話被寫在牆上。"]),
        .init(name: "“” in Traditional text", input: "“我們會贏。”他說。比賽明天開始。", expected: ["“我們會贏。”他說。", "比賽明天開始。"]),
    ]

    @Test(arguments: simplified)
    func simplifiedChinese(_ row: SegmentationCase) throws { #expect(try row.segmented(as: "zh-CN") == row.expected) }

    @Test(arguments: traditional)
    func traditionalChinese(_ row: SegmentationCase) throws { #expect(try row.segmented(as: "zh-TW") == row.expected) }
}
