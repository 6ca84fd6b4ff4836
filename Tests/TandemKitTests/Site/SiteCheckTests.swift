import Foundation
import Testing
import TandemKit
import TandemTestSupport

/// What `tandem check` finds in a site's configuration, with the lines that fix it.
@Suite("Site check")
struct SiteCheckTests {
    static func project(_ files: [String: String], targets: [String]) throws -> (Project, TemporaryProject) {
        let temporary = try TemporaryProject(targets: targets)
        for (path, text) in files { try temporary.write(text, to: path) }
        return (try Project.open(configFile: temporary.configFile), temporary)
    }

    @Test func aTargetMissingFromAJSONConfigurationGetsJSONLines() throws {
        let (project, temporary) = try Self.project(
            ["hugo.json": #"{"defaultContentLanguage": "zh-cn", "languages": {"zh-cn": {"weight": 1}, "en": {"weight": 2}}}"#],
            targets: ["en", "ja"])
        defer { temporary.remove() }
        let findings = try SiteCheck(project: project).findings()
        #expect(findings.map(\.severity) == [.error])
        #expect(findings.first?.file == "hugo.json")
        #expect(findings.first?.fix == #""languages": {"ja": {"languageCode": "ja", "weight": 3}}"# + "\n")
    }

    @Test func aDisabledTargetIsAnErrorAndAFittingSiteHasNoFinding() throws {
        let site = "defaultContentLanguage = \"zh-cn\"\n[languages.zh-cn]\nweight = 1\n[languages.en]\nweight = 2\n"
        let (disabled, first) = try Self.project(["hugo.toml": site + "disabled = true\n"], targets: ["en"])
        defer { first.remove() }
        #expect(try SiteCheck(project: disabled).findings().map(\.message) == [
            "language en (en) is disabled in the site, so Hugo drops its pages; enable it or remove en from tandem.yml",
        ])
        let (fitting, second) = try Self.project(["hugo.toml": site], targets: ["en"])
        defer { second.remove() }
        #expect(try SiteCheck(project: fitting).findings().isEmpty)
    }

    @Test func aLanguageSuffixTheSiteDoesNotKnowIsAWarning() throws {
        let (project, temporary) = try Self.project([
            "hugo.toml": "defaultContentLanguage = \"zh-cn\"\n[languages.zh-cn]\nweight = 1\n[languages.en]\nweight = 2\n",
            "content/posts/a.md": "正文。\n", "content/posts/a.zh.md": "正文。\n",
        ], targets: ["en"])
        defer { temporary.remove() }
        let findings = try SiteCheck(project: project).findings()
        #expect(findings.map(\.severity) == [.warning])
        #expect(findings.first?.file == "content/posts/a.zh.md")
        #expect(findings.first?.message.contains("did you mean .zh-cn.?") == true)
    }
}
