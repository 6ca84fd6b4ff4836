import Foundation
import TandemKit
import TandemTestSupport

/// A project of the team's own for exchange-format tests: one post with every kind of inline
/// code (bold, link, image, inline code, a bold pair split across two sentences, a footnote
/// reference, a shortcode) and an English translation for every sentence, written by hand.
public struct ExchangeSampleProject {
    public let temporary: TemporaryProject
    public let project: Project
    public let post: URL
    public let segmentFile: URL

    public static let postPath = "content/posts/open-models.md"

    public static let post = """
        ---
        title: "开源模型的一周"
        translations: [zh-CN, en]
        ---

        本周，**通义千问**发布了新版本。开发者可以在[官方网站](https://example.org/qwen)下载。

        运行`pip install qwen`即可安装。下面**第一句加粗。第二句也加粗**然后结束。

        ![发布会现场](/img/launch.png)

        详见脚注[^1]，以及{{< ref "other.md" >}}一文。

        [^1]: 数据来自公司公告。

        """

    /// Source sentence (with placeholders) → the English translation.
    public static let english: [String: String] = [
        "开源模型的一周": "A week of open models",
        "本周，{1}通义千问{/1}发布了新版本。": "This week, {1}Qwen{/1} released a new version.",
        "开发者可以在{1}官方网站{/1}下载。": "Developers can download it from the {1}official site{/1}.",
        "运行{1/}即可安装。": "Run {1/} to install it.",
        "下面{1}第一句加粗。": "Below, {1}the first sentence is bold.",
        "第二句也加粗{/1}然后结束。": "So is the second one{/1}, and then it ends.",
        "发布会现场": "At the launch event",
        "详见脚注{1/}，以及{2/}一文。": "See the footnote{1/} and the article {2/}.",
        "数据来自公司公告。": "The figures come from the company's announcement.",
    ]

    /// A project with the post extracted (no memory): every segment `new`.
    public init() throws {
        temporary = try TemporaryProject()
        post = try temporary.write(Self.post, to: Self.postPath)
        project = try Project.open(configFile: temporary.configFile)
        _ = try Extractor(project: project).extract(post)
        segmentFile = try project.segmentFile(for: post, locale: LocaleTag("en")!)
    }

    /// The segment file as it is now.
    public func segments() throws -> SegmentFile {
        guard let file = try SegmentFileStore.read(segmentFile) else { throw TandemError.unreadable(path: segmentFile.path, reason: "no segment file") }
        return file
    }

    public func remove() { temporary.remove() }

    /// A corpus post copied into a project of its own, extracted, and ready to export to `en`
    /// (the caller removes the project).
    public static func documents(ofCorpusPost post: URL) throws -> (TemporaryProject, [ExchangeDocument]) {
        let temporary = try TemporaryProject()
        let copy = try temporary.write(try TextFile.readBytes(post), to: "content/posts/\(post.lastPathComponent)")
        let project = try Project.open(configFile: temporary.configFile)
        _ = try Extractor(project: project).extract(copy)
        return (temporary, try ExchangeExport(project: project, locale: LocaleTag("en")!).documents(posts: [copy]))
    }
}
