import Foundation
import Testing
import TandemKit
import TandemTestSupport

/// `tandem align`: a human translation written before Tandem is adopted, and `build` then
/// writes the same English.
@Suite("Adopting a human translation")
struct TranslationAdoptionTests {
    static let chinese = """
        ---
        title: "我们如何发布新版本"
        tags: [发布, 流程]
        ---

        每个月的第一个周二，我们发布一个新版本。发布前一周冻结代码，只修复错误。

        ## 准备工作

        1. 运行`make test`并确认全部通过。
        2. 更新**变更日志**，写明每个用户能看到的改动。
        3. 在[发布页面](https://example.org/releases)创建草稿。

        {{< admonition tip "小提示" >}}
        版本号遵循语义化版本规范。主版本号只在不兼容的改动时增加。
        {{< /admonition >}}

        发布后，我们在论坛上回答问题三天。

        """

    static let english = """
        ---
        title: "How we ship a new release"
        tags: [Releases, Process]
        ---

        We ship a new release on the first Tuesday of every month. The code is frozen a week before, for bug fixes only.

        ## Getting ready

        1. Run `make test` and check that everything passes.
        2. Update the **changelog**, with every change a user can see.
        3. Create a draft on the [releases page](https://example.org/releases).

        {{< admonition tip "A small tip" >}}
        Version numbers follow semantic versioning. The major version only goes up for incompatible changes.
        {{< /admonition >}}

        After a release, we answer questions on the forum for three days.

        """

    /// The sentences of an English post (front matter values and body), in order.
    static func sentences(_ bytes: [UInt8], project: Project) throws -> [String] {
        let document = try HugoDocument(bytes: bytes, path: "post.en.md", translatableKeys: ["title", "tags"])
        let segmenter = try SentenceSegmenter(locale: LocaleTag("en")!, localesDirectory: project.localesDirectory)
        return DocumentSegmenter(segmenter: segmenter).segments(of: document).map { segment in
            (try? InlineCodeSet(codes: segment.codes).expand(segment.text)) ?? segment.text
        }
    }

    @Test func buildReproducesTheAdoptedTranslationSentenceForSentence() throws {
        let temporary = try TemporaryProject(extraConfiguration: "translateKeys: [title, tags]\n")
        defer { temporary.remove() }
        let post = try temporary.write(Self.chinese, to: "content/posts/release.md")
        let human = try temporary.write(Self.english, to: "content/posts/release.en.md")
        let project = try Project.open(configFile: temporary.configFile)
        let memory = try project.openMemory()

        let result = try TranslationAdoption(project: project, memory: memory).adopt(post: post, translation: human, locale: LocaleTag("en")!)
        let file = try #require(try SegmentFileStore.read(try project.segmentFile(for: post, locale: LocaleTag("en")!)))
        #expect(result.translated == file.segments.count && result.fuzzy == 0)
        #expect(file.segments.allSatisfy { $0.origin == .aligned && $0.state == .translated })
        #expect(file.segments.first { $0.source == "运行{1/}并确认全部通过。" }?.target == "Run {1/} and check that everything passes.")
        #expect(file.segments.first { $0.source == "小提示" }?.target == "A small tip")

        let expected = try Self.sentences(Array(Self.english.utf8), project: project)
        _ = try PostBuilder(project: project).build(post)
        let built = try Self.sentences(temporary.read("content/posts/release.en.md"), project: project)
        #expect(built == expected)
        #expect(String(decoding: try temporary.read("content/posts/release.en.md"), as: UTF8.self)
            .contains("We ship a new release on the first Tuesday of every month. The code is frozen a week before, for bug fixes only."))

        // The memory has the adopted sentences: another post reuses them.
        let other = try temporary.write("发布后，我们在论坛上回答问题三天。\n", to: "content/posts/other.md")
        let filled = try Extractor(project: project, memory: memory).extract(other)
        #expect(filled.first?.leverage?.exact == 1 || filled.first?.leverage?.inContext == 1)
    }

    @Test func aPersonsTargetIsNeverReplacedAndAnUnsurePairIsFuzzy() throws {
        let temporary = try TemporaryProject()
        defer { temporary.remove() }
        let post = try temporary.write("他找了很久。没有找到。\n\n这是第二段。\n", to: "content/posts/a.md")
        let human = try temporary.write("He searched for a long time, but found nothing.\n\nThis is the second paragraph.\n", to: "content/posts/a.en.md")
        let project = try Project.open(configFile: temporary.configFile)
        _ = try Extractor(project: project).extract(post)
        let url = try project.segmentFile(for: post, locale: LocaleTag("en")!)
        var file = try #require(try SegmentFileStore.read(url))
        file.segments[2].target = "Paragraph two, as our translator wrote it."
        file.segments[2].state = .reviewed
        file.segments[2].origin = .human
        _ = try SegmentFileStore.write(file, to: url)

        _ = try TranslationAdoption(project: project, memory: nil).adopt(post: post, translation: human, locale: LocaleTag("en")!)
        let adopted = try #require(try SegmentFileStore.read(url))
        // Two sentences translated as one: the first holds it, both are left to check.
        #expect(adopted.segments[0].target == "He searched for a long time, but found nothing.")
        #expect(adopted.segments[0].state == .fuzzy && adopted.segments[1].state == .fuzzy)
        #expect(adopted.segments[2].target == "Paragraph two, as our translator wrote it.")
        #expect(adopted.segments[2].origin == .human)
    }

    /// A helper's finding on a real docs site: a name the translation keeps as it is (`Redis`
    /// for `Redis`) was left untouched as if it were the Chinese a partial build falls back to,
    /// so the adopted page was never complete and `build` skipped it. A Chinese sentence copied
    /// as it is still is no translation.
    @Test func aNameKeptAsItIsIsATranslationAndChineseCopiedAsItIsIsNot() throws {
        let temporary = try TemporaryProject()
        defer { temporary.remove() }
        let post = try temporary.write("## Redis\n\n这是一个缓存。\n\n这一段没有翻译。\n", to: "content/posts/a.md")
        let human = try temporary.write("## Redis\n\nThis is a cache.\n\n这一段没有翻译。\n", to: "content/posts/a.en.md")
        let project = try Project.open(configFile: temporary.configFile)
        _ = try Extractor(project: project).extract(post)
        let result = try TranslationAdoption(project: project, memory: nil).adopt(post: post, translation: human, locale: LocaleTag("en")!)
        let adopted = try #require(try SegmentFileStore.read(try project.segmentFile(for: post, locale: LocaleTag("en")!)))
        #expect(adopted.segments.map(\.target) == ["Redis", "This is a cache.", nil])
        #expect(adopted.segments.map(\.state) == [.translated, .translated, .new])
        #expect(result.translated == 2 && result.untouched == 1)
    }
}
