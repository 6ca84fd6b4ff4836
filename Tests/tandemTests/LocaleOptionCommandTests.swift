import Foundation
import Testing
import TandemTestSupport

/// A helper's finding: `--locale` naming a locale the project does not translate into (a typo,
/// `fr` for `fr-FR`, the source locale) found no segment file and reported nothing, exit 0, as
/// if there were nothing to do. It is a usage error now, before anything is read or written.
@Suite("--locale must be one of the project's targets")
struct LocaleOptionCommandTests {
    static func project() throws -> TemporaryProject {
        let project = try TemporaryProject()
        try project.write("---\ntitle: \"你好\"\n---\n\n第一句话。\n", to: "content/posts/a.md")
        #expect(try ExecutableRunner.run(["extract", "--no-memory"], in: project.root).status == 0)
        return project
    }

    @Test(arguments: [
        ["build", "--locale", "fr"],
        ["stats", "--no-memory", "-l", "fr"],
        ["report", "--no-memory", "-l", "fr", "-o", "out/report.html"],
        ["export", "-l", "fr", "-o", "out/fr.xlf"],
        ["pseudo", "-l", "fr"],
        ["translate", "--no-memory", "-l", "fr"],
        ["next", "--no-memory", "-l", "fr"],
    ])
    func aLocaleThatIsNoTargetIsAUsageErrorAndWritesNothing(_ arguments: [String]) throws {
        let project = try Self.project()
        defer { project.remove() }
        let result = try ExecutableRunner.run(arguments, in: project.root)
        #expect(result.status == 2, "\(result.standardOutput)")
        #expect(result.standardError.contains("--locale fr is not a target of this project: its targets are en;"), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("locales/fr").path))
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("out").path))
    }

    @Test func theSourceLocaleAndARegionalVariantAreNamed() throws {
        let project = try Self.project()
        defer { project.remove() }
        let source = try ExecutableRunner.run(["build", "--locale", "zh-CN"], in: project.root)
        #expect(source.status == 2)
        #expect(source.standardError.contains("--locale zh-CN is the project's source locale; its targets are en"), "\(source.standardError)")
        let regional = try ExecutableRunner.run(["stats", "--no-memory", "-l", "en-GB"], in: project.root)
        #expect(regional.status == 2)
        #expect(regional.standardError.contains("(did you mean en?)"), "\(regional.standardError)")
    }

    /// The same tag in another spelling is the target, and a locale a post's `translations:`
    /// asked for (its `locales/<tag>/` folder) is one too.
    @Test func aTargetInAnotherSpellingAndAPostsOwnLocalePass() throws {
        let project = try Self.project()
        defer { project.remove() }
        #expect(try ExecutableRunner.run(["stats", "--no-memory", "-l", "EN"], in: project.root).status == 0)
        try project.write("---\ntitle: \"再见\"\ntranslations: [ja]\n---\n\n第二句话。\n", to: "content/posts/b.md")
        #expect(try ExecutableRunner.run(["extract", "--no-memory"], in: project.root).status == 0)
        let result = try ExecutableRunner.run(["stats", "--no-memory", "-l", "ja"], in: project.root)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("ja: 1 post"), "\(result.standardOutput)")
    }
}
