import Foundation
import Testing
import TandemKit
import TandemTestSupport

@Suite("Extract")
struct ExtractorTests {
    @Test func glossaryTermsAreAttachedToTheSegmentsThatContainThem() throws {
        let temporary = try TemporaryProject()
        defer { temporary.remove() }
        try temporary.write("通义千问\tQwen\t阿里巴巴的大模型\n", to: "glossaries/zh-CN/en.tsv")
        let post = try temporary.write("阿里发布了新版**通义千问**。第二句没有术语。\n", to: "content/posts/qwen.md")
        let project = try Project.open(configFile: temporary.configFile)
        _ = try Extractor(project: project).extract(post)
        let file = try #require(try SegmentFileStore.read(try project.segmentFile(for: post, locale: LocaleTag("en")!)))
        #expect(file.segments.map(\.source) == ["阿里发布了新版{1}通义千问{/1}。", "第二句没有术语。"])
        #expect(file.segments[0].terms == [TermNote(term: "通义千问", target: "Qwen", kind: "term")])
        #expect(file.segments[1].terms == nil)
    }

    @Test func everyLocaleOfTranslationsAndTheProjectTargetsGetsASegmentFile() throws {
        let temporary = try TemporaryProject(targets: ["en"])
        defer { temporary.remove() }
        let post = try temporary.write("---\ntranslations: [\"zh-CN\", \"ja\", \"en\"]\n---\n正文。\n", to: "content/posts/a.md")
        let results = try Extractor(project: try Project.open(configFile: temporary.configFile)).extract(post)
        #expect(results.map(\.locale) == ["ja", "en"])
    }
}
