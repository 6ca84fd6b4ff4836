import Testing
import TandemKit

@Suite("Locale tags")
struct LocaleTagTests {
    @Test(arguments: ["zh-CN", "en", "pt-BR", "zh-Hans-CN", "yue", "de-CH-1996"])
    func acceptsWellFormedTags(_ tag: String) {
        #expect(LocaleTag(tag)?.identifier == tag)
    }

    @Test(arguments: ["", "e", "../en", "en/US", "zh_CN", "en-", "english", "en-\u{0}", "zh-CN.md"])
    func rejectsAnythingThatCouldEscapeAPath(_ tag: String) {
        #expect(LocaleTag(tag) == nil)
    }

    @Test func icuIdentifierUsesUnderscores() {
        #expect(LocaleTag("zh-CN")!.icuIdentifier == "zh_CN")
        #expect(LocaleTag("zh-CN")!.language == "zh")
    }
}
