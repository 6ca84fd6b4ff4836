import Foundation
import Testing
import TandemKit
import TandemTestSupport

/// `ExtractRun`: whole-project extracts that skip what has not changed since the last one.
@Suite("Extract run")
struct ExtractRunTests {
    /// A project of three posts: one the translator finished, one half done, one untouched.
    struct Sample {
        let temporary: TemporaryProject
        let done: URL
        let half: URL
        let untouched: URL

        init() throws {
            temporary = try TemporaryProject()
            done = try temporary.write("今天发布了新的模型。价格比去年便宜了一半。\n", to: "content/posts/done.md")
            half = try temporary.write("开发者可以免费试用三个月。文档下周更新。\n", to: "content/posts/half.md")
            untouched = try temporary.write("服务器在北京。\n", to: "content/posts/untouched.md")
        }

        var project: Project { get throws { try Project.open(configFile: temporary.configFile) } }

        /// One `tandem extract` over every post, as the CLI runs it.
        @discardableResult
        func extract(usesMemory: Bool = true) throws -> [String: [ExtractResult]] {
            let project = try project
            let run = ExtractRun(project: project, usesMemory: usesMemory)
            var results: [String: [ExtractResult]] = [:]
            for post in try project.sourcePosts() { results[post.lastPathComponent] = try run.extract(post) }
            try run.finish()
            return results
        }

        /// Which posts the run skipped, by file name.
        static func skipped(_ results: [String: [ExtractResult]]) -> Set<String> {
            Set(results.filter { $0.value.allSatisfy(\.skipped) }.keys)
        }

        func segmentFile(_ post: URL) throws -> URL { try project.segmentFile(for: post, locale: LocaleTag("en")!) }

        /// Translates the first `count` segments of `post`'s file, as a translator would.
        func translate(_ post: URL, first count: Int, prefix: String = "EN") throws {
            let url = try segmentFile(post)
            var file = try #require(try SegmentFileStore.read(url))
            for index in file.segments.indices.prefix(count) {
                file.segments[index].target = "\(prefix) \(index)"
                file.segments[index].state = .translated
                file.segments[index].origin = .human
            }
            try SegmentFileStore.write(file, to: url)
        }

        /// Extracts until a run records every post (each settles within two runs), then returns
        /// the segment files' bytes.
        func settle() throws -> [[UInt8]] {
            try extract()
            try extract()
            return try [done, half, untouched].map { try temporary.read(project.projectPath(of: segmentFile($0))) }
        }

        /// Extracts, translates every post, and settles: the next unchanged run skips them all.
        func translateAll() throws {
            try extract()
            try translate(done, first: 2)
            try translate(half, first: 2)
            try translate(untouched, first: 1)
            _ = try settle()
        }

        var memoryPath: String { temporary.root.appendingPathComponent(".tandem/memory.sqlite").path }
    }

    @Test func aRerunWithNothingChangedSkipsEveryFinishedPostAndChangesNoByte() throws {
        let sample = try Sample()
        defer { sample.temporary.remove() }
        try sample.extract()
        try sample.translate(sample.done, first: 2)
        try sample.translate(sample.half, first: 1)
        let before = try sample.settle()

        let results = try sample.extract()
        // Posts with untranslated sentences ask the memory too, and it has not changed since.
        #expect(Sample.skipped(results) == ["done.md", "half.md", "untouched.md"])
        #expect(results["done.md"]?.first?.segments == 2 && results["done.md"]?.first?.translated == 2)
        #expect(results.values.joined().allSatisfy { !$0.written && $0.changes.added == 0 })
        let after = try [sample.done, sample.half, sample.untouched].map {
            try sample.temporary.read(sample.project.projectPath(of: sample.segmentFile($0)))
        }
        #expect(after == before)
        // The memory holds every translation, although the last runs gave it none.
        let memory = try sample.project.openMemory()
        #expect(try memory.statistics().units == 3)
    }

    /// A helper's finding on a 510-page site: the first extract of a project creates its memory,
    /// and the memory's identity (its file's inode) entered the state's settings before the file
    /// existed, so the second run extracted every post again (17 s) and only the third skipped.
    @Test func theRunAfterTheFirstSkipsEveryPost() throws {
        let sample = try Sample()
        defer { sample.temporary.remove() }
        #expect(!FileManager.default.fileExists(atPath: sample.memoryPath))
        try sample.extract()
        // Past the file system's clock tick, so that no file of the first run is racily clean.
        Thread.sleep(forTimeInterval: 0.05)
        let results = try sample.extract()
        #expect(Sample.skipped(results) == ["done.md", "half.md", "untouched.md"])
    }

