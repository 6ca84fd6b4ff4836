import Testing
@testable import TandemKit

/// Numbers must survive translation; Chinese units are converted, not compared as digits.
@Suite("NumberCheck")
struct NumberCheckTests {
    /// Source, target, and the source numbers reported missing.
    static let cases: [(String, String, [String])] = [
        ("总市值增加了超过 1600 亿港元", "market value rose by over HK$160 billion", []),
        ("约合人民币 1168 亿元", "about 116.8 billion yuan", []),
        ("投入 1 亿元", "invested 100 million yuan", []),
        ("3 万人", "30,000 people", []),
        ("3 万人", "30 thousand people", []),
        ("涨了 41.63%！", "rose 41.63%!", []),
        ("涨了 53.07%", "rose 53.07 percent", []),
        ("涨了 9% ，收盘仍涨 8.48%", "rose 9%, closing up 8.5%", ["8.48"]),
        ("截至 2024 年 9 月 30 日", "as of September 30, 2024", []),
        ("两个季度下降 2 次", "fell twice", ["2"]),
        ("下降 2 次", "fell two times", []),
        ("有 220 亿美元回购额度", "has $22 billion of buybacks left", []),
        ("有 220 亿美元回购额度", "has $2.2 billion of buybacks left", ["220"]),
        ("占位{1}文字{/1}有 5 个", "the {1}text{/1} has 5", []),
        ("ＡＢ１２３", "AB123", []),
        // A number glued to a Latin name is part of the name, spelt apart or not: its first
        // digit was skipped and the rest checked ('019', '0', '5' reported missing).
        ("GDC2019小记", "Notes from GDC 2019", []),
        ("Win10系统", "The Windows 10 system", []),
        ("iPhone15发布，售价5999元", "The iPhone 15 launch, at 5,999 yuan", []),
        ("iPhone15发布，售价5999元", "The iPhone 15 launch, at 5,000 yuan", ["5999"]),
        // A Japanese or Chinese target keeps the units (a helper's finding: 150万台 was refused
        // as "150 missing", exactly as the wrong 15万台 was).
        ("预计售出约150萬部。", "約150万台が売れる見込みだ。", []),
        ("预计售出约150萬部。", "約15万台が売れる見込みだ。", ["150"]),
        ("营收1928億元", "売上高は1928億元", []),
        ("营收1928億元", "营收1928亿元", []),
        ("售价2万9900元", "価格は2万9900元", []),
        ("装机100兆瓦", "出力100メガワット", []),
    ]

    @Test(arguments: cases)
    func reportsOnlyMissingNumbers(_ source: String, _ target: String, _ missing: [String]) {
        #expect(NumberCheck.missing(source: source, target: target).map(\.text) == missing)
    }

    /// Units in both scripts, full-width digits and 兆: Traditional text is not a missing number.
    static let bothScripts: [(String, String, [String])] = [
        ("这款手机卖出150万台", "the phone sold 1.5 million units", []),
        ("這款手機賣出150萬台", "the phone sold 1.5 million units", []),
        ("這款手機賣出１５０萬台", "the phone sold 1.5 million units", []),
        ("这款手机卖出１５０万台", "the phone sold 1,500,000 units", []),
        ("公司營收達3.2億美元", "revenue reached $320 million", []),
        ("公司营收达3.2亿美元", "revenue reached $320 million", []),
        ("公司營收達3.2億美元", "revenue reached $32 million", ["3.2"]),
        ("市值突破1兆元", "market value passed 1 trillion yuan", []),
        ("市值突破2.5萬億元", "market value passed 2.5 trillion yuan", []),
        ("市值突破2.5万亿元", "market value passed 2.5 trillion yuan", []),
        ("風場裝機容量100兆瓦", "the wind farm has 100 MW installed", []),
        ("資料中心用電1兆瓦時", "the data centre used 1 trillion watt-hours", ["1"]),
        ("訂單超過7千萬張", "orders topped 70 million", []),
    ]

    @Test(arguments: bothScripts)
    func readsUnitsInBothScriptsAndFullWidthDigits(_ source: String, _ target: String, _ missing: [String]) {
        #expect(NumberCheck.missing(source: source, target: target).map(\.text) == missing)
    }
}
