import Testing
import TandemKit

/// Repeated sentences (an image caption under every picture): translated once, and their
/// translations kept when the post or the id scheme changes.
@Suite("Repeated segments")
struct RepeatedSegmentTests {
    static func extracted(_ markdown: String) throws -> [ExtractedSegment] {
        let document = try HugoDocument(bytes: Array(markdown.utf8), path: "post.md")
        return DocumentSegmenter(segmenter: try SentenceSegmenter(locale: LocaleTag("zh-CN")!)).segments(of: document)
    }

    static let post = "![图片](a.png)\n\n第一段讲公司。\n\n![图片](b.png)\n\n第二段讲产品。\n\n![图片](c.png)\n\n第三段讲价格。\n"

    /// The post's segment file as translated when repeats were numbered by occurrence.
    static func fileWithOccurrenceIDs(_ segments: [ExtractedSegment]) -> SegmentFile {
        var occurrences: [String: Int] = [:]
        let entries = segments.enumerated().map { index, segment in
            let key = Normalizer.matchingKey(segment.text)
            let occurrence = occurrences[key, default: 0]
            occurrences[key] = occurrence + 1
            var entry = SegmentEntry(
                id: SegmentIdentity.id(forKey: key, occurrence: occurrence), location: segment.location, source: segment.text,
                target: "T\(index)", state: .reviewed, origin: .human)
            entry.notes = ["note \(index)"]
            return entry
        }
        return SegmentFile(source: "post.md", sourceLocale: LocaleTag("zh-CN")!, targetLocale: LocaleTag("en")!, segments: entries)
    }

    @Test func aFileWithOccurrenceNumberedIdsKeepsEveryTranslation() throws {
        let segments = try Self.extracted(Self.post)
        let old = Self.fileWithOccurrenceIDs(segments)
        #expect(Set(old.segments.map(\.id)) != Set(segments.map(\.id)))
        let merged = SegmentMerger().merge(segments, into: old)
        #expect(merged.segments.map(\.target) == old.segments.map(\.target))
        #expect(merged.segments.map(\.state) == old.segments.map(\.state))
        #expect(merged.segments.map(\.notes) == old.segments.map(\.notes))
        #expect(merged.segments.map(\.id) == segments.map(\.id))
        #expect(merged.obsolete.isEmpty)
        #expect(merged.report == SegmentMerger.Report(unchanged: segments.count))
    }

    @Test func insertingAnImageKeepsEveryLaterCaptionsTranslation() throws {
        let before = try Self.extracted(Self.post)
        // Each caption translated differently, so a shift would show.
        var file = SegmentFile(source: "post.md", sourceLocale: LocaleTag("zh-CN")!, targetLocale: LocaleTag("en")!, segments: before.enumerated().map {
            SegmentEntry(id: $0.element.id, location: $0.element.location, source: $0.element.text, target: "T\($0.offset)", state: .translated, origin: .human)
        })
        file.segments[0].target = "Picture of the office"
        let edited = Self.post.replacingOccurrences(of: "第一段讲公司。\n", with: "第一段讲公司。\n\n![图片](new.png)\n\n新插入的一段。\n")
        let after = try Self.extracted(edited)
        let merged = SegmentMerger().merge(after, into: file)
        let targetsBySource = merged.segments.map { ($0.source, $0.target) }
        #expect(targetsBySource.map(\.0) == ["图片", "第一段讲公司。", "图片", "新插入的一段。", "图片", "第二段讲产品。", "图片", "第三段讲价格。"])
        #expect(targetsBySource.map(\.1) == ["Picture of the office", "T1", nil, nil, "T2", "T3", "T4", "T5"])
        #expect(merged.report.unchanged == before.count && merged.report.added == 2)
    }

    @Test func aRepeatIsTranslatedOnce() throws {
        var segments = try Self.extracted(Self.post).map { SegmentEntry(id: $0.id, location: $0.location, source: $0.text) }
        segments[0].target = "Picture"
        segments[0].state = .reviewed
        segments[0].origin = .human
        segments[2].target = "A picture"  // translated on its own: kept
        segments[2].state = .translated
        #expect(RepetitionPropagation.propagate(&segments) == 1)
        #expect(segments.map(\.target) == ["Picture", nil, "A picture", nil, "Picture", nil])
        #expect(segments[4].state == .translated && segments[4].origin == .human)
    }

    @Test func aPseudoTranslationIsNotPassedOn() {
        var segments = [SegmentEntry(id: "a", location: "l", source: "图片", target: "⟦图片⟧", state: .translated, origin: .pseudo),
                        SegmentEntry(id: "b", location: "l", source: "图片")]
        #expect(RepetitionPropagation.propagate(&segments) == 0)
        #expect(segments[1].target == nil)
    }
}
