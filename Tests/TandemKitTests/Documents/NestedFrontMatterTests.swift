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

    /// A flow mapping (`{name: …}`), an inline table and a YAML alias are not entered: nothing
    /// in them is located for a splice. (An array of tables is entered, its items named by
    /// position, so `menu.*.name` does not name `menu.main.0.name`.)
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

    static let resourceKeys = ["title", "resources.*.title"]
    static let resourceEnglish = ["图集": "Gallery", "海边的日落": "Sunset by the sea", "照片规格": "Photo specs: \"A4\"", "第三张": "The third"]

    /// The items of a list of maps (Hugo's page resources) are named by their position from 0,
    /// so `resources.*.title` names each resource's title; each is built back in place. YAML
    /// block sequences (an item's dash alone on its line too), TOML arrays of tables (a
    /// sub-table `[resources.params]` belongs to the last item), JSON arrays (an item that is
    /// not an object keeps its position).
    @Test(arguments: [
        ("YAML block sequence",
         "---\ntitle: 图集\nresources:\n- src: a.jpg\n  title: 海边的日落   # shown\n- src: b.pdf\n  title: \"照片规格\"\n  params:\n    icon: photo\n-\n  # third\n  title: 第三张\n  src: c.jpg\ntags: [图]\n---\n",
         "---\ntitle: Gallery\nresources:\n- src: a.jpg\n  title: Sunset by the sea   # shown\n- src: b.pdf\n  title: \"Photo specs: \\\"A4\\\"\"\n  params:\n    icon: photo\n-\n  # third\n  title: The third\n  src: c.jpg\ntags: [图]\n---\n"),
        ("TOML array of tables",
         "+++\ntitle = \"图集\"\n[[resources]]\nsrc = \"a.jpg\"\ntitle = \"海边的日落\" # shown\n[[resources]]\nsrc = \"b.pdf\"\ntitle = '照片规格'\n[resources.params]\nicon = \"photo\"\n[[resources]]\ntitle = \"第三张\"\n+++\n",
         "+++\ntitle = \"Gallery\"\n[[resources]]\nsrc = \"a.jpg\"\ntitle = \"Sunset by the sea\" # shown\n[[resources]]\nsrc = \"b.pdf\"\ntitle = 'Photo specs: \"A4\"'\n[resources.params]\nicon = \"photo\"\n[[resources]]\ntitle = \"The third\"\n+++\n"),
        ("JSON array",
         "{\n  \"title\": \"图集\",\n  \"resources\": [\n    {\"src\": \"a.jpg\", \"title\": \"海边的日落\"},\n    {\"src\": \"b.pdf\", \"title\": \"照片规格\", \"params\": {\"icon\": \"photo\"}},\n    {\"title\": \"第三张\"}\n  ]\n}\n",
         "{\n  \"title\": \"Gallery\",\n  \"resources\": [\n    {\"src\": \"a.jpg\", \"title\": \"Sunset by the sea\"},\n    {\"src\": \"b.pdf\", \"title\": \"Photo specs: \\\"A4\\\"\", \"params\": {\"icon\": \"photo\"}},\n    {\"title\": \"The third\"}\n  ]\n}\n"),
    ])
    func eachItemOfAListOfMapsIsNamedByItsPosition(_ name: String, _ post: String, _ expected: String) throws {
        let translated = try TranslatedPost(post, keys: Self.resourceKeys, english: Self.resourceEnglish)
        let located = translated.segments.map { "\($0.location)=\($0.text)" }
        #expect(located == ["front/title/s[1]=图集", "front/resources.0.title/s[1]=海边的日落", "front/resources.1.title/s[1]=照片规格",
                            "front/resources.2.title/s[1]=第三张"], "\(name)")
        #expect(translated.built == expected, "\(name)")
    }

    /// TOML's nested arrays of tables: `[[a.b]]` after the second `[[a]]` starts a new list in
    /// that item, so its first item is `a.1.b.0`, not `a.0.b.1`.
    @Test func aNestedArrayOfTablesBelongsToTheLastItemAboveIt() throws {
        let post = "+++\ntitle = \"图集\"\n[[a]]\n[[a.b]]\nt = \"海边的日落\"\n[[a]]\n[[a.b]]\nt = \"照片规格\"\n+++\n"
        let translated = try TranslatedPost(post, keys: ["a.*.b.*.t"], english: Self.resourceEnglish)
        #expect(translated.segments.map(\.location) == ["front/a.0.b.0.t/s[1]", "front/a.1.b.0.t/s[1]"])
        #expect(translated.built.contains("[[a.b]]\nt = \"Sunset by the sea\"\n[[a]]\n[[a.b]]\nt = \"Photo specs: \\\"A4\\\"\"\n"), "\(translated.built)")
    }

    /// Lists whose items' bytes are not located for a splice are not entered: a YAML flow
    /// sequence or flow item, a TOML array of inline tables, a YAML alias of a list.
    @Test(arguments: [
        "---\ntitle: 图集\nresources: [{src: a.jpg, title: 海边的日落}]\n---\n",
        "---\ntitle: 图集\nresources:\n- {src: a.jpg, title: 海边的日落}\n---\n",
        "+++\ntitle = \"图集\"\nresources = [{ src = \"a.jpg\", title = \"海边的日落\" }]\n+++\n",
        "---\nbase: &r\n- title: 海边的日落\ntitle: 图集\nresources: *r\n---\n",
    ])
    func listItemsWhoseBytesCannotBeLocatedAreNotNamed(_ post: String) throws {
        let translated = try TranslatedPost(post, keys: Self.resourceKeys, english: Self.resourceEnglish)
        #expect(translated.segments.map(\.location) == ["front/title/s[1]"])
        #expect(translated.built.contains("Gallery") && translated.built.contains("海边的日落"))
    }

    @Test(arguments: [
        ("resources.*.title", "resources.0.title", true),
        ("resources.*.title", "resources.12.title", true),
        ("resources.1.title", "resources.0.title", false),
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
