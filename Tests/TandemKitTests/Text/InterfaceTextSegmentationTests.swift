import Foundation
import Testing
import TandemKit
import TandemTestSupport

/// Interface strings of scraped news pages (放大图片, 显示原图, 点击查看大图) glued to a
/// sentence: cut off as sentences of their own at the sentence's edges, never inside it. Both
/// scripts; the list is written in Simplified and matched with Traditional folded to it.
@Suite("Sentence segmentation, interface text glued to sentences")
struct InterfaceTextSegmentationTests {
    static let simplified: [SegmentationCase] = [
        .init(name: "after a caption with no punctuation", input: "市长在开幕式上致辞放大图片",
              expected: ["市长在开幕式上致辞", "放大图片"]),
        .init(name: "after a full stop (ICU already cuts there)", input: "市长在开幕式上致辞。放大图片",
              expected: ["市长在开幕式上致辞。", "放大图片"]),
        .init(name: "before a sentence", input: "显示原图市长在开幕式上致辞。", expected: ["显示原图", "市长在开幕式上致辞。"]),
        .init(name: "before the second sentence of a paragraph", input: "会议持续两天。显示原图市长在开幕式上致辞。",
              expected: ["会议持续两天。", "显示原图", "市长在开幕式上致辞。"]),
        .init(name: "at both edges of one sentence", input: "查看原图工人在检查设备放大图片",
              expected: ["查看原图", "工人在检查设备", "放大图片"]),
        .init(name: "two strings in a row", input: "显示原图放大图片工人在检查设备。", expected: ["显示原图", "放大图片", "工人在检查设备。"]),
        .init(name: "the longest string wins", input: "新馆大门外点击查看大图", expected: ["新馆大门外", "点击查看大图"]),
        // ICU's dictionary reads 原|图片 and 外|景点|击: the string would end or start inside a
        // word, so it stays (a missed cut costs a longer segment, a wrong one a broken word).
        .init(name: "not when the string ends inside a word", input: "工人在检查设备显示原图片", expected: ["工人在检查设备显示原图片"]),
        .init(name: "not when a word crosses the string's start", input: "展厅内景点击放大", expected: ["展厅内景点击放大"]),
        // At a sentence's start a listed string followed by two words is taken for glue: 说明
        // here is a caption's label (prose rarely starts with the bare command 放大图片).
        .init(name: "a label after the string at a sentence's start", input: "放大图片说明", expected: ["放大图片", "说明"]),
        .init(name: "after a closing bracket", input: "记者在现场采访（新华社）放大图片", expected: ["记者在现场采访（新华社）", "放大图片"]),
        .init(name: "before an opening quote", input: "显示原图“我们会坚持下去。”她说。", expected: ["显示原图", "“我们会坚持下去。”她说。"]),
        .init(name: "with a space between", input: "显示原图 工人在检查设备。", expected: ["显示原图", "工人在检查设备。"]),
        .init(name: "a string alone stays one sentence", input: "放大图片", expected: ["放大图片"]),
        .init(name: "inside a sentence it is prose", input: "读者可以放大图片查看细节。", expected: ["读者可以放大图片查看细节。"]),
        .init(name: "prose ending with the string and a full stop", input: "看不清的话，请放大图片。", expected: ["看不清的话，请放大图片。"]),
        .init(name: "a comma after the string makes it a clause", input: "放大图片，可以看到湖面已经结冰。",
              expected: ["放大图片，可以看到湖面已经结冰。"]),
        .init(name: "a colon before the string makes it a clause", input: "操作方法：放大图片", expected: ["操作方法：放大图片"]),
        .init(name: "a word not on the list is left alone", input: "本周精选图片", expected: ["本周精选图片"]),
    ]

