import Foundation
import Testing
import TandemTestSupport

/// Issue 14: each numbered failure, as a user met it, now ends with a clear `file:line:col`
/// error (exit 2, or 1 where findings are the answer) and no output changed.
@Suite("Reliability regressions (issue 14)")
struct ReliabilityRegressionTests {
    static let post = "---\ntitle: 你好\n---\n第一句话。第二句话。\n"
    static let segmentFile = "locales/en/posts/hello.json"

    /// A project with `hello.md` extracted and pseudo-translated into English.
    static func translatedProject() throws -> TemporaryProject {
        let project = try TemporaryProject()
        try project.write(post, to: "content/posts/hello.md")
        #expect(try ExecutableRunner.run(["extract"], in: project.root).status == 0)
        #expect(try ExecutableRunner.run(["pseudo", "--locale", "en", "--style", "brackets"], in: project.root).status == 0)
        return project
    }

    /// The segment file with the first body sentence's target replaced by `json` (a JSON string literal).
    static func replaceFirstTarget(with json: String, in project: TemporaryProject) throws {
        let text = String(decoding: try project.read(segmentFile), as: UTF8.self)
        #expect(text.contains("\"⟦第一句话。⟧\""))
        try project.write(text.replacingOccurrences(of: "\"⟦第一句话。⟧\"", with: json), to: segmentFile)
    }

