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
    ]

    @Test(arguments: cases)
    func reportsOnlyMissingNumbers(_ source: String, _ target: String, _ missing: [String]) {
        #expect(NumberCheck.missing(source: source, target: target).map(\.text) == missing)
    }
}
