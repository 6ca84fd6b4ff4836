import Foundation
import Testing
import TandemKit
import TandemTestSupport

/// The seed article cut as a translator would cut it. Reads `../shared/corpus` in place.
@Suite("Segmenting the seed article", .enabled(if: SharedCorpus.isAvailable, Comment(rawValue: SharedCorpus.absentMessage)))
struct CorpusSegmentationTests {
    static func seedSentences() throws -> [String] {
        let bytes = try TextFile.readBytes(SharedCorpus.seedPost)
        let body = FrontMatterBlock.locate(in: bytes).map { Array(bytes[$0.range.upperBound...]) } ?? bytes
        let segmenter = try SentenceSegmenter(locale: LocaleTag("zh-CN")!)
        return segmenter.sentences(in: String(decoding: body, as: UTF8.self)).map(\.text)
    }

    @Test func openingSentenceIsOneSegment() throws {
        let sentences = try Self.seedSentences()
        let opening = try #require(sentences.first { $0.hasPrefix("众所周知，") })
        #expect(opening.hasSuffix("掀起一阵波澜。"))
    }

    @Test func boldSentenceKeepsItsMarkersInOneSegment() throws {
        let sentences = try Self.seedSentences()
        let bold = try #require(sentences.first { $0.hasPrefix("果不其然，**外媒") })
        #expect(bold.hasSuffix("确认了这个消息。**"))
    }

    @Test func quotedSentenceStaysWhole() throws {
        let sentences = try Self.seedSentences()
        let quote = try #require(sentences.first { $0.hasPrefix("“ 从资本支出的角度来看，") })
        #expect(quote.hasSuffix("发挥作用。 ”"))
    }

    @Test func noSegmentStartsWithAClosingMark() throws {
        for sentence in try Self.seedSentences() {
            #expect(!["”", "」", "）", "》"].contains { sentence.hasPrefix($0) }, "\(sentence)")
        }
    }

    @Test func everyBoldMarkerIsClosedInTheSegmentThatOpensIt() throws {
        for sentence in try Self.seedSentences() {
            #expect(sentence.components(separatedBy: "**").count % 2 == 1, "\(sentence)")
        }
    }

    @Test func noSegmentEndsInsideADecimal() throws {
        for sentence in try Self.seedSentences() {
            #expect(sentence.range(of: #"[0-9]\.$"#, options: .regularExpression) == nil, "\(sentence)")
        }
    }

    @Test(arguments: SharedCorpus.allPosts)
    func everyCorpusPostSegmentsWithoutLosingText(_ post: URL) throws {
        let text = try TextFile.readUTF8(post)
        let segmenter = try SentenceSegmenter(locale: LocaleTag("zh-CN")!)
        let sentences = segmenter.sentences(in: text)
        // Everything that is not white space between the sentences is inside one of them.
        let covered = sentences.map(\.text).joined().filter { !$0.isWhitespace }
        #expect(covered == text.filter { !$0.isWhitespace })
    }
}
