import Foundation
import Testing
@testable import TandemKit

/// A control character in a post's own text goes through extract and build: the identity
/// translation gives the post back, while a translator adding one is still refused.
@Suite("Control characters in a post's text")
struct ControlCharacterBuildTests {
    static let post = Array("---\ntitle: \"标题\"\n---\n\n第一句。第二句\u{7}有响铃。\n".utf8)

    static func segments(_ document: HugoDocument) throws -> [ExtractedSegment] {
        DocumentSegmenter(segmenter: try SentenceSegmenter(locale: LocaleTag("zh-CN")!)).segments(of: document)
    }

    /// `MarkdownRoundTripFuzzer`'s first finding, minimised: build refused the identity
    /// translation ("the target holds control character U+0007") of a post extract accepted.
    @Test func identityTranslationOfASentenceHoldingABellIsTheSamePost() throws {
        let document = try HugoDocument(bytes: Self.post, path: "a.md")
        let segments = try Self.segments(document)
        let targets = Dictionary(segments.map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first })
        let built = try DocumentBuilder(document: document, segments: segments)
            .build(targets: targets, fallbackToSource: false, language: nil, translations: nil)
        #expect(built == Self.post)
    }

    @Test func aBellTheSourceDoesNotHoldIsRefused() throws {
        let document = try HugoDocument(bytes: Self.post, path: "a.md")
        let segments = try Self.segments(document)
        var targets = Dictionary(segments.map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first })
        let first = try #require(segments.first { !$0.text.unicodeScalars.contains("\u{7}") && !$0.text.contains("标题") })
        targets[first.id] = "First\u{7} sentence."
        #expect(throws: BuildProblem.self) {
            try DocumentBuilder(document: document, segments: segments)
                .build(targets: targets, fallbackToSource: false, language: nil, translations: nil)
        }
    }

    @Test func lintReportsOnlyTheControlCharactersTheSourceLacks() {
        #expect(TargetTextProblem.problems(in: "Ring\u{7}.", source: "响铃\u{7}。") == [])
        #expect(TargetTextProblem.problems(in: "Ring\u{1B}.", source: "响铃\u{7}。") == [.controlCharacter(0x1B, offset: 4)])
    }
}
