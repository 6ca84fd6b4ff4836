import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

/// The cheap pre-checks in front of the sentence rules (`SentenceBreakPatterns.mayBeSuppressed`,
/// `InterfaceTextMatcher.mayMatchAtEdges`) only ever skip work: where a pre-check says "no",
/// the rules behind it say "no" too. Checked at every offset of real text, and on table rows
/// where the deciding character sits past spaces, tabs or a word joiner, or is a Traditional
/// variant of the listed one.
@Suite("Sentence segmentation, pre-checks in front of the rules")
struct SegmentationPrecheckTests {
    /// Rows whose cut depends on a byte the pre-checks look past or fold: each rule after spaces
    /// and tabs, interface strings behind white space and word joiners, Traditional first and
    /// last characters (點, 顯, 圖).
    static let rows: [SegmentationCase] = [
        .init(name: "abbreviation, then spaces and a tab", input: "他加入了Apple Inc. \t公司的团队。", expected: ["他加入了Apple Inc. \t公司的团队。"]),
        .init(name: "initial, then two spaces", input: "分析师J.  P. Morgan发布了报告。", expected: ["分析师J.  P. Morgan发布了报告。"]),
        .init(name: "ellipsis, then a space", input: "风景清爽... 难以数计。", expected: ["风景清爽... 难以数计。"]),
        .init(name: "list number, then a tab", input: "1.\t第一项内容。", expected: ["1.\t第一项内容。"]),
        .init(name: "decimal after a full-width stop", input: "增长了3．5个百分点。", expected: ["增长了3．5个百分点。"]),
        .init(name: "ticker", input: "美团(03690.HK)股价上涨。", expected: ["美团(03690.HK)股价上涨。"]),
        .init(name: "name dot", input: "穆吉塔巴．哈米尼发表讲话。", expected: ["穆吉塔巴．哈米尼发表讲话。"]),
        .init(name: "attribution after a closing quote and a space", input: "“我们会继续努力。” 他说。", expected: ["“我们会继续努力。” 他说。"]),
        .init(name: "a title in 《》 ending in ！, then a space", input: "他读了《再见！》 这本书。", expected: ["他读了《再见！》 这本书。"]),
        .init(name: "a plain full stop still cuts", input: "今天下雨了。明天是晴天。", expected: ["今天下雨了。", "明天是晴天。"]),
        .init(name: "interface string after an ideographic space", input: "　顯示原圖某議員在會上發言。", expected: ["顯示原圖", "某議員在會上發言。"]),
        .init(name: "interface string before a no-break space", input: "市長在開幕式上致辭放大圖片\u{A0}", expected: ["市長在開幕式上致辭", "放大圖片"]),
        .init(name: "interface string between word joiners", input: "\u{2060}點擊查看大圖\u{2060}新館大門外的人群。",
              expected: ["\u{2060}點擊查看大圖\u{2060}", "新館大門外的人群。"]),
        .init(name: "Traditional first character of the longest string", input: "新館大門外點擊查看大圖", expected: ["新館大門外", "點擊查看大圖"]),
    ]

    @Test(arguments: rows)
    func cutsPastWhatThePreChecksSkip(_ row: SegmentationCase) throws {
        #expect(try row.segmented(as: "zh-CN") == row.expected)
    }

    /// The gold standard's paragraphs, the table rows, and every interface string glued to prose
    /// in both scripts.
    static func texts() throws -> [String] {
        let gold = try SegmentationGoldStandard.files.flatMap { try SegmentationGoldStandard(name: $0.name, locale: $0.locale).paragraphs.map(\.text) }
        let strings = LocaleRules.builtIn(for: LocaleTag("zh-CN")!).sentences.interfaceText
        let glued = strings.flatMap { string in
            let traditional = HanVariantTable.transform(string, id: "Hans-Hant") ?? string
            return [string, traditional].flatMap { ["工人在检查设备\($0)", "\($0)工人在检查设备。", " \($0)。"] }
        }
        return gold + rows.map(\.input) + glued
    }

    @Test func noSuppressionRuleHoldsWhereThePreCheckSaysNo() throws {
        let patterns = SentenceBreakPatterns(LocaleRules.builtIn(for: LocaleTag("zh-CN")!).sentences)
        var suppressed = 0
        for text in try Self.texts() {
            var bytesOfText = text
            bytesOfText.withUTF8 { bytes in
                for offset in 0...bytes.count where patterns.isSuppressedByAnyRule(offset, in: bytes) {
                    suppressed += 1
                    #expect(patterns.mayBeSuppressed(offset, in: bytes), "offset \(offset) of \(text)")
                }
            }
        }
        // Not vacuous: the texts hold many suppressed offsets.
        #expect(suppressed > 100)
    }

    @Test func noInterfaceStringStartsOrEndsASentenceThePreCheckPassesOver() throws {
        let matcher = InterfaceTextMatcher(LocaleRules.builtIn(for: LocaleTag("zh-CN")!).sentences.interfaceText)
        var matched = 0
        for text in try Self.texts() {
            var bytesOfText = text
            bytesOfText.withUTF8 { bytes in
                // Every range between character starts, up to 24 characters long.
                let starts = (0...bytes.count).filter { $0 == bytes.count || bytes[$0] & 0xC0 != 0x80 }
                for (index, lower) in starts.enumerated() {
                    for upper in starts[(index + 1)...].prefix(24) {
                        let found = matcher.matchEnd(startingAt: lower, limit: upper, in: bytes) != nil
                            || matcher.matchStart(endingAt: upper, limit: lower, in: bytes) != nil
                        guard found else { continue }
                        matched += 1
                        #expect(matcher.mayMatchAtEdges(of: lower..<upper, in: bytes), "\(lower)..<\(upper) of \(text)")
                    }
                }
            }
        }
        #expect(matched > 50)
    }
}
