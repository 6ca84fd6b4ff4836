import Foundation
import Testing
import TandemKit
import TandemTestSupport

/// Principle 2: identity translation reproduces every source file byte for byte.
@Suite("Identity round trip of the corpus", .enabled(if: SharedCorpus.isAvailable, Comment(rawValue: SharedCorpus.absentMessage)))
struct IdentityRoundTripTests {
    @Test(arguments: SharedCorpus.allPosts)
    func identityTranslationIsByteIdentical(_ post: URL) throws {
        let bytes = try TextFile.readBytes(post)
        let document = try HugoDocument(bytes: bytes, path: post.path)
        let segments = DocumentSegmenter(segmenter: try SentenceSegmenter(locale: LocaleTag("zh-CN")!)).segments(of: document)
        #expect(!segments.isEmpty)
        let targets = Dictionary(segments.map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first })
        let built = try DocumentBuilder(document: document, segments: segments)
            .build(targets: targets, fallbackToSource: false, language: nil, translations: nil)
        let difference = zip(built, bytes).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? (built.count == bytes.count ? nil : min(built.count, bytes.count))
        #expect(difference == nil, "first difference at byte \(difference ?? 0): \(String(decoding: built[max(0, (difference ?? 0) - 40)..<min(built.count, (difference ?? 0) + 40)], as: UTF8.self))")
    }
}
