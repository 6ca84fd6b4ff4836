import Foundation
import Testing
@testable import TandemKit
@testable import tandem

/// `extract --json` writes its report by hand for speed; it must be `JSONText`'s bytes.
@Suite("extract --json report")
struct ExtractReportJSONTests {
    static func result(post: String, leverage: Bool, script: ChineseScript?, skipped: Bool) -> ExtractResult {
        var summary = LeverageSummary()
        summary.inContext = 1
        summary.exact = 22
        summary.fuzzy = 333
        summary.none = 0
        let untranslated = [
            UntranslatedText(line: 3, column: 9, text: "张三", place: .frontMatter, name: "author"),
            UntranslatedText(line: 12, column: 1, text: "现在\"开始\"", place: .html),
        ]
        return ExtractResult(
            post: post, locale: "zh-Hant-TW", segmentFile: "locales/zh-Hant-TW/" + post, segments: 46, translated: 2, copied: 7,
            changes: SegmentMerger.Report(unchanged: 40, restored: 1, added: 2, edited: 3, obsoleted: 4),
            leverage: leverage ? summary : nil, written: !skipped, script: script,
            lacksSourceText: script == nil && !skipped ? true : nil, untranslatedText: leverage && !skipped ? untranslated : nil,
            skipped: skipped)
    }

    @Test(arguments: [
        "content/posts/0000.md", "content/posts/引号\"与\\反斜杠.md", "content/posts/tab\tnew\nline\u{1}.md",
        "content/posts/del\u{7F} sep\u{2028}.md", "content/posts/日本語/ページ.md", "",
    ])
    func theHandWrittenReportIsJSONTextsBytes(post: String) throws {
        let report = ExtractCommand.Report(
            results: [
                Self.result(post: post, leverage: true, script: .simplified, skipped: true),
                Self.result(post: post, leverage: false, script: nil, skipped: false),
                Self.result(post: "content/posts/b.md", leverage: true, script: .traditional, skipped: false),
            ],
            failures: [PostFailure(post: post, error: TandemError.invalidArgument("bad \"post\" \(post)"))],
            scripts: ["Hans": 1, "Hant": 1])
        #expect(try report.jsonText() == JSONText.string(report))
    }

    @Test func anEmptyOrFailureOnlyReportIsJSONTextsBytes() throws {
        let empty = ExtractCommand.Report(results: [], failures: [], scripts: nil)
        #expect(try empty.jsonText() == JSONText.string(empty))
        let one = ExtractCommand.Report(results: [Self.result(post: "a.md", leverage: false, script: nil, skipped: true)], failures: [], scripts: nil)
        #expect(try one.jsonText() == JSONText.string(one))
    }
}
