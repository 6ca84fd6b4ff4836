/// One line of a term base: a source term and what its translation must (or must not) be.
public struct GlossaryEntry: Equatable, Sendable {
    /// The term as it appears in source text (matched on normalized keys).
    public var source: String
    /// The required target; for `keep` entries the source itself; for `forbidden` entries the
    /// variant that must not appear.
    public var target: String
    public var kind: GlossaryEntryKind
    /// Target spellings that must not appear in translations ("Tongyi Qianwen").
    public var forbiddenVariants: [String]
    /// Whether the source matches only in exactly this case (`deepseek` vs `DeepSeek`).
    public var isCaseSensitive: Bool
    /// Part of speech, as the term base gives it (`noun`, `properNoun` …).
    public var partOfSpeech: String?
    /// OmegaT's third column: a comment shown to translators.
    public var comment: String?
    /// A longer note (why this target was chosen, sources).
    public var note: String?
    /// The Chinese script the source matches in, when only one: a script-specific entry is
    /// not folded between Traditional and Simplified (nil: it matches in both).
    public var script: ChineseScript?
    /// Text that, written right before the source, means it is part of another word: no hit
    /// (`精` for 美图, so 精美图片 is not Meitu). Matched on folded keys, as the source is.
    public var notPrecededBy: [String]
    /// Text that, written right after the source, means it is part of another word: no hit
    /// (`期` for 三星, so 三星期 "three weeks" is not Samsung; `树` for 苹果).
    public var notFollowedBy: [String]
    /// The file and line the entry was read from, for lint findings.
    public var location: SourceLocation?

    public init(
        source: String, target: String, kind: GlossaryEntryKind = .term, forbiddenVariants: [String] = [],
        isCaseSensitive: Bool = false, partOfSpeech: String? = nil, comment: String? = nil,
        note: String? = nil, script: ChineseScript? = nil, notPrecededBy: [String] = [], notFollowedBy: [String] = [], location: SourceLocation? = nil
    ) {
        self.source = source
        self.target = target
        self.kind = kind
        self.forbiddenVariants = forbiddenVariants
        self.isCaseSensitive = isCaseSensitive
        self.partOfSpeech = partOfSpeech
        self.comment = comment
        self.note = note
        self.script = script
        self.notPrecededBy = notPrecededBy
        self.notFollowedBy = notFollowedBy
        self.location = location
    }

    /// The target a translation must contain when the source term is found (`nil` for
    /// `forbidden` entries, which only forbid).
    public var requiredTarget: String? {
        switch kind {
        case .term, .admitted: return target
        case .keep: return source
        case .forbidden: return nil
        }
    }

    /// Every spelling this entry forbids in a translation.
    public var forbiddenTargets: [String] {
        kind == .forbidden ? [target] + forbiddenVariants : forbiddenVariants
    }
}
