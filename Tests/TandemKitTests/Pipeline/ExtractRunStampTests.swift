import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

/// `ExtractRun` trusts a file's stamp (`FileStamp`) instead of reading it only under git's rule
/// for racily clean files: an edit the stamp cannot show is still extracted, and a post whose
/// stamp moved but whose bytes did not is skipped, its new stamp recorded.
@Suite("Extract run by file stamps")
struct ExtractRunStampTests {
    /// Two posts extracted without a memory until every run skips them.
    struct Sample {
        let temporary: TemporaryProject
        let first: URL
        let second: URL

        init() throws {
            temporary = try TemporaryProject()
            first = try temporary.write("---\nlang: zh-CN\n---\n\n今天发布了新的模型。价格比去年便宜了一半。\n", to: "content/posts/first.md")
            second = try temporary.write("服务器在北京。\n", to: "content/posts/second.md")
        }

        var project: Project { get throws { try Project.open(configFile: temporary.configFile) } }

        /// One `tandem extract` as the CLI runs it; whether each post (by file name) was skipped.
        @discardableResult
        func extract() throws -> [String: Bool] {
            let run = ExtractRun(project: try project, usesMemory: false)
            var skipped: [String: Bool] = [:]
            for post in try run.sourcePosts() { skipped[post.lastPathComponent] = try run.extract(post).allSatisfy(\.skipped) }
            try run.finish()
            return skipped
        }

        /// The state the last run saved.
        var state: ExtractState { get throws { ExtractState.load(try project.layout.extractStateFile) } }

        /// Waits until the file system's clock has moved past `url`'s last change, so that a run
        /// started now may record its stamp (a change in the clock's current tick is not trusted).
        func waitUntilSettled(_ url: URL) throws {
            let stamp = try #require(FileStamp(path: url.path))
            let directory = temporary.root.appendingPathComponent(".tandem")
            for _ in 0..<2_000 {
                if let now = FileSystemClock.now(in: directory), stamp.isSettled(before: now) { return }
                usleep(1_000)
            }
            Issue.record("the file system's clock did not move past \(url.path)")
        }

        /// Sets the post's modification time to `stamp`'s, as `touch -d` or `cp -p` can.
        func setModificationTime(of url: URL, to stamp: FileStamp) {
            var times = [
                timespec(tv_sec: Int(stamp.modified / 1_000_000_000), tv_nsec: Int(stamp.modified % 1_000_000_000)),
                timespec(tv_sec: Int(stamp.modified / 1_000_000_000), tv_nsec: Int(stamp.modified % 1_000_000_000)),
            ]
            #expect(utimensat(AT_FDCWD, url.path, &times, 0) == 0)
        }

        /// Extracts until every post is skipped, its stamp recorded.
        func settle() throws {
            try extract()
            for file in try state.posts.keys.sorted() + state.posts.values.flatMap(\.segmentFiles) {
                try waitUntilSettled(temporary.root.appendingPathComponent(file))
            }
            try extract()
            #expect(try extract() == ["first.md": true, "second.md": true])
        }
    }

    @Test func aPostEditedInPlaceToTheSameSizeAndModificationTimeIsExtractedAgain() throws {
        let sample = try Sample()
        defer { sample.temporary.remove() }
        try sample.settle()
        let before = try #require(FileStamp(path: sample.first.path))
        #expect(try sample.state.files["content/posts/first.md"]?.stamp == before, "the settled post's stamp is recorded")
        // Same size, same inode, same modification time: only the change time can tell.
        try sample.temporary.write("---\nlang: zh-CN\n---\n\n今天发布了新的模型。价格比前年便宜了一半。\n", to: "content/posts/first.md")
        sample.setModificationTime(of: sample.first, to: before)
        let after = try #require(FileStamp(path: sample.first.path))
        #expect(after.size == before.size && after.inode == before.inode && after.modified == before.modified)
        #expect(try sample.extract() == ["first.md": false, "second.md": true])
        let file = try #require(try SegmentFileStore.read(sample.project.segmentFile(for: sample.first, locale: LocaleTag("en")!)))
        #expect(file.segments.map(\.source).contains("价格比前年便宜了一半。"))
    }

