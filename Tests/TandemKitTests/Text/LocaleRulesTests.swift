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
