import Testing
@testable import TandemKit

/// Traditional Chinese folds to Simplified for matching (ICU's Hant-Hans, one character for
/// one), and a text's script is told by the characters only one script uses.
@Suite("Chinese script folding")
struct ChineseScriptFoldingTests {
    /// Traditional, then the Simplified it folds to.
    static let folds: [(String, String)] = [
        ("蘋果", "苹果"),
        ("千問", "千问"),
        ("英偉達", "英伟达"),
        ("亞馬遜", "亚马逊"),
        ("吳泳銘", "吴泳铭"),
        ("臺灣的電動車銷量創新高。", "台湾的电动车销量创新高。"),
        ("這家公司說，明年會擴大投資。", "这家公司说，明年会扩大投资。"),
    ]

    @Test(arguments: folds)
    func traditionalFoldsToSimplified(_ traditional: String, _ simplified: String) {
        #expect(Normalizer.simplifyingChinese(traditional) == simplified)
        #expect(Normalizer.simplifyingChinese(simplified) == simplified)
        // One character for one, in bytes too: offsets into the original stay right.
        #expect(Normalizer.simplifyingChinese(traditional).utf8.count == traditional.utf8.count)
    }

    /// Own sentences without 著 (which the transform folds by context) and without 「」 (which
    /// it turns into “”; only Han characters fold).
    @Test(arguments: folds)
    func theTableFoldsAsICUsTransformOverTheWholeText(_ traditional: String, _ simplified: String) throws {
        let transformed = try #require(HanVariantTable.transform(traditional, id: "Hant-Hans"))
        #expect(Normalizer.simplifyingChinese(traditional) == transformed)
    }

    @Test func textWithoutHanComesBackAsItIs() {
        for text in ["", "Apple Intelligence", "价格：¥1,999", "「引號」不變", "😀 emoji 𠀀"] {
            #expect(Normalizer.simplifyingChinese(text) == Normalizer.simplifyingChinese(Normalizer.simplifyingChinese(text)))
        }
        #expect(Normalizer.simplifyingChinese("「引號」") == "「引号」")  // punctuation is not folded, only Han
    }

    @Test func theMemoryKeyIsOneForBothScripts() {
        #expect(Normalizer.memoryKey("蘋果發布了新款  ＩＰＨＯＮＥ。") == Normalizer.memoryKey("苹果发布了新款 iPhone。"))
        // Segment ids keep the script: an existing Traditional segment file keeps its ids.
        #expect(Normalizer.matchingKey("蘋果") != Normalizer.matchingKey("苹果"))
    }

    /// A sentence, the script it is in (nil: no character of one script only).
    static let scripts: [(String, ChineseScript?)] = [
        ("苹果公司今天发布了新的财报。", .simplified),
        ("蘋果公司今天發布了新的財報。", .traditional),
        ("這是香港記者會上的說法。", .traditional),
        ("这是北京发布会上的说法。", .simplified),
        ("他在台北工作。", nil),                       // no character of one script only
        ("Apple released the iPhone.", nil),
        ("記者說，苹果发布的新手机很受欢迎。", .simplified),  // majority wins
        // Japanese is neither (a theme's Japanese sample post was reported as Traditional):
        // its kanji 気, 說-like forms would count for one script, its kana outnumber them.
        ("東京の天気は晴れですが、明日は雨が降るでしょう。電車も遅れるかもしれません。", nil),
        ("會議の後で、彼は說明書を讀みました。", nil),
        // A Japanese shop name in Chinese copy does not make the text Japanese.
        ("我们去了一风堂の新店，价格为三十元。", .simplified),
    ]

    @Test(arguments: scripts)
    func aTextsScriptIsTheScriptOfMostOfItsScriptSpecificCharacters(_ text: String, _ script: ChineseScript?) {
        #expect(ScriptCount(of: text).script == script)
    }

    @Test func countsAdd() {
        let total = ScriptCount(of: "蘋果") + ScriptCount(of: "苹果公司")
        #expect(total == ScriptCount(traditional: 1, simplified: 1))
        #expect(total.script == nil)
        #expect(ScriptCount(of: "の") + ScriptCount(of: "ス") == ScriptCount(kana: 2))
    }
}
