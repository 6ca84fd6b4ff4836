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
    ///
    /// “” and 「」 are not in `noBreakInside`: a quote holding several sentences is cut inside
    /// like other text (one segment of six sentences is no use to a memory), its closing mark
    /// on its last sentence, and an attribution after it joins that sentence. 『』 and ‘’ (inner
    /// quotes, and titles in Traditional text) and brackets stay whole, ASCII parentheses too: Chinese
    /// typed with a Latin keyboard layout writes `云髻(鬓?)半偏`, where ICU would cut after `?)`.
    static let cjkDefault = SentenceRules(
        icuSuppressions: true,
        noBreakInside: [["『", "』"], ["‘", "’"], ["《", "》"], ["（", "）"], ["(", ")"], ["【", "】"], ["〈", "〉"]],
        noBreakAfter: ["》", "）", ")", "〉"],
        attachClosers: ["”", "’", "」", "』", "）", "》", "】", "〉", ")", "]", "\"", "'"],
        attachMarkup: markdownEmphasis,
        noBreakAfterListNumbers: true,
        noBreakInDecimals: true,
        abbreviations: latinAbbreviationsInCJK,
        icuSuppressionsLanguage: "en",
        noBreakAfterInitials: true,
        noBreakInDottedNames: true,
        nameDots: ["．"],
        noBreakAfterEllipsis: true,
        noBreakAfterQuotedPunctuation: true,
        attributionQuotes: [["“", "”"], ["「", "」"], ["『", "』"], ["‘", "’"]],
        attributionVerbs: attributionVerbsInChinese,
        interfaceText: interfaceTextInChinese)

    /// Latin abbreviations in Chinese news copy that ICU's English list lacks (company forms,
    /// titles, "No.", "vs."), and a name that ends in "!" ("Yahoo! Japan" is one company);
    /// initials such as "U.S." are `noBreakAfterInitials`'.
    static let latinAbbreviationsInCJK = [
        "Inc.", "Ltd.", "Corp.", "Co.", "Plc.", "Pte.", "Pty.", "Bhd.", "Bros.", "Prof.", "Dr.", "Mr.", "Mrs.", "Ms.",
        "Jr.", "Sr.", "St.", "Mt.", "No.", "vs.", "e.g.", "i.e.", "Gen.", "Gov.", "Sen.", "Rep.", "Fig.", "ID.",
        "Yahoo!",
    ]

    /// What ends an attribution clause in Simplified and Traditional Chinese. No bare 道 (知道)
    /// or 说明-like compounds: only the clause's last word counts.
    static let attributionVerbsInChinese = [
        "说", "說", "表示", "称", "稱", "指出", "强调", "強調", "写道", "寫道", "说道", "說道", "问道", "問道", "问", "問",
        "答道", "笑道", "喊道", "叹道", "嘆道", "回应", "回應", "透露", "坦言", "直言", "解释", "解釋", "补充", "補充",
        "回忆", "回憶", "告诉记者", "告訴記者", "问记者", "問記者", "宣布", "承认", "承認", "警告", "感叹", "感嘆",
    ]

    /// Interface strings of Chinese news pages that scraping glues to captions and prose, in
    /// Simplified (Traditional copies fold to them). Only commands that no sentence of prose
    /// would start or end with: not "图片" alone (精美图片 ends a heading), nor "图片来源"
    /// (a credit line, which has its own colon).
    static let interfaceTextInChinese = [
        "放大图片", "点击放大", "点击图片放大", "显示原图", "查看原图", "查看大图", "点击查看大图", "点击图片查看大图", "展开全文",
    ]

    /// English prose.
    static let englishDefault = SentenceRules(
        icuSuppressions: true,
        noBreakInside: [["“", "”"], ["(", ")"]],
        noBreakAfter: [],
        attachClosers: ["”", "’", ")", "]", "\"", "'"],
        attachMarkup: markdownEmphasis,
        noBreakAfterListNumbers: true,
        noBreakInDecimals: true,
        abbreviations: ["Dr.", "Mr.", "Mrs.", "Ms.", "Prof.", "St.", "Jr.", "Sr.", "e.g.", "i.e.", "U.S.", "U.K.", "vs.", "approx.", "No.", "Fig.", "Yahoo!"])
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
              icuSuppressionsLanguage: \(FrontMatterWriter.doubleQuoted(s.icuSuppressionsLanguage))
              noBreakAfterInitials: \(s.noBreakAfterInitials)
              noBreakInDottedNames: \(s.noBreakInDottedNames)
              nameDots: \(list(s.nameDots))
              noBreakAfterEllipsis: \(s.noBreakAfterEllipsis)
              noBreakAfterQuotedPunctuation: \(s.noBreakAfterQuotedPunctuation)
              attributionQuotes: [\(s.attributionQuotes.map(list).joined(separator: ", "))]
              attributionVerbs: \(list(s.attributionVerbs))
              attributionMaxLength: \(s.attributionMaxLength)
              interfaceText: \(list(s.interfaceText))

            """
    }
}
