/// Every check `tandem glossary lint` runs, by the id printed after each finding and accepted
/// in `lintDisable` lists.
public enum LintRule: String, Codable, Sendable, CaseIterable {
    // The glossary itself.
    case glossaryDuplicate = "glossary-duplicate"
    case glossaryConflictingTargets = "glossary-conflicting-targets"
    case glossaryNotNFC = "glossary-not-nfc"
    case glossaryWhitespace = "glossary-whitespace"
    case glossaryKeepTarget = "glossary-keep-target"
    case glossaryOverlapContradiction = "glossary-overlap-contradiction"
    case glossaryUnknownLocale = "glossary-unknown-locale"
    // Translations in segment files.
    case termMissing = "term-missing"
    case forbiddenVariant = "forbidden-variant"
    case keepAltered = "keep-altered"
    case numberMissing = "number-missing"
    case placeholderLost = "placeholder-lost"
    case placeholderAdded = "placeholder-added"
    case placeholderMisnested = "placeholder-misnested"
    case targetUnsafeText = "target-unsafe-text"
    case inconsistentTranslation = "inconsistent-translation"

    /// The severity a finding of this rule has.
    public var severity: LintSeverity {
        switch self {
        case .glossaryDuplicate, .glossaryWhitespace, .glossaryOverlapContradiction, .numberMissing, .inconsistentTranslation:
            return .warning
        default:
            return .error
        }
    }

    /// One line saying what the rule checks (SARIF `shortDescription`, `--help`).
    public var summary: String {
        switch self {
        case .glossaryDuplicate: return "The same entry appears twice in a glossary."
        case .glossaryConflictingTargets: return "One source term has two different targets."
        case .glossaryNotNFC: return "A glossary entry is not in Unicode NFC."
        case .glossaryWhitespace: return "A glossary entry has white space at an end, doubled, or other than U+0020."
        case .glossaryKeepTarget: return "A keep entry's target differs from its source."
        case .glossaryOverlapContradiction: return "A term inside a longer term has a target the longer one forbids, or the reverse."
        case .glossaryUnknownLocale: return "A glossary path names a locale tag that is not a known language and region."
        case .termMissing: return "A glossary term is in the source but its target is not in the translation."
        case .forbiddenVariant: return "A translation contains a forbidden target variant."
        case .keepAltered: return "A keep-term is missing from the translation or written differently."
        case .numberMissing: return "A number in the source is missing from the translation (unit conversions such as 亿 → billion understood)."
        case .placeholderLost: return "A placeholder of the source is missing from the translation."
        case .placeholderAdded: return "The translation has a placeholder the source does not, or one of the source twice."
        case .placeholderMisnested: return "A pair of placeholders closes before it opens, or crosses another pair."
        case .targetUnsafeText: return "The translation holds a NUL or control character, a blank line or a code fence, which would break the post."
        case .inconsistentTranslation: return "The same source sentence is translated two different ways."
        }
    }
}
