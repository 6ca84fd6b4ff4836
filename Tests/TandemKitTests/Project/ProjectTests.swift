import Foundation
import Testing
import TandemKit
import TandemTestSupport

@Suite("Project layout and paths")
struct ProjectTests {
    @Test func segmentFilesAndTranslatedPostsLiveWhereHugoAndGitExpect() throws {
        let temporary = try TemporaryProject()
        defer { temporary.remove() }
        let post = try temporary.write("正文。\n", to: "content/posts/2025/hello.md")
        let project = try Project.open(configFile: temporary.configFile)
        #expect(try project.segmentFile(for: post, locale: LocaleTag("en")!).path.hasSuffix("/locales/en/posts/2025/hello.json"))
        #expect(try project.translatedPost(for: post, locale: LocaleTag("en")!).path.hasSuffix("/content/posts/2025/hello.en.md"))
    }

    @Test func translatedPostsAreNotSources() throws {
        let temporary = try TemporaryProject()
        defer { temporary.remove() }
        try temporary.write("正文。\n", to: "content/posts/hello.md")
        try temporary.write("Text.\n", to: "content/posts/hello.en.md")
        try temporary.write("正文。\n", to: "content/posts/release.v2.md")
        let project = try Project.open(configFile: temporary.configFile)
        #expect(try project.sourcePosts().map(\.lastPathComponent) == ["hello.md", "release.v2.md"])
    }

    @Test func pathsOutsideTheContentDirectoryAreRefused() throws {
        let temporary = try TemporaryProject()
        defer { temporary.remove() }
        let project = try Project.open(configFile: temporary.configFile)
        #expect(throws: TandemError.self) { try project.sourcePosts([temporary.root.appendingPathComponent("content/../tandem.yml").path]) }
        #expect(throws: TandemError.self) { try project.sourcePosts(["/etc/passwd"]) }
    }

    @Test func directoryOutputNamingUsesTheTemplate() throws {
        let temporary = try TemporaryProject(extraConfiguration: "output: directory\noutputDirectory: \"content.{tag}\"\n")
        defer { temporary.remove() }
        let post = try temporary.write("正文。\n", to: "content/posts/hello.md")
        let project = try Project.open(configFile: temporary.configFile)
        #expect(try project.translatedPost(for: post, locale: LocaleTag("en")!).path.hasSuffix("/content.en/posts/hello.md"))
    }

    @Test func unknownConfigurationKeysAreErrors() throws {
        let temporary = try TemporaryProject(extraConfiguration: "taregts: [ja]\n")
        defer { temporary.remove() }
        #expect { try Project.open(configFile: temporary.configFile) } throws: { "\($0)".contains("unknown key 'taregts'") }
    }

    /// A file with no settings, or a scalar where a list goes, is named as its author wrote it
    /// (they read ": expected a value of type Mapping" and "expected a value of type Sequence").
    @Test(arguments: [
        ("", "tandem.yml:1:1: error: the file holds no settings; expected a mapping such as 'source: zh-CN' and 'targets: [en]'"),
        ("# settings to come\n", "the file holds no settings"),
        ("source: zh-CN\ntargets: en\n", "tandem.yml:2:1: error: targets: expected a list, such as [en, ja]"),
        ("source: zh-CN\ntargets: [en, zh-cn]\n", "tandem.yml:2:1: error: targets: zh-CN is the source (the language the posts are written in); targets lists the languages to translate them into"),
    ])
    func aFileWithoutTheRightShapeIsNamedPlainly(_ text: String, _ message: String) throws {
        let temporary = try TemporaryProject()
        defer { temporary.remove() }
        try Data(text.utf8).write(to: temporary.configFile)
        #expect { try Project.open(configFile: temporary.configFile) } throws: { "\($0)".contains(message) }
    }

    /// What `tandem init` writes reads back as the same settings, leverage included.
    @Test func theFileInitWritesReadsBackTheSame() throws {
        let configuration = ProjectConfiguration(
            source: LocaleTag("zh-CN")!, targets: [LocaleTag("en")!, LocaleTag("ja")!],
            leverage: LeverageSettings(fillState: .fuzzy, fillExact: false, minimumScore: 80, candidates: 3))
        let temporary = try TemporaryProject()
        defer { temporary.remove() }
        try Data(configuration.yaml.utf8).write(to: temporary.configFile)
        #expect(try ProjectConfiguration.load(temporary.configFile) == configuration)
    }
}
