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
        #expect(file.segments[0].terms == [TermNote(term: "通义千问", target: "Qwen", kind: "term", comment: "阿里巴巴的大模型")])
        #expect(file.segments[1].terms == nil)
    }

    @Test func everyLocaleOfTranslationsAndTheProjectTargetsGetsASegmentFile() throws {
        let temporary = try TemporaryProject(targets: ["en"])
        defer { temporary.remove() }
        let post = try temporary.write("---\ntranslations: [\"zh-CN\", \"ja\", \"en\"]\n---\n正文。\n", to: "content/posts/a.md")
        let results = try Extractor(project: try Project.open(configFile: temporary.configFile)).extract(post)
        #expect(results.map(\.locale) == ["ja", "en"])
    }

    @Test func theMemoryFillsKnownSentencesAndOffersTheOldTranslationOfAnEditedOne() throws {
        let temporary = try TemporaryProject()
        defer { temporary.remove() }
        let original = "今天发布了新的模型。价格比去年便宜了一半。开发者可以免费试用三个月。\n"
        let post = try temporary.write(original, to: "content/posts/a.md")
        let project = try Project.open(configFile: temporary.configFile)
        let memory = try project.openMemory()
        let extractor = try Extractor(project: project, memory: memory)
        _ = try extractor.extract(post)

        // A translator translates the post.
        let url = try project.segmentFile(for: post, locale: LocaleTag("en")!)
        var file = try #require(try SegmentFileStore.read(url))
        let english = ["A new model was released today.", "It costs half as much as last year.", "Developers can try it free for three months."]
        for (index, target) in english.enumerated() {
            file.segments[index].target = target
            file.segments[index].state = .translated
            file.segments[index].origin = .human
        }
        try SegmentFileStore.write(file, to: url)
        _ = try extractor.extract(post)  // the memory takes the translations
        #expect(try memory.statistics().units == 3)

        // The same post elsewhere, one sentence edited.
        let copy = try temporary.write(original.replacingOccurrences(of: "三个月", with: "六个月"), to: "content/posts/b.md")
        let results = try extractor.extract(copy)
        // The first keeps both neighbours (101%); the second lost its next one (100%).
        #expect(results.first?.leverage?.inContext == 1)
        #expect(results.first?.leverage?.exact == 1)
        let copied = try #require(try SegmentFileStore.read(try project.segmentFile(for: copy, locale: LocaleTag("en")!)))
        #expect(copied.segments[0].target == english[0] && copied.segments[0].origin == .tm && copied.segments[0].state == .translated)
        #expect(copied.segments[1].target == english[1] && copied.segments[1].origin == .tm)
        #expect(copied.segments[2].target == nil)
        let candidate = try #require(copied.segments[2].candidates?.first)
        #expect(candidate.target == english[2])
        #expect(candidate.source == "开发者可以免费试用三个月。")
        #expect((75..<100).contains(candidate.score))
        #expect(candidate.diff == "开发者可以免费试用[-三-]{+六+}个月。")

        // And the edited sentence in the original post: fuzzy, old translation kept and offered.
        try temporary.write(original.replacingOccurrences(of: "三个月", with: "六个月"), to: "content/posts/a.md")
        _ = try extractor.extract(post)
        let edited = try #require(try SegmentFileStore.read(url)).segments[2]
        #expect(edited.state == .fuzzy && edited.target == english[2])
        #expect(edited.candidates?.first?.target == english[2])
        #expect(edited.candidates?.first?.diff == "开发者可以免费试用[-三-]{+六+}个月。")
    }

    /// A post `第一句。第二句。` extracted once with the project's memory.
    struct ExtractedPost {
        let temporary: TemporaryProject
        let post: URL
        let memory: any TranslationMemory
        let extractor: Extractor
        let url: URL

        init() throws {
            temporary = try TemporaryProject()
            post = try temporary.write("第一句。第二句。\n", to: "content/posts/a.md")
            let project = try Project.open(configFile: temporary.configFile)
            memory = try project.openMemory()
            extractor = try Extractor(project: project, memory: memory)
            _ = try extractor.extract(post)
            url = try project.segmentFile(for: post, locale: LocaleTag("en")!)
        }
    }

    @Test func pseudoTranslationsNeverReachTheMemory() throws {
        let extracted = try ExtractedPost()
        defer { extracted.temporary.remove() }
        var file = try #require(try SegmentFileStore.read(extracted.url))
        _ = PseudoTranslator(style: .brackets).fill(&file)
        try SegmentFileStore.write(file, to: extracted.url)
        _ = try extracted.extractor.extract(extracted.post)
        #expect(try extracted.memory.statistics().units == 0)
    }

    @Test func aBatchFeedsTheMemoryOnlyWhenItCommits() throws {
        let extracted = try ExtractedPost()
        defer { extracted.temporary.remove() }
        let (post, memory, extractor, url) = (extracted.post, extracted.memory, extracted.extractor, extracted.url)
        var file = try #require(try SegmentFileStore.read(url))
        file.segments[0].target = "A first translation."
        file.segments[0].state = .translated
        file.segments[0].origin = .human
        try SegmentFileStore.write(file, to: url)

        // A run that stops before its batch commits (a bad post) changes neither files nor memory.
        let abandoned = AtomicFileBatch()
        _ = try extractor.extract(post, batch: abandoned)
        abandoned.abandon()
        #expect(try memory.statistics().units == 0)

        file.segments[0].target = "The first sentence."
        try SegmentFileStore.write(file, to: url)
        let batch = AtomicFileBatch()
        _ = try extractor.extract(post, batch: batch)
        #expect(try memory.statistics().units == 0)
        try extractor.commit(batch)
        // Only the committed run's translation: the abandoned run's is not carried over.
        var targets: [String] = []
        try memory.forEachUnit(sourceLocale: nil, targetLocale: nil) { targets.append($0.target) }
        #expect(targets == ["The first sentence."])
    }

    /// `leverage:` in tandem.yml: filled targets can be left for a person to check (state fuzzy),
    /// exact matches without their neighbours only offered, and the candidates limited.
    @Test func leverageSettingsInTandemYAMLAreHonoured() throws {
        let temporary = try TemporaryProject(extraConfiguration: """
            leverage:
              fillState: fuzzy
              fillExact: false
              minimumScore: 60
              candidates: 1

            """)
        defer { temporary.remove() }
        let project = try Project.open(configFile: temporary.configFile)
        #expect(project.configuration.leverage == LeverageSettings(fillState: .fuzzy, fillExact: false, minimumScore: 60, candidates: 1))
        let memory = try project.openMemory()
        let zh = LocaleTag("zh-CN")!, en = LocaleTag("en")!
        try memory.add([
            MemoryUnit(sourceLocale: zh, targetLocale: en, source: "第一句。", target: "First.", nextSource: "第二句。"),
            MemoryUnit(sourceLocale: zh, targetLocale: en, source: "第二句。", target: "Second.", previousSource: "第一句。", nextSource: "我们昨天发布了新的模型。"),
            MemoryUnit(sourceLocale: zh, targetLocale: en, source: "我们今天发布了新的模型。", target: "We released a new model today."),
            MemoryUnit(sourceLocale: zh, targetLocale: en, source: "我们今天发布了新的版本。", target: "We released a new version today."),
        ])
        let post = try temporary.write("第一句。第二句。我们昨天发布了新的模型。第二句。\n", to: "content/posts/a.md")
        _ = try Extractor(project: project, memory: memory).extract(post)
        let file = try #require(try SegmentFileStore.read(try project.segmentFile(for: post, locale: en)))
        // In context: filled, but as fuzzy (to be checked).
        #expect(file.segments[0].target == "First." && file.segments[0].state == .fuzzy && file.segments[0].origin == .tm)
        #expect(file.segments[1].target == "Second." && file.segments[1].state == .fuzzy)
        // Two fuzzy matches above 60; one candidate only.
        #expect(file.segments[2].target == nil)
        #expect(file.segments[2].candidates?.map(\.target) == ["We released a new model today."])
        // Exact but with other neighbours: offered, not filled.
        #expect(file.segments[3].target == nil)
        #expect(file.segments[3].candidates?.first?.target == "Second.")
        #expect(file.segments[3].candidates?.first?.score == 100)
        #expect(file.segments[3].candidates?.first?.diff == nil)
        // Targets to be checked do not go back into the memory.
        #expect(try memory.statistics().units == 4)
    }

    @Test(arguments: [
        ("leverage:\n  fillState: final\n", "fillState must be translated or fuzzy"),
        // A word that is no state at all: the same message, not the decoder's.
        ("leverage:\n  fillState: maybe\n", "leverage.fillState: fillState must be translated or fuzzy, not maybe"),
        ("leverage: 5\n", "leverage: expected a mapping of keys to values"),
        ("leverage:\n  minimumScore: 100\n", "minimumScore must be 1…99"),
        ("leverage:\n  candidates: -1\n", "candidates must be 0…20"),
        ("leverage:\n  fillexact: false\n", "unknown key 'fillexact'"),
    ])
    func badLeverageSettingsAreErrors(yaml: String, message: String) throws {
        let temporary = try TemporaryProject(extraConfiguration: yaml)
        defer { temporary.remove() }
        #expect { try Project.open(configFile: temporary.configFile) } throws: { "\($0)".contains(message) }
    }
}

