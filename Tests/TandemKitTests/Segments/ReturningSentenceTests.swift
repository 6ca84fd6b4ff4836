import Foundation
import Testing
import TandemKit
import TandemTestSupport

/// A sentence deleted from a post and later restored, through `Extractor` as `tandem extract`
/// runs it: its reviewed translation comes back from `obsolete`, with or without a memory.
@Suite("A returning sentence")
struct ReturningSentenceTests {
    /// Extracts `post` (`ReviewedPost.both`), has a person translate and review it, and returns
    /// the reviewed file.
    static func translate(_ post: URL, in project: Project, with extractor: Extractor) throws -> SegmentFile {
        _ = try extractor.extract(post)
        let url = try project.segmentFile(for: post, locale: LocaleTag("en")!)
        var file = try #require(try SegmentFileStore.read(url))
        ReviewedPost.review(&file)
        try SegmentFileStore.write(file, to: url)
        return file
    }

    @Test(arguments: [false, true])
    func aDeletedReviewedSentenceComesBackReviewed(withMemory: Bool) throws {
        let temporary = try TemporaryProject()
        defer { temporary.remove() }
        let post = try temporary.write(ReviewedPost.both, to: "content/posts/returning.md")
        let project = try Project.open(configFile: temporary.configFile)
        let extractor = try Extractor(project: project, memory: withMemory ? try project.openMemory() : nil)
        let reviewed = try Self.translate(post, in: project, with: extractor)
        let url = try project.segmentFile(for: post, locale: LocaleTag("en")!)

        try temporary.write(ReviewedPost.firstOnly, to: "content/posts/returning.md")
        #expect(try extractor.extract(post).first?.changes == SegmentMerger.Report(unchanged: 1, obsoleted: 1))
        #expect(try SegmentFileStore.read(url)?.obsolete?.map(\.target) == ["The second sentence."])

        try temporary.write(ReviewedPost.both, to: "content/posts/returning.md")
        #expect(try extractor.extract(post).first?.changes == SegmentMerger.Report(unchanged: 1, restored: 1))
        let restored = try #require(try SegmentFileStore.read(url))
        #expect(restored.segments == reviewed.segments)
        #expect(restored.segments[1].state == .reviewed)
        #expect(restored.segments[1].origin == .human)
        #expect(restored.obsolete == nil)
    }
}

extension ReturningSentenceTests {
    @Test func aRebuiltMemoryStillOffersTheTranslationOfADeletedSentence() throws {
        let temporary = try TemporaryProject()
        defer { temporary.remove() }
        let post = try temporary.write(ReviewedPost.both, to: "content/posts/returning.md")
        let project = try Project.open(configFile: temporary.configFile)
        let extractor = try Extractor(project: project)
        _ = try Self.translate(post, in: project, with: extractor)
        try temporary.write(ReviewedPost.firstOnly, to: "content/posts/returning.md")
        _ = try extractor.extract(post)

        let memory = try project.openMemory()
        let summary = try MemoryRebuild(projectRoot: project.root).run(into: memory)
        #expect(summary.segmentUnits == 2)
        let query = MemoryQuery(source: "第二句话。", sourceLocale: LocaleTag("zh-CN")!, targetLocale: LocaleTag("en")!)
        let match = try #require(try memory.exactMatches(for: query).first)
        #expect(match.unit.target == "The second sentence.")
        #expect(match.unit.state == .reviewed)
        let deleted = try #require(try SegmentFileStore.read(project.segmentFile(for: post, locale: LocaleTag("en")!))?.obsolete?.first)
        #expect(match.unit.originDescription == "locales/en/posts/returning.json#\(deleted.id)")
    }
}
