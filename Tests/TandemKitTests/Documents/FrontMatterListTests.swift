import Testing
import TandemKit

/// List-valued front matter keys named in `translateKeys` (`tags`, `categories`): one sentence
/// per item, built back as the same list in the same syntax.
@Suite("Front matter lists")
struct FrontMatterListTests {
    static let keys = ["title", "tags", "categories"]
    static let english = ["标题": "Title", "人工智能": "AI", "手机": "Phones", "新闻": "News"]

    @Test(arguments: [
        ("YAML block sequence",
         "---\ntitle: 标题\ntags:\n  - 人工智能\n  - \"手机\"\n  - Go\ncategories: [新闻]\n---\n",
         "---\ntitle: Title\ntags:\n  - AI\n  - Phones\n  - Go\ncategories: [News]\n---\n"),
        ("TOML arrays", "+++\ntitle = '标题'\ntags = [\"人工智能\", \"手机\", \"Go\"]\ncategories = ['新闻']\n+++\n",
         "+++\ntitle = 'Title'\ntags = [\"AI\", \"Phones\", \"Go\"]\ncategories = ['News']\n+++\n"),
        ("JSON arrays", "{\n  \"title\": \"标题\",\n  \"tags\": [\"人工智能\", \"手机\", \"Go\"],\n  \"categories\": [\"新闻\"]\n}\n",
         "{\n  \"title\": \"Title\",\n  \"tags\": [\"AI\", \"Phones\", \"Go\"],\n  \"categories\": [\"News\"]\n}\n"),
    ])
    func eachItemIsASentenceAndTheListKeepsItsShape(_ name: String, _ post: String, _ expected: String) throws {
        let translated = try TranslatedPost(post, keys: Self.keys, english: Self.english)
        let (segments, built) = (translated.segments.map(\.text), translated.built)
        #expect(segments == ["标题", "人工智能", "手机", "Go", "新闻"], "\(name)")
        #expect(built == expected, "\(name)")
    }

    @Test func anUntranslatedListIsLeftByteForByte() throws {
        let post = "---\ntags:\n- 人工智能   # a comment\n- 'Go'\n---\n"
        let document = try HugoDocument(bytes: Array(post.utf8), path: "post.md", translatableKeys: Self.keys)
        let segments = DocumentSegmenter(segmenter: try SentenceSegmenter(locale: LocaleTag("zh-CN")!)).segments(of: document)
        let identity = Dictionary(uniqueKeysWithValues: segments.map { ($0.id, $0.text) })
        let built = try DocumentBuilder(document: document, segments: segments)
            .build(targets: identity, fallbackToSource: false, language: nil, translations: nil)
        #expect(String(decoding: built, as: UTF8.self) == post)
    }
}
