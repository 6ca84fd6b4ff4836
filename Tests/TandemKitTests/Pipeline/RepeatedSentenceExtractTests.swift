import Foundation
import Testing
import TandemKit
import TandemTestSupport

/// A repeated sentence through `extract` and `stats`: translated once, passed on to its
/// repeats, counted as repetitions.
@Suite("Repeated sentences in extract and stats")
struct RepeatedSentenceExtractTests {
    @Test func aCaptionTranslatedOnceReachesEveryRepeatAndTheRestAreRepetitions() throws {
        let temporary = try TemporaryProject()
        defer { temporary.remove() }
        let post = try temporary.write(
            "![图片](a.png)\n\n第一段讲公司。\n\n![图片](b.png)\n\n第二段讲产品。\n\n![图片](c.png)\n", to: "content/posts/a.md")
        let project = try Project.open(configFile: temporary.configFile)
        let extractor = try Extractor(project: project)
        _ = try extractor.extract(post)
        let url = try project.segmentFile(for: post, locale: LocaleTag("en")!)
        var file = try #require(try SegmentFileStore.read(url))
        file.segments[0].target = "Picture"
        file.segments[0].state = .translated
        file.segments[0].origin = .human
        try SegmentFileStore.write(file, to: url)
        _ = try extractor.extract(post)
        let extracted = try #require(try SegmentFileStore.read(url))
        #expect(extracted.segments.map(\.target) == ["Picture", nil, "Picture", nil, "Picture"])
        let statistics = try TranslationStatistics(project: project, memory: nil).statistics(of: [post], locales: [LocaleTag("en")!])
        #expect(statistics.first?.total.volume(in: .repetition).segments == 2)
    }
}
