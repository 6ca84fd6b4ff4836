import Testing
@testable import TandemKit
import TandemTestSupport

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
        ("a\u{85}b\u{2028}c\u{1680}d", "a b c d"),
        ("\u{2029} 末尾 \u{3000}", "末尾"),
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

    // Swift's `==` calls canonically equivalent strings equal, so these compare bytes.

    @Test(arguments: [
        ("e\u{301}", NormalizationForm.nfc, "é"),
        ("é", NormalizationForm.nfd, "e\u{301}"),
        ("か\u{3099}", NormalizationForm.nfc, "が"),  // a mark composing with a stable character before it
        ("abce\u{301}", NormalizationForm.nfkc, "abcé"),
        ("\u{2F800}", NormalizationForm.nfc, "\u{4E3D}"),  // compatibility ideograph outside the BMP
        ("𠀀𠀁", NormalizationForm.nfkc, "𠀀𠀁"),
        ("，：（）", NormalizationForm.nfkc, ",:()"),
        ("\u{FDFA}", NormalizationForm.nfkc, "صلى الله عليه وسلم"),  // one character becomes 18
        ("全角ｶﾞ字", NormalizationForm.nfkc, "全角ガ字"),  // half-width kana and mark compose after a stable prefix
        ("中文，ＡＢ。", NormalizationForm.nfkc, "中文,AB。"),
    ])
    func normalizesByteForByte(_ input: String, _ form: NormalizationForm, _ expected: String) {
        #expect(Array(Normalizer.normalize(input, to: form).utf8) == Array(expected.utf8))
    }

    @Test func textThatGrowsPastTheFirstGuessIsRedoneWithTheRightSize() {
        let input = String(repeating: "\u{FDFA}", count: 40)
        let expected = String(repeating: "صلى الله عليه وسلم", count: 40)
        #expect(Array(Normalizer.normalize(input, to: .nfkc).utf8) == Array(expected.utf8))
    }

    @Test func longTextLeavesTheStackBuffers() {
        let input = String(repeating: "全角ＡＢＣ，", count: 400)
        let expected = String(repeating: "全角ABC,", count: 400)
        #expect(Array(Normalizer.normalize(input, to: .nfkc).utf8) == Array(expected.utf8))
        #expect(Normalizer.isNormalized(String(repeating: "中文。", count: 1000), form: .nfc))
    }

    @Test func isNormalizedComparesBytesNotCanonicalEquivalence() {
        #expect(!Normalizer.isNormalized("e\u{301}", form: .nfc))
        #expect(Normalizer.isNormalized("e\u{301}", form: .nfd))
    }

    /// ICU counts in 32 bits, and the shim refuses a text whose worst-case expansion would not
    /// fit: normalizing it traps rather than returning the text unnormalized (exit test, in a
    /// child process).
    @Test func aTextPastICUsLengthLimitTraps() async {
        await #expect(processExitsWith: .failure) {
            _ = Normalizer.normalize(String(repeating: "a", count: Int(Int32.max) / 18), to: .nfc)
        }
    }

    /// The copy-free path (nothing to collapse) gives what collapsing gives: every White_Space
    /// run one U+0020, none at the ends.
    @Test func collapsingWhiteSpaceEqualsSplittingOnWhiteSpace() {
        var random = SeededRandom(seed: 29)
        let pieces = ["a", "中", "文", "—", "é", " ", " ", "  ", "\t", "\n", "\u{3000}", "\u{A0}", "\u{2028}", "\u{85}", "\u{1680}", "\u{205F}", "x y"]
        for _ in 0..<3_000 {
            let count = Int.random(in: 0..<8, using: &random)
            let text = (0..<count).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &random)] }.joined()
            let expected = text.split(whereSeparator: { $0.unicodeScalars.allSatisfy(\.properties.isWhitespace) })
                .joined(separator: " ")
            #expect(Normalizer.collapsingWhiteSpace(text) == expected, "\(text.debugDescription)")
        }
    }
}
