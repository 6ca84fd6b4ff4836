import Testing
import TandemKit

@Suite("Normalization and matching keys")
struct NormalizerTests {
    @Test func nfcComposesDecomposedLetters() {
        #expect(Normalizer.normalize("e\u{301}", to: .nfc) == "é")
        #expect(Normalizer.normalize("é", to: .nfd) == "e\u{301}")
    }

    @Test func nfcChangesCJKCompatibilityIdeographsSoOutputIsNeverNormalized() {
        // U+F9D1 becomes U+516D under NFC: why Tandem never writes normalized text back.
        #expect(Normalizer.normalize("\u{F9D1}", to: .nfc) == "\u{516D}")
        #expect(!Normalizer.isNormalized("\u{F9D1}", form: .nfc))
    }

    @Test func nfkcFoldsFullWidthLatin() {
        #expect(Normalizer.normalize("ＡＩ１２", to: .nfkc) == "AI12")
    }

    @Test(arguments: [
        ("ＡＩ", "ai"),
        ("DeepSeek", "deepseek"),
        ("  Apple \t Intelligence\n", "apple intelligence"),
        ("通义\u{3000}千问", "通义 千问"),
        ("ｶﾀｶﾅ", "カタカナ"),
        ("Straße", "strasse"),
        ("", ""),
    ])
    func matchingKey(_ input: String, _ key: String) {
        #expect(Normalizer.matchingKey(input) == key)
    }

    @Test func textAlreadyNormalizedIsReturnedUnchanged() {
        let text = "众所周知，每次当马云马老师这边传出来什么消息。"
        #expect(Normalizer.normalize(text, to: .nfc) == text)
        #expect(Normalizer.isNormalized(text, form: .nfc))
        // Full-width punctuation is not NFKC: "，" becomes ",". Keys fold it; text never does.
        #expect(!Normalizer.isNormalized(text, form: .nfkc))
    }
}
