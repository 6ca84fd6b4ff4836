import Testing
import TandemKit

/// Issue 14, item 10: `EN` and `en` were two locales; `zh-cn` became a target of `zh-CN`.
@Suite("Locale tags: canonical case")
struct LocaleTagCanonicalCaseTests {
    @Test(arguments: [
        ("EN", "en"), ("zh-cn", "zh-CN"), ("ZH-HANS-cn", "zh-Hans-CN"), ("es-419", "es-419"),
        ("de-ch-1996", "de-CH-1996"), ("en-x-US", "en-x-us"), ("sr-latn", "sr-Latn"),
    ])
    func tagsAreKeptInCanonicalCase(_ written: String, _ canonical: String) {
        #expect(LocaleTag(written)?.identifier == canonical)
    }

    @Test func tagsDifferingOnlyInCaseAreEqual() {
        #expect(LocaleTag("EN") == LocaleTag("en"))
        #expect(Set([LocaleTag("zh-cn")!, LocaleTag("zh-CN")!]).count == 1)
    }
}
