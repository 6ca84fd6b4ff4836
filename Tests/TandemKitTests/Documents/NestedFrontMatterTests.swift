import Testing
import TandemKit

/// Front matter keys inside nested maps named in `translateKeys` by their path (`menu.*.name`,
/// `params.subtitle`): each string is a sentence of its own, located by its path, and built
/// back in place with everything around it byte for byte, in YAML, TOML and JSON.
@Suite("Nested front matter keys")
struct NestedFrontMatterTests {
    static let keys = ["title", "menu.*.name", "params.subtitle"]
    static let english = ["关于": "About", "关于我们": "About us", "页脚": "Footer: links", "一个小团队": "A \"small\" team"]

    @Test(arguments: [
        ("YAML block mappings",
         "---\ntitle: 关于我们\nmenu:\n  main:\n    name: 关于   # label\n    weight: 2\n  footer:\n    name: '页脚'\nparams:\n  subtitle: \"一个小团队\"\n  other: 别的\n---\n",
         "---\ntitle: About us\nmenu:\n  main:\n    name: About   # label\n    weight: 2\n  footer:\n    name: 'Footer: links'\nparams:\n  subtitle: \"A \\\"small\\\" team\"\n  other: 别的\n---\n"),
        ("TOML tables and dotted keys",
         "+++\ntitle = \"关于我们\"\nparams.subtitle = '一个小团队'\n\n[menu.main]\nname = \"关于\" # label\nweight = 2\n\n[menu . 'footer']\nname = \"页脚\"\n+++\n",
         "+++\ntitle = \"About us\"\nparams.subtitle = 'A \"small\" team'\n\n[menu.main]\nname = \"About\" # label\nweight = 2\n\n[menu . 'footer']\nname = \"Footer: links\"\n+++\n"),
        ("JSON objects",
         "{\n  \"title\": \"关于我们\",\n  \"menu\": {\"main\": {\"name\": \"关于\", \"weight\": 2}, \"footer\": {\"name\": \"页脚\"}},\n  \"params\": {\n    \"subtitle\": \"一个小团队\",\n    \"other\": \"别的\"\n  }\n}\n",
         "{\n  \"title\": \"About us\",\n  \"menu\": {\"main\": {\"name\": \"About\", \"weight\": 2}, \"footer\": {\"name\": \"Footer: links\"}},\n  \"params\": {\n    \"subtitle\": \"A \\\"small\\\" team\",\n    \"other\": \"别的\"\n  }\n}\n"),
    ])
    func eachNamedValueIsASentenceBuiltBackInPlace(_ name: String, _ post: String, _ expected: String) throws {
        let translated = try TranslatedPost(post, keys: Self.keys, english: Self.english)
        let (locations, segments, built) = (translated.segments.map(\.location), translated.segments.map(\.text), translated.built)
        #expect(Set(locations) == ["front/title/s[1]", "front/menu.main.name/s[1]", "front/menu.footer.name/s[1]", "front/params.subtitle/s[1]"], "\(name): \(locations)")
        #expect(Set(segments) == ["关于我们", "关于", "页脚", "一个小团队"], "\(name)")
        #expect(built == expected, "\(name)")
    }

    /// A flow mapping (`{name: …}`), an inline table, an array of tables and a YAML alias are
    /// not entered: nothing in them is located for a splice.
    @Test(arguments: [
        "---\ntitle: 关于我们\nmenu: {main: {name: 关于}}\n---\n",
        "+++\ntitle = \"关于我们\"\nmenu = { main = { name = \"关于\" } }\n+++\n",
        "+++\ntitle = \"关于我们\"\n[[menu.main]]\nname = \"关于\"\n+++\n",
        "---\ntitle: 关于我们\nbase: &m\n  name: 关于\nmenu:\n  main: *m\n---\n",
    ])
    func valuesWhoseBytesCannotBeLocatedAreNotNamed(_ post: String) throws {
        let translated = try TranslatedPost(post, keys: Self.keys, english: Self.english)
        let (locations, built) = (translated.segments.map(\.location), translated.built)
        #expect(!locations.contains { $0.hasPrefix("front/menu.") }, "\(locations)")
        #expect(built.contains("About us"))
    }

    /// A nested value written as a YAML alias of a string elsewhere would be translated in the
    /// anchor's place: refused, naming the key, as for a top-level key.
    @Test func aNestedAliasTandemWouldRewriteIsRefused() throws {
        let post = "---\ntitle: &t 关于我们\nmenu:\n  main:\n    name: *t\n---\n"
        #expect(throws: TandemError.self) { try HugoDocument(bytes: Array(post.utf8), path: "post.md", translatableKeys: Self.keys) }
        do {
            _ = try HugoDocument(bytes: Array(post.utf8), path: "post.md", translatableKeys: Self.keys)
        } catch {
            #expect("\(error)".contains("'menu.main.name' uses a YAML alias"), "\(error)")
        }
        // Not translated, it may be anything.
        #expect(try HugoDocument(bytes: Array(post.utf8), path: "post.md", translatableKeys: ["subtitle"]).units.isEmpty)
    }

    @Test(arguments: [
        ("menu.*.name", "menu.main.name", true),
        ("menu.*.name", "Menu.Footer.NAME", true),
        ("menu.*.name", "menu.main", false),
        ("menu.*.name", "menu.main.name.x", false),
        ("params.subtitle", "params.subtitle", true),
        ("params.subtitle", "params.title", false),
    ])
    func aPathMatchesKeysPartByPartInAnyCase(_ path: String, _ key: String, _ matches: Bool) {
        #expect(FrontMatterKeyPath(path).matches(key) == matches)
    }
}
