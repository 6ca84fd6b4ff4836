import Foundation
import Testing
import TandemTestSupport
@testable import TandemKit

/// `GlossaryLintRun` on a sample project with one violation of every rule, and fixed.
@Suite("Glossary lint")
struct GlossaryLintTests {
    @Test func everyRuleHasAViolationInTheSample() throws {
        let project = try LintSampleProject(fixed: false)
        defer { project.remove() }
        #expect(Set(project.expected.map(\.rule)) == Set(LintRule.allCases.map(\.rawValue)))
    }

    @Test func sampleProjectReportsExactlyTheViolationsWithPositions() throws {
        let project = try LintSampleProject(fixed: false)
        defer { project.remove() }
        let findings = try GlossaryLintRun(workingDirectory: project.root).findings(paths: [])
        let found = findings.map {
            LintSampleProject.Expected(file: $0.location.file, line: $0.location.line, column: $0.location.column, rule: $0.rule.rawValue)
        }
        #expect(found == project.expected)
    }

    /// A pseudo-translation (`tandem pseudo`) is a layout test: its wording is linted only when
    /// asked; what build refuses (a lost placeholder) is reported either way.
    @Test(arguments: [false, true])
    func pseudoTargetsAreLintedOnlyWhenIncluded(_ includesPseudo: Bool) throws {
        let project = try LintSampleProject(fixed: true)
        defer { project.remove() }
        let pseudo = """
            {
              "formatVersion": 1,
              "source": "content/posts/p.md",
              "sourceLocale": "zh-CN",
              "targetLocale": "en",
              "segments": [
                {"id": "s1", "location": "body/p[1]/s[1]", "source": "通义千问发布了新模型。", "state": "translated", "target": "[!!! ŧǿŋɠẏî ǫîȧŋẇèŋ !!!]", "origin": "pseudo"},
                {"id": "s2", "location": "body/p[2]/s[1]", "source": "百度发布了新模型。", "state": "translated", "target": "Baidu released a model.", "origin": "human"},
                {"id": "s3", "location": "body/p[3]/s[1]", "source": "见{1/}。", "codes": {"1/": "![a](a.png)"}, "state": "translated", "target": "[!!! ʂèè !!!]", "origin": "pseudo"}
              ]
            }

            """
        try pseudo.write(to: project.root.appendingPathComponent("locales/en/posts/p.json"), atomically: true, encoding: .utf8)
        let findings = try GlossaryLintRun(workingDirectory: project.root, includesPseudo: includesPseudo).findings(paths: ["locales/en/posts/p.json"])
        #expect(findings.map(\.rule) == (includesPseudo ? [.termMissing, .placeholderLost] : [.placeholderLost]))
    }

    @Test func fixedProjectIsClean() throws {
        let project = try LintSampleProject(fixed: true)
        defer { project.remove() }
        #expect(try GlossaryLintRun(workingDirectory: project.root).findings(paths: []) == [])
    }

    @Test func targetColumnIsTheOpeningQuoteOfTheTargetValue() throws {
        let project = try LintSampleProject(fixed: false)
        defer { project.remove() }
        let findings = try GlossaryLintRun(workingDirectory: project.root).findings(paths: ["locales/en/posts/a.json"])
        let termMissing = try #require(findings.first { $0.rule == .termMissing })
        let line = try String(contentsOf: project.root.appendingPathComponent("locales/en/posts/a.json"), encoding: .utf8)
            .components(separatedBy: "\n")[termMissing.location.line - 1]
        let character = line.unicodeScalars.dropFirst(termMissing.location.column - 1).prefix(8)
        #expect(String(String.UnicodeScalarView(character)) == "\"Tongyi ")
        #expect(termMissing.message.contains("'通义千问' should be translated as 'Qwen'"))
    }

    @Test func messagesNameTheTermAndTheExpectedTarget() throws {
        let project = try LintSampleProject(fixed: false)
        defer { project.remove() }
        let findings = try GlossaryLintRun(workingDirectory: project.root).findings(paths: [])
        let messages = Dictionary(findings.map { ($0.rule, $0.message) }, uniquingKeysWith: { a, _ in a })
        #expect(messages[.forbiddenVariant] == "'Tongyi Qianwen' is a forbidden variant for '通义千问'; write 'Qwen'")
        #expect(messages[.keepAltered] == "keep-term 'Apple Intelligence' is written 'apple intelligence' in the target; keep it exactly as 'Apple Intelligence'")
        #expect(messages[.numberMissing]?.contains("'9'") == true)
        #expect(messages[.placeholderLost]?.contains("{1/}") == true)
        #expect(messages[.inconsistentTranslation]?.contains("locales/en/posts/a.json:") == true)
    }

