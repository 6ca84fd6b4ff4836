import Testing
@_spi(Benchmarks) import TandemKit
import TandemTestSupport

/// `SentenceSegmenter.sentences(in:normalizedAs:into:)`: the same sentences as
/// `sentences(in:)`, and keys equal, unit for unit, to `Normalizer.normalize` of each sentence.
@Suite("Sentences with normalized keys")
struct NormalizedSentencesTests {
    static let forms: [NormalizationForm] = [.nfc, .nfkc]

    /// Checks every sentence and key of `text` against the general API.
    static func expectAgreement(_ text: String, segmenter: SentenceSegmenter, into result: inout NormalizedSentences,
                                sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        segmenter.sentences(in: text, normalizedAs: forms, into: &result)
        let expected = segmenter.sentences(in: text)
        #expect(result.count == expected.count, "\(text.unicodeScalars.map { String($0.value, radix: 16) })", sourceLocation: sourceLocation)
        for (index, sentence) in expected.enumerated() where index < result.count {
            #expect(result.range(at: index) == sentence.range, sourceLocation: sourceLocation)
            #expect(String(result.sentence(at: index)) == sentence.text, sourceLocation: sourceLocation)
            for form in forms {
                let key = Array(result.key(at: index, form: form).utf16)
                let reference = Array(Normalizer.normalize(sentence.text, to: form).utf16)
                #expect(key == reference, "\(form) of \(sentence.text.unicodeScalars.map { String($0.value, radix: 16) })",
                        sourceLocation: sourceLocation)
            }
        }
    }

    @Test(arguments: [
        // Full-width punctuation and Latin fold under NFKC only.
        ("众所周知，“ＡＩ”大模型（2024）来了。第二句！", ["众所周知，“ＡＩ”大模型（2024）来了。", "第二句！"],
         ["众所周知,“AI”大模型(2024)来了。", "第二句!"]),
        // U+F9D1 changes even under NFC; the source text keeps it.
        ("\u{F9D1}个月。", ["\u{516D}个月。"], ["\u{516D}个月。"]),
        // A full-width letter followed by a combining mark composes under NFKC (Ｅ + ́ = É).
        ("Ｅ\u{301}是字母。", ["Ｅ\u{301}是字母。"], ["\u{C9}是字母。"]),
        // A mark composing with the character before it, and a supplementary compatibility ideograph.
        ("か\u{3099}と\u{2F800}。", ["\u{304C}と\u{4E3D}。"], ["\u{304C}と\u{4E3D}。"]),
    ] as [(String, [String], [String])])
    func keys(_ text: String, _ nfc: [String], _ nfkc: [String]) throws {
        let segmenter = try SentenceSegmenter(locale: LocaleTag("zh-CN")!)
        let result = segmenter.sentences(in: text, normalizedAs: Self.forms)
        #expect((0..<result.count).map { Array(result.key(at: $0, form: .nfc).utf16) } == nfc.map { Array($0.utf16) })
        #expect((0..<result.count).map { Array(result.key(at: $0, form: .nfkc).utf16) } == nfkc.map { Array($0.utf16) })
    }

    @Test func reusedValueHoldsOnlyTheLatestText() throws {
        let segmenter = try SentenceSegmenter(locale: LocaleTag("zh-CN")!)
        var result = NormalizedSentences()
        segmenter.sentences(in: "第一段，很长的一句话。第二句。第三句。", normalizedAs: Self.forms, into: &result)
        #expect(result.count == 3)
        let copy = result
        segmenter.sentences(in: "  短句！ ", normalizedAs: Self.forms, into: &result)
        // A copy is a value: refilling the original leaves it as it was.
        #expect(copy.count == 3)
        #expect(copy.key(at: 0, form: .nfkc) == "第一段,很长的一句话。")
        #expect(result.count == 1)
        #expect(result.sentence(at: 0) == "短句！")
        #expect(result.range(at: 0) == 2..<11)
        #expect(result.key(at: 0, form: .nfkc) == "短句!")
        segmenter.sentences(in: "", normalizedAs: Self.forms, into: &result)
        #expect(result.count == 0)
    }

    @Test func joinedLinesKeepTheLineBreakInTheKey() throws {
        let segmenter = try SentenceSegmenter(locale: LocaleTag("zh-CN")!)
        let result = segmenter.sentences(in: "被折成了\n两行。第二句。", normalizedAs: Self.forms, joiningLines: true)
        #expect(result.count == 2)
        #expect(result.key(at: 0, form: .nfc) == "被折成了\n两行。")
    }

    /// Every BMP character, in sentences where it meets stable characters, full-width
    /// punctuation, combining marks and itself: each key agrees with `Normalizer.normalize`.
    @Test func everyBMPCharacterAgreesWithTheGeneralNormalizer() throws {
        let segmenter = try SentenceSegmenter(locale: LocaleTag("zh-CN")!)
        var result = NormalizedSentences()
        let scalars = (0x20...0xFFFD).compactMap(Unicode.Scalar.init).filter { $0.value != 0x85 && $0.value != 0x2028 && $0.value != 0x2029 }
        var index = 0
        while index < scalars.count {
            var text = ""
            for scalar in scalars[index..<min(index + 48, scalars.count)] {
                let c = String(scalar)
                text += "字" + c + "，" + c + c + "\u{301}" + "Ａ" + c + "\u{3099}" + c
            }
            text += "。"
            Self.expectAgreement(text, segmenter: segmenter, into: &result)
            index += 48
        }
    }

    /// Text already in NFC comes back unit for unit as Swift itself decodes it: checks the
    /// shim's UTF-8 decoder (scalar and five-characters-at-once paths) against the standard library.
    @Test func nfcStableTextDecodesExactlyAsSwiftDoes() throws {
        let segmenter = try SentenceSegmenter(locale: LocaleTag("zh-CN")!)
        var result = NormalizedSentences()
        let pieces = ["a", "Debian 12 ", "é", "中", "文字符测试", "一二三四五六七八九十百千万", "ü", "𠀀", "—", "☃", "ÿ", "中文", "𝔸"]
        var state: UInt64 = 0x2545F4914F6CDD1D
        for _ in 0..<400 {
            var text = "字"
            for _ in 0..<24 {
                state ^= state << 13; state ^= state >> 7; state ^= state << 17
                text += pieces[Int(state % UInt64(pieces.count))]
            }
            text += "字"
            segmenter.sentences(in: text, normalizedAs: [.nfc], into: &result)
            #expect(result.count == 1)
            #expect(Array(result.key(at: 0, form: .nfc).utf16) == Array(text.utf16), "\(text)")
        }
    }

    /// Random mixes of what the two-form pass takes eight units at a time (ASCII, ideographs) with
    /// what it maps one by one (punctuation, box drawing, full-width ASCII) or leaves to ICU
    /// (combining marks after a full-width character, U+3000, compatibility characters), at every
    /// offset within and across blocks and at sentence ends: each key agrees with
    /// `Normalizer.normalize`, and keys equal to their sentence are read from the text's UTF-16.
    @Test func blockBoundariesAgreeWithTheGeneralNormalizer() throws {
        let segmenter = try SentenceSegmenter(locale: LocaleTag("zh-CN")!)
        var result = NormalizedSentences()
        let pieces = ["字", "a", " ", "─", "│", "、", "《", "》", "「", "“", "”", "，", "Ａ", "（", "）", "\u{301}", "\u{3099}",
                      "\u{3000}", "…", "①", "\u{F9D1}", "\u{2FFF}", "\u{3029}", "\u{302A}", "\u{FF5E}", "\u{FF5F}", "é"]
        var state: UInt64 = 0x9E3779B97F4A7C15
        for _ in 0..<3000 {
            var text = ""
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            let count = 1 + Int(state % 40)
            for _ in 0..<count {
                state ^= state << 13; state ^= state >> 7; state ^= state << 17
                text += pieces[Int(state % UInt64(pieces.count))]
            }
            text += state % 2 == 0 ? "。" : "。第二句，Ｂ\u{301}。"
            Self.expectAgreement(text, segmenter: segmenter, into: &result)
        }
    }

    @Test(.enabled(if: SharedCorpus.isAvailable, Comment(rawValue: SharedCorpus.absentMessage)))
    func seedArticleAgreesWithTheGeneralNormalizer() throws {
        let segmenter = try SentenceSegmenter(locale: LocaleTag("zh-CN")!)
        var result = NormalizedSentences()
        let text = String(decoding: try TextFile.readBytes(SharedCorpus.seedPost), as: UTF8.self)
        for paragraph in text.split(separator: "\n\n") {
            Self.expectAgreement(String(paragraph), segmenter: segmenter, into: &result)
        }
    }

    // Misuse traps rather than reading outside the buffers (exit tests run in a child process).

    @Test func aSentenceIndexPastTheEndTraps() async {
        await #expect(processExitsWith: .failure) { _ = NormalizedSentences().range(at: 0) }
    }

    @Test func aNegativeSentenceIndexTraps() async {
        await #expect(processExitsWith: .failure) {
            let segmenter = try SentenceSegmenter(locale: LocaleTag("zh-CN")!)
            _ = segmenter.sentences(in: "第一句。第二句。", normalizedAs: [.nfc]).range(at: -1)
        }
    }

    @Test func aKeyPastTheLastSentenceTraps() async {
        await #expect(processExitsWith: .failure) {
            let segmenter = try SentenceSegmenter(locale: LocaleTag("zh-CN")!)
            let sentences = segmenter.sentences(in: "第一句。第二句。", normalizedAs: [.nfc])
            _ = sentences.key(at: sentences.count, form: .nfc)
        }
    }

    @Test func aKeyInAFormThatWasNotAskedForTraps() async {
        await #expect(processExitsWith: .failure) {
            let segmenter = try SentenceSegmenter(locale: LocaleTag("zh-CN")!)
            _ = segmenter.sentences(in: "第一句。", normalizedAs: [.nfc]).key(at: 0, form: .nfkcCasefold)
        }
    }
}