    @Test func aPostSavedJustBeforeARunIsRecordedOnlyAsItIsNow() throws {
        let sample = try Sample()
        defer { sample.temporary.remove() }
        try sample.settle()
        // Saved, then extracted at once: whether the run may record its stamp depends on the
        // file system's clock tick (`FileDigestsTests`); a record it makes is of these bytes.
        try sample.temporary.write("---\nlang: zh-CN\n---\n\n今天发布了新的模型。价格比前年便宜了一半。\n", to: "content/posts/first.md")
        let saved = try #require(FileStamp(path: sample.first.path))
        #expect(try sample.extract() == ["first.md": false, "second.md": true])
        if let record = try sample.state.files["content/posts/first.md"] {
            #expect(record.stamp == saved && record.digest == FileDigests.digest(ofFileAt: sample.first.path))
        }
        #expect(try sample.extract() == ["first.md": true, "second.md": true])
    }

    @Test func aTouchedButUnchangedPostIsSkippedAndItsNewStampRecorded() throws {
        let sample = try Sample()
        defer { sample.temporary.remove() }
        try sample.settle()
        let before = try #require(try sample.state.files["content/posts/first.md"])
        // `touch`: both times set to now.
        #expect(utimensat(AT_FDCWD, sample.first.path, nil, 0) == 0)
        try sample.waitUntilSettled(sample.first)
        let touched = try #require(FileStamp(path: sample.first.path))
        #expect(touched != before.stamp)
        #expect(try sample.extract() == ["first.md": true, "second.md": true])
        let after = try #require(try sample.state.files["content/posts/first.md"])
        #expect(after.stamp == touched && after.digest == before.digest)
        #expect(try sample.state.languages["content/posts/first.md"]?.stamp == touched)
    }

    @Test func aPostWhoseFrontMatterNowNamesAnotherLanguageIsNoLongerASource() throws {
        let sample = try Sample()
        defer { sample.temporary.remove() }
        try sample.settle()
        #expect(try sample.state.languages["content/posts/first.md"]?.language == "zh-CN")
        // `ja` for `zh-CN` and a character less: the same size.
        try sample.temporary.write("---\nlang: ja\n---\n\n今天发布了新的模型。价格比去年便宜了一半。\n\n\n\n", to: "content/posts/first.md")
        try sample.waitUntilSettled(sample.first)
        #expect(try sample.extract() == ["second.md": true])
        #expect(try sample.state.languages["content/posts/first.md"]?.language == "ja")
    }

    @Test func aDamagedOrOldStateIsAnEmptyOne() throws {
        let sample = try Sample()
        defer { sample.temporary.remove() }
        try sample.settle()
        let url = try sample.project.layout.extractStateFile
        let bytes = try [UInt8](Data(contentsOf: url))
        // Cut short, and an older format: every post is extracted, nothing is skipped wrongly.
        try Data(bytes.prefix(bytes.count - 3)).write(to: url)
        #expect(try sample.extract() == ["first.md": false, "second.md": false])
        var older = bytes
        older[ExtractState.magic.count] = 4  // format 2, zigzagged
        try Data(older).write(to: url)
        #expect(ExtractState.load(url) == ExtractState())
    }

    /// The content listing is kept in the state under the directories' stamps
    /// (`ContentListing`): a post added to or deleted from a recorded directory is found or
    /// forgotten by the next run.
    @Test func aPostAddedOrDeletedAfterTheListingWasRecordedIsFoundOrForgotten() throws {
        let sample = try Sample()
        defer { sample.temporary.remove() }
        try sample.settle()
        #expect(try sample.state.listing.directories["posts"]?.markdownFiles == ["first.md", "second.md"])
        let third = try sample.temporary.write("服务器在北京。\n", to: "content/posts/third.md")
        #expect(try sample.extract() == ["first.md": true, "second.md": true, "third.md": false])
        try FileManager.default.removeItem(at: third)
        #expect(try sample.extract() == ["first.md": true, "second.md": true])
    }
}