    static let traditional: [SegmentationCase] = [
        .init(name: "after a caption with no punctuation", input: "市長在開幕式上致辭放大圖片", expected: ["市長在開幕式上致辭", "放大圖片"]),
        .init(name: "after a full stop", input: "特首出席記者會。放大圖片", expected: ["特首出席記者會。", "放大圖片"]),
        .init(name: "before a sentence", input: "顯示原圖某議員在會上發言。", expected: ["顯示原圖", "某議員在會上發言。"]),
        .init(name: "at both edges of one sentence", input: "顯示原圖工人在檢查設備放大圖片", expected: ["顯示原圖", "工人在檢查設備", "放大圖片"]),
        .init(name: "the longest string wins", input: "新館大門外點擊查看大圖", expected: ["新館大門外", "點擊查看大圖"]),
        .init(name: "not when the string ends inside a word", input: "工人在檢查設備顯示原圖片", expected: ["工人在檢查設備顯示原圖片"]),
        .init(name: "a label after the string at a sentence's start", input: "放大圖片說明", expected: ["放大圖片", "說明"]),
        .init(name: "before a 「」 quote", input: "顯示原圖「我們會堅持下去。」她說。", expected: ["顯示原圖", "「我們會堅持下去。」她說。"]),
        .init(name: "inside a sentence it is prose", input: "讀者可以放大圖片查看細節。", expected: ["讀者可以放大圖片查看細節。"]),
        .init(name: "a comma after the string makes it a clause", input: "放大圖片，可以看到湖面已經結冰。",
              expected: ["放大圖片，可以看到湖面已經結冰。"]),
        .init(name: "prose ending with the string and a full stop", input: "看不清的話，請放大圖片。", expected: ["看不清的話，請放大圖片。"]),
    ]

    @Test(arguments: simplified)
    func simplifiedChinese(_ row: SegmentationCase) throws { #expect(try row.segmented(as: "zh-CN") == row.expected) }

    @Test(arguments: traditional)
    func traditionalChineseTaiwan(_ row: SegmentationCase) throws { #expect(try row.segmented(as: "zh-TW") == row.expected) }

    @Test(arguments: traditional)
    func traditionalChineseHongKong(_ row: SegmentationCase) throws { #expect(try row.segmented(as: "zh-HK") == row.expected) }

    @Test func theSameStringInBothScriptsIsOneKeyInTheMemory() throws {
        let simplified = try SentenceSegmenter(locale: LocaleTag("zh-CN")!).sentences(in: "工人在检查设备放大图片").map(\.text)
        let traditional = try SentenceSegmenter(locale: LocaleTag("zh-HK")!).sentences(in: "工人在檢查設備放大圖片").map(\.text)
        #expect(simplified.map(Normalizer.memoryKey) == traditional.map(Normalizer.memoryKey))
    }

    @Test func withoutTheListNothingIsCut() throws {
        let rules = LocaleRules(locale: LocaleTag("zh-CN")!, sentences: SentenceRules.plainICU)
        #expect(try SentenceSegmenter(rules: rules).sentences(in: "显示原图市长在开幕式上致辞。").map(\.text) == ["显示原图市长在开幕式上致辞。"])
    }

    @Test func aProjectAddsItsOwnStringsInItsRulesFile() throws {
        let directory = try TemporaryDirectory(prefix: "tandem-rules")
        defer { directory.remove() }
        var rules = LocaleRules.builtIn(for: LocaleTag("zh-TW")!)
        rules.sentences.interfaceText.append("分享到脸书")
        try rules.yaml.write(to: directory.url.appendingPathComponent("zh-TW.yml"), atomically: true, encoding: .utf8)
        let segmenter = try SentenceSegmenter(locale: LocaleTag("zh-TW")!, localesDirectory: directory.url)
        #expect(segmenter.sentences(in: "市府宣布新措施分享到臉書").map(\.text) == ["市府宣布新措施", "分享到臉書"])
    }

    @Test func anInterfaceStringInMarkupLeavesItsCodesOutside() throws {
        let document = try HugoDocument(bytes: Array("**放大圖片**市長在開幕式上致辭。\n\n工人在檢查設備[顯示原圖](big.jpg)\n".utf8), path: "post.md")
        let segments = DocumentSegmenter(segmenter: try SentenceSegmenter(locale: LocaleTag("zh-HK")!)).segments(of: document)
        #expect(segments.map(\.text) == ["放大圖片", "市長在開幕式上致辭。", "工人在檢查設備", "顯示原圖"])
    }
}
