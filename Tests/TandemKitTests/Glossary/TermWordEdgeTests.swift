import Foundation
import Testing
@testable import TandemKit

/// Where a Chinese term may begin and end: not inside a longer word (ICU's dictionary breaks,
/// the name dot, the entries' `notPrecededBy`/`notFollowedBy`), longest entries first.
@Suite("Term word edges")
struct TermWordEdgeTests {
    static let glossary = Result { try TermHitFixture().glossary }

    static func found(_ text: String, edgeRule: TermEdgeRule = .wordEdges) throws -> [String] {
        let matcher = GlossaryMatcher(glossary: try glossary.get(), edgeRule: edgeRule)
        let bytes = Array(text.utf8)
        return matcher.matches(in: text).map { String(decoding: bytes[$0.range], as: UTF8.self) }
    }

    /// A term inside a longer word is no hit.
    @Test(arguments: [
        ("台湾的阿里山风景很美", "阿里山: a mountain, a dictionary word holding the term"),
        ("将军阿里·阿卜杜拉希身亡", "a first name before a name dot"),
        ("拳王穆罕默德·阿里去世", "a last name: the entry's notPrecededBy ·"),
        ("早上喝一碗小米粥", "小米粥: millet porridge"),
        ("这种小米粒很饱满", "小|米粒: ICU knows 小米 and chose 米粒"),
        ("还需要三星期", "三星|期 to ICU: the entry's notFollowedBy 期"),
        ("一家三星级酒店", "notFollowedBy 级"),
        ("院子里的苹果树", "苹果|树 to ICU: notFollowedBy 树"),
        ("网站上的精美图片", "精美|图片 crosses both edges of 美图"),
        ("学校提高通过率", "提高|通过 crosses both edges of 高通"),
        ("上海南京东路步行街", "南京|东|路 to ICU, which lacks 东路: the entry's notPrecededBy 南"),
        ("数字被认为不吉利", "不|吉利 to ICU: notPrecededBy 不"),
        ("让人联想到上世纪", "联想到 is one dictionary word"),
        ("尼古拉·特斯拉的发明", "the inventor: notPrecededBy 尼古拉·"),
    ])
    func aTermInsideALongerWordIsNoHit(_ text: String, _ why: String) throws {
        #expect(try Self.found(text) == [], "\(why)")
    }

    /// Proper nouns ICU splits (英伟|达, 腾|讯) and known words at real edges are hits.
    @Test(arguments: [
        ("阿里巴巴的财报", ["阿里巴巴"]),
        ("阿里的财报", ["阿里"]),
        ("英伟达发布新芯片", ["英伟达"]),
        ("英伟达成为市值最高的公司", ["英伟达"]),     // 英伟|达成: one crossing word, an unknown name
        ("英伟达到明年", ["英伟达"]),                 // 英伟|达到
        ("腾讯控股", ["腾讯"]),
        ("苹果公司推出新品", ["苹果公司"]),
        ("苹果的新手机", ["苹果"]),
        ("小米手机", ["小米"]),
        ("三星电子", ["三星电子"]),
        ("在三星工作", ["三星"]),
        ("和美图一样", ["美图"]),                     // 和美|图: one crossing word
        ("埃隆·马斯克表示", ["马斯克"]),               // a last name after the dot
        ("中国证监会表示", ["证监会"]),
        ("“英伟达”和（腾讯）", ["英伟达", "腾讯"]),
        ("苹果、三星和小米", ["苹果", "三星", "小米"]),
        ("{1}阿里{/1}巴巴集团", ["阿里{/1}巴巴"]),     // paired placeholders stay transparent
    ])
    func namesAtWordEdgesAreHits(_ text: String, _ expected: [String]) throws {
        #expect(try Self.found(text) == expected)
    }

    /// Overlapping entries: leftmost-longest, and a refused longer term gives way to a shorter one.
    @Test(arguments: [
        ("阿里云的收入", ["阿里云"]),
        ("阿里雲的收入", ["阿里雲"]),
        ("香港证监会罚款", ["香港证监会"]),
        ("香港证监会与证监会签署备忘录", ["香港证监会", "证监会"]),
        ("美国证监会批准", ["美国证监会"]),
        ("京东方的面板", ["京东方"]),
        ("通义千问和千问", ["通义千问", "千问"]),
        ("三星电子和三星", ["三星电子", "三星"]),
    ])
    func longerEntriesWin(_ text: String, _ expected: [String]) throws {
        #expect(try Self.found(text) == expected)
    }

    /// Markup between a term and the word it belongs to does not hide the word.
    @Test func pairedPlaceholdersDoNotHideALongerWord() throws {
        #expect(try Self.found("{1}阿里{/1}山") == [])
        #expect(try Self.found("三星{1}期{/1}") == [])
    }

    /// Before the rule (`.anywhere`), the traps were hits: what the rule is for.
    @Test func anywhereMatchesInsideWords() throws {
        #expect(try Self.found("阿里山和小米粥", edgeRule: .anywhere) == ["阿里", "小米"])
        #expect(try Self.found("精美图片", edgeRule: .anywhere) == ["美图"])
    }

    /// Contexts are compared on folded text, right at the term's edge: case and width do not
    /// matter, and a context is one unit with what it stands next to.
    @Test func contextsCompareFoldedTextAtTheEdge() {
        let matcher = GlossaryMatcher(glossary: Glossary(entries: [
            GlossaryEntry(source: "三星", target: "Samsung", notPrecededBy: ["第"], notFollowedBy: ["期", "Ｇａｌａｘｙ"]),
        ]))
        #expect(matcher.matches(in: "三星期").isEmpty)
        #expect(matcher.matches(in: "第三星").isEmpty)
        #expect(matcher.matches(in: "三星galaxy手机").isEmpty)   // full-width context, any case
        #expect(matcher.matches(in: "三星，期待").count == 1)    // not right at the edge
    }
}
