import Foundation
import Testing
import TandemKit
import TandemTestSupport

/// Re-extracting after the post changed keeps what was translated.
@Suite("Segment file stability")
struct SegmentStabilityTests {
    static let original = """
        ---
        title: "稳定性测试"
        translations:
          - "zh-CN"
        ---

        第一段只有一句话。

        第二段的第一句。第二段的第二句会被修改。

        第三段会被移动到最前面。

        """

    static let edited = """
        ---
        title: "稳定性测试"
        translations:
          - "zh-CN"
        ---

        第三段会被移动到最前面。

        第一段只有一句话。

        这是新插入的一段。

        第二段的第一句。第二段的第二句已经被修改了。

        """

    @Test func insertMoveAndEditChangeOnlyTheEditedSentence() throws {
        let temporary = try TemporaryProject()
        defer { temporary.remove() }
        let post = try temporary.write(Self.original, to: "content/posts/stable.md")
        let project = try Project.open(configFile: temporary.configFile)
        let extractor = try Extractor(project: project)
        _ = try extractor.extract(post)
        let url = try project.segmentFile(for: post, locale: LocaleTag("en")!)
        var file = try #require(try SegmentFileStore.read(url))
        for index in file.segments.indices {
            file.segments[index].target = "EN: " + file.segments[index].source
            file.segments[index].state = .reviewed
            file.segments[index].origin = .human
        }
        try SegmentFileStore.write(file, to: url)
        let before = Dictionary(uniqueKeysWithValues: file.segments.map { ($0.source, $0) })

        try temporary.write(Self.edited, to: "content/posts/stable.md")
        let results = try extractor.extract(post)
        #expect(results.first?.changes == SegmentMerger.Report(unchanged: 4, added: 1, edited: 1, obsoleted: 0))
        let after = try #require(try SegmentFileStore.read(url))

        for segment in after.segments {
            if let old = before[segment.source] {
                // Unchanged sentences keep id, target and state, wherever they moved.
                #expect(segment.id == old.id)
                #expect(segment.target == old.target)
                #expect(segment.state == .reviewed)
            } else if segment.source == "第二段的第二句已经被修改了。" {
                #expect(segment.state == .fuzzy)
                #expect(segment.target == "EN: 第二段的第二句会被修改。")
                #expect(segment.previousSource == "第二段的第二句会被修改。")
                #expect(segment.origin == .previous)
            } else {
                #expect(segment.source == "这是新插入的一段。")
                #expect(segment.state == .new)
                #expect(segment.target == nil)
            }
        }
        // The edited sentence's old text and reviewed translation stay in the file as well.
        #expect(after.obsolete?.map(\.source) == ["第二段的第二句会被修改。"])
        #expect(after.obsolete?.first?.state == .reviewed)
    }

    @Test func aDeletedTranslatedSentenceIsKeptAsObsolete() throws {
        let temporary = try TemporaryProject()
        defer { temporary.remove() }
        let post = try temporary.write("第一句话在这里。\n\n完全不同的另一句会被删除。\n", to: "content/posts/deleted.md")
        let project = try Project.open(configFile: temporary.configFile)
        let extractor = try Extractor(project: project)
        _ = try extractor.extract(post)
        let url = try project.segmentFile(for: post, locale: LocaleTag("en")!)
        var file = try #require(try SegmentFileStore.read(url))
        file.segments[1].target = "A completely different sentence that will be deleted."
        file.segments[1].state = .translated
        try SegmentFileStore.write(file, to: url)

        try temporary.write("第一句话在这里。\n", to: "content/posts/deleted.md")
        let results = try extractor.extract(post)
        #expect(results.first?.changes.obsoleted == 1)
        let after = try #require(try SegmentFileStore.read(url))
        #expect(after.segments.count == 1)
        #expect(after.obsolete?.first?.target == "A completely different sentence that will be deleted.")
    }

    @Test func reExtractingAnUnchangedPostWritesNothing() throws {
        let temporary = try TemporaryProject()
        defer { temporary.remove() }
        let post = try temporary.write(Self.original, to: "content/posts/stable.md")
        let extractor = try Extractor(project: try Project.open(configFile: temporary.configFile))
        #expect(try extractor.extract(post).first?.written == true)
        #expect(try extractor.extract(post).first?.written == false)
    }
}
