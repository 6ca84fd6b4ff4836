import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

/// Two Chinese posts with some Latin, extracted, with a few segments translated by hand, and a
/// memory holding one unit for each match band: the project the statistics tests count by hand.
///
/// Segments in document order (CJK characters / Latin words, and the band each must land in):
///
///     alpha  title  Tandem 入门                                      2 / 1   no match (its own translation is in the memory)
///            s1     我们用 Hugo 搭建博客。                            7 / 1   no match
///            s2     每篇文章都有中文版本。                           10 / 0   in context (same source, same neighbours)
///            s3     翻译记忆可以复用旧译文。                         11 / 0   100% (besides its own translation, in context)
///            s4     术语表保证每个产品名称在所有语言版本里都保持一致。 24 / 0   95–99 (1 of 25 symbols differs: 96)
///            s5     我们用 Hugo 搭建博客。                            7 / 1   repetition of s1
///     beta   title  发布说明                                          4 / 0   no match
///            s1     每篇文章都有中文版本。                           10 / 0   repetition (also a 100% match)
///            s2     新版本增加了离线模式和自动同步功能。             17 / 0   85–94 (2 of 18 differ: 88)
///            s3     欢迎在 GitHub 上反馈问题。                        8 / 1   no match
///            s4     我们每周整理一次用户意见。                       12 / 0   75–84 (3 of 13 differ: 76)
///            s5     这些意见决定下一个版本的重点。                   14 / 0   50–74 (5 of 15 differ: 66)
struct StatisticsFixtureProject {
    static let alpha = """
        ---
        title: "Tandem 入门"
        ---

        我们用 Hugo 搭建博客。每篇文章都有中文版本。翻译记忆可以复用旧译文。

        术语表保证每个产品名称在所有语言版本里都保持一致。我们用 Hugo 搭建博客。

        """

    static let beta = """
        ---
        title: "发布说明"
        ---

        每篇文章都有中文版本。新版本增加了离线模式和自动同步功能。

        欢迎在 GitHub 上反馈问题。我们每周整理一次用户意见。这些意见决定下一个版本的重点。

        """

    static let zh = LocaleTag("zh-CN")!
    static let en = LocaleTag("en")!

    /// One unit per band, none from the posts' own segment files.
    static let memoryUnits = [
        MemoryUnit(sourceLocale: zh, targetLocale: en, source: "每篇文章都有中文版本。", target: "Every post has a Chinese version.",
                   previousSource: "我们用 Hugo 搭建博客。", nextSource: "翻译记忆可以复用旧译文。", originFile: "tm/old.tmx"),
        MemoryUnit(sourceLocale: zh, targetLocale: en, source: "翻译记忆可以复用旧译文。", target: "A translation memory reuses old translations.",
                   originFile: "tm/old.tmx"),
        MemoryUnit(sourceLocale: zh, targetLocale: en, source: "术语表保证各个产品名称在所有语言版本里都保持一致。",
                   target: "The glossary keeps every product name consistent in all languages.", originFile: "tm/old.tmx"),
        MemoryUnit(sourceLocale: zh, targetLocale: en, source: "新版本增加了在线模式和手动同步功能。",
                   target: "The new version adds an online mode and manual sync.", originFile: "tm/old.tmx"),
        MemoryUnit(sourceLocale: zh, targetLocale: en, source: "我们每月整理两次客户意见。",
                   target: "We go through customer feedback twice a month.", originFile: "tm/old.tmx"),
        MemoryUnit(sourceLocale: zh, targetLocale: en, source: "这些建议决定第一个版本的内容。",
                   target: "These suggestions decide what the first version holds.", originFile: "tm/old.tmx"),
    ]

    let project: TemporaryProject
    let posts: [URL]
    let memory: SQLiteMemory

    /// Extracted (without memory), then states set by hand: alpha's title translated, s2
    /// translated, s3 reviewed, s4 fuzzy; beta's title final; the rest new. The translated ones
    /// go to the memory as `extract` would store them, next to `memoryUnits`.
    init() throws {
        project = try TemporaryProject()
        posts = [try project.write(Self.alpha, to: "content/posts/alpha.md"), try project.write(Self.beta, to: "content/posts/beta.md")]
        let opened = try Project.open(configFile: project.configFile)
        let extractor = try Extractor(project: opened, memory: nil)
        for post in posts { _ = try extractor.extract(post) }

        memory = try SQLiteMemory(path: project.root.appendingPathComponent(".tandem/memory.sqlite").path)
        try memory.add(Self.memoryUnits)
        try edit("alpha", opened) { segments in
            segments[0].target = "Getting started with Tandem"
            segments[0].state = .translated
            // Not the memory's wording: a unit with the same source, context and target would be
            // the same unit, refreshed with this file as its origin.
            segments[2].target = "Each post has a Chinese version."
            segments[2].state = .translated
            segments[3].target = "Translation memory reuses earlier translations."
            segments[3].state = .reviewed
            segments[4].target = "The glossary keeps product names consistent."
            segments[4].state = .fuzzy
        }
        try edit("beta", opened) { segments in
            segments[0].target = "Release notes"
            segments[0].state = .final
        }
    }

    private func edit(_ name: String, _ opened: Project, _ change: (inout [SegmentEntry]) -> Void) throws {
        let url = project.root.appendingPathComponent("locales/en/posts/\(name).json")
        var file = try #require(try SegmentFileStore.read(url))
        change(&file.segments)
        try SegmentFileStore.write(file, to: url)
        try memory.add(file.memoryUnits(originFile: "locales/en/posts/\(name).json"))
    }

    func remove() { project.remove() }
}
