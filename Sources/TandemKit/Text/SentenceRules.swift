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

    public init(
        icuSuppressions: Bool = true, noBreakInside: [[String]] = [], noBreakAfter: [String] = [],
        attachClosers: [String] = [],
        attachMarkup: [String] = [], noBreakAfterListNumbers: Bool = false,
        noBreakInDecimals: Bool = false, abbreviations: [String] = []
    ) {
        self.icuSuppressions = icuSuppressions
        self.noBreakInside = noBreakInside
        self.noBreakAfter = noBreakAfter
        self.attachClosers = attachClosers
        self.attachMarkup = attachMarkup
        self.noBreakAfterListNumbers = noBreakAfterListNumbers
        self.noBreakInDecimals = noBreakInDecimals
        self.abbreviations = abbreviations
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case icuSuppressions, noBreakInside, noBreakAfter, attachClosers, attachMarkup
        case noBreakAfterListNumbers, noBreakInDecimals, abbreviations
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
            abbreviations: try keyed.decodeIfPresent([String].self, forKey: .abbreviations) ?? [])
        for (index, pair) in noBreakInside.enumerated() where pair.count != 2 {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath + [CodingKeys.noBreakInside, AnyCodingKey(intValue: index)],
                debugDescription: "expected a pair [open, close], found \(pair.count) strings"))
        }
    }

    /// ICU's root rules and nothing else: what the Unicode conformance test checks.
    public static let plainICU = SentenceRules(icuSuppressions: false)
}
