import Testing
@testable import TandemKit

/// A helper's finding on a real site: cmark-gfm places a table row's cells as if the row began at
/// the header's column. A row indented less than the header (` 张三 | 23` under a header indented
/// three spaces, or a row in a block quote with no space after `>`) was placed late: its cell
/// became `\u{FFFD}三`, and a build wrote part of it twice. The parser moves each row by its own
/// difference (`ContinuationLineColumns`).
@Suite("Table rows indented unlike their header")
struct TableRowIndentationTests {
    /// A source, and the bytes each of its text nodes must cover, in order.
    struct Case: CustomTestStringConvertible, Sendable {
        let source: String
        let texts: [String]
        var testDescription: String { source.debugDescription }
    }

    static let cases: [Case] = [
        Case(source: "   姓名 | 年龄\n   --- | ---\n 张三  | 二十三\n李四|二十四\n", texts: ["姓名", "年龄", "张三", "二十三", "李四", "二十四"]),
        Case(source: "> 甲 | 乙\n> -|-\n>  丙 | 丁\n>戊|己\n", texts: ["甲", "乙", "丙", "丁", "戊", "己"]),
        Case(source: "  | 甲 | 乙 |\n  |---|---|\n| 丙 | **丁** |\n", texts: ["甲", "乙", "丙", "丁"]),
        Case(source: "- 项目\n\n  甲 | 乙\n  -|-\n    丙 | 丁\n", texts: ["项目", "甲", "乙", "丙", "丁"]),
        // A byte order mark before the header: cmark's columns on the first line start after it.
        Case(source: "\u{FEFF}甲|乙\n-|-\n 丙|丁\n", texts: ["甲", "乙", "丙", "丁"]),
    ]

    @Test(arguments: cases)
    func everyCellCoversItsOwnBytes(_ example: Case) throws {
        #expect(try MarkdownPositionCheck.texts(of: [.text], in: example.source) == example.texts)
    }

    @Test(arguments: cases)
    func anIdentityBuildIsByteExact(_ example: Case) throws {
        #expect(try MarkdownPositionCheck.segments(example.source).1.map { CodedText($0.text).plainText } == example.texts)
        #expect(try MarkdownPositionCheck.build(example.source) == example.source)
    }

    /// Real translations land in their own cells.
    @Test func translatedCellsReplaceTheirSources() throws {
        let english = ["姓名": "Name", "年龄": "Age", "张三": "Zhang San", "李四": "Li Si"]
        #expect(try MarkdownPositionCheck.build("   姓名 | 年龄\n   --- | ---\n 张三  | 23\n李四|24\n", targets: english, language: "en")
            == "   Name | Age\n   --- | ---\n Zhang San  | 23\nLi Si|24\n")
    }
}
