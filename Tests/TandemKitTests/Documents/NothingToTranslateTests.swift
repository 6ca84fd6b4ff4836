import Testing
import TandemKit

/// Sentences `extract` copies as their own translation: nothing in them is language.
@Suite("Nothing to translate")
struct NothingToTranslateTests {
    @Test(arguments: [":smile:", "2025", "3.14%", "https://example.org/a?b=1", "{1/}", "{1}2024{/1}", "——！", ":+1: :tada:", "1:2",
                       "２０２５", "①②③", "(https://example.org/)", "→ 50% ←"])
    func copied(_ text: String) {
        #expect(NothingToTranslate.matches(text), "\(text)")
    }

    @Test(arguments: ["Go 1.22", "你好", ":smile: 好", "iPhone", "{1}注{/1}", "NaN",
                       "https://example.org/路径", "www.例子.cn", "Ⅻ", "é"])
    func translated(_ text: String) {
        #expect(!NothingToTranslate.matches(text), "\(text)")
    }
}
