/// What a translator expects of sentence breaks beyond ICU's rules, per locale.
///
/// Read from the `sentences:` section of `locales/<tag>.yml`; `LocaleRules.builtIn` holds the
/// defaults shipped with Tandem.
public struct SentenceRules: Codable, Equatable, Sendable {
    /// Use ICU's abbreviation suppressions (`@ss=standard`): no break after "Mr." and the like.
    public var icuSuppressions: Bool
    /// Bracket and quote pairs inside which no break is made, such as `「` `」`. A pair counts only
    /// when it is closed within the same text. A quote that ends with a full stop may still end
    /// the sentence right after its closing mark.
    public var noBreakInside: [[String]]
    /// Closing marks right after which no break is made either: a book title 《…》 or a
    /// parenthesis （…） ending in "！" is part of the sentence around it.
    public var noBreakAfter: [String]
    /// Characters that stay with the sentence they close when they follow a break, also after
    /// spaces: closing quotes and brackets.
    public var attachClosers: [String]
    /// Inline markup delimiters (Markdown emphasis) that stay with the sentence when they close
    /// an emphasis opened in it.
    public var attachMarkup: [String]
    /// No break after a list number at the start of a line ("1. ", "2、", "a)").
    public var noBreakAfterListNumbers: Bool
    /// No break between a full stop and a digit (2.5, ¥0.5, 53.07%).
    public var noBreakInDecimals: Bool
    /// Extra abbreviations after which no break is made, case-sensitive ("e.g.", "Dr.").
    public var abbreviations: [String]
    /// The language whose ICU abbreviation list (`icuSuppressions`) applies, when not the
    /// locale's own: ICU has none for Chinese, whose news copy holds English names ("Inc.").
    /// Empty for the locale's own list. ICU's sentence rules are the same for every language
    /// this is used with (the root rules), so only the list changes.
    public var icuSuppressionsLanguage: String
    /// No break after an initial: a single capital letter and a full stop, not preceded by a
    /// letter ("J. P. Morgan", "J.K. 罗琳", the last letter of "U.S.").
    public var noBreakAfterInitials: Bool
    /// No break between a full stop and a Latin letter or digit right after it, as in tickers
    /// and names (03690.HK, AAPL.O, .NET, Node.js, example.com).
    public var noBreakInDottedNames: Bool
    /// Dots between the parts of a name (穆吉塔巴．哈米尼): no break after one that is followed
    /// directly by a letter.
    public var nameDots: [String]
    /// An ellipsis ("...", "..", "。。。" or "…") followed by more text does not end the sentence,
    /// unless a space and a capital Latin letter follow (a new Latin sentence). ICU never breaks
    /// after "…"; this makes the others behave the same.
    public var noBreakAfterEllipsis: Bool
    /// A `?`, `!` or `.` written right after an opening quote (`"?."`, `“？”`) is quoted
    /// punctuation, an operator or a mark talked about, not a sentence's end: no break after it.
    public var noBreakAfterQuotedPunctuation: Bool
    /// Quote pairs `[open, close]` after which an attribution ("他说。") stays in the quote's
    /// sentence, unless the quote already has one before it ("他说：“…。”").
    public var attributionQuotes: [[String]]
    /// Words that end an attribution clause (说, 表示, 写道): a break after a closing quote is
    /// not made when a clause of at most `attributionMaxLength` characters follows and ends
    /// with one of them before ，：。 or a new quote ("“…。”他说。", "“…。”他说，“…”").
    public var attributionVerbs: [String]
    /// How many characters after the closing quote are searched for an attribution.
    public var attributionMaxLength: Int
    /// Interface strings that scraped pages glue to the prose ("放大图片", "显示原图"): one at a
    /// sentence's start or end, with no punctuation between it and the rest, becomes a sentence
    /// of its own, so every copy of it is the same segment (a repeat). Matched whole, longest
    /// first, with Traditional characters folded to Simplified (one list serves both scripts),
    /// and cut only on an ICU word boundary; never in the middle of a sentence.
    public var interfaceText: [String]