    /// Every file under the project with its bytes (but the derived memory in `.tandem/`,
    /// which opening checkpoints).
    static func snapshot(_ project: TemporaryProject) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: project.root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            if url.lastPathComponent == ".tandem" { enumerator?.skipDescendants(); continue }
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            files[String(url.path.dropFirst(project.root.path.count))] = try Data(contentsOf: url)
        }
        return files
    }

    // MARK: 2

    @Test func aMdAndAMarkdownPostSharingASegmentFileAreRefusedNamingBoth() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write(Self.post, to: "content/posts/a.md")
        try project.write("---\ntitle: 别的\n---\n另一篇文章。\n", to: "content/posts/a.markdown")
        let run = try ExecutableRunner.run(["extract"], in: project.root)
        #expect(run.status == 2)
        #expect(run.standardError.contains("content/posts/a.md:1:1: error: content/posts/a.md and content/posts/a.markdown would share the segment file locales/en/posts/a.json"), "\(run.standardError)")
        #expect(run.standardError.contains("content/posts/a.markdown:1:1: error: content/posts/a.markdown and content/posts/a.md would share"), "\(run.standardError)")
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("locales/en/posts/a.json").path))
    }

    // MARK: 3

    struct BadTarget: CustomTestStringConvertible, Sendable {
        var name: String
        var json: String
        var message: String
        var rule: String
        var testDescription: String { name }
    }

    static let badTargets: [BadTarget] = [
        BadTarget(name: "a NUL in a target", json: "\"A\\u0000B\"", message: "the target holds a NUL character", rule: "target-unsafe-text"),
        BadTarget(name: "a blank line and a code fence", json: "\"A.\\n\\n```\\ncode\"", message: "the target holds a blank line", rule: "target-unsafe-text"),
        BadTarget(name: "a code fence", json: "\"A.\\n```\"", message: "starts a code fence", rule: "target-unsafe-text"),
    ]

    @Test(arguments: badTargets)
    func buildAndLintAgreeOnATargetThatWouldBreakThePost(_ row: BadTarget) throws {
        let project = try Self.translatedProject()
        defer { project.remove() }
        try Self.replaceFirstTarget(with: row.json, in: project)
        let before = try Self.snapshot(project)

        let build = try ExecutableRunner.run(["build"], in: project.root)
        #expect(build.status == 2)
        #expect(build.standardError.contains("\(Self.segmentFile):18:"), "\(build.standardError)")
        #expect(build.standardError.contains(row.message), "\(build.standardError)")
        #expect(try Self.snapshot(project) == before)

        let lint = try ExecutableRunner.run(["glossary", "lint"], in: project.root)
        #expect(lint.status == 1)
        #expect(lint.standardOutput.contains("\(Self.segmentFile):18:") || lint.standardError.contains("\(Self.segmentFile):18:"), "\(lint.standardOutput)\(lint.standardError)")
        #expect((lint.standardOutput + lint.standardError).contains("[\(row.rule)]"))
    }

    @Test func buildAndLintAgreeOnCrossedAndReorderedPairs() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("---\ntitle: 你好\n---\n这是**粗体和*斜体***的句子。\n", to: "content/posts/hello.md")
        #expect(try ExecutableRunner.run(["extract"], in: project.root).status == 0)
        let text = String(decoding: try project.read(Self.segmentFile), as: UTF8.self)
        for bad in ["{1}bold {2}and{/1} italic{/2} sentence.", "{/1}bold {2}and italic{/2}{1} sentence."] {
            let broken = text.replacingOccurrences(of: "\"state\" : \"new\"\n    }\n  ]", with: "\"state\" : \"translated\", \"target\" : \"\(bad)\"\n    }\n  ]")
            #expect(broken != text)
            try project.write(broken, to: Self.segmentFile)
            let before = try Self.snapshot(project)
            let build = try ExecutableRunner.run(["build", "--min-complete", "0"], in: project.root)
            #expect(build.status == 2, "\(bad): \(build.standardError)")
            #expect(build.standardError.contains("\(Self.segmentFile):"), "\(build.standardError)")
            #expect(try Self.snapshot(project) == before)
            let lint = try ExecutableRunner.run(["glossary", "lint"], in: project.root)
            #expect(lint.status == 1, "\(bad)")
            #expect((lint.standardOutput + lint.standardError).contains("[placeholder-misnested]"), "\(bad): \(lint.standardOutput)")
        }
    }

    @Test func aDuplicateSegmentIDIsRefusedAtTheSecondByBuildAndLint() throws {
        let project = try Self.translatedProject()
        defer { project.remove() }
        var text = String(decoding: try project.read(Self.segmentFile), as: UTF8.self)
        let ids = text.components(separatedBy: "\"id\" : \"").dropFirst().map { String($0.prefix(16)) }
        text = text.replacingOccurrences(of: ids[2], with: ids[1])
        try project.write(text, to: Self.segmentFile)
        let before = try Self.snapshot(project)
        for arguments in [["build"], ["glossary", "lint"], ["extract"]] {
            let run = try ExecutableRunner.run(arguments, in: project.root)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.standardError.contains("\(Self.segmentFile):26:"), "\(arguments): \(run.standardError)")
            #expect(run.standardError.contains("segment id \(ids[1]) appears twice"), "\(run.standardError)")
        }
        #expect(try Self.snapshot(project) == before)
    }

    // MARK: 5

    @Test func aSymlinkOutOfTheProjectReceivesNoSegmentFiles() throws {
        let project = try TemporaryProject()
        let outside = try TemporaryDirectory(prefix: "tandem-outside")
        defer { project.remove(); outside.remove() }
        try project.write(Self.post, to: "content/posts/hello.md")
        try FileManager.default.createDirectory(at: project.root.appendingPathComponent("locales/en"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: project.root.appendingPathComponent("locales/en/posts"), withDestinationURL: outside.url)
        let run = try ExecutableRunner.run(["extract"], in: project.root)
        #expect(run.status == 2)
        #expect(run.standardError.contains("would fall outside"), "\(run.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.url.path).isEmpty)
    }

    // MARK: 8

    @Test func fourTMImportsOpeningAFreshMemoryAtOnceAllSucceed() throws {
        let directory = try TemporaryDirectory(prefix: "tandem-race")
        defer { directory.remove() }
        for index in 0..<4 {
            let units = (0..<50).map { "<tu><tuv xml:lang=\"zh-CN\"><seg>句子\(index)-\($0)。</seg></tuv><tuv xml:lang=\"en\"><seg>Sentence \(index)-\($0).</seg></tuv></tu>" }
            try Data("<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header srclang=\"zh-CN\"/><body>\(units.joined())</body></tmx>\n".utf8)
                .write(to: directory.url.appendingPathComponent("\(index).tmx"))
        }
        // Before the fix, 4 of 30 such trials lost an import ("table unit already exists").
        for trial in 0..<12 {
            let memory = directory.url.appendingPathComponent("m\(trial).sqlite").path
            let results = try (0..<4).map { index -> Process in
                let process = Process()
                process.executableURL = ExecutableRunner.tandem
                process.arguments = ["tm", "import", "--memory", memory, "\(index).tmx"]
                process.currentDirectoryURL = directory.url
                process.standardOutput = FileHandle.nullDevice
                let errors = directory.url.appendingPathComponent("m\(trial)-\(index).stderr")
                FileManager.default.createFile(atPath: errors.path, contents: nil)
                process.standardError = try FileHandle(forWritingTo: errors)
                try process.run()
                return process
            }
            for process in results { process.waitUntilExit() }
            let messages = try (0..<4).map { try String(contentsOf: directory.url.appendingPathComponent("m\(trial)-\($0).stderr"), encoding: .utf8) }
            #expect(results.allSatisfy { $0.terminationStatus == 0 }, "trial \(trial): \(results.map(\.terminationStatus)) \(messages)")
            let stats = try ExecutableRunner.run(["tm", "stats", "--memory", memory], in: directory.url)
            #expect(stats.standardOutput.contains("200 units"), "\(stats.standardOutput)")
        }
    }

    // MARK: 9

    @Test func temporaryFilesOfAKilledRunAreRemovedByTheNextAndALiveOnesAreKept() throws {
        let project = try Self.translatedProject()
        defer { project.remove() }
        // A dead writer (a pid no process has), a live one (this test), an old-style name.
        let dead = "locales/en/posts/.hello.json.tandem-tmp-2147483600-1f"
        let live = "locales/en/posts/.hello.json.tandem-tmp-\(getpid())-2a"
        let legacy = "content/posts/.hello.en.md.tmp-\(UUID().uuidString)"
        for path in [dead, live, legacy] { try project.write("partial", to: path) }
        let old = Date(timeIntervalSinceNow: -7200)
        for path in [dead, live, legacy] {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: project.root.appendingPathComponent(path).path)
        }
        #expect(try ExecutableRunner.run(["build"], in: project.root).status == 0)
        let exists = { (path: String) in FileManager.default.fileExists(atPath: project.root.appendingPathComponent(path).path) }
        #expect(!exists(dead))
        #expect(!exists(legacy))
        #expect(exists(live))
        // No temporary file of the build itself is left.
        let left = try FileManager.default.subpathsOfDirectory(atPath: project.root.path).filter { $0.contains(".tandem-tmp-") }
        #expect(left == [live.replacingOccurrences(of: "locales/en/posts/", with: "locales/en/posts/")])
    }

    @Test func initGitIgnoresTemporaryFiles() throws {
        let directory = try TemporaryDirectory(prefix: "tandem-init")
        defer { directory.remove() }
        #expect(try ExecutableRunner.run(["init", "--source", "zh-CN", "--targets", "en"], in: directory.url).status == 0)
        let ignore = try String(contentsOf: directory.url.appendingPathComponent(".gitignore"), encoding: .utf8)
        #expect(ignore.split(separator: "\n").contains("*.tandem-tmp-*"))
    }

    /// A theme's example site names only English, its default: `init` made `source en, targets
    /// en`, and `extract` then found no post without saying why. Now nothing is written and the
    /// user is told what to pass.
    @Test func initNeverMakesTheSourceATarget() throws {
        let directory = try TemporaryDirectory(prefix: "tandem-init")
        defer { directory.remove() }
        try "baseURL = \"https://example.org/\"\ndefaultContentLanguage = \"en\"\n[languages.en]\nweight = 1\n"
            .write(to: directory.url.appendingPathComponent("hugo.toml"), atomically: true, encoding: .utf8)
        let run = try ExecutableRunner.run(["init"], in: directory.url)
        #expect(run.status == 2)
        #expect(run.standardError.contains("en cannot be both the source and a target: the site's default language is en and it names no other language"), "\(run.standardError)")
        #expect(run.standardError.contains("--source zh-CN --targets en"))
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("tandem.yml").path))
        let explicit = try ExecutableRunner.run(["init", "--source", "zh-CN", "--targets", "zh-CN,en"], in: directory.url)
        #expect(explicit.status == 2 && explicit.standardError.contains("zh-CN cannot be both the source and a target"), "\(explicit.standardError)")
        // Made, with the check's error that the site has no zh-cn language (exit 1).
        #expect(try ExecutableRunner.run(["init", "--source", "zh-CN"], in: directory.url).status == 1)
        #expect(try String(contentsOf: directory.url.appendingPathComponent("tandem.yml"), encoding: .utf8).contains("targets: [en]"))
    }

    // MARK: 10

    @Test func localeTagsDifferingInCaseAreOneLocale() throws {
        let project = try TemporaryProject(source: "zh-cn", targets: ["EN", "en"])
        defer { project.remove() }
        try project.write(Self.post, to: "content/posts/hello.md")
        let run = try ExecutableRunner.run(["extract"], in: project.root)
        #expect(run.status == 0, "\(run.standardError)")
        let locales = try FileManager.default.contentsOfDirectory(atPath: project.root.appendingPathComponent("locales").path)
            .filter { !$0.hasSuffix(".yml") && !$0.hasPrefix(".") }
        #expect(locales == ["en"])
        // zh-cn is the source, not a target of a zh-CN source.
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("locales/zh-CN").path))
    }

    @Test func oldAndNewCopiesOfAPostAreNotTakenForLocales() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write(Self.post, to: "content/posts/x.md")
        try project.write(Self.post, to: "content/posts/x.old.md")
        try project.write(Self.post, to: "content/posts/x.new.md")
        let run = try ExecutableRunner.run(["extract"], in: project.root)
        #expect(run.status == 0, "\(run.standardError)")
        for name in ["x", "x.old", "x.new"] {
            #expect(FileManager.default.fileExists(atPath: project.root.appendingPathComponent("locales/en/posts/\(name).json").path), "\(name)")
        }
    }

    // MARK: 11

    @Test func aMalformedPostgreSQLURLIsRefusedWithoutItsPassword() throws {
        let directory = try TemporaryDirectory(prefix: "tandem-url")
        defer { directory.remove() }
        for format in [["--json"], []] {
            let run = try ExecutableRunner.run(["tm", "stats", "--memory", "postgres:user:secret@host/db"] + format, in: directory.url)
            #expect(run.status == 2)
            #expect(run.standardError.contains("postgres:user:***@host/db"), "\(run.standardError)")
            #expect(!(run.standardError + run.standardOutput).contains("secret"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path).isEmpty)
    }

    @Test func tmStatsOutsideAProjectCreatesNoMemory() throws {
        let directory = try TemporaryDirectory(prefix: "tandem-stats")
        defer { directory.remove() }
        let run = try ExecutableRunner.run(["tm", "stats"], in: directory.url)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("0 units"))
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent(".tandem").path))
    }

    // MARK: 12

    @Test func segmentRefusesStandardInputPastItsLimit() throws {
        let line = String(repeating: "这是一句话。", count: 1000) + "\n"
        let input = String(repeating: line, count: 17 * 1024 * 1024 / line.utf8.count + 1)
        let run = try ExecutableRunner.run(["segment", "-"], input: input)
        #expect(run.status == 2)
        #expect(run.standardError.contains("<stdin>:1:1: error: input is more than 16777216 bytes"), "\(run.standardError.prefix(300))")
        #expect(run.standardOutput.isEmpty)
    }

    // MARK: 13

    /// A key of the segment file edited (`from` → `to`), and the error naming it.
    static let wrongKeys: [(from: String, to: String, message: String)] = [
        ("\"formatVersion\" : 1", "\"formatVersion\" : 999", "\(segmentFile):2:3: error: formatVersion 999 is not one this Tandem reads"),
        ("\"targetLocale\" : \"en\"", "\"targetLocale\" : \"ja\"", "\(segmentFile):31:3: error: targetLocale is ja but the file is in the folder of en"),
    ]

    @Test(arguments: wrongKeys.indices)
    func aSegmentFileOfAnotherFormatVersionOrLocaleIsRefusedAtTheKey(_ index: Int) throws {
        let row = Self.wrongKeys[index]
        let project = try Self.translatedProject()
        defer { project.remove() }
        let text = String(decoding: try project.read(Self.segmentFile), as: UTF8.self)
        try project.write(text.replacingOccurrences(of: row.from, with: row.to), to: Self.segmentFile)
        let before = try Self.snapshot(project)
        for arguments in [["build"], ["extract"]] {
            let run = try ExecutableRunner.run(arguments, in: project.root)
            #expect(run.status == 2)
            #expect(run.standardError.contains(row.message), "\(run.standardError)")
        }
        #expect(try Self.snapshot(project) == before)
    }

    @Test func aTargetBuildingAPostPastTheReadLimitIsRefused() throws {
        let project = try Self.translatedProject()
        defer { project.remove() }
        try Self.replaceFirstTarget(with: "\"" + String(repeating: "x", count: 17 * 1024 * 1024) + "\"", in: project)
        let before = try Self.snapshot(project)
        let run = try ExecutableRunner.run(["build"], in: project.root)
        #expect(run.status == 2)
        #expect(run.standardError.contains("\(Self.segmentFile):18:"), "\(run.standardError.prefix(300))")
        #expect(run.standardError.contains("at most 16777216 are accepted; its longest target"), "\(run.standardError.prefix(300))")
        #expect(try Self.snapshot(project) == before)
    }

    // MARK: 14

    @Test func tandemYMLErrorsNameTheLineAndColumnOfTheBadValue() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write(Self.post, to: "content/posts/hello.md")
        let cases: [(String, String)] = [
            ("source: zh-CN\ntargets: [en, \"../x\"]\ncontent: content\n", "tandem.yml:2:15: error: targets.[1]:"),
            ("source: zh-CN\ntargets: [en]\ncontent: content\nleverage: 5\n", "tandem.yml:4:1: error: leverage: expected"),
            ("source: zh-CN\ntargets: [en]\ncontent: content\ntarget: [ja]\n", "tandem.yml:4:1: error: target: unknown key 'target'"),
            ("source: zh-CN\ntargets: [en]\nsource: en\n", "tandem.yml:3:1: error: duplicate key 'source'"),
            ("source: zh-CN\ntargets: [en]\nmemory: postgres:user:secret@host/db\n", "tandem.yml:3:1: error: memory: 'postgres:user:***@host/db' looks like a URL"),
        ]
        for (config, message) in cases {
            try project.write(config, to: "tandem.yml")
            let run = try ExecutableRunner.run(["extract"], in: project.root)
            #expect(run.status == 2)
            #expect(run.standardError.contains(message), "\(config): \(run.standardError)")
            #expect(!run.standardError.contains("secret"))
            #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("locales/en").path))
        }
    }

    @Test func tbxErrorsAreWordsNotLibXML2Numbers() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("<?xml version=\"1.0\"?>\n<martif type=\"TBX\"><text><body>\n<termEntry><langSet xml:lang=\"zh-CN\"><tig><term a=\"1\" a=\"2\">百度</term></tig></langSet></termEntry>\n</body></text></martif>\n", to: "glossaries/zh-CN/en.tbx")
        let run = try ExecutableRunner.run(["glossary", "lint"], in: project.root)
        #expect(run.status == 2)
        #expect(run.standardError.contains("glossaries/zh-CN/en.tbx:3:"), "\(run.standardError)")
        #expect(run.standardError.contains("an attribute written twice on one element"), "\(run.standardError)")
        #expect(!run.standardError.contains("libxml2 error"))
    }
}
