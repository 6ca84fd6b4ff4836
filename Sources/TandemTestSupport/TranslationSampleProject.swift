import Foundation

/// A small project for the translator's commands (`translate`, `next`, `set`, `review`,
/// `show`): one Chinese post written for these tests, a glossary with a forbidden variant, and
/// the English of every sentence, written by hand.
public enum TranslationSampleProject {
    public static let postPath = "content/posts/hangzhou.md"
    public static let segmentFilePath = "locales/en/posts/hangzhou.json"

    public static let post = """
        ---
        title: "杭州的一天"
        ---

        我们先去了**西湖**。下午参观了阿里云的园区。

        晚上下起了雨，我们在一家小店吃了 2 碗面。

        """

    /// The source sentences (with placeholders), in document order.
    public static let sources = [
        "杭州的一天",
        "我们先去了{1}西湖{/1}。",
        "下午参观了阿里云的园区。",
        "晚上下起了雨，我们在一家小店吃了 2 碗面。",
    ]

    /// Source sentence → its English.
    public static let english: [String: String] = [
        "杭州的一天": "A day in Hangzhou",
        "我们先去了{1}西湖{/1}。": "We went to {1}West Lake{/1} first.",
        "下午参观了阿里云的园区。": "In the afternoon we visited the Alibaba Cloud campus.",
        "晚上下起了雨，我们在一家小店吃了 2 碗面。": "In the evening it rained, and we had 2 bowls of noodles in a small shop.",
    ]

    /// `阿里云` must be `Alibaba Cloud`, never `Aliyun`.
    public static let glossary = """
        # source\ttarget\tcomment\ttype\tforbidden
        阿里云\tAlibaba Cloud\tAlibaba's cloud unit\tterm\tAliyun
        西湖\tWest Lake\t\tterm\t

        """

    /// A TMX holding the title's translation, as a memory that learnt it elsewhere.
    public static let memoryTMX = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4">
          <header creationtool="test" creationtoolversion="1" datatype="plaintext" segtype="sentence" adminlang="en" srclang="zh-CN" o-tmf="test"/>
          <body>
            <tu>
              <tuv xml:lang="zh-CN"><seg>杭州的一天</seg></tuv>
              <tuv xml:lang="en"><seg>A day in Hangzhou</seg></tuv>
            </tu>
          </body>
        </tmx>

        """

    /// A new project with the post and the glossary (not extracted yet).
    public static func make() throws -> TemporaryProject {
        let project = try TemporaryProject(source: "zh-CN", targets: ["en"])
        try project.write(post, to: postPath)
        try project.write(glossary, to: "glossaries/zh-CN/en.tsv")
        return project
    }
}
