import Foundation
import Testing
import TandemKit
import TandemTestSupport

@Suite("Locale rules files")
struct LocaleRulesTests {
    static let locales = SharedCorpus.repositoryRoot.appendingPathComponent("locales")

    @Test(arguments: ["zh-CN", "zh-TW", "zh-HK", "zh-Hans", "zh-Hant", "en"])
    func shippedFileMatchesTheBuiltInRules(_ tag: String) throws {
        let locale = LocaleTag(tag)!
        let file = Self.locales.appendingPathComponent("\(tag).yml")
        #expect(try LocaleRules.decode(contentsOf: file) == LocaleRules.builtIn(for: locale))
    }

    @Test func aRulesFileChangesSegmentation() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-rules-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try """
            locale: en
            sentences:
              icuSuppressions: false
              abbreviations: ["Approx."]
            """.write(to: directory.appendingPathComponent("en.yml"), atomically: true, encoding: .utf8)
        let segmenter = try SentenceSegmenter(locale: LocaleTag("en")!, localesDirectory: directory)
        #expect(segmenter.sentences(in: "Approx. Ten people came. They left.").map(\.text)
                == ["Approx. Ten people came.", "They left."])
    }

    @Test func anUnknownKeyIsAnErrorNotASilentDefault() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-rules-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("en.yml")
        try "locale: en\nsentences:\n  noBreakInDecimal: true\n".write(to: file, atomically: true, encoding: .utf8)
        #expect {
            try LocaleRules.decode(contentsOf: file)
        } throws: { error in
            "\(error)".contains("unknown key 'noBreakInDecimal'")
        }
    }

    @Test func aBrokenRulesFileNamesTheKey() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-rules-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("en.yml")
        try "locale: en\nsentences:\n  icuSuppressions: maybe\n".write(to: file, atomically: true, encoding: .utf8)
        #expect {
            try LocaleRules.decode(contentsOf: file)
        } throws: { error in
            "\(error)".contains("sentences.icuSuppressions") && "\(error)".contains(file.path)
        }
    }
}

@Suite("Locale rules files, newer keys")
struct LocaleRulesNewerKeysTests {
    /// `body` with a rules file named `name` holding `yaml`, in a directory removed afterwards.
    static func withRulesFile(_ name: String, _ yaml: String, _ body: (URL) throws -> Void) throws {
        let directory = try TemporaryDirectory(prefix: "tandem-rules")
        defer { directory.remove() }
        let file = directory.url.appendingPathComponent(name)
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        try body(file)
    }

    @Test func aFileWithoutTheNewerKeysStillDecodesWithThoseRulesOff() throws {
        try Self.withRulesFile("zh-CN.yml", "locale: zh-CN\nsentences:\n  icuSuppressions: true\n  noBreakInside: [[\"“\", \"”\"]]\n") { file in
            let rules = try LocaleRules.decode(contentsOf: file).sentences
            #expect(rules.icuSuppressionsLanguage == "")
            #expect(!rules.noBreakAfterInitials && !rules.noBreakInDottedNames && !rules.noBreakAfterEllipsis)
            #expect(rules.nameDots.isEmpty && rules.attributionQuotes.isEmpty && rules.attributionVerbs.isEmpty)
            #expect(rules.interfaceText.isEmpty)
            // Such a project keeps its old cuts: the whole quote is one segment.
            let segmenter = try SentenceSegmenter(locale: LocaleTag("zh-CN")!, localesDirectory: file.deletingLastPathComponent())
            #expect(segmenter.sentences(in: "“第一点。第二点。”他说。").map(\.text) == ["“第一点。第二点。”", "他说。"])
        }
    }

    @Test(arguments: ["zh-CN", "zh-TW", "en", "fr"])
    func theWrittenRulesFileDecodesToTheSameRules(_ tag: String) throws {
        let rules = LocaleRules.builtIn(for: LocaleTag(tag)!)
        try Self.withRulesFile("\(tag).yml", rules.yaml) { file in
            let decoded = try LocaleRules.decode(contentsOf: file)
            #expect(decoded == rules)
        }
    }

    @Test func anAttributionQuoteMustBeAPair() throws {
        try Self.withRulesFile("zh-CN.yml", "locale: zh-CN\nsentences:\n  attributionQuotes: [[\"“\"]]\n") { file in
            #expect {
                try LocaleRules.decode(contentsOf: file)
            } throws: { error in
                "\(error)".contains("expected a pair")
            }
        }
    }
}
