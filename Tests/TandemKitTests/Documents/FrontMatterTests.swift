import Testing
import TandemKit

@Suite("Front matter: typed values and where they are written")
struct FrontMatterTests {
    static func read(_ text: String) throws -> (FrontMatter, [UInt8]) {
        let bytes = Array(text.utf8)
        return (try #require(try FrontMatter.read(bytes, path: "post.md")), bytes)
    }

    static func raw(_ field: FrontMatterField?, _ bytes: [UInt8]) -> String {
        guard let field else { return "<missing>" }
        return String(decoding: bytes[field.valueRange], as: UTF8.self)
    }

    @Test func yamlScalarsOfEveryStyle() throws {
        let (frontMatter, bytes) = try Self.read("""
            ---
            title: "双引号 \\"转义\\""
            summary: '单引号 ''转义'''
            description: 普通文字 # 注释
            lead: |
              第一行
              第二行
            date: 2025-01-01
            draft: false
            ---
            正文
            """)
        #expect(frontMatter.syntax == .yaml)
        #expect(frontMatter["title"]?.value == .string("双引号 \"转义\""))
        #expect(Self.raw(frontMatter["title"], bytes) == "\"双引号 \\\"转义\\\"\"")
        #expect(frontMatter["summary"]?.value == .string("单引号 '转义'"))
        #expect(Self.raw(frontMatter["summary"], bytes) == "'单引号 ''转义'''")
        #expect(frontMatter["description"]?.value == .string("普通文字"))
        #expect(Self.raw(frontMatter["description"], bytes) == "普通文字")
        #expect(frontMatter["lead"]?.value == .string("第一行\n第二行\n"))
        #expect(Self.raw(frontMatter["lead"], bytes) == "|\n  第一行\n  第二行")
        // Dates and booleans are not strings: never translated.
        #expect(frontMatter["date"]?.value == .other)
        #expect(frontMatter["draft"]?.value == .other)
        #expect(frontMatter["title"]?.line == 2)
    }

    /// Plain scalars are strings unless YAML 1.1's rules make them something else; the reader
    /// skips the rules' regular expressions for scalars none can match, so both sides are here.
    @Test(arguments: [
        ("zh-CN", true), ("中文标题", true), ("hello world", true), ("Yes please", true), ("1st place", true),
        ("_draft", true), ("é", true), ("true", false), ("Yes", false), ("off", false), ("~", false),
        ("null", false), ("NULL", false), ("0x1F", false), ("-12", false), ("+3", false), ("0o17", false),
        ("1_000", false), (".5", false), ("-.inf", false), (".NaN", false), ("<<", false), ("=", false),
        ("2026-02-02", false), ("2026-2-2 10:00:00", false), ("12:30", false), ("1.2.3", true), ("-x", true),
        ("n", true), ("nope", true), ("o", true), ("<a>", true), ("= b", true), ("0.5x", true), (".x", true),
    ])
    func yamlPlainScalarIsAStringAsYAMLResolvesIt(_ scalar: String, _ isString: Bool) throws {
        let (frontMatter, _) = try Self.read("---\ntitle: \(scalar)\n---\n正文\n")
        if isString {
            #expect(frontMatter["title"]?.value == .string(scalar))
        } else {
            #expect(frontMatter["title"]?.value == .other)
        }
    }

    /// An explicit tag decides, whatever the text looks like.
    @Test func yamlTaggedScalarIsWhatItsTagSays() throws {
        let (frontMatter, _) = try Self.read("---\ntitle: !!str 12\nsummary: !!int abc\nlead: !!str 中文\n---\n正文\n")
        #expect(frontMatter["title"]?.value == .string("12"))
        #expect(frontMatter["summary"]?.value == .other)
        #expect(frontMatter["lead"]?.value == .string("中文"))
    }

    @Test func yamlListsInBlockAndFlowStyle() throws {
        let (frontMatter, bytes) = try Self.read("---\ntranslations:\n  - \"zh-CN\"\n  - \"en\"\nlang: [zh-CN]\n---\n")
        #expect(frontMatter["translations"]?.value == .strings(["zh-CN", "en"]))
        #expect(Self.raw(frontMatter["translations"], bytes) == "  - \"zh-CN\"\n  - \"en\"")
        #expect(frontMatter["translations"]?.style == .blockSequence(prefix: "  ", quote: "\""))
        #expect(frontMatter["lang"]?.value == .strings(["zh-CN"]))
        #expect(Self.raw(frontMatter["lang"], bytes) == "[zh-CN]")
    }

    @Test func toml() throws {
        let (frontMatter, bytes) = try Self.read("+++\ntitle= \"Docker配置\" # 注释\ndescription = 'literal'\ntags = [\"a\", \"b\"]\ndraft = false\n[params]\ntitle = \"not top level\"\n+++\n")
        #expect(frontMatter.syntax == .toml)
        #expect(frontMatter["title"]?.value == .string("Docker配置"))
        #expect(Self.raw(frontMatter["title"], bytes) == "\"Docker配置\"")
        #expect(Self.raw(frontMatter["description"], bytes) == "'literal'")
        #expect(frontMatter["tags"]?.value == .strings(["a", "b"]))
        #expect(frontMatter["draft"]?.value == .other)
        #expect(frontMatter.fields.filter { $0.key == "title" }.count == 1)
    }

    @Test func json() throws {
        let (frontMatter, bytes) = try Self.read("{\n  \"title\": \"标题\",\n  \"translations\": [\"zh-CN\"],\n  \"n\": 1\n}\n正文\n")
        #expect(frontMatter.syntax == .json)
        #expect(frontMatter["title"]?.value == .string("标题"))
        #expect(Self.raw(frontMatter["title"], bytes) == "\"标题\"")
        #expect(frontMatter["translations"]?.value == .strings(["zh-CN"]))
        #expect(frontMatter["n"]?.value == .other)
    }

    @Test func crlfAndBOMKeepPositionsRight() throws {
        let (frontMatter, bytes) = try Self.read("\u{FEFF}---\r\ntitle: \"标题\"\r\nlang: en\r\n---\r\n正文\r\n")
        #expect(Self.raw(frontMatter["title"], bytes) == "\"标题\"")
        #expect(Self.raw(frontMatter["lang"], bytes) == "en")
    }

    /// A helper's finding on a real blog: 20 posts began with two byte order marks (saved twice
    /// by a Windows editor). Hugo reads their front matter; Tandem read it as body text, and the
    /// English page's title was the Chinese one.
    @Test func twoByteOrderMarksBeforeTheFrontMatter() throws {
        let (frontMatter, bytes) = try Self.read("\u{FEFF}\u{FEFF}---\ntitle: 冬天来了\nslug: winter\n---\n正文。\n")
        #expect(Self.raw(frontMatter["title"], bytes) == "冬天来了")
        let document = try HugoDocument(bytes: Array("\u{FEFF}\u{FEFF}---\ntitle: 冬天来了\n---\n正文。\n".utf8), path: "post.md")
        #expect(document.units.map(\.location) == ["front/title", "body/paragraph[1]"])
        let bare = try HugoDocument(bytes: Array("\u{FEFF}\u{FEFF}正文。\n".utf8), path: "post.md")
        #expect(bare.bodyStart == 6)
    }

    @Test func noFrontMatter() throws {
        #expect(try FrontMatter.read(Array("# 标题\n\n正文\n".utf8), path: "post.md") == nil)
    }

    /// An opening `---` or `+++` never closed is refused, as Hugo refuses it ("EOF looking for
    /// end YAML front matter delimiter"), rather than read as a thematic break and body text.
    @Test func frontMatterNeverClosedIsAnError() throws {
        for text in ["---\n没有结束\n", "+++\ntitle = \"x\"\n", "{\"title\": \"x\",\n正文\n"] {
            let error = try #require(throws: TandemError.self) { try FrontMatter.read(Array(text.utf8), path: "post.md") }
            #expect(error.description.hasPrefix("post.md:1:1: error: front matter is never closed"), "\(error)")
        }
    }

    @Test(arguments: [
        ("Apple Intelligence", "Apple Intelligence"),
        ("yes", "\"yes\""),
        ("a: b", "\"a: b\""),
        ("2025", "\"2025\""),
        ("- item", "\"- item\""),
        ("line\nbreak", "\"line\\nbreak\""),
    ])
    func writerKeepsPlainStyleOnlyWhenItReadsBackTheSame(_ value: String, _ written: String) throws {
        let (frontMatter, _) = try Self.read("---\ntitle: plain\n---\n")
        let field = try #require(frontMatter["title"])
        #expect(FrontMatterWriter.scalar(value, like: field, syntax: .yaml) == written)
    }
}
