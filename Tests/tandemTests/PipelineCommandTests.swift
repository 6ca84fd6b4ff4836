import Foundation
import Testing
import TandemTestSupport

/// init → extract → pseudo → build, run as a user runs them.
@Suite("tandem init, extract, pseudo, build")
struct PipelineCommandTests {
    static let post = """
        ---
        title: "示例文章"
        lang:
          - "zh-CN"
        translations:
          - "zh-CN"
          - "ja"
        ---

        第一句话。**第二句**话。

        ```
        代码不翻译。
        ```

        """

    @Test func initCreatesTheLayoutAndRefusesToOverwrite() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-init-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try ExecutableRunner.run(["init", "--source", "zh-CN", "--targets", "en,ja"], in: directory)
        #expect(first.status == 0)
        for path in ["tandem.yml", "glossaries/zh-CN", "locales/zh-CN.yml", "locales/en.yml", "locales/ja.yml", "content", "tm", ".gitignore"] {
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent(path).path), "\(path)")
        }
        let second = try ExecutableRunner.run(["init"], in: directory)
        #expect(second.status == 2)
        #expect(second.standardError.contains("already exists"))
    }

    /// A new Chinese → English project gets the shipped glossary (the repository's
    /// glossaries/zh-CN/en.tsv, byte for byte), so terms are matched from the first `extract`;
    /// `--no-glossary` and an existing glossary of the pair (any format) keep it out, and a pair
    /// with none (→ ja) gets none. `glossary lint` then says which pairs it checked no term of.
    @Test func initInstallsTheShippedGlossaryForChineseIntoEnglish() throws {
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("glossaries/zh-CN/en.tsv")
        for (arguments, existing, installed) in [
            (["--source", "zh-CN", "--targets", "en,ja"], nil as String?, true),
            (["--source", "zh-TW", "--targets", "en-US"], nil, true),
            (["--source", "zh-CN", "--targets", "en", "--no-glossary"], nil, false),
            (["--source", "zh-CN", "--targets", "en"], "glossaries/zh-CN/en.csv", false),
        ] {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let write = { (text: String, path: String) in
                let url = directory.url.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
            if let existing { try write("source,target\n通义千问,Qwen\n", existing) }
            let result = try ExecutableRunner.run(["init"] + arguments, in: directory.url)
            #expect(result.status == 0, "\(result.standardError)")
            let source = arguments[1], target = arguments[3].split(separator: ",")[0]
            let file = directory.url.appendingPathComponent("glossaries/\(source)/\(target).tsv")
            #expect(FileManager.default.fileExists(atPath: file.path) == installed, "\(arguments)")
            #expect(result.standardOutput.contains("installed the shipped glossary as glossaries/\(source)/\(target).tsv") == installed)
            if installed { #expect(try Data(contentsOf: file) == Data(contentsOf: shipped)) }
            #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("glossaries/\(source)/ja.tsv").path))
            try write("---\ntitle: 通义千问\n---\n通义千问发布了新版本。\n", "content/posts/a.md")
            #expect(try ExecutableRunner.run(["extract"], in: directory.url).status == 0)
            let lint = try ExecutableRunner.run(["glossary", "lint"], in: directory.url)
            #expect(lint.standardError.contains("note: no glossary for \(source) → \(target)") == (!installed && existing == nil), "\(lint.standardError)")
            #expect(lint.standardError.contains("note: no glossary for zh-CN → ja") == arguments.contains("en,ja"))
        }
    }

    /// `--format xliff` is what a user types first (a theme-site trial was refused): it is XLIFF
    /// 1.2, the default, and `xliff2` is 2.1; the files are the same as under the exact names.
    @Test func exportTakesTheFormatsCommonNames() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write(Self.post, to: "content/posts/hello.md")
        #expect(try ExecutableRunner.run(["extract"], in: project.root).status == 0)
        for (alias, name) in [("xliff", "xliff12"), ("XLIFF", "xliff12"), ("xliff2", "xliff21")] {
            let byAlias = try ExecutableRunner.run(["export", "-l", "en", "--format", alias, "-o", "\(alias).xlf"], in: project.root)
            #expect(byAlias.status == 0, "\(byAlias.standardError)")
            #expect(try ExecutableRunner.run(["export", "-l", "en", "--format", name, "-o", "\(name).xlf"], in: project.root).status == 0)
            #expect(try project.read("\(alias).xlf") == project.read("\(name).xlf"), "\(alias)")
        }
        let unknown = try ExecutableRunner.run(["export", "-l", "en", "--format", "tmx", "-o", "x.xlf"], in: project.root)
        #expect(unknown.status == 2 && unknown.standardError.contains("xliff12"), "\(unknown.standardError)")
    }

    @Test func extractPseudoBuildEndToEnd() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write(Self.post, to: "content/posts/hello.md")

        let extract = try ExecutableRunner.run(["extract", "--format", "json"], in: project.root)
        #expect(extract.status == 0, "\(extract.standardError)")
        let report = try JSONSerialization.jsonObject(with: Data(extract.standardOutput.utf8)) as! [String: Any]
        let results = report["results"] as! [[String: Any]]
        #expect((report["failures"] as! [Any]).isEmpty)
        // translations: asks for ja, tandem.yml for en.
        #expect(Set(results.compactMap { $0["locale"] as? String }) == ["ja", "en"])
        #expect(FileManager.default.fileExists(atPath: project.root.appendingPathComponent("locales/ja/posts/hello.json").path))
        // extract never writes content files.
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("content/posts/hello.en.md").path))

        // Nothing is built while segments are untranslated.
        let early = try ExecutableRunner.run(["build"], in: project.root)
        #expect(early.status == 0)
        #expect(early.standardOutput.contains("not built, 0% translated"))

        #expect(try ExecutableRunner.run(["pseudo", "--locale", "en", "--style", "brackets"], in: project.root).status == 0)
        let build = try ExecutableRunner.run(["build"], in: project.root)
        #expect(build.status == 0, "\(build.standardError)")
        let english = String(decoding: try project.read("content/posts/hello.en.md"), as: UTF8.self)
        #expect(english.contains("title: \"⟦示例文章⟧\""))
        // Pseudo-English is spaced between sentences like English (the source has no space).
        #expect(english.contains("⟦第一句话。⟧ ⟦**第二句**话。⟧"))
        #expect(english.contains("```\n代码不翻译。\n```"))
        #expect(english.contains("lang:\n  - \"en\"\n"))
        // translations: keeps the ja request and adds en, in every language version.
        let expectedList = "translations:\n  - \"zh-CN\"\n  - \"ja\"\n  - \"en\"\n"
        #expect(english.contains(expectedList))
        #expect(String(decoding: try project.read("content/posts/hello.md"), as: UTF8.self).contains(expectedList))

        // Building again changes nothing.
        let again = try ExecutableRunner.run(["build"], in: project.root)
        #expect(again.standardOutput.contains("up to date"))
    }

    @Test func aTargetWithBrokenPlaceholdersStopsTheBuildAtItsLine() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("正文**加粗**的句子。\n", to: "content/posts/hello.md")
        #expect(try ExecutableRunner.run(["extract"], in: project.root).status == 0)
        let segmentFile = project.root.appendingPathComponent("locales/en/posts/hello.json")
        var json = try String(contentsOf: segmentFile, encoding: .utf8)
        json = json.replacingOccurrences(of: "\"state\" : \"new\"", with: "\"state\" : \"translated\",\n      \"target\" : \"A sentence with {1}bold lost.\"")
        try json.write(to: segmentFile, atomically: true, encoding: .utf8)
        let build = try ExecutableRunner.run(["build"], in: project.root)
        #expect(build.status == 2)
        #expect(build.standardError.contains("locales/en/posts/hello.json:"))
        #expect(build.standardError.contains("placeholder {/1} of the source is missing"))
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("content/posts/hello.en.md").path))
    }

    /// A broken segment file is reported the same way, at the line and column of the problem,
    /// whichever command reads it.
    @Test func aBrokenSegmentFileGetsTheSamePositionedErrorInEveryCommand() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("正文的句子。\n", to: "content/posts/hello.md")
        #expect(try ExecutableRunner.run(["extract"], in: project.root).status == 0)
        let segmentFile = "locales/en/posts/hello.json"
        var json = String(decoding: try project.read(segmentFile), as: UTF8.self)
        json = json.replacingOccurrences(of: "\"formatVersion\" : 1,", with: "\"formatVersion\" : 1,,")
        try project.write(json, to: segmentFile)

        let lint = try ExecutableRunner.run(["glossary", "lint"], in: project.root)
        let pseudo = try ExecutableRunner.run(["pseudo", "--locale", "en"], in: project.root)
        let extract = try ExecutableRunner.run(["extract"], in: project.root)
        #expect([lint.status, pseudo.status, extract.status] == [2, 2, 2])
        // Line 2, at the second comma: `  "formatVersion" : 1,,`.
        #expect(lint.standardError.hasPrefix("\(segmentFile):2:23: error: invalid JSON: unexpected ','"), "\(lint.standardError)")
        #expect(pseudo.standardError == lint.standardError)
        // extract names the file by its full path; the rest is the same.
        #expect(extract.standardError.hasSuffix(lint.standardError), "\(extract.standardError)")
    }

    @Test func withoutAProjectCommandsSayWhatToDo() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-none-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try ExecutableRunner.run(["extract"], in: directory)
        #expect(result.status == 2)
        #expect(result.standardError.contains("run `tandem init` first"))
    }

    /// A helper's finding on the Even theme's example site: its default language is English, so
    /// Hugo reads `foo.md` as English and the Chinese post is no source post; extract said only
    /// "no posts found", with posts in plain sight. It says what Hugo reads them as, what to
    /// rename, and which posts hold Chinese. It no longer adds "or give them lang: zh-CN": Hugo
    /// reads such a file as the default language all the same, and `check` said so as an error.
    @Test func noSourcePostSaysWhatTheSiteReadsThePostsAs() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("defaultContentLanguage = \"en\"\n[languages.en]\nweight = 1\n[languages.zh-cn]\nweight = 2\n", to: "hugo.toml")
        try project.write("---\ntitle: 长恨歌\n---\n\n汉皇重色思倾国，御宇多年求不得。\n", to: "content/post/chinese.md")
        try project.write("---\ntitle: Preview\n---\n\nSome English.\n", to: "content/post/english.md")
        let result = try ExecutableRunner.run(["extract", "--no-memory"], in: project.root)
        #expect(result.status == 0)
        #expect(result.standardOutput == "no zh-CN posts under content/: Hugo reads its 2 posts as en; a file without a language suffix is in the site's default language, en: name the zh-CN posts foo.zh-cn.md; written in Chinese: content/post/chinese.md\n", "\(result.standardOutput)")
    }

    /// pseudo takes the project's only target, as set and translate do (it asked for --locale);
    /// with two targets it asks which.
    @Test func pseudoTakesTheOnlyTarget() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("---\ntitle: 标题\n---\n\n正文一句。\n", to: "content/posts/a.md")
        #expect(try ExecutableRunner.run(["extract", "--no-memory"], in: project.root).status == 0)
        let result = try ExecutableRunner.run(["pseudo", "--style", "identity"], in: project.root)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == "locales/en/posts/a.json: 2 segments filled\n")

        let two = try TemporaryProject(targets: ["en", "ja"])
        defer { two.remove() }
        try two.write("---\ntitle: 标题\n---\n\n正文一句。\n", to: "content/posts/a.md")
        #expect(try ExecutableRunner.run(["extract", "--no-memory"], in: two.root).status == 0)
        let ambiguous = try ExecutableRunner.run(["pseudo"], in: two.root)
        #expect(ambiguous.status == 2)
        #expect(ambiguous.standardError.contains("name the locale with --locale (the project translates into en, ja)"))
    }
}
