import Testing
import TandemKit

/// What `SegmentMerger` does with translations when a post changes: nothing a person translated
/// is lost, whatever the edit.
@Suite("Segment merging")
struct SegmentMergerTests {
    let segmenter: DocumentSegmenter

    init() throws {
        segmenter = DocumentSegmenter(segmenter: try SentenceSegmenter(locale: LocaleTag("zh-CN")!))
    }

    /// The sentences of a post whose body is `markdown`.
    func sentences(_ markdown: String) throws -> [ExtractedSegment] {
        segmenter.segments(of: try HugoDocument(bytes: Array(markdown.utf8), path: "content/posts/post.md"))
    }

    /// A segment file holding `merged`, as `extract` writes it.
    static func file(_ merged: (segments: [SegmentEntry], obsolete: [SegmentEntry], report: SegmentMerger.Report)) -> SegmentFile {
        var file = SegmentFile(
            source: "content/posts/post.md", sourceLocale: LocaleTag("zh-CN")!, targetLocale: LocaleTag("en")!,
            segments: merged.segments)
        file.obsolete = merged.obsolete.isEmpty ? nil : merged.obsolete
        return file
    }

    /// `ReviewedPost.both`, translated and reviewed by a person.
    func reviewedPost() throws -> SegmentFile {
        var file = Self.file(SegmentMerger().merge(try sentences(ReviewedPost.both), into: nil))
        #expect(file.segments.map(\.source) == ["第一句话。", "第二句话。"])
        ReviewedPost.review(&file)
        return file
    }

    @Test func aDeletedReviewedSentenceThatComesBackGetsItsTranslationBack() throws {
        let merger = SegmentMerger()
        let reviewed = try reviewedPost()

        let deleted = merger.merge(try sentences(ReviewedPost.firstOnly), into: reviewed)
        #expect(deleted.segments == [reviewed.segments[0]])
        #expect(deleted.obsolete == [reviewed.segments[1]])
        #expect(deleted.report == SegmentMerger.Report(unchanged: 1, obsoleted: 1))

        let restored = merger.merge(try sentences(ReviewedPost.both), into: Self.file(deleted))
        // Every field comes back: target, state, origin, notes, lintDisable, id and location.
        #expect(restored.segments == reviewed.segments)
        #expect(restored.obsolete.isEmpty)
        #expect(restored.report == SegmentMerger.Report(unchanged: 1, restored: 1))
    }

    @Test func aSentenceDeletedTwiceAndRestoredTwiceKeepsItsTranslation() throws {
        let merger = SegmentMerger()
        let reviewed = try reviewedPost()
        var file = reviewed
        for _ in 0..<2 {
            file = Self.file(merger.merge(try sentences(ReviewedPost.firstOnly), into: file))
            file = Self.file(merger.merge(try sentences(ReviewedPost.both), into: file))
        }
        #expect(file == reviewed)
    }

    @Test func aLiveEntryWinsOverAnObsoleteOneWithTheSameIDAndTheObsoleteOneIsKept() throws {
        let reviewed = try reviewedPost()
        var file = reviewed
        // A hand-edited file may hold a sentence both live and obsolete, with different targets.
        var stale = reviewed.segments[1]
        stale.target = "An older second sentence."
        stale.state = .translated
        file.obsolete = [stale]

        let merged = SegmentMerger().merge(try sentences(ReviewedPost.both), into: file)
        #expect(merged.segments == reviewed.segments)
        #expect(merged.obsolete == [stale])
    }

    @Test func anObsoleteTranslationPairsWithAnEditedSentence() throws {
        let merger = SegmentMerger()
        let reviewed = try reviewedPost()
        let deleted = Self.file(merger.merge(try sentences(ReviewedPost.firstOnly), into: reviewed))

        // The second sentence comes back edited: its old translation is offered as fuzzy.
        let edited = merger.merge(try sentences("第一句话。第二句长话。\n"), into: deleted)
        #expect(edited.segments.count == 2)
        #expect(edited.segments[1].source == "第二句长话。")
        #expect(edited.segments[1].target == "The second sentence.")
        #expect(edited.segments[1].state == .fuzzy)
        #expect(edited.segments[1].origin == .previous)
        #expect(edited.segments[1].previousSource == "第二句话。")
        #expect(edited.segments[1].notes == ["Checked with the author."])
        #expect(edited.segments[1].lintDisable == ["glossary-forbidden"])
        // The old sentence and its reviewed translation stay in the file: the memory is not
        // their only copy.
        #expect(edited.obsolete.map(\.source) == ["第二句话。"])
        #expect(edited.obsolete.first?.target == "The second sentence." && edited.obsolete.first?.state == .reviewed)
        #expect(edited.report == SegmentMerger.Report(unchanged: 1, edited: 1))
    }

    /// A helper's finding: a sentence edited and its new text translated, then the edit
    /// reverted (`git checkout`), came back fuzzy with the new text's translation, and the old
    /// pair was only in the git-ignored memory. It comes back with its own translation and
    /// state, and the edited text's translation stays in the file.
    @Test func aRevertedEditGetsItsOwnTranslationBack() throws {
        let merger = SegmentMerger()
        let reviewed = try reviewedPost()
        var edited = Self.file(merger.merge(try sentences("第一句话。第二句长话。\n"), into: reviewed))
        edited.segments[1].target = "The second, longer sentence."
        edited.segments[1].state = .translated
        edited.segments[1].origin = .human
        let reverted = merger.merge(try sentences(ReviewedPost.both), into: edited)
        #expect(reverted.segments[1].source == "第二句话。")
        #expect(reverted.segments[1].target == "The second sentence." && reverted.segments[1].state == .reviewed)
        #expect(reverted.obsolete.map(\.source) == ["第二句长话。"])
        #expect(reverted.obsolete.first?.target == "The second, longer sentence.")
        #expect(reverted.report == SegmentMerger.Report(unchanged: 1, restored: 1, obsoleted: 1))
    }

    @Test func anUntranslatedSentenceThatVanishesLeavesNothingBehind() throws {
        let merged = SegmentMerger().merge(
            try sentences(ReviewedPost.firstOnly), into: Self.file(SegmentMerger().merge(try sentences(ReviewedPost.both), into: nil)))
        #expect(merged.obsolete.isEmpty)
        #expect(merged.report == SegmentMerger.Report(unchanged: 1))
    }
}
