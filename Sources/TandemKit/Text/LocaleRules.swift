import Foundation

/// The per-locale settings in `locales/<tag>.yml`.
public struct LocaleRules: Codable, Equatable, Sendable {
    /// The locale these rules are for.
    public var locale: LocaleTag
    /// Sentence segmentation on top of ICU.
    public var sentences: SentenceRules

    public init(locale: LocaleTag, sentences: SentenceRules) {
        self.locale = locale
        self.sentences = sentences
    }

    /// Rules for `locale`: `locales/<tag>.yml` under `directory` when that file exists, else the
    /// built-in rules for the locale's language, else ICU's plain rules with its suppressions.
    public static func load(for locale: LocaleTag, localesDirectory directory: URL?) throws -> LocaleRules {
        if let directory {
            let file = directory.appendingPathComponent("\(locale.identifier).yml")
            if FileManager.default.fileExists(atPath: file.path) {
                return try decode(contentsOf: file)
            }
        }
        return builtIn(for: locale)
    }

    /// Decodes a rules file with typed decoding only (no untyped YAML load).
    public static func decode(contentsOf file: URL) throws -> LocaleRules {
        try YAMLConfigurationFile.decode(LocaleRules.self, from: file)
    }

    /// The rules Tandem ships for `locale`'s language; `locales/*.yml` in this repository hold
    /// the same values (a test keeps them in step).
    public static func builtIn(for locale: LocaleTag) -> LocaleRules {
        switch locale.language {
        case "zh", "ja":
            return LocaleRules(locale: locale, sentences: .cjkDefault)
        case "en":
            return LocaleRules(locale: locale, sentences: .englishDefault)
        default:
            return LocaleRules(locale: locale, sentences: SentenceRules(
                attachMarkup: SentenceRules.markdownEmphasis, noBreakAfterListNumbers: true,
                noBreakInDecimals: true))
        }
    }
}

extension SentenceRules {
    static let markdownEmphasis = ["**", "__", "~~", "*", "_"]

    /// Chinese and Japanese news copy.
    static let cjkDefault = SentenceRules(
        icuSuppressions: true,
        noBreakInside: [["「", "」"], ["『", "』"], ["“", "”"], ["‘", "’"], ["《", "》"], ["（", "）"], ["【", "】"], ["〈", "〉"]],
        noBreakAfter: ["》", "）", "〉"],
        attachClosers: ["”", "’", "」", "』", "）", "》", "】", "〉", ")", "]", "\"", "'"],
        attachMarkup: markdownEmphasis,
        noBreakAfterListNumbers: true,
        noBreakInDecimals: true,
        abbreviations: [])

    /// English prose.
    static let englishDefault = SentenceRules(
        icuSuppressions: true,
        noBreakInside: [["“", "”"], ["(", ")"]],
        noBreakAfter: [],
        attachClosers: ["”", "’", ")", "]", "\"", "'"],
        attachMarkup: markdownEmphasis,
        noBreakAfterListNumbers: true,
        noBreakInDecimals: true,
        abbreviations: ["Dr.", "Mr.", "Mrs.", "Ms.", "Prof.", "St.", "Jr.", "Sr.", "e.g.", "i.e.", "U.S.", "U.K.", "vs.", "approx.", "No.", "Fig."])
}

extension LocaleRules {
    /// The rules as a `locales/<tag>.yml` file.
    public var yaml: String {
        func list(_ values: [String]) -> String { "[" + values.map { FrontMatterWriter.doubleQuoted($0) }.joined(separator: ", ") + "]" }
        let s = sentences
        return """
            # Sentence rules for \(locale), applied on top of ICU's sentence breaks.
            locale: \(locale)
            sentences:
              icuSuppressions: \(s.icuSuppressions)
              noBreakInside: [\(s.noBreakInside.map(list).joined(separator: ", "))]
              noBreakAfter: \(list(s.noBreakAfter))
              attachClosers: \(list(s.attachClosers))
              attachMarkup: \(list(s.attachMarkup))
              noBreakAfterListNumbers: \(s.noBreakAfterListNumbers)
              noBreakInDecimals: \(s.noBreakInDecimals)
              abbreviations: \(list(s.abbreviations))

            """
    }
}