    public init(
        icuSuppressions: Bool = true, noBreakInside: [[String]] = [], noBreakAfter: [String] = [],
        attachClosers: [String] = [],
        attachMarkup: [String] = [], noBreakAfterListNumbers: Bool = false,
        noBreakInDecimals: Bool = false, abbreviations: [String] = [],
        icuSuppressionsLanguage: String = "", noBreakAfterInitials: Bool = false,
        noBreakInDottedNames: Bool = false, nameDots: [String] = [], noBreakAfterEllipsis: Bool = false,
        noBreakAfterQuotedPunctuation: Bool = false,
        attributionQuotes: [[String]] = [], attributionVerbs: [String] = [],
        attributionMaxLength: Int = SentenceRules.defaultAttributionMaxLength, interfaceText: [String] = []
    ) {
        self.icuSuppressions = icuSuppressions
        self.noBreakInside = noBreakInside
        self.noBreakAfter = noBreakAfter
        self.attachClosers = attachClosers
        self.attachMarkup = attachMarkup
        self.noBreakAfterListNumbers = noBreakAfterListNumbers
        self.noBreakInDecimals = noBreakInDecimals
        self.abbreviations = abbreviations
        self.icuSuppressionsLanguage = icuSuppressionsLanguage
        self.noBreakAfterInitials = noBreakAfterInitials
        self.noBreakInDottedNames = noBreakInDottedNames
        self.nameDots = nameDots
        self.noBreakAfterEllipsis = noBreakAfterEllipsis
        self.noBreakAfterQuotedPunctuation = noBreakAfterQuotedPunctuation
        self.attributionQuotes = attributionQuotes
        self.attributionVerbs = attributionVerbs
        self.attributionMaxLength = attributionMaxLength
        self.interfaceText = interfaceText
    }

    /// Long enough for "该公司发言人在周二发布的声明中表示", short enough not to reach into a
    /// sentence that merely ends in a speech verb.
    public static let defaultAttributionMaxLength = 30

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case icuSuppressions, noBreakInside, noBreakAfter, attachClosers, attachMarkup
        case noBreakAfterListNumbers, noBreakInDecimals, abbreviations
        case icuSuppressionsLanguage, noBreakAfterInitials, noBreakInDottedNames, nameDots, noBreakAfterEllipsis
        case noBreakAfterQuotedPunctuation
        case attributionQuotes, attributionVerbs, attributionMaxLength, interfaceText
    }

    /// Decodes a `sentences:` section: a missing key takes its default (off or empty), an
    /// unknown key is an error, so a typo never silently switches a rule off.
    public init(from decoder: Decoder) throws {
        try YAMLConfigurationFile.rejectUnknownKeys(decoder, known: CodingKeys.allCases.map(\.rawValue))
        let keyed = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            icuSuppressions: try keyed.decodeIfPresent(Bool.self, forKey: .icuSuppressions) ?? false,
            noBreakInside: try keyed.decodeIfPresent([[String]].self, forKey: .noBreakInside) ?? [],
            noBreakAfter: try keyed.decodeIfPresent([String].self, forKey: .noBreakAfter) ?? [],
            attachClosers: try keyed.decodeIfPresent([String].self, forKey: .attachClosers) ?? [],
            attachMarkup: try keyed.decodeIfPresent([String].self, forKey: .attachMarkup) ?? [],
            noBreakAfterListNumbers: try keyed.decodeIfPresent(Bool.self, forKey: .noBreakAfterListNumbers) ?? false,
            noBreakInDecimals: try keyed.decodeIfPresent(Bool.self, forKey: .noBreakInDecimals) ?? false,
            abbreviations: try keyed.decodeIfPresent([String].self, forKey: .abbreviations) ?? [],
            icuSuppressionsLanguage: try keyed.decodeIfPresent(String.self, forKey: .icuSuppressionsLanguage) ?? "",
            noBreakAfterInitials: try keyed.decodeIfPresent(Bool.self, forKey: .noBreakAfterInitials) ?? false,
            noBreakInDottedNames: try keyed.decodeIfPresent(Bool.self, forKey: .noBreakInDottedNames) ?? false,
            nameDots: try keyed.decodeIfPresent([String].self, forKey: .nameDots) ?? [],
            noBreakAfterEllipsis: try keyed.decodeIfPresent(Bool.self, forKey: .noBreakAfterEllipsis) ?? false,
            noBreakAfterQuotedPunctuation: try keyed.decodeIfPresent(Bool.self, forKey: .noBreakAfterQuotedPunctuation) ?? false,
            attributionQuotes: try keyed.decodeIfPresent([[String]].self, forKey: .attributionQuotes) ?? [],
            attributionVerbs: try keyed.decodeIfPresent([String].self, forKey: .attributionVerbs) ?? [],
            attributionMaxLength: try keyed.decodeIfPresent(Int.self, forKey: .attributionMaxLength)
                ?? Self.defaultAttributionMaxLength,
            interfaceText: try keyed.decodeIfPresent([String].self, forKey: .interfaceText) ?? [])
        for (key, pairs) in [(CodingKeys.noBreakInside, noBreakInside), (.attributionQuotes, attributionQuotes)] {
            for (index, pair) in pairs.enumerated() where pair.count != 2 {
                throw DecodingError.dataCorrupted(.init(
                    codingPath: decoder.codingPath + [key, AnyCodingKey(intValue: index)],
                    debugDescription: "expected a pair [open, close], found \(pair.count) strings"))
            }
        }
    }

    /// ICU's root rules and nothing else: what the Unicode conformance test checks.
    public static let plainICU = SentenceRules(icuSuppressions: false)
}