    @Test func withoutTheMemoryARerunSkipsEveryPost() throws {
        let sample = try Sample()
        defer { sample.temporary.remove() }
        try sample.extract(usesMemory: false)
        try sample.translate(sample.half, first: 1)
        try sample.extract(usesMemory: false)
        let results = try sample.extract(usesMemory: false)
        #expect(Sample.skipped(results) == ["done.md", "half.md", "untouched.md"])
        #expect(results["half.md"]?.first?.translated == 1)
    }

    @Test func anEditedPostIsExtractedAgainAndTheOthersAreSkipped() throws {
        let sample = try Sample()
        defer { sample.temporary.remove() }
        try sample.extract()
        _ = try sample.settle()
        try sample.translate(sample.done, first: 2)
        try sample.translate(sample.half, first: 2)
        _ = try sample.settle()
        try sample.temporary.write("开发者可以免费试用六个月。文档下周更新。\n", to: "content/posts/half.md")
        let results = try sample.extract()
        // The memory gained nothing like the untouched post's sentence: it stays skipped too.
        #expect(Set(Sample.skipped(results)) == ["done.md", "untouched.md"])
        #expect(results["half.md"]?.first?.changes.edited == 1)
    }

    @Test func aHandEditedSegmentFileIsExtractedAgainAndItsTranslationReachesTheMemory() throws {
        let sample = try Sample()
        defer { sample.temporary.remove() }
        try sample.extract()
        try sample.translate(sample.done, first: 2)
        _ = try sample.settle()
        try sample.translate(sample.done, first: 1, prefix: "Corrected")
        let results = try sample.extract()
        #expect(!Sample.skipped(results).contains("done.md"))
        let memory = try sample.project.openMemory()
        let query = MemoryQuery(source: "今天发布了新的模型。", sourceLocale: LocaleTag("zh-CN")!, targetLocale: LocaleTag("en")!)
        #expect(try memory.exactMatches(for: query).map(\.unit.target).contains("Corrected 0"))
    }

    @Test func aChangedGlossaryExtractsEveryPostAgain() throws {
        let sample = try Sample()
        defer { sample.temporary.remove() }
        try sample.translateAll()
        #expect(Sample.skipped(try sample.extract()).count == 3)
        try sample.temporary.write("服务器\tserver\n", to: "glossaries/zh-CN/en.tsv")
        let results = try sample.extract()
        #expect(Sample.skipped(results).isEmpty)
        let file = try #require(try SegmentFileStore.read(sample.segmentFile(sample.untouched)))
        #expect(file.segments[0].terms?.map(\.target) == ["server"])
    }

    @Test func changedLocaleRulesExtractEveryPostAgain() throws {
        let sample = try Sample()
        defer { sample.temporary.remove() }
        try sample.translateAll()
        #expect(Sample.skipped(try sample.extract()).count == 3)
        try sample.temporary.write("locale: zh-CN\nsentences:\n  noBreakInside:\n    - [\"「\", \"」\"]\n", to: "locales/zh-CN.yml")
        #expect(Sample.skipped(try sample.extract()).isEmpty)
    }

    @Test func aUnitAddedToTheMemoryExtractsThePostsThatAskItAgain() throws {
        let sample = try Sample()
        defer { sample.temporary.remove() }
        try sample.extract()
        try sample.translate(sample.done, first: 2)
        _ = try sample.settle()
        let memory = try SQLiteMemory(path: sample.memoryPath)
        try memory.add([MemoryUnit(
            sourceLocale: LocaleTag("zh-CN")!, targetLocale: LocaleTag("en")!, source: "服务器在北京。", target: "The server is in Beijing.")])
        try memory.close()
        let results = try sample.extract()
        // The finished post asks the memory nothing; the half-done one asks about sentences the
        // new unit is not like: both stay skipped.
        #expect(Sample.skipped(results) == ["done.md", "half.md"])
        #expect(results["untouched.md"]?.first?.leverage?.exact == 1)
        let file = try #require(try SegmentFileStore.read(sample.segmentFile(sample.untouched)))
        #expect(file.segments[0].target == "The server is in Beijing.")
    }

    @Test func aRunWithoutTheMemoryDoesNotLetARunWithItSkip() throws {
        let sample = try Sample()
        defer { sample.temporary.remove() }
        try sample.extract(usesMemory: false)
        try sample.extract(usesMemory: false)
        #expect(Sample.skipped(try sample.extract(usesMemory: false)).count == 3)
        #expect(Sample.skipped(try sample.extract(usesMemory: true)).isEmpty)
    }
}
