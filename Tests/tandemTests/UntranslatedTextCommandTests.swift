import Foundation
import Testing
import TandemTestSupport

/// `tandem extract` says where Chinese text stays untranslated on every translated page: a
/// shortcode argument or raw HTML per place, front matter keys once per run.
@Suite("tandem extract, text no segment holds")
struct UntranslatedTextCommandTests {
    static func project() throws -> TemporaryProject {
        let project = try TemporaryProject()
        for name in ["a", "b"] {
            try project.write("---\ntitle: 标题\nauthor: 张三\n---\n\n正文。\n\n{{< person name=\"李四\" >}}\n", to: "content/posts/\(name).md")
        }
        return project
    }

    @Test func eachPlaceIsNamedOnceWhenThePostIsRead() throws {
        let project = try Self.project()
        defer { project.remove() }
        let extract = try ExecutableRunner.run(["extract", "--no-memory"], in: project.root)
        #expect(extract.status == 0, "\(extract.standardError)")
        let lines = extract.standardError.split(separator: "\n").map(String.init)
        #expect(lines.contains(
            "content/posts/a.md:8:18: warning: '李四' (an argument of shortcode person) is in no segment and stays Chinese in every translation; "
                + "name the argument in tandem.yml's shortcodes: to translate it"), "\(lines)")
        #expect(lines.filter { $0.contains("front matter key 'author'") } == [
            "content/posts/a.md:3:9: warning: front matter key 'author' holds Chinese text in 2 posts and is not translated; add it to translateKeys: in tandem.yml to translate it",
        ])
        // Nothing changed: once the posts are skipped (a second run may read them again: their
        // stamps were taken within the clock tick they were written in), nothing is said again.
        _ = try ExecutableRunner.run(["extract", "--no-memory"], in: project.root)
        let again = try ExecutableRunner.run(["extract", "--no-memory", "--json"], in: project.root)
        #expect(again.standardOutput.contains("\"skipped\" : true"))
        #expect(!again.standardError.contains("warning"), "\(again.standardError)")
    }

    @Test func jsonListsThePlaces() throws {
        let project = try Self.project()
        defer { project.remove() }
        let extract = try ExecutableRunner.run(["extract", "--no-memory", "--json"], in: project.root)
        #expect(extract.status == 0, "\(extract.standardError)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(extract.standardOutput.utf8)) as? [String: Any])
        let first = try #require((report["results"] as? [[String: Any]])?.first)
        let places = try #require(first["untranslatedText"] as? [[String: Any]])
        #expect(places.map { $0["place"] as? String } == ["front-matter", "shortcode"])
        #expect(places.map { $0["text"] as? String } == ["张三", "李四"])
    }

    /// Text inside a flow mapping (`params: {note: 说明}`, `- {name: 官网}`, TOML's inline
    /// table) is not translated whatever translateKeys says, and was not named at all. A key
    /// or a `#` inside quotes is not taken for text or a comment; a block map's key is not
    /// named (only its text values are).
    @Test func textInsideAFlowMappingIsNamedWithWhatToDo() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write(
            "---\ntitle: 标题\nparams: {note: 说明, \"k\": \"a # 不是注释\"}\nlinks:\n  - {name: 官网, url: \"https://a.com\"}\nmenu:\n  main: {weight: 1}\n  side: {name: 侧栏}\n---\n\n正文。\n",
            to: "content/posts/a.md")
        try project.write("+++\ntitle = \"标题\"\n[params]\nbox = {caption = \"图注\"}\n+++\n\n正文。\n", to: "content/posts/b.md")
        let extract = try ExecutableRunner.run(["extract", "--no-memory"], in: project.root)
        #expect(extract.status == 0, "\(extract.standardError)")
        let lines = extract.standardError.split(separator: "\n").map(String.init)
        #expect(lines == [
            "content/posts/a.md:3:16: warning: front matter key 'params' holds Chinese text inside a flow mapping ({…}) in 1 post, which is not translated; "
                + "write the mapping as a block, one key per line, and add its keys to translateKeys: in tandem.yml (params.<key>) to translate them",
            "content/posts/a.md:5:12: warning: front matter key 'links.*' holds Chinese text inside a flow mapping ({…}) in 1 post, which is not translated; "
                + "write the mapping as a block, one key per line, and add its keys to translateKeys: in tandem.yml (links.*.<key>) to translate them",
            "content/posts/a.md:8:16: warning: front matter key 'menu.side' holds Chinese text inside a flow mapping ({…}) in 1 post, which is not translated; "
                + "write the mapping as a block, one key per line, and add its keys to translateKeys: in tandem.yml (menu.side.<key>) to translate them",
            "content/posts/b.md:4:19: warning: front matter key 'params.box' holds Chinese text inside a flow mapping ({…}) in 1 post, which is not translated; "
                + "write the mapping as a block, one key per line, and add its keys to translateKeys: in tandem.yml (params.box.<key>) to translate them",
        ], "\(lines)")
    }
}
