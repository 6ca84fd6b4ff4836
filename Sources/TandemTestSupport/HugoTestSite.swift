import Foundation

/// A Hugo site written by a test into a temporary directory: configuration, posts, and a
/// layout that prints each page's language and the pages Hugo links as its translations.
public struct HugoTestSite {
    public let root: URL

    /// Hugo as Debian installs it.
    public static let hugo = URL(fileURLWithPath: "/usr/bin/hugo")
    public static var hugoIsInstalled: Bool { FileManager.default.isExecutableFile(atPath: hugo.path) }

    /// A page layout whose output a test can read: the page's language, its title, and one
    /// `<li data-lang>` per translation Hugo links to it.
    public static let translationsLayout = """
        <html lang="{{ .Language.Lang }}"><body>
        <h1>{{ .Title }}</h1>
        <ul class="translations">{{ range .Translations }}<li data-lang="{{ .Lang }}">{{ .RelPermalink }}</li>{{ end }}</ul>
        {{ .Content }}
        </body></html>

        """

    /// A site holding `files` (path relative to the root → text) and the translations layout.
    public init(_ files: [String: String]) throws {
        root = try TemporaryDirectory(prefix: "tandem-hugo-site").url
        try write(Self.translationsLayout, to: "layouts/_default/single.html")
        try write("<html><body>{{ range .Pages }}{{ .Title }}{{ end }}</body></html>\n", to: "layouts/_default/list.html")
        for (path, text) in files { try write(text, to: path) }
    }

    @discardableResult
    public func write(_ text: String, to path: String) throws -> URL {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url
    }

    public func read(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: root.appendingPathComponent(path)), as: UTF8.self)
    }

    public func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appendingPathComponent(path)))
    }

    public func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
    }

    /// Runs `tandem` in the site.
    public func tandem(_ arguments: [String]) throws -> ExecutableRunner.Result {
        try ExecutableRunner.run(arguments, in: root)
    }

    /// Runs `hugo` on the site with `arguments`; its status and what it printed.
    public func hugo(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try ExternalTool.run(Self.hugo.path, arguments + ["--source", root.path])
    }

    /// Renders the site into `public/`; Hugo's status and output.
    @discardableResult
    public func render() throws -> (status: Int32, output: String) {
        try? FileManager.default.removeItem(at: root.appendingPathComponent("public"))
        return try hugo(["--destination", root.appendingPathComponent("public").path])
    }

    /// Every page Hugo finds, as `content path,permalink` (from `hugo list all`), sorted.
    public func pageList() throws -> [String] {
        let listing = try hugo(["list", "all"])
        return listing.output.split(separator: "\n").dropFirst().map { line in
            let columns = line.split(separator: ",", omittingEmptySubsequences: false)
            return "\(columns.first ?? ""),\(columns.last ?? "")"
        }.sorted()
    }

    /// The rendered page at `path` under `public/`.
    public func page(_ path: String) throws -> String { try read("public/" + path) }

    /// The languages a rendered page lists as its translations.
    public func translations(ofPage path: String) throws -> [String] {
        let html = try page(path)
        return html.components(separatedBy: "<li data-lang=\"").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }.sorted()
    }

    /// How many rendered pages (`index.html` files with the translations layout) each language has.
    public func pagesPerLanguage() throws -> [String: Int] {
        var counts: [String: Int] = [:]
        let publicDirectory = root.appendingPathComponent("public")
        let enumerator = FileManager.default.enumerator(at: publicDirectory, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.lastPathComponent == "index.html" else { continue }
            let html = String(decoding: try Data(contentsOf: url), as: UTF8.self)
            guard html.contains("class=\"translations\""), let lang = html.components(separatedBy: "<html lang=\"").dropFirst().first?.split(separator: "\"").first else { continue }
            counts[String(lang), default: 0] += 1
        }
        return counts
    }

    public func remove() { try? FileManager.default.removeItem(at: root) }
}