/// Sentences with nothing to translate are done before anyone looks at them.
@Suite("Extract copies what needs no translation")
struct ExtractorCopyTests {
    @Test func numbersAndEmojiCodesAreCopiedNotCountedAndNotRemembered() throws {
        let temporary = try TemporaryProject()
        defer { temporary.remove() }
        // A number-only cell is no unit at all; a number-only sentence in a paragraph is one.
        let post = try temporary.write("价格下降了。3.5%！\n\n:smile:\n\n| 年份 | 数量 |\n| --- | --- |\n| 2024 | 3 |\n", to: "content/posts/a.md")
        let project = try Project.open(configFile: temporary.configFile)
        let memory = try project.openMemory()
        let result = try #require(try Extractor(project: project, memory: memory).extract(post).first)
        let file = try #require(try SegmentFileStore.read(try project.segmentFile(for: post, locale: LocaleTag("en")!)))
        let copied = file.segments.filter { $0.origin == .auto }
        #expect(copied.map(\.source) == ["3.5%！", ":smile:"])
        #expect(copied.allSatisfy { $0.target == $0.source && $0.state == .translated })
        // Work is what a translator does: three sentences, none translated yet.
        #expect(result.segments == 3 && result.translated == 0 && result.copied == 2)
        #expect(result.leverage?.none == 3)
        #expect(try memory.statistics().units == 0)
    }
}