    /// A helper's finding: the memory takes a Traditional and a Simplified copy of one sentence
    /// for one (both exact matches), but the consistency check did not: two translations of the
    /// same sentence in two scripts went unreported.
    @Test func aSentenceInBothScriptsTranslatedTwoWaysIsInconsistent() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        func file(_ post: String, _ source: String, _ target: String) -> String {
            """
            {"formatVersion": 1, "source": "content/posts/\(post).md", "sourceLocale": "zh-CN", "targetLocale": "en",
             "segments": [{"id": "s1", "location": "body/p[1]/s[1]", "source": "\(source)", "state": "translated", "target": "\(target)", "origin": "human"}]}

            """
        }
        try project.write(file("a", "苹果发布了新手机。", "Apple released a new phone."), to: "locales/en/posts/a.json")
        try project.write(file("b", "蘋果發布了新手機。", "Apple launched a new handset."), to: "locales/en/posts/b.json")
        let findings = try GlossaryLintRun(workingDirectory: project.root).findings(paths: ["locales/en/posts/a.json", "locales/en/posts/b.json"])
        #expect(findings.filter { $0.rule == .inconsistentTranslation }.map(\.location.file) == ["locales/en/posts/b.json"], "\(findings)")
    }

    @Test func glossaryFileCanSwitchRulesOff() throws {
        let project = try LintSampleProject(fixed: false)
        defer { project.remove() }
        let file = project.root.appendingPathComponent("glossaries/zh-CN/en.tsv")
        let text = try String(contentsOf: file, encoding: .utf8)
        try (text + "# lint-disable: glossary-duplicate, glossary-whitespace\n").write(to: file, atomically: true, encoding: .utf8)
        let rules = try GlossaryLintRun(workingDirectory: project.root).findings(paths: ["glossaries/zh-CN/en.tsv"]).map(\.rule)
        #expect(rules == [.glossaryOverlapContradiction, .glossaryConflictingTargets, .glossaryKeepTarget, .glossaryNotNFC])
    }

    @Test func lintDisableAllSwitchesEverySegmentRuleOff() throws {
        let linter = TranslationLinter(glossary: Glossary(entries: [GlossaryEntry(source: "百度", target: "Baidu", forbiddenVariants: ["Bai Du"])]))
        var segment = SegmentEntry(id: "1", location: "body/p[1]/s[1]", source: "百度有 3 个{1/}", target: "Bai Du", state: .translated)
        let here = SourceLocation(file: "a.json", line: 1, column: 1)
        #expect(Set(linter.lint(segment: segment, at: here).map(\.rule)) == [.termMissing, .forbiddenVariant, .numberMissing, .placeholderLost])
        segment.lintDisable = ["all"]
        #expect(linter.lint(segment: segment, at: here).isEmpty)
        segment.lintDisable = nil
        segment.target = nil
        #expect(linter.lint(segment: segment, at: here).isEmpty)  // untranslated segments are not checked
    }

    /// Helpers' findings: a forbidden spelling the source holds itself (a domain) was an error
    /// a translator could not fix, and a Traditional segment's finding named the glossary's
    /// Simplified term while the other findings named the term as the segment writes it.
    @Test func aForbiddenSpellingCopiedFromTheSourceIsAcceptedAndFindingsNameTheSourcesSpelling() {
        let linter = TranslationLinter(glossary: Glossary(entries: [
            GlossaryEntry(source: "阿里云", target: "Alibaba Cloud", forbiddenVariants: ["Aliyun"]),
            GlossaryEntry(source: "英伟达", target: "Nvidia", forbiddenVariants: ["Yingweida"]),
        ]))
        let here = SourceLocation(file: "a.json", line: 1, column: 1)
        let copied = SegmentEntry(id: "1", location: "body/p[1]/s[1]", source: "请打开 aliyun.com 的控制台。", target: "Open the console at aliyun.com.", state: .translated)
        #expect(linter.lint(segment: copied, at: here).isEmpty)
        let chosen = SegmentEntry(id: "2", location: "body/p[1]/s[1]", source: "请打开阿里云 aliyun.com 的控制台。", target: "Open the Aliyun console at aliyun.com.", state: .translated)
        #expect(linter.lint(segment: chosen, at: here).map(\.message) == [
            "'阿里云' should be translated as 'Alibaba Cloud', which is not in the target",
            "'Aliyun' is a forbidden variant for '阿里云'; write 'Alibaba Cloud'",
        ])
        let traditional = SegmentEntry(id: "3", location: "body/p[1]/s[1]", source: "英偉達發布了新晶片。", target: "Yingweida released a new chip.", state: .translated)
        #expect(linter.lint(segment: traditional, at: here).map(\.message) == [
            "'英偉達' should be translated as 'Nvidia', which is not in the target",
            "'Yingweida' is a forbidden variant for '英偉達'; write 'Nvidia'",
        ])
    }

    /// A required target written in the English plural is written: "shortcodes" uses the term
    /// "shortcode" and "companies" the term "company"; a longer word that only begins with the
    /// target ("shortcodesmith", "companyship") does not.
    @Test(arguments: [
        ("短代码", "shortcode", "Shortcodes are templates.", true),
        ("税", "tax", "The taxes rose.", true),
        ("公司", "company", "Two companies merged.", true),
        ("公司", "company", "Companyship is not a word.", false),
        ("短代码", "shortcode", "Shortcodesmith is not a word.", false),
        ("短代码", "shortcode", "Templates only.", false),
    ])
    func aTermWrittenInThePluralIsNotMissing(source: String, target: String, translation: String, accepted: Bool) {
        let linter = TranslationLinter(glossary: Glossary(entries: [GlossaryEntry(source: source, target: target)]))
        let segment = SegmentEntry(id: "1", location: "body/p[1]/s[1]", source: "\(source)。", target: translation, state: .translated)
        let rules = linter.lint(segment: segment, at: SourceLocation(file: "a.json", line: 1, column: 1)).map(\.rule)
        #expect(rules == (accepted ? [] : [.termMissing]), "\(translation)")
    }

    @Test func shippedGlossaryIsClean() throws {
        let root = SharedCorpus.repositoryRoot
        let findings = try GlossaryLintRun(workingDirectory: root).findings(paths: ["glossaries/zh-CN/en.tsv"])
        #expect(findings == [])
    }

    @Test func shippedGlossaryHasTheSeedArticleNames() throws {
        let glossary = try Glossary.read(SharedCorpus.repositoryRoot.appendingPathComponent("glossaries/zh-CN/en.tsv"))
        let targets = Dictionary(glossary.entries.map { ($0.source, $0) }, uniquingKeysWith: { a, _ in a })
        let required: [String: String] = [
            "通义千问": "Qwen", "阿里巴巴": "Alibaba", "百度": "Baidu", "腾讯": "Tencent", "字节跳动": "ByteDance",
            "库克": "Tim Cook", "蔡崇信": "Joe Tsai", "马云": "Jack Ma", "英伟达": "Nvidia", "文心一言": "ERNIE Bot",
            "智谱 AI": "Zhipu AI", "美图": "Meitu", "三星": "Samsung", "盘古": "Pangu", "安第斯": "AndesGPT",
            "港股": "Hong Kong stocks", "大 A": "China A-shares", "小 V": "Xiao V",
        ]
        for (source, target) in required { #expect(targets[source]?.target == target, "\(source)") }
        for keep in ["Qwen2.5-Max", "DeepSeek", "DeepSeek-R1", "Apple Intelligence", "AMD", "OpenAI", "Genmoji"] {
            #expect(targets[keep]?.kind == .keep, "\(keep)")
        }
        #expect(targets["通义千问"]?.forbiddenVariants.contains("Tongyi Qianwen") == true)
    }

    @Test(.enabled(if: SharedCorpus.isAvailable, Comment(rawValue: SharedCorpus.absentMessage)))
    func seedArticleTermsAreFound() throws {
        let glossary = try Glossary.read(SharedCorpus.repositoryRoot.appendingPathComponent("glossaries/zh-CN/en.tsv"))
        let text = try TextFile.readUTF8(SharedCorpus.seedPost)
        let found = Set(GlossaryMatcher(glossary: glossary).termNotes(in: text).map(\.target))
        for target in ["Qwen", "Qwen2.5-Max", "DeepSeek-R1", "Apple Intelligence", "Joe Tsai", "ERNIE Bot", "AndesGPT", "Xiao AI", "Xiao V", "China A-shares", "Hong Kong stocks", "Genmoji", "Zhipu AI"] {
            #expect(found.contains(target), "\(target)")
        }
    }
}
