import Foundation
import Testing
import TandemKit
import TandemTestSupport

/// `extract` tells Simplified posts from Traditional ones and serves both from one memory and
/// one glossary.
@Suite("Extract in both scripts")
struct ExtractScriptTests {
    @Test func eachPostsScriptIsReported() throws {
        let temporary = try TemporaryProject()
        defer { temporary.remove() }
        try temporary.write("苹果今天发布了新手机。价格比去年便宜。\n", to: "content/posts/hans.md")
        try temporary.write("蘋果今天發布了新手機。價格比去年便宜。\n", to: "content/posts/hant.md")
        try temporary.write("Version 2.0\n", to: "content/posts/neither.md")
        let project = try Project.open(configFile: temporary.configFile)
        let run = ExtractRun(project: project, usesMemory: false)
        var scripts: [String: String] = [:]
        for post in try project.sourcePosts() { scripts[post.lastPathComponent] = try run.extract(post).first?.script?.rawValue ?? "none" }
        try run.finish()
        #expect(scripts == ["hans.md": "Hans", "hant.md": "Hant", "neither.md": "none"])
    }

    @Test func aTraditionalPostGetsTheGlossaryTermsAndTheMemoryOfItsSimplifiedTwin() throws {
        let temporary = try TemporaryProject()
        defer { temporary.remove() }
        try temporary.write("苹果\tApple\n英伟达\tNvidia\n", to: "glossaries/zh-CN/en.tsv")
        let hans = try temporary.write("苹果和英伟达的股价上涨。\n", to: "content/posts/hans.md")
        let hant = try temporary.write("蘋果和英偉達的股價上漲。\n", to: "content/posts/hant.md")
        let project = try Project.open(configFile: temporary.configFile)
        let en = LocaleTag("en")!
        // The Simplified post is extracted and translated first; its translation goes to the memory.
        let first = ExtractRun(project: project, usesMemory: true)
        _ = try first.extract(hans)
        try first.finish()
        let hansFile = try project.segmentFile(for: hans, locale: en)
        var file = try #require(try SegmentFileStore.read(hansFile))
        file.segments[0].target = "Shares of Apple and Nvidia rose."
        file.segments[0].state = .translated
        file.segments[0].origin = .human
        try SegmentFileStore.write(file, to: hansFile)
        // Its translations reach the memory when a run finishes.
        let second = ExtractRun(project: project, usesMemory: true)
        _ = try second.extract(hans)
        try second.finish()
        let third = ExtractRun(project: project, usesMemory: true)
        let results = try third.extract(hant)
        try third.finish()
        #expect(results.first?.leverage?.exact == 1)
        let hantFile = try #require(try SegmentFileStore.read(try project.segmentFile(for: hant, locale: en)))
        #expect(hantFile.segments[0].target == "Shares of Apple and Nvidia rose.")
        #expect(hantFile.segments[0].terms?.map(\.term) == ["蘋果", "英偉達"])
        #expect(hantFile.segments[0].terms?.map(\.target) == ["Apple", "Nvidia"])
    }
}
