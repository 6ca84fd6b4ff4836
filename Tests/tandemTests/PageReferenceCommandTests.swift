import Foundation
import Testing
import TandemTestSupport

/// A helper's finding on the DoIt docs: a translated page kept its source's `ref`/`relref`, and
/// Hugo, which looks a reference up among the pages of the page's own language, stopped the
/// whole site (`REF_NOT_FOUND`) at one naming the source's file (`b.zh-cn.md`) or a page not
/// translated yet. build now names the translation's file, or the source's language
/// (`lang="zh-cn"`) while the page has no translation; Hugo renders both.
@Suite("build and Hugo's page references")
struct PageReferenceCommandTests {
    static let hugo = "/usr/bin/hugo"

    static func project() throws -> TemporaryProject {
        let project = try TemporaryProject()
        try project.write("""
            baseURL = "https://example.org/"
            defaultContentLanguage = "zh-cn"
            disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
            [languages.zh-cn]
            weight = 1
            [languages.en]
            weight = 2

            """, to: "hugo.toml")
        try project.write("{{ .Content }}", to: "layouts/_default/single.html")
        try project.write("{{ .Title }}", to: "layouts/_default/list.html")
        try project.write("""
            ---
            title: 甲
            ---

            见[乙]({{< relref "b.md" >}})。见[乙节]({{< ref "b.zh-cn.md#x" >}})。见[乙]({{< relref path="b" >}})。

            """, to: "content/posts/a.md")
        try project.write("---\ntitle: 乙\n---\n\n乙。\n", to: "content/posts/b.zh-cn.md")
        #expect(try ExecutableRunner.run(["extract", "--no-memory"], in: project.root).status == 0)
        return project
    }

    /// Translates every segment of the post's segment file with English written here.
    static func translate(_ post: String, _ english: [String: String], in project: TemporaryProject) throws {
        let file = try JSONSerialization.jsonObject(with: Data(try project.read("locales/en/posts/\(post).json"))) as? [String: Any]
        for segment in file?["segments"] as? [[String: Any]] ?? [] {
            let id = segment["id"] as! String
            let source = segment["source"] as! String
            let result = try ExecutableRunner.run(["set", "--no-memory", id, "--", english[source] ?? source], in: project.root)
            #expect(result.status == 0, "\(result.standardError)")
        }
    }

    static func render(_ project: TemporaryProject) throws -> String? {
        guard FileManager.default.isExecutableFile(atPath: hugo) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: hugo)
        process.arguments = ["--source", project.root.path, "--destination", project.root.appendingPathComponent("public").path, "--quiet"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "hugo refused the site")
        return try? String(contentsOf: project.root.appendingPathComponent("public/en/posts/a/index.html"), encoding: .utf8)
    }

    @Test func aReferenceLeadsToTheTranslationOrElseToTheSourcePage() throws {
        let project = try Self.project()
        defer { project.remove() }
        try Self.translate("a", ["甲": "A", "见{1}乙{/1}。": "See {1}B{/1}.", "见{1}乙节{/1}。": "See {1}its section{/1}."], in: project)

        // Only a is translated: its references lead to the Chinese page.
        #expect(try ExecutableRunner.run(["build"], in: project.root).status == 0)
        let first = String(decoding: try project.read("content/posts/a.en.md"), as: UTF8.self)
        #expect(first.contains(#"See [B]({{< relref path="b.md" lang="zh-cn" >}}). See [its section]({{< ref path="b.zh-cn.md#x" lang="zh-cn" >}}). See [B]({{< relref path="b" lang="zh-cn" >}})."#), "\(first)")
        if let page = try Self.render(project) {
            #expect(page.contains(#"See <a href="/posts/b/">B</a>. See <a href="https://example.org/posts/b/#x">its section</a>. See <a href="/posts/b/">B</a>."#), "\(page)")
        }

        // Once b is translated (built in the same run, after a), they lead to the English page.
        try Self.translate("b.zh-cn", ["乙": "B", "乙。": "B."], in: project)
        let result = try ExecutableRunner.run(["build"], in: project.root)
        #expect(result.status == 0, "\(result.standardError)")
        let second = String(decoding: try project.read("content/posts/a.en.md"), as: UTF8.self)
        #expect(second.contains(#"See [B]({{< relref "b.md" >}}). See [its section]({{< ref "b.en.md#x" >}}). See [B]({{< relref path="b" >}})."#), "\(second)")
        if let page = try Self.render(project) {
            #expect(page.contains(#"See <a href="/en/posts/b/">B</a>. See <a href="https://example.org/en/posts/b/#x">its section</a>. See <a href="/en/posts/b/">B</a>."#), "\(page)")
        }
    }

    /// A helper's finding on the Congo theme's docs: a leaf bundle's `ref "b"` (a sibling bundle)
    /// and a page's `ref "charts"` (a page in another section, by its name alone) were left as
    /// they were, since Tandem looked in the bundle's own folder and not by name; the pages they
    /// named had no translation, and Hugo stopped the site. Hugo looks from a bundle's parent
    /// folder, and finds a page by a name only it has.
    @Test func referencesFromABundleAndByNameAloneAreFoundAsHugoFindsThem() throws {
        let project = try Self.project()
        defer { project.remove() }
        try project.write("---\ntitle: 丙\n---\n\n见[丁]({{< ref \"d\" >}})。见[图表]({{< ref \"charts\" >}})。\n", to: "content/posts/c/index.md")
        try project.write("---\ntitle: 丁\n---\n\n丁。\n", to: "content/posts/d/index.md")
        try project.write("---\ntitle: 图表\n---\n\n图表。\n", to: "content/docs/charts.md")
        #expect(try ExecutableRunner.run(["extract", "--no-memory"], in: project.root).status == 0)
        try Self.translate("c/index", ["丙": "C", "见{1}丁{/1}。": "See {1}D{/1}.", "见{1}图表{/1}。": "See {1}charts{/1}."], in: project)
        let result = try ExecutableRunner.run(["build", "content/posts/c/index.md"], in: project.root)
        #expect(result.status == 0, "\(result.standardError)")
        let built = String(decoding: try project.read("content/posts/c/index.en.md"), as: UTF8.self)
        #expect(built.contains(#"See [D]({{< ref path="d" lang="zh-cn" >}}). See [charts]({{< ref path="charts" lang="zh-cn" >}})."#), "\(built)")
        if FileManager.default.isExecutableFile(atPath: Self.hugo) {
            _ = try Self.render(project)
            let page = try? String(contentsOf: project.root.appendingPathComponent("public/en/posts/c/index.html"), encoding: .utf8)
            #expect(page?.contains(#"See <a href="https://example.org/posts/d/">D</a>. See <a href="https://example.org/docs/charts/">charts</a>."#) == true, "\(page ?? "no page")")
        }
    }
}
