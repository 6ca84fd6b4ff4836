import Foundation
import Testing
import TandemTestSupport

/// Hugo, the final client: the built sample site renders, and the English page is linked as a
/// translation of the Chinese one.
@Suite("Hugo renders the built sample site", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/hugo"), "install Debian's hugo to run this test"))
struct HugoRenderTests {
    /// A copy of the repository's sample site in a temporary directory.
    static func sampleSite() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for item in ["hugo.toml", "tandem.yml", "layouts", "content", "locales/zh-CN.yml", "locales/en.yml"] {
            let destination = root.appendingPathComponent(item)
            try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: SharedCorpus.repositoryRoot.appendingPathComponent(item), to: destination)
        }
        // Start from the sources alone: no translated posts yet.
        let posts = root.appendingPathComponent("content/posts")
        for name in try FileManager.default.contentsOfDirectory(atPath: posts.path) where name.hasSuffix(".en.md") {
            try FileManager.default.removeItem(at: posts.appendingPathComponent(name))
        }
        return root
    }

    @Test func englishPageRendersAndIsLinkedAsATranslation() throws {
        let site = try Self.sampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        for arguments in [["extract"], ["pseudo", "--locale", "en", "--style", "brackets"], ["build"]] {
            let result = try ExecutableRunner.run(arguments, in: site)
            #expect(result.status == 0, "tandem \(arguments.joined(separator: " ")): \(result.standardError)")
        }
        try Self.render(site)

        let english = site.appendingPathComponent("public/en/posts/2025-04-phone-market/index.html")
        let chinese = site.appendingPathComponent("public/posts/2025-04-phone-market/index.html")
        let englishPage = try String(contentsOf: english, encoding: .utf8)
        let chinesePage = try String(contentsOf: chinese, encoding: .utf8)
        #expect(englishPage.contains("<html lang=\"en\">"))
        #expect(englishPage.contains("⟦手机厂商的 AI 之战，才刚刚开始⟧"))
        #expect(englishPage.contains("hreflang=\"zh-cn\" href=\"/posts/2025-04-phone-market/\""))
        #expect(chinesePage.contains("hreflang=\"en\" href=\"/en/posts/2025-04-phone-market/\""))
        // The source post now lists both languages, like its translation.
        let source = try String(contentsOf: site.appendingPathComponent("content/posts/2025-04-phone-market.md"), encoding: .utf8)
        #expect(source.contains("translations:\n  - \"zh-CN\"\n  - \"en\"\n"))
    }

    /// Renders the site in `site` with Hugo into `site/public`.
    static func render(_ site: URL) throws {
        let hugo = Process()
        hugo.executableURL = URL(fileURLWithPath: "/usr/bin/hugo")
        hugo.arguments = ["--source", site.path, "--destination", site.appendingPathComponent("public").path, "--quiet"]
        try hugo.run()
        hugo.waitUntilExit()
        #expect(hugo.terminationStatus == 0)
    }

    /// The team's hand-written English (locales/en/posts/*.json) builds to spaced sentences, and
    /// the text in shortcodes (an admonition's title, a figure's caption) is English too.
    @Test func handWrittenEnglishRendersWithTranslatedShortcodeText() throws {
        let site = try Self.sampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        try FileManager.default.copyItem(
            at: SharedCorpus.repositoryRoot.appendingPathComponent("locales/en"), to: site.appendingPathComponent("locales/en"))
        for arguments in [["extract"], ["build"]] {
            let result = try ExecutableRunner.run(arguments, in: site)
            #expect(result.status == 0, "tandem \(arguments.joined(separator: " ")): \(result.standardError)")
        }
        try Self.render(site)
        let phones = try String(contentsOf: site.appendingPathComponent("public/en/posts/2025-04-phone-market/index.html"), encoding: .utf8)
        #expect(phones.contains("<h1>The AI war among phone makers has only just begun</h1>"))
        #expect(phones.contains("Samsung says its Galaxy AI already runs on more than 100 million devices. Xiaomi&rsquo;s Xiao AI"))
        #expect(phones.contains("<p class=\"admonition-title\">Sources</p>"))
        let hangzhou = try String(contentsOf: site.appendingPathComponent("public/en/posts/2025-03-hangzhou-ai-models/index.html"), encoding: .utf8)
        #expect(hangzhou.contains("Downloads of each company"))
        #expect(hangzhou.contains("title=\"this report\"") || hangzhou.contains(">this report</a>"))
        // No Chinese is left in the English article outside its code block, and no sentence
        // runs into the next.
        var article = String(hangzhou[hangzhou.range(of: "<article>")!.upperBound...])
        if let pre = article.range(of: "<pre"), let end = article.range(of: "</pre>") { article.removeSubrange(pre.lowerBound..<end.upperBound) }
        #expect(!article.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) })
        for glued in [".The", ".A ", ".That", ".Even", ".**", "?Th"] { #expect(!article.contains(glued), "\(glued)") }
    }

    /// `make run`, the main job a newcomer runs first, works end to end on a copy of the sample
    /// site: every step exits 0 (a step refusing the site's own outputs fails it) and the new
    /// post's English page is rendered.
    @Test func makeRunTranslatesAndRendersTheSampleSite() throws {
        let root = SharedCorpus.repositoryRoot
        let tandem = ExecutableRunner.tandem.path
        guard tandem.hasPrefix(root.path + "/") else { return }
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-make-run-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: site) }
        let make = Process()
        make.executableURL = URL(fileURLWithPath: "/usr/bin/make")
        make.arguments = ["-s", "-o", "build", "run", "TANDEM=\(tandem.dropFirst(root.path.count + 1))", "RUN_SITE=\(site.path)"]
        make.currentDirectoryURL = root
        let output = Pipe()
        make.standardOutput = output
        make.standardError = output
        try make.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        make.waitUntilExit()
        #expect(make.terminationStatus == 0, "\(text)")
        let page = try String(contentsOf: site.appendingPathComponent("public/en/posts/2025-05-on-device-ai/index.html"), encoding: .utf8)
        #expect(page.contains("<html lang=\"en\">"))
        #expect(!text.contains("error:"), "\(text)")
    }
}
