import Testing
import TandemKit

@Suite("Word and character counts")
struct WordCounterTests {
    @Test(arguments: [
        ("今天下雨了。", 0, 5),
        ("The quick brown fox.", 4, 0),
        ("苹果和 Apple Intelligence 合作", 2, 5),
        ("涨了 41.63%！", 1, 2),
        ("Qwen2.5-Max 发布", 2, 2),
        ("カタカナとひらがな", 0, 9),
        ("，。！？——……", 0, 0),
        ("", 0, 0),
    ])
    func counts(_ text: String, _ words: Int, _ cjk: Int) throws {
        let counter = try WordCounter(locale: LocaleTag("zh-CN")!)
        #expect(counter.count(text) == WordCount(words: words, cjkCharacters: cjk))
    }

    @Test func totalIsWordsPlusCharacters() {
        #expect(WordCount(words: 3, cjkCharacters: 17).total == 20)
    }
}
