import Foundation
import Testing
import TandemKit
import TandemTestSupport

/// A repeated sentence through `extract` and `stats`: translated once, passed on to its
/// repeats, counted as repetitions.
@Suite("Repeated sentences in extract and stats")
struct RepeatedSentenceExtractTests {
    /// What extract and stats make of `post` (zh-CN → en) when its segment `index` is
    /// translated by hand as `target`: the sources after the first extract, the targets after
    /// the second, and the segments `stats` counts as repetitions.
    static func translatingOnce(_ post: String, segment index: Int, as target: String) throws
        -> (sources: [String], targets: [String?], repetitions: Int?) {
        let temporary = try TemporaryProject()
        defer { temporary.remove() }
        let path = try temporary.write(post, to: "content/posts/a.md")
        let project = try Project.open(configFile: temporary.configFile)
        let extractor = try Extractor(project: project)
        _ = try extractor.extract(path)
        let url = try project.segmentFile(for: path, locale: LocaleTag("en")!)
        var file = try #require(try SegmentFileStore.read(url))
        let sources = file.segments.map(\.source)
        file.segments[index].target = target
        file.segments[index].state = .translated
        file.segments[index].origin = .human
        try SegmentFileStore.write(file, to: url)
        _ = try extractor.extract(path)
        let extracted = try #require(try SegmentFileStore.read(url))
        let statistics = try TranslationStatistics(project: project, memory: nil).statistics(of: [path], locales: [LocaleTag("en")!])
        return (sources, extracted.segments.map(\.target), statistics.first?.total.volume(in: .repetition).segments)
    }

    @Test func aCaptionTranslatedOnceReachesEveryRepeatAndTheRestAreRepetitions() throws {
        let result = try Self.translatingOnce(
            "![图片](a.png)\n\n第一段讲公司。\n\n![图片](b.png)\n\n第二段讲产品。\n\n![图片](c.png)\n", segment: 0, as: "Picture")
        #expect(result.targets == ["Picture", nil, "Picture", nil, "Picture"])
        #expect(result.repetitions == 2)
    }

    @Test func interfaceTextGluedToCaptionsIsTranslatedOnceAndCountedAsRepetitions() throws {
        let result = try Self.translatingOnce(
            "市长在开幕式上致辞放大图片\n\n工人在检查设备放大图片\n\n显示原图记者在现场采访放大图片\n", segment: 1, as: "Enlarge image")
        #expect(result.sources == ["市长在开幕式上致辞", "放大图片", "工人在检查设备", "放大图片", "显示原图", "记者在现场采访", "放大图片"])
        #expect(result.targets == [nil, "Enlarge image", nil, "Enlarge image", nil, nil, "Enlarge image"])
        #expect(result.repetitions == 2)
    }
}
