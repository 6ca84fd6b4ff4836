import Foundation
import Testing
@testable import TandemKit

/// A translation written into a GFM table cell: a `|` in it would end the cell (GFM splits a
/// row at every unescaped `|` before reading its inlines), and Hugo showed only the text before
/// it. The builder escapes it; the built table is read back by cmark-gfm.
@Suite("Table cells in a build")
struct TableCellBuildTests {
    static let post = "| 选项 | 说明 |\n|---|---|\n| `a` | 甲或乙。 |\n| `b` | 已转义{1}。 |\n"

    /// The text of each cell of `markdown`'s table, row by row, as cmark-gfm reads it.
    static func cells(_ markdown: [UInt8]) throws -> [[String]] {
        let root = try MarkdownParser.parse(markdown)
        var rows: [[String]] = []
        func walk(_ node: MarkdownNode) {
            if node.kind == .tableRow || node.kind == .tableHeader {
                rows.append(node.children.map { cell in cell.range.map { String(decoding: markdown[$0], as: UTF8.self) } ?? "" })
                return
            }
            node.children.forEach(walk)
        }
        walk(root)
        return rows
    }

    @Test func aPipeInACellsTranslationStaysInItsCell() throws {
        let document = try HugoDocument(bytes: Array(Self.post.utf8), path: "a.md")
        let segments = DocumentSegmenter(segmenter: try SentenceSegmenter(locale: LocaleTag("zh-CN")!)).segments(of: document)
        let english = ["选项": "Option", "说明": "Meaning", "甲或乙。": "A | B, or C.", "已转义{1/}。": "Escaped \\| already{1/}."]
        let targets = Dictionary(uniqueKeysWithValues: try segments.map { ($0.id, try #require(english[$0.text], "\($0.text)")) })
        let built = try DocumentBuilder(document: document, segments: segments)
            .build(targets: targets, fallbackToSource: false, language: nil, translations: nil)
        #expect(String(decoding: built, as: UTF8.self) == "| Option | Meaning |\n|---|---|\n| `a` | A \\| B, or C. |\n| `b` | Escaped \\| already{1}. |\n")
        #expect(try Self.cells(built).map(\.count) == [2, 2, 2])
        let cells = try Self.cells(built)
        #expect(cells[1][1].trimmingCharacters(in: .whitespaces) == "A \\| B, or C.", "\(cells)")
    }

    /// Outside a table a `|` is text, written as the translator wrote it.
    @Test func aPipeOutsideATableIsLeftAsItIs() throws {
        let document = try HugoDocument(bytes: Array("甲或乙。\n".utf8), path: "a.md")
        let segments = DocumentSegmenter(segmenter: try SentenceSegmenter(locale: LocaleTag("zh-CN")!)).segments(of: document)
        let built = try DocumentBuilder(document: document, segments: segments)
            .build(targets: [segments[0].id: "A | B."], fallbackToSource: false, language: nil, translations: nil)
        #expect(String(decoding: built, as: UTF8.self) == "A | B.\n")
    }
}
